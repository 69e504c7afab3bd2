import { compileLexicon, normalizeForLexicon } from '@hub/ai';
import type { LangCode, PerLang } from '../lang';

/**
 * Procedures customers of aesthetic clinics ask for that a clinic may not offer (surgery, hair removal,
 * thread lifts …): their names per language, and the catalogue slugs that would mean the clinic does
 * offer it. A request for one of these, naming nothing the clinic offers, is answered "not offered"
 * instead of with the facts of whatever procedure ranked nearest.
 * Latin entries without diacritics (the text is normalised: Vietnamese typed either way matches).
 */
interface OtherProcedure {
  key: string;
  name: PerLang;
  forms: readonly string[];
  /** Catalogue slugs that are this procedure: a clinic offering one of them offers it. */
  slugs: readonly string[];
}

export const OTHER_PROCEDURES: readonly OtherProcedure[] = [
  {
    key: 'liposuction',
    name: { ko: '지방흡입', ja: '脂肪吸引', en: 'liposuction', zh: '吸脂', 'zh-TW': '抽脂', vi: 'hút mỡ' },
    forms: ['지방흡입', '지방 흡입', '지흡', '脂肪吸引', 'liposuction', 'lipo', 'lipo suction', '吸脂', '抽脂', '抽脂肪', 'hut mo', 'xisi', 'chouzhi'],
    slugs: ['liposuction'],
  },
  {
    key: 'hair_removal',
    name: { ko: '제모', ja: '脱毛', en: 'hair removal', zh: '脱毛', 'zh-TW': '除毛', vi: 'triệt lông' },
    forms: ['제모', '레이저 제모', '脱毛', '脫毛', '除毛', 'hair removal', 'laser hair', 'waxing', 'triet long', 'tay long', 'datsumou', 'datsumo'],
    slugs: ['hair-removal', 'laser-hair-removal'],
  },
  {
    key: 'thread_lift',
    name: { ko: '실리프팅', ja: '糸リフト', en: 'thread lift', zh: '线雕', 'zh-TW': '埋線拉提', vi: 'căng chỉ' },
    forms: [
      '실리프팅',
      '실 리프팅',
      '민트실',
      '糸リフト',
      'スレッドリフト',
      'thread lift*',
      'pdo thread*',
      '线雕',
      '線雕',
      '埋线',
      '埋線',
      'cang chi',
      'nang co bang chi',
      'ito rifuto',
    ],
    slugs: ['thread-lift'],
  },
  {
    key: 'double_eyelid',
    name: { ko: '쌍꺼풀 수술', ja: '二重整形', en: 'double eyelid surgery', zh: '双眼皮手术', 'zh-TW': '雙眼皮手術', vi: 'phẫu thuật cắt mí' },
    forms: [
      '쌍꺼풀',
      '쌍수',
      '눈매교정',
      '二重整形',
      '二重手術',
      '二重まぶた',
      '埋没法',
      '切開法',
      'double eyelid',
      'blepharoplasty',
      'eyelid surgery',
      '双眼皮',
      '雙眼皮',
      '割眼皮',
      'cat mi',
      'nhan mi',
      'bam mi',
    ],
    slugs: ['double-eyelid'],
  },
  {
    key: 'cosmetic_surgery',
    name: { ko: '성형수술', ja: '美容整形手術', en: 'cosmetic surgery', zh: '整形手术', 'zh-TW': '整形手術', vi: 'phẫu thuật thẩm mỹ' },
    forms: [
      '성형수술',
      '성형 수술',
      '코성형',
      '코 성형',
      '코수술',
      '가슴성형',
      '가슴 수술',
      '양악',
      '안면윤곽 수술',
      '整形手術',
      '鼻整形',
      '豊胸',
      '骨切り',
      'rhinoplasty',
      'nose job',
      'breast augmentation',
      'breast implant*',
      'boob job',
      'jaw surgery',
      'plastic surgery',
      'cosmetic surgery',
      'facelift surgery',
      '整形手术',
      '隆鼻手术',
      '隆鼻手術',
      '隆胸',
      '削骨',
      '磨骨',
      'phau thuat tham my',
      'phau thuat nang mui',
      'nang nguc',
      'got ham',
      'phau thuat ham',
    ],
    slugs: ['rhinoplasty', 'breast-augmentation'],
  },
  {
    key: 'exosome',
    name: { ko: '엑소좀', ja: 'エクソソーム', en: 'exosome treatment', zh: '外泌体', 'zh-TW': '外泌體', vi: 'exosome' },
    forms: ['엑소좀', 'エクソソーム', 'exosome*', '外泌体', '外泌體'],
    slugs: ['exosome'],
  },
  {
    key: 'tattoo_removal',
    name: { ko: '문신 제거', ja: 'タトゥー除去', en: 'tattoo removal', zh: '洗纹身', 'zh-TW': '除刺青', vi: 'xóa xăm' },
    // Any mention of a tattoo at a clinic without tattoo removal is about removing it.
    forms: ['문신', '타투', 'タトゥー', '刺青', 'イレズミ', 'tattoo*', '纹身', '紋身', 'xoa xam', 'hinh xam', 'tatoo*'],
    slugs: ['tattoo-removal'],
  },
  {
    key: 'inmode',
    name: { ko: '인모드', ja: 'インモード', en: 'InMode', zh: 'InMode', 'zh-TW': 'InMode', vi: 'InMode' },
    forms: ['인모드', 'インモード', 'inmode', 'in mode', 'in-mode', '英模', 'forma lift*', 'morpheus*', '모피어스', 'モルフェウス'],
    slugs: ['inmode', 'morpheus8'],
  },
  {
    key: 'microneedling_rf',
    name: { ko: '포텐자', ja: 'ポテンツァ', en: 'Potenza (microneedle RF)', zh: 'Potenza 黄金微针', 'zh-TW': 'Potenza 黃金微針', vi: 'Potenza (vi kim RF)' },
    forms: [
      '포텐자',
      '시크릿 레이저',
      '시크릿레이저',
      '실펌',
      '골드ptt',
      '프락셀',
      'ポテンツァ',
      'ポテンザ',
      'シルファーム',
      'フラクセル',
      'ダーマペン',
      'potenza',
      'sylfirm',
      'fraxel',
      'microneedl*',
      'micro needl*',
      'dermapen',
      'derma pen',
      'fractional',
      '黄金微针',
      '黃金微針',
      '微针',
      '微針',
      '点阵激光',
      '點陣雷射',
      'vi kim',
      'lan kim',
    ],
    slugs: ['potenza', 'microneedling', 'sylfirm', 'fraxel'],
  },
  {
    key: 'other_lifting_device',
    name: {
      ko: '올리지오·티타늄 리프팅',
      ja: 'オリジオ・チタニウムリフト',
      en: 'Oligio / Titanium lifting',
      zh: 'Oligio/钛提升',
      'zh-TW': 'Oligio/鈦提升',
      vi: 'Oligio / Titanium lifting',
    },
    forms: [
      '올리지오',
      '티타늄 리프팅',
      '티타늄리프팅',
      '온다 리프팅',
      '온다리프팅',
      '소프웨이브',
      'オリジオ',
      'チタニウム',
      'oligio',
      'titanium lift*',
      'onda lift*',
      'sofwave',
      '钛提升',
      '鈦提升',
    ],
    slugs: ['oligio', 'titanium-lifting', 'onda-lifting'],
  },
  {
    key: 'profhilo',
    name: { ko: '프로파일로', ja: 'プロファイロ', en: 'Profhilo', zh: 'Profhilo', 'zh-TW': 'Profhilo', vi: 'Profhilo' },
    forms: ['프로파일로', '프로필로', 'プロファイロ', 'プロフィロ', 'profhilo', 'profilo'],
    slugs: ['profhilo'],
  },
  {
    key: 'sculptra',
    name: { ko: '스컬트라', ja: 'スカルプトラ', en: 'Sculptra', zh: '童颜针（Sculptra）', 'zh-TW': '舒顏萃（Sculptra）', vi: 'Sculptra' },
    forms: ['스컬트라', 'スカルプトラ', 'sculptra', '童颜针', '童顏針', '舒颜萃', '舒顏萃'],
    slugs: ['sculptra'],
  },
  {
    key: 'radiesse',
    name: { ko: '레디어스', ja: 'レディエッセ', en: 'Radiesse', zh: '微晶瓷（Radiesse）', 'zh-TW': '晶亮瓷（Radiesse）', vi: 'Radiesse' },
    forms: ['레디어스', '래디어스', 'レディエッセ', 'radiesse', '微晶瓷', '晶亮瓷'],
    slugs: ['radiesse'],
  },
  {
    key: 'mole_removal',
    name: { ko: '점 제거', ja: 'ほくろ除去', en: 'mole removal', zh: '点痣', 'zh-TW': '除痣', vi: 'tẩy nốt ruồi' },
    forms: [
      '점 빼',
      '점빼',
      '점 제거',
      '점제거',
      '비립종',
      '쥐젖',
      '사마귀',
      'ほくろ',
      'ホクロ',
      '黒子',
      'イボ',
      'いぼ',
      'mole',
      'moles',
      'skin tag*',
      'wart',
      'warts',
      'milia',
      '点痣',
      '點痣',
      '祛痣',
      '去痣',
      '除痣',
      '痣',
      '疣',
      'not ruoi',
      'mun coc',
      'mun thit',
    ],
    slugs: ['mole-removal', 'wart-removal'],
  },
  {
    key: 'hair_transplant',
    name: { ko: '모발이식', ja: '植毛', en: 'hair transplant', zh: '植发', 'zh-TW': '植髮', vi: 'cấy tóc' },
    forms: ['모발이식', '모발 이식', '植毛', 'hair transplant*', '植发', '植髮', 'cay toc'],
    slugs: ['hair-transplant'],
  },
];

