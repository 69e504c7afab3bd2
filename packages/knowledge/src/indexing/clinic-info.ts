import { LANG_CODES, toLangCode, type LangCode, type PerLang } from '../lang';
import type { KnowledgeDoc } from './documents';

/** The clinic row fields clinic_info rows are built from (settings is the clinics.settings JSON). */
export interface ClinicInfoRow {
  id: string;
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  settings: unknown;
}

export type ClinicInfoTopic = 'location' | 'hours' | 'parking' | 'contact' | 'languages' | 'payment';

/** A setting that is either one string (Korean, or whatever staff typed) or per-language strings. */
export function localizedSetting(value: unknown): Partial<PerLang> | undefined {
  if (typeof value === 'string') return value.trim() ? { ko: value.trim() } : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Partial<PerLang> = {};
  for (const [k, x] of Object.entries(value as Record<string, unknown>)) {
    const lang = toLangCode(k);
    if (lang && typeof x === 'string' && x.trim()) out[lang] = x.trim();
  }
  return Object.keys(out).length ? out : undefined;
}

function merge(a: Partial<PerLang> | undefined, b: Partial<PerLang> | undefined): Partial<PerLang> | undefined {
  return a || b ? { ...(a ?? {}), ...(b ?? {}) } : undefined;
}

/** Text for `lang`: its own, else English for non-Koreans, else whatever exists (an address reads in any script). */
function pick(text: Partial<PerLang> | undefined, lang: LangCode): string | undefined {
  if (!text) return undefined;
  return text[lang] ?? (lang !== 'ko' ? text.en : undefined) ?? text.ko ?? Object.values(text)[0];
}

const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAMES: PerLang<readonly string[]> = {
  ko: ['월', '화', '수', '목', '금', '토', '일'],
  ja: ['月', '火', '水', '木', '金', '土', '日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  'zh-TW': ['週一', '週二', '週三', '週四', '週五', '週六', '週日'],
  vi: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'],
};
const GROUP_NAMES: Record<string, PerLang> = {
  weekday: { ko: '평일', ja: '平日', en: 'Weekdays', zh: '工作日', 'zh-TW': '平日', vi: 'Ngày thường' },
  weekdays: { ko: '평일', ja: '平日', en: 'Weekdays', zh: '工作日', 'zh-TW': '平日', vi: 'Ngày thường' },
  saturday: { ko: '토요일', ja: '土曜日', en: 'Saturday', zh: '周六', 'zh-TW': '週六', vi: 'Thứ Bảy' },
  sunday: { ko: '일요일', ja: '日曜日', en: 'Sunday', zh: '周日', 'zh-TW': '週日', vi: 'Chủ Nhật' },
  holiday: { ko: '공휴일', ja: '祝日', en: 'Public holidays', zh: '节假日', 'zh-TW': '國定假日', vi: 'Ngày lễ' },
  holidays: { ko: '공휴일', ja: '祝日', en: 'Public holidays', zh: '节假日', 'zh-TW': '國定假日', vi: 'Ngày lễ' },
  lunch: { ko: '점심시간', ja: '昼休み', en: 'Lunch break', zh: '午休', 'zh-TW': '午休', vi: 'Nghỉ trưa' },
};
const CLOSED: PerLang = { ko: '휴진', ja: '休診', en: 'closed', zh: '休息', 'zh-TW': '休診', vi: 'nghỉ' };

function isClosed(x: unknown): boolean {
  return x === null || x === false || (typeof x === 'string' && /^(closed|휴진|휴무|off|-)$/i.test(x.trim()));
}

/** operating_hours as {"mon": "09:00-18:00", …} (or weekday/saturday groups, or per-language strings). */
export function renderHours(value: unknown, lang: LangCode): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  const localizedText = localizedSetting(obj);
  if (localizedText && Object.keys(obj).every((k) => toLangCode(k))) return pick(localizedText, lang);
  const parts: string[] = [];
  const seen = new Set<string>();
  // Consecutive days with the same hours collapse into one range: "Mon–Fri 10:00-19:00".
  let i = 0;
  while (i < DAY_KEYS.length) {
    const key = DAY_KEYS[i]!;
    if (!(key in obj)) {
      i++;
      continue;
    }
    const hours = obj[key];
    let j = i;
    while (j + 1 < DAY_KEYS.length && DAY_KEYS[j + 1]! in obj && JSON.stringify(obj[DAY_KEYS[j + 1]!]) === JSON.stringify(hours)) j++;
    for (let d = i; d <= j; d++) seen.add(DAY_KEYS[d]!);
    const days = i === j ? DAY_NAMES[lang][i]! : `${DAY_NAMES[lang][i]}–${DAY_NAMES[lang][j]}`;
    parts.push(`${days} ${isClosed(hours) ? CLOSED[lang] : String(hours)}`);
    i = j + 1;
  }
  for (const [k, x] of Object.entries(obj)) {
    if (seen.has(k)) continue;
    const label = GROUP_NAMES[k.toLowerCase()]?.[lang] ?? k;
    if (typeof x === 'string' || x === null || typeof x === 'boolean') parts.push(`${label} ${isClosed(x) ? CLOSED[lang] : String(x)}`);
  }
  return parts.length ? parts.join(', ') : undefined;
}

