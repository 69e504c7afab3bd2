// Global procedure catalogue (categories + procedures): botox and filler here, skin boosters in
// procedures-boosters.data.ts, energy devices and care in procedures-devices.data.ts. Side effects follow Korean dermatology consent forms.
import { BOOSTER_PROCEDURES } from './procedures-boosters.data';
import { DEVICE_PROCEDURES } from './procedures-devices.data';

export interface CategorySeed {
  slug: string;
  nameKo: string;
  nameEn: string;
  nameJa: string;
  nameZh: string;
  sortOrder: number;
}

export interface ProcedureSeed {
  slug: string;
  categorySlug: string;
  nameKo: string;
  nameEn: string;
  nameJa: string;
  nameZh: string;
  nameVi: string;
  descriptionKo: string;
  descriptionEn: string;
  effectsKo: string;
  durationMinutes: number;
  effectDuration: string;
  downtimeDays: number;
  minIntervalDays: number;
  commonSideEffects: string;
  rareSideEffects: string;
  dangerousSideEffects: string;
  precautionsBefore: string;
  precautionsDuring: string;
  precautionsAfter: string;
  painLevel: number;
  painType: string;
  anesthesiaOptions: string;
}

export const CATEGORIES: CategorySeed[] = [
  { slug: 'botox', nameKo: '보톡스', nameEn: 'Botox', nameJa: 'ボトックス', nameZh: '肉毒素', sortOrder: 1 },
  { slug: 'filler', nameKo: '필러', nameEn: 'Filler', nameJa: 'ヒアルロン酸フィラー', nameZh: '玻尿酸填充', sortOrder: 2 },
  { slug: 'lifting', nameKo: '리프팅', nameEn: 'Lifting', nameJa: 'リフトアップ', nameZh: '提升紧致', sortOrder: 3 },
  { slug: 'laser', nameKo: '레이저', nameEn: 'Laser', nameJa: 'レーザー', nameZh: '激光', sortOrder: 4 },
  { slug: 'skin-booster', nameKo: '스킨부스터', nameEn: 'Skin booster', nameJa: 'スキンブースター', nameZh: '水光·皮肤再生注射', sortOrder: 5 },
  { slug: 'skincare', nameKo: '피부관리', nameEn: 'Skin care', nameJa: 'スキンケア', nameZh: '皮肤管理', sortOrder: 6 },
  { slug: 'contouring', nameKo: '윤곽', nameEn: 'Contouring', nameJa: '輪郭', nameZh: '轮廓', sortOrder: 7 },
];

const BOTOX_DANGER =
  '드물게 독소가 주변 근육으로 퍼져 연하곤란(삼킴 곤란), 발음 장애, 호흡곤란이 생길 수 있으며 이 경우 즉시 응급 진료가 필요합니다. 아나필락시스 등 중증 알레르기 반응.';
const FILLER_DANGER =
  '필러가 혈관 안으로 들어가거나 혈관을 압박하면 혈관 폐색이 생겨 피부 괴사가 일어날 수 있고, 눈으로 가는 혈관이 막히면 드물게 실명에 이를 수 있습니다. 시술 중·후 심한 통증, 피부가 하얗게 또는 보랏빛으로 변하거나 시야 이상이 생기면 즉시 병원에 알려야 하며 히알루로니다제로 응급 처치합니다.';
const BOTOX_BEFORE =
  '임신·수유 중, 신경근육 질환(중증근무력증 등)이 있으면 시술할 수 없습니다. 2주 이내 다른 보톡스 시술 이력, 복용 중인 약(항생제 중 아미노글리코사이드 등)을 알려 주세요.';
const BOTOX_AFTER =
  '시술 당일 시술 부위를 문지르거나 마사지하지 말고 4시간 동안 눕지 마세요. 당일 음주·사우나·격한 운동은 피해 주세요. 효과는 3~7일 후 나타나며 2주 후 경과를 확인합니다.';
const FILLER_BEFORE =
  '시술 1주 전부터 아스피린·오메가3·비타민E 등 출혈을 늘리는 약과 영양제는 의사와 상의 후 중단해 주세요. 헤르페스(입술 물집) 병력, 이전 필러·실리프팅 이력을 알려 주세요.';
const FILLER_AFTER =
  '2주 동안 시술 부위를 누르거나 마사지하지 말고, 사우나·찜질방·음주는 1주간 피해 주세요. 통증이 점점 심해지거나 피부색이 변하면 즉시 연락 주세요. 다음 날부터 세안·화장 가능합니다.';