const MATCHERS = OTHER_PROCEDURES.map((p) => ({ p, re: compileLexicon(p.forms) }));

/** Procedures from the list above named in the text that the clinic (its procedure slugs) does not offer. */
export function notOfferedIn(text: string, offeredSlugs: readonly string[]): OtherProcedure[] {
  const t = normalizeForLexicon(text);
  return MATCHERS.filter(({ p, re }) => re.test(t) && !p.slugs.some((s) => offeredSlugs.includes(s))).map(({ p }) => p);
}

/**
 * The text without the phrases that name a means ("with the pico laser", "w the pico", "用皮秒激光",
 * "ピコレーザーで", "피코로", "bằng pico"): a procedure the clinic lacks asked about as done with a device
 * the clinic has is still a procedure the clinic lacks, and the device's prices are not its answer.
 */
const MEANS: readonly RegExp[] = [
  /(?<![a-z])(?:with|w\/|w|using|use|by|via|bang|dung)(?: (?:the|a|an|your|ur|may|tia))?(?: [a-z0-9]+){1,2}?(?: (?:laser|lazer|machine|device))?(?![a-z])/gu,
  /(?:用|使用|透過|通过)[\p{Script=Han}a-z0-9 ]{1,8}?(?:激光|雷射|镭射|鐳射|仪器|儀器)?(?=[吗嗎可能去除做点點洗吧呢？?，,。 ]|$)/gu,
  /[\p{Script=Katakana}ーa-z0-9]{2,12}(?:レーザー)?(?:で|を使って)/gu,
  /[가-힣a-z0-9]{2,8}(?: ?레이저)?(?:으로|로)(?=[^.?!\n]{0,12}(?:제거|지우|지울|빼|없애|할 수|가능|돼|되나))/gu,
];