const QUESTIONS: Record<ClinicInfoTopic, PerLang> = {
  location: {
    ko: '병원 위치가 어디인가요? 주소와 오시는 길',
    ja: 'クリニックの場所はどこですか？住所・アクセス・行き方',
    en: 'Where is the clinic? Location, address and directions, how to get there',
    zh: '诊所在哪里？医院在哪里？地址和交通路线，怎么去',
    'zh-TW': '診所在哪裡？醫院在哪裡？地址和交通方式，怎麼去',
    vi: 'Phòng khám ở đâu? Địa chỉ và đường đi',
  },
  hours: {
    ko: '진료시간 영업시간 몇 시부터 몇 시까지 진료하나요 휴진일',
    ja: '診療時間・営業時間は？何時まで開いていますか 休診日',
    en: 'What are your opening hours? When are you open, what time do you close',
    zh: '营业时间是几点到几点？几点关门 休息日',
    'zh-TW': '營業時間是幾點到幾點？幾點關門 休診日',
    vi: 'Giờ mở cửa của phòng khám? Mấy giờ đóng cửa',
  },
  parking: {
    ko: '주차 가능한가요? 주차 되나요? 주차장 주차비',
    ja: '駐車場はありますか？車で行けますか 駐車料金',
    en: 'Is there parking? Can I park my car, parking fee',
    zh: '可以停车吗？停车场 停车费',
    'zh-TW': '可以停車嗎？停車場 停車費',
    vi: 'Có chỗ đậu xe không? Bãi đỗ xe ô tô',
  },
  contact: {
    ko: '전화번호 연락처 이메일',
    ja: '電話番号・連絡先・メール',
    en: 'Phone number, contact, email',
    zh: '电话号码 联系方式 邮箱',
    'zh-TW': '電話號碼 聯絡方式 電子郵件',
    vi: 'Số điện thoại liên hệ email',
  },
  payment: {
    ko: '결제 방법 카드 현금 알리페이 위챗페이 되나요? 택스리펀 부가세 환급',
    ja: '支払い方法は？カード・現金・Alipayは使えますか？タックスリファンド',
    en: 'How can I pay? Do you accept credit cards, cash, Alipay? Tax refund',
    zh: '可以用什么支付？可以刷卡、付现金、用支付宝或微信支付吗？退税',
    'zh-TW': '可以用什麼付款？可以刷卡、付現金、用支付寶嗎？退稅',
    vi: 'Thanh toán bằng gì? Có nhận thẻ, tiền mặt, Alipay không? Hoàn thuế',
  },
  languages: {
    ko: '외국어 상담 통역 가능한가요',
    ja: '日本語で相談できますか？通訳はいますか',
    en: 'Do you speak English? Is there an interpreter',
    zh: '有中文翻译吗？可以用中文咨询吗',
    'zh-TW': '有中文翻譯嗎？可以用中文諮詢嗎',
    vi: 'Có phiên dịch tiếng Việt không? Tư vấn bằng tiếng Việt',
  },
};

