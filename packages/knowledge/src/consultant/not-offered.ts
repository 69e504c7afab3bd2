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
    forms: [
      '문신 제거',
      '문신제거',
      '타투 제거',
      'タトゥー除去',
      '刺青除去',
      'tattoo removal',
      'remove my tattoo',
      'remove a tattoo',
      '洗纹身',
      '洗紋身',
      '去纹身',
      '除刺青',
      'xoa xam',
      'xoa hinh xam',
    ],
    slugs: ['tattoo-removal'],
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
