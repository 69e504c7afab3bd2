// Skin boosters and contour injection.
import type { ProcedureSeed } from './procedures.data';

const BOOSTER_BEFORE = '시술 1주 전부터 아스피린·오메가3 등 출혈을 늘리는 약과 영양제는 의사와 상의해 주세요. 피부에 염증성 여드름·헤르페스가 있거나 임신·수유 중이면 미리 알려 주세요.';
const BOOSTER_AFTER = '엠보(주사 자국)는 보통 하루 안에 가라앉습니다. 당일은 세안·화장을 피하고, 3일간 사우나·음주·격한 운동을 삼가 주세요. 자외선 차단제를 꼭 발라 주세요.';
const INJECTION_DANGER = '드물게 주사 부위 감염·농양, 중증 알레르기 반응(아나필락시스)이 생길 수 있습니다. 주사 부위가 점점 붓고 뜨거워지거나 고름이 생기면 즉시 내원해야 합니다.';

export const BOOSTER_PROCEDURES: ProcedureSeed[] = [
  {
    slug: 'rejuran-healer', categorySlug: 'skin-booster',
    nameKo: '리쥬란힐러', nameEn: 'Rejuran Healer', nameJa: 'リジュラン', nameZh: '丽珠兰（婴儿针）', nameVi: 'Rejuran Healer',
    descriptionKo: '연어에서 추출한 PN(폴리뉴클레오타이드) 성분을 진피에 주입해 손상된 피부 재생을 돕고 피부 두께·탄력을 개선하는 스킨부스터입니다.',
    descriptionEn: 'Salmon-derived PN (polynucleotide) injected into the dermis to repair damaged skin and improve thickness and elasticity.',
    effectsKo: '피부 재생, 탄력·결 개선, 잔주름·모공 개선, 여드름 흉터 완화',
    durationMinutes: 30, effectDuration: '3회 시술 후 6개월 이상', downtimeDays: 2, minIntervalDays: 21,
    commonSideEffects: '엠보(오돌토돌한 주사 자국) 1~2일, 붉어짐, 작은 멍',
    rareSideEffects: '주사 부위 결절, 색소 침착, 연어 성분 알레르기 반응',
    dangerousSideEffects: INJECTION_DANGER + ' 생선(연어) 알레르기가 있으면 시술할 수 없습니다.',
    precautionsBefore: BOOSTER_BEFORE + ' 생선 알레르기 여부를 꼭 알려 주세요.',
    precautionsDuring: '마취 크림을 40분 정도 바른 뒤 얼굴 전체에 촘촘히 주입합니다.',
    precautionsAfter: BOOSTER_AFTER,
    painLevel: 6, painType: '촘촘하고 뻐근한 주사 통증', anesthesiaOptions: '마취 크림(기본), 아이스 쿨링, 수면마취(선택)',
  },
  {
    slug: 'juvelook', categorySlug: 'skin-booster',
    nameKo: '쥬베룩', nameEn: 'Juvelook', nameJa: 'ジュベルック', nameZh: 'Juvelook（童颜针）', nameVi: 'Juvelook',
    descriptionKo: 'PDLLA와 히알루론산 성분으로 자가 콜라겐 생성을 유도해 피부 볼륨과 탄력을 서서히 회복시키는 콜라겐 부스터입니다.',
    descriptionEn: 'A PDLLA + hyaluronic acid collagen booster that gradually restores volume and elasticity by stimulating your own collagen.',
    effectsKo: '콜라겐 생성, 꺼진 피부 볼륨, 모공·흉터 개선, 피부 탄력',
    durationMinutes: 30, effectDuration: '2~3회 시술 후 1년 이상', downtimeDays: 2, minIntervalDays: 28,
    commonSideEffects: '엠보 1~3일, 붓기, 멍',
    rareSideEffects: '피부 아래 작은 결절(구진), 비대칭',
    dangerousSideEffects: INJECTION_DANGER,
    precautionsBefore: BOOSTER_BEFORE,
    precautionsDuring: '마취 크림 후 미세 주사 또는 캐뉼라로 주입합니다.',
    precautionsAfter: BOOSTER_AFTER + ' 결절 예방을 위해 3일간 안내드린 방법대로 가볍게 마사지해 주세요.',
    painLevel: 5, painType: '뻐근한 주사 통증', anesthesiaOptions: '마취 크림(기본), 아이스 쿨링',
  },
  {
    slug: 'water-glow-injection', categorySlug: 'skin-booster',
    nameKo: '물광주사', nameEn: 'Hydrating glow injection', nameJa: '水光注射', nameZh: '水光针', nameVi: 'Tiêm căng bóng (thủy quang)',
    descriptionKo: '비가교 히알루론산을 피부 진피층에 고르게 주입해 속건조를 개선하고 촉촉하고 윤기 있는 피부를 만드는 시술입니다.',
    descriptionEn: 'Non-crosslinked hyaluronic acid delivered evenly into the dermis for deep hydration and a dewy glow.',
    effectsKo: '속보습, 피부 광채, 잔주름 완화',
    durationMinutes: 20, effectDuration: '1~2개월 (3회 반복 시 3~4개월)', downtimeDays: 1, minIntervalDays: 14,
    commonSideEffects: '엠보, 붉어짐, 작은 멍',
    rareSideEffects: '주사 부위 결절, 일시적 가려움',
    dangerousSideEffects: INJECTION_DANGER,
    precautionsBefore: BOOSTER_BEFORE,
    precautionsDuring: '마취 크림 후 주입기(인젝터)로 얼굴 전체에 일정한 깊이로 주입합니다.',
    precautionsAfter: BOOSTER_AFTER,
    painLevel: 4, painType: '따끔한 주사 통증', anesthesiaOptions: '마취 크림(기본), 아이스 쿨링',
  },
  {
    slug: 'contour-injection', categorySlug: 'contouring',
    nameKo: '윤곽주사', nameEn: 'Contour (fat-dissolving) injection', nameJa: '脂肪溶解注射（輪郭注射）', nameZh: '溶脂针（轮廓针）', nameVi: 'Tiêm tan mỡ tạo đường viền',
    descriptionKo: '지방 분해 성분을 턱살·볼살·이중턱에 주입해 국소 지방을 줄이고 얼굴 윤곽을 매끄럽게 정리하는 시술입니다.',
    descriptionEn: 'Fat-dissolving solution injected into jowls, cheeks or double chin to reduce localized fat and smooth the contour.',
    effectsKo: '이중턱·턱살 감소, 얼굴 라인 정리, 붓기 개선',
    durationMinutes: 15, effectDuration: '3~5회 시술 후 유지(체중 변화에 따라 다름)', downtimeDays: 2, minIntervalDays: 7,
    commonSideEffects: '붓기(1~3일), 열감·화끈거림, 멍, 뻐근함',
    rareSideEffects: '피부 아래 단단한 결절, 일시적 감각 저하, 비대칭',
    dangerousSideEffects: INJECTION_DANGER + ' 드물게 얼굴신경 주변 주입 시 일시적인 입꼬리 움직임 저하가 생길 수 있습니다.',
    precautionsBefore: '임신·수유 중이거나 간·신장 질환이 있으면 시술할 수 없습니다. 복용 중인 약을 알려 주세요.',
    precautionsDuring: '지방층에 정확히 주입하기 위해 피부를 살짝 집어 올려 주입합니다.',
    precautionsAfter: '붓기가 있을 때 냉찜질을 하고, 3일간 음주·사우나를 피해 주세요. 물을 충분히 드시면 효과에 도움이 됩니다.',
    painLevel: 4, painType: '화끈거리는 열감', anesthesiaOptions: '아이스 쿨링, 리도카인 혼합(선택)',
  },
];