const INJECTABLES: ProcedureSeed[] = [
  {
    slug: 'forehead-botox',
    categorySlug: 'botox',
    nameKo: '이마 보톡스',
    nameEn: 'Forehead Botox',
    nameJa: '額ボトックス',
    nameZh: '额头肉毒素',
    nameVi: 'Botox trán',
    descriptionKo: '이마 근육(전두근)의 움직임을 줄여 가로 주름을 완화하는 시술입니다. 국산(나보타·보툴렉스)과 수입(보톡스·제오민) 중 선택할 수 있습니다.',
    descriptionEn:
      'Relaxes the frontalis muscle to soften horizontal forehead lines. Korean (Nabota, Botulax) or imported (Botox, Xeomin) toxins are available.',
    effectsKo: '이마 가로 주름 완화, 표정 주름 예방',
    durationMinutes: 10,
    effectDuration: '3~6개월',
    downtimeDays: 0,
    minIntervalDays: 90,
    commonSideEffects: '주사 부위 붉어짐, 작은 멍, 일시적 두통, 이마 당김감',
    rareSideEffects: '눈썹 처짐, 눈꺼풀 처짐(안검하수), 눈썹 모양 비대칭(메피스토 눈썹)',
    dangerousSideEffects: BOTOX_DANGER,
    precautionsBefore: BOTOX_BEFORE,
    precautionsDuring: '시술 중 눈썹을 움직여 보라는 안내에 따라 주시면 정확한 위치에 주입할 수 있습니다.',
    precautionsAfter: BOTOX_AFTER,
    painLevel: 2,
    painType: '따끔한 주사 통증',
    anesthesiaOptions: '아이스 쿨링, 마취 크림(선택)',
  },
  {
    slug: 'jaw-botox',
    categorySlug: 'botox',
    nameKo: '사각턱 보톡스',
    nameEn: 'Jaw (masseter) Botox',
    nameJa: 'エラボトックス',
    nameZh: '瘦脸针（咬肌肉毒素）',
    nameVi: 'Botox gọn hàm',
    descriptionKo: '발달한 깨물근(저작근)에 보톡스를 주입해 근육 부피를 줄이고 갸름한 얼굴 라인을 만드는 시술입니다. 이갈이·이 악물기 완화에도 도움이 됩니다.',
    descriptionEn: 'Injects toxin into enlarged masseter muscles to slim the lower face; also helps with teeth grinding and clenching.',
    effectsKo: '턱 라인 슬림, 이갈이·턱 근육 긴장 완화',
    durationMinutes: 10,
    effectDuration: '4~6개월 (반복 시 더 길어짐)',
    downtimeDays: 0,
    minIntervalDays: 90,
    commonSideEffects: '씹을 때 힘이 빠지는 느낌(2~4주), 주사 부위 멍, 뻐근함',
    rareSideEffects: '웃을 때 비대칭, 볼 꺼짐, 내성 발생(잦은 반복 시)',
    dangerousSideEffects: BOTOX_DANGER,
    precautionsBefore: BOTOX_BEFORE,
    precautionsDuring: '어금니를 꽉 물어 근육 위치를 확인한 뒤 주입합니다.',
    precautionsAfter: BOTOX_AFTER + ' 2주간 질긴 음식(오징어, 껌 등)은 피해 주세요.',
    painLevel: 3,
    painType: '뻐근한 주사 통증',
    anesthesiaOptions: '아이스 쿨링, 마취 크림(선택)',
  },
  {
    slug: 'skin-botox',
    categorySlug: 'botox',
    nameKo: '스킨보톡스',
    nameEn: 'Skin Botox (micro Botox)',
    nameJa: 'スキンボトックス',
    nameZh: '皮肤肉毒素（微滴注射）',
    nameVi: 'Skin Botox (vi tiêm botox)',
    descriptionKo: '희석한 보톡스를 피부 진피층에 미세하게 여러 번 주입해 모공·잔주름·피지 분비를 개선하고 얼굴 라인을 정리하는 시술입니다.',
    descriptionEn: 'Diluted toxin injected as micro-droplets into the dermis to refine pores, fine lines and oil production and tighten the contour.',
    effectsKo: '모공 축소, 피지 감소, 잔주름 개선, 피부결 정돈, 리프팅감',
    durationMinutes: 20,
    effectDuration: '2~3개월',
    downtimeDays: 1,
    minIntervalDays: 60,
    commonSideEffects: '주사 자국으로 인한 오돌토돌함(수 시간~1일), 붉어짐, 작은 멍',
    rareSideEffects: '표정 어색함, 입꼬리 움직임 약화',
    dangerousSideEffects: BOTOX_DANGER,
    precautionsBefore: BOTOX_BEFORE,
    precautionsDuring: '마취 크림을 바른 뒤 미세 주사로 얼굴 전체에 고르게 주입합니다.',
    precautionsAfter: BOTOX_AFTER,
    painLevel: 4,
    painType: '촘촘한 따끔거림',
    anesthesiaOptions: '마취 크림(기본), 아이스 쿨링',
  },
  {
    slug: 'nose-filler',
    categorySlug: 'filler',
    nameKo: '코 필러',
    nameEn: 'Nose filler',
    nameJa: '鼻ヒアルロン酸',
    nameZh: '鼻部玻尿酸',
    nameVi: 'Tiêm filler mũi',
    descriptionKo: '히알루론산 필러로 콧대와 코끝을 높여 수술 없이 코 라인을 정돈하는 시술입니다.',
    descriptionEn: 'Hyaluronic acid filler raises the nasal bridge and tip for a non-surgical nose contour.',
    effectsKo: '콧대 높임, 매부리 보정, 코끝 정리',
    durationMinutes: 20,
    effectDuration: '6~12개월',
    downtimeDays: 1,
    minIntervalDays: 180,
    commonSideEffects: '붓기, 멍, 주사 부위 압통',
    rareSideEffects: '필러 뭉침·비대칭, 결절, 감염, 시간이 지나며 퍼짐',
    dangerousSideEffects: FILLER_DANGER + ' 코는 혈관이 많아 다른 부위보다 위험도가 높습니다.',
    precautionsBefore: FILLER_BEFORE + ' 코 성형(보형물) 이력이 있으면 꼭 알려 주세요.',
    precautionsDuring: '캐뉼라(뭉툭한 바늘)를 사용하며, 주입 중 통증·피부색을 계속 확인합니다.',
    precautionsAfter: FILLER_AFTER + ' 2주간 안경 착용과 엎드려 자는 것을 피해 주세요.',
    painLevel: 3,
    painType: '뻐근한 압박감',
    anesthesiaOptions: '마취 크림, 리도카인 함유 필러',
  },
  {
    slug: 'lip-filler',
    categorySlug: 'filler',
    nameKo: '입술 필러',
    nameEn: 'Lip filler',
    nameJa: '唇ヒアルロン酸',
    nameZh: '唇部玻尿酸',
    nameVi: 'Tiêm filler môi',
    descriptionKo: '얇거나 비대칭인 입술에 히알루론산을 주입해 볼륨과 라인을 자연스럽게 만드는 시술입니다.',
    descriptionEn: 'Adds natural volume and definition to thin or uneven lips with hyaluronic acid.',
    effectsKo: '입술 볼륨, 입꼬리 라인, 입술 주름 개선',
    durationMinutes: 20,
    effectDuration: '6~9개월',
    downtimeDays: 2,
    minIntervalDays: 180,
    commonSideEffects: '붓기(2~3일, 다른 부위보다 큼), 멍, 뻐근함',
    rareSideEffects: '결절·뭉침, 헤르페스 재발, 비대칭',
    dangerousSideEffects: FILLER_DANGER,
    precautionsBefore: FILLER_BEFORE,
    precautionsDuring: '입술은 통증이 큰 부위라 마취 크림과 치과용 국소마취(선택)를 사용합니다.',
    precautionsAfter: FILLER_AFTER + ' 당일에는 빨대 사용과 뜨거운 음식을 피해 주세요.',
    painLevel: 5,
    painType: '예민한 찌르는 통증',
    anesthesiaOptions: '마취 크림, 리도카인 함유 필러, 국소 신경차단 마취(선택)',
  },
  {
    slug: 'nasolabial-filler',
    categorySlug: 'filler',
    nameKo: '팔자 필러',
    nameEn: 'Nasolabial fold filler',
    nameJa: 'ほうれい線ヒアルロン酸',
    nameZh: '法令纹玻尿酸',
    nameVi: 'Tiêm filler rãnh mũi má',
    descriptionKo: '깊어진 팔자 주름(비순구)을 히알루론산으로 채워 얼굴을 생기 있고 어려 보이게 하는 시술입니다.',
    descriptionEn: 'Fills deep nasolabial folds with hyaluronic acid for a fresher, younger look.',
    effectsKo: '팔자 주름 완화, 중안면 볼륨 보충',
    durationMinutes: 20,
    effectDuration: '9~12개월',
    downtimeDays: 1,
    minIntervalDays: 180,
    commonSideEffects: '붓기, 멍, 웃을 때 이물감(1~2주)',
    rareSideEffects: '뭉침·결절, 과교정, 틴들 현상(푸르스름해 보임)',
    dangerousSideEffects: FILLER_DANGER + ' 팔자 부위는 안면동맥이 지나가 혈관 폐색 위험이 있는 부위입니다.',
    precautionsBefore: FILLER_BEFORE,
    precautionsDuring: '캐뉼라로 깊은 층에 주입하며 피부색 변화를 계속 확인합니다.',
    precautionsAfter: FILLER_AFTER,
    painLevel: 3,
    painType: '뻐근한 압박감',
    anesthesiaOptions: '마취 크림, 리도카인 함유 필러',
  },
];

export const PROCEDURES: ProcedureSeed[] = [...INJECTABLES, ...BOOSTER_PROCEDURES, ...DEVICE_PROCEDURES];