export function withoutMeans(text: string): string {
  let t = normalizeForLexicon(text);
  for (const re of MEANS) t = t.replace(re, ' ');
  return t;
}

const NOT_OFFERED: PerLang<(names: string) => string> = {
  ko: (n) => `죄송하지만 저희 병원에서는 ${n} 시술을 하지 않습니다. 다른 시술이 궁금하시면 편하게 물어봐 주세요.`,
  ja: (n) => `申し訳ございませんが、当院では${n}は行っておりません。ほかの施術についてはお気軽にお尋ねください。`,
  en: (n) => `Sorry, we do not offer ${n} at our clinic. Feel free to ask about any of the treatments we do offer.`,
  zh: (n) => `抱歉，本院不提供${n}。如想了解其他项目，欢迎随时咨询。`,
  'zh-TW': (n) => `抱歉，本院不提供${n}。如想了解其他療程，歡迎隨時詢問。`,
  vi: (n) => `Xin lỗi, phòng khám chúng tôi không cung cấp dịch vụ ${n}. Nếu chị/anh muốn tìm hiểu các dịch vụ khác, cứ hỏi em nhé.`,
};

export function notOfferedReply(items: readonly OtherProcedure[], lang: LangCode): string {
  const sep = lang === 'ja' || lang === 'zh' || lang === 'zh-TW' ? '、' : ', ';
  return NOT_OFFERED[lang](items.map((i) => i.name[lang]).join(sep));
}