const PAYMENT_LABEL: Record<string, PerLang> = {
  card: { ko: '카드', ja: 'クレジットカード', en: 'credit card', zh: '信用卡', 'zh-TW': '信用卡', vi: 'thẻ' },
  cash: { ko: '현금', ja: '現金', en: 'cash', zh: '现金', 'zh-TW': '現金', vi: 'tiền mặt' },
  alipay: { ko: '알리페이', ja: 'Alipay', en: 'Alipay', zh: '支付宝', 'zh-TW': '支付寶', vi: 'Alipay' },
  wechat_pay: { ko: '위챗페이', ja: 'WeChat Pay', en: 'WeChat Pay', zh: '微信支付', 'zh-TW': '微信支付', vi: 'WeChat Pay' },
  union_pay: { ko: '유니온페이', ja: '銀聯カード', en: 'UnionPay', zh: '银联', 'zh-TW': '銀聯', vi: 'UnionPay' },
  bank_transfer: { ko: '계좌이체', ja: '銀行振込', en: 'bank transfer', zh: '银行转账', 'zh-TW': '銀行轉帳', vi: 'chuyển khoản' },
  line_pay: { ko: '라인페이', ja: 'LINE Pay', en: 'LINE Pay', zh: 'LINE Pay', 'zh-TW': 'LINE Pay', vi: 'LINE Pay' },
  paypal: { ko: '페이팔', ja: 'PayPal', en: 'PayPal', zh: 'PayPal', 'zh-TW': 'PayPal', vi: 'PayPal' },
};
const TAX_REFUND: PerLang = {
  ko: '외국인 고객은 미용성형 부가세 환급(택스리펀)을 받으실 수 있습니다.',
  ja: '外国人のお客様は美容医療の付加価値税還付（タックスリファンド）を受けられます。',
  en: 'Foreign customers can get a VAT refund (tax refund) on cosmetic procedures.',
  zh: '外国顾客可享受医美增值税退税（Tax Refund）。',
  'zh-TW': '外國顧客可享受醫美加值稅退稅（Tax Refund）。',
  vi: 'Khách nước ngoài được hoàn thuế VAT (tax refund) cho thủ thuật thẩm mỹ.',
};

const LABEL: Record<'address' | 'directions' | 'hours' | 'parking' | 'phone' | 'email' | 'languages' | 'payment', PerLang> = {
  address: { ko: '주소', ja: '住所', en: 'Address', zh: '地址', 'zh-TW': '地址', vi: 'Địa chỉ' },
  directions: { ko: '오시는 길', ja: 'アクセス', en: 'Directions', zh: '交通', 'zh-TW': '交通', vi: 'Đường đi' },
  hours: { ko: '진료시간', ja: '診療時間', en: 'Opening hours', zh: '营业时间', 'zh-TW': '營業時間', vi: 'Giờ mở cửa' },
  parking: { ko: '주차', ja: '駐車場', en: 'Parking', zh: '停车', 'zh-TW': '停車', vi: 'Đậu xe' },
  phone: { ko: '전화', ja: '電話', en: 'Phone', zh: '电话', 'zh-TW': '電話', vi: 'Điện thoại' },
  email: { ko: '이메일', ja: 'メール', en: 'Email', zh: '邮箱', 'zh-TW': '電子郵件', vi: 'Email' },
  languages: { ko: '상담 가능 언어', ja: '対応言語', en: 'Languages we speak', zh: '可咨询语言', 'zh-TW': '可諮詢語言', vi: 'Ngôn ngữ hỗ trợ' },
  payment: { ko: '결제 수단', ja: 'お支払い方法', en: 'Payment methods', zh: '支付方式', 'zh-TW': '付款方式', vi: 'Phương thức thanh toán' },
};
const LANGUAGE_LABEL: Record<string, PerLang> = {
  ko: { ko: '한국어', ja: '韓国語', en: 'Korean', zh: '韩语', 'zh-TW': '韓語', vi: 'tiếng Hàn' },
  ja: { ko: '일본어', ja: '日本語', en: 'Japanese', zh: '日语', 'zh-TW': '日語', vi: 'tiếng Nhật' },
  en: { ko: '영어', ja: '英語', en: 'English', zh: '英语', 'zh-TW': '英語', vi: 'tiếng Anh' },
  zh: { ko: '중국어', ja: '中国語', en: 'Chinese', zh: '中文', 'zh-TW': '中文', vi: 'tiếng Trung' },
  'zh-TW': { ko: '중국어(번체)', ja: '中国語（繁体字）', en: 'Traditional Chinese', zh: '繁体中文', 'zh-TW': '繁體中文', vi: 'tiếng Trung phồn thể' },
  vi: { ko: '베트남어', ja: 'ベトナム語', en: 'Vietnamese', zh: '越南语', 'zh-TW': '越南語', vi: 'tiếng Việt' },
};

const sentence = (lang: LangCode, label: string, value: string) => (lang === 'ja' || lang.startsWith('zh') ? `${label}：${value}` : `${label}: ${value}`);

/** Per-topic answers in every language; a topic without data yields nothing. */
export function clinicInfoAnswers(c: ClinicInfoRow): Partial<Record<ClinicInfoTopic, PerLang>> {
  const s = (c.settings && typeof c.settings === 'object' ? c.settings : {}) as Record<string, unknown>;
  const address = localizedSetting(s['address_localized'] ?? s['address_i18n']) ?? (c.address ? { ko: c.address } : undefined);
  const directions = merge(localizedSetting(s['directions']), localizedSetting(s['directions_i18n']));
  const parking = merge(localizedSetting(s['parking_info'] ?? s['parking']), localizedSetting(s['parking_info_i18n']));
  const payments = Array.isArray(s['payment_methods']) ? (s['payment_methods'] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const taxRefund = s['tax_refund'] === true;
  const hoursValue = s['operating_hours'] ?? s['hours'];
  const languages = Array.isArray(s['supported_languages']) ? (s['supported_languages'] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const out: Partial<Record<ClinicInfoTopic, PerLang>> = {};
  const build = (fn: (lang: LangCode) => string | undefined): PerLang | undefined => {
    const r: Partial<PerLang> = {};
    for (const l of LANG_CODES) {
      const t = fn(l);
      if (t) r[l] = t;
    }
    return Object.keys(r).length === LANG_CODES.length ? (r as PerLang) : undefined;
  };
  const eol = (lang: LangCode) => (lang === 'ja' || lang.startsWith('zh') ? '\n' : '\n');
  const location = build((l) => {
    const parts = [
      pick(address, l) && sentence(l, LABEL.address[l], pick(address, l)!),
      pick(directions, l) && sentence(l, LABEL.directions[l], pick(directions, l)!),
    ].filter(Boolean);
    return parts.length ? parts.join(eol(l)) : undefined;
  });
  if (location) out.location = location;
  const hours = build((l) => {
    const h = renderHours(hoursValue, l);
    return h ? sentence(l, LABEL.hours[l], h) : undefined;
  });
  if (hours) out.hours = hours;
  const park = build((l) => (pick(parking, l) ? sentence(l, LABEL.parking[l], pick(parking, l)!) : undefined));
  if (park) out.parking = park;
  const contact = build((l) => {
    const parts = [c.phone && sentence(l, LABEL.phone[l], c.phone), c.email && sentence(l, LABEL.email[l], c.email)].filter(Boolean);
    return parts.length ? parts.join('\n') : undefined;
  });
  if (contact) out.contact = contact;
  const langs = build((l) => {
    const names = languages.map((x) => LANGUAGE_LABEL[toLangCode(x) ?? x]?.[l]).filter(Boolean);
    return names.length ? sentence(l, LABEL.languages[l], names.join(', ')) : undefined;
  });
  if (langs) out.languages = langs;
  const pay = build((l) => {
    const names = payments.map((x) => PAYMENT_LABEL[x]?.[l] ?? x);
    const parts = [names.length ? sentence(l, LABEL.payment[l], names.join(', ')) : undefined, taxRefund ? TAX_REFUND[l] : undefined].filter(Boolean);
    return parts.length ? parts.join('\n') : undefined;
  });
  if (pay) out.payment = pay;
  return out;
}

/**
 * Clinic settings as knowledge: one row per topic and language, shaped like response-library rows
 * (ko + translations) so every generator answers them in the customer's language.
 */
export function clinicInfoDocs(c: ClinicInfoRow): KnowledgeDoc[] {
  const docs: KnowledgeDoc[] = [];
  for (const [topic, answers] of Object.entries(clinicInfoAnswers(c)) as [ClinicInfoTopic, PerLang][]) {
    const translations = Object.fromEntries(LANG_CODES.filter((l) => l !== 'ko').map((l) => [l, { question: QUESTIONS[topic][l], answer: answers[l] }]));
    const meta = { topic, ko: { question: QUESTIONS[topic].ko, answer: answers.ko }, translations };
    for (const lang of LANG_CODES) {
      docs.push({
        clinicId: c.id,
        sourceType: 'clinic_info',
        sourceId: c.id,
        content: `${c.name} — ${QUESTIONS[topic][lang]}\n${answers[lang]}`,
        metadata: { ...meta, language: lang },
      });
    }
  }
  return docs;
}
