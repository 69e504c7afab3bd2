import { COUNTRY_BY_LANGUAGE, LANG_CODES, type LangCode } from '@hub/contracts';

export { COUNTRY_BY_LANGUAGE, LANG_CODES, isLangCode, toLangCode, type LangCode } from '@hub/contracts';

/** Per-language text; every served language present. */
export type PerLang<T = string> = Record<LangCode, T>;

/** Customer timezone when the customer row has none: by country first, then by language. */
const TIMEZONE_BY_COUNTRY: Record<string, string> = {
  KR: 'Asia/Seoul',
  JP: 'Asia/Tokyo',
  CN: 'Asia/Shanghai',
  TW: 'Asia/Taipei',
  HK: 'Asia/Hong_Kong',
  VN: 'Asia/Ho_Chi_Minh',
  US: 'America/New_York',
  GB: 'Europe/London',
  AU: 'Australia/Sydney',
  SG: 'Asia/Singapore',
  TH: 'Asia/Bangkok',
};

export function defaultTimezone(countryCode: string | null | undefined, lang: LangCode): string {
  const byCountry = countryCode ? TIMEZONE_BY_COUNTRY[countryCode.toUpperCase()] : undefined;
  return byCountry ?? TIMEZONE_BY_COUNTRY[COUNTRY_BY_LANGUAGE[lang]] ?? 'Asia/Seoul';
}

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Hour of day (0..23) in a timezone. */
// Creating an Intl.DateTimeFormat costs far more than formatting with one: one per timezone and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function timeFormatter(timezone: string, withMinutes = false): Intl.DateTimeFormat {
  const key = `${timezone}|${withMinutes}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', ...(withMinutes ? { minute: '2-digit' } : {}), hourCycle: 'h23' });
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

export function localHour(now: Date, timezone: string): number {
  return Number(timeFormatter(timezone).format(now)) % 24;
}

export type DayPart = 'morning' | 'afternoon' | 'evening';
export function dayPart(hour: number): DayPart {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  return 'evening';
}

const n = (amount: number, sep = ',') =>
  Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, sep);

export function formatKrw(amount: number, lang: LangCode): string {
  switch (lang) {
    case 'ko':
      return `${n(amount)}원`;
    case 'ja':
      return `${n(amount)}ウォン`;
    case 'zh':
      return `${n(amount)}韩元`;
    case 'zh-TW':
      return `${n(amount)}韓元`;
    case 'vi':
      return `${n(amount, '.')} won`;
    default:
      return `KRW ${n(amount)}`;
  }
}

const CURRENCY_SYMBOL: Record<string, string> = { USD: 'USD ', JPY: '¥', CNY: 'CNY ', TWD: 'NT$', VND: '', EUR: '€' };
export function formatForeign(amount: number, currency: string): string {
  if (currency === 'KRW') return `KRW ${n(amount)}`;
  if (currency === 'VND') return `${n(amount, '.')} VND`;
  const whole = Number.isInteger(amount) ? n(amount) : amount.toFixed(2);
  return `${CURRENCY_SYMBOL[currency] ?? `${currency} `}${whole}`;
}

export function downtimeText(days: number, lang: LangCode): string {
  if (days <= 0) {
    return { ko: '거의 없음', ja: 'ほとんどありません', en: 'little to none', zh: '几乎没有', 'zh-TW': '幾乎沒有', vi: 'gần như không có' }[lang];
  }
  return {
    ko: `약 ${days}일`,
    ja: `約${days}日`,
    en: `about ${days} day${days === 1 ? '' : 's'}`,
    zh: `约${days}天`,
    'zh-TW': `約${days}天`,
    vi: `khoảng ${days} ngày`,
  }[lang];
}

export function perLang(fn: (lang: LangCode) => string): PerLang {
  return Object.fromEntries(LANG_CODES.map((l) => [l, fn(l)])) as PerLang;
}

/** Lead-in of the mandatory disclosure of a procedure's serious (rare) side effects. */
export const DISCLOSURE_LEAD: PerLang<(name: string) => string> = {
  ko: (name) => `[안내] ${name}의 드물지만 중대한 부작용:`,
  ja: (name) => `【ご注意】${name}のまれですが重大な副作用：`,
  en: (name) => `Please note: rare but serious side effects of ${name}:`,
  zh: (name) => `【提示】${name}罕见但严重的副作用：`,
  'zh-TW': (name) => `【提示】${name}罕見但嚴重的副作用：`,
  vi: (name) => `Lưu ý: tác dụng phụ hiếm gặp nhưng nghiêm trọng của ${name}:`,
};

/** Serious side effects we cannot state in the customer's language: said generally, details from staff. */
export const SERIOUS_RISKS_GENERIC: PerLang = {
  ko: '드물지만 심각한 합병증이 생길 수 있습니다. 자세한 내용은 시술 전 의료진이 설명드리며, 이상이 느껴지면 즉시 연락 주세요.',
  ja: 'まれに重い合併症が起こることがあります。詳しくは施術前に医師がご説明します。異常を感じたらすぐにご連絡ください。',
  en: 'serious complications are rare but possible. Our medical staff explain them before the procedure; contact us immediately if anything feels wrong.',
  zh: '极少数情况下可能出现严重并发症。术前医生会详细说明，如有任何异常请立即联系我们。',
  'zh-TW': '極少數情況下可能出現嚴重併發症。術前醫師會詳細說明，如有任何異常請立即聯絡我們。',
  vi: 'hiếm khi có thể xảy ra biến chứng nghiêm trọng. Bác sĩ sẽ giải thích chi tiết trước khi thực hiện; nếu thấy bất thường, hãy liên hệ ngay với chúng tôi.',
};

/** Said when the customer asked for internal business data (cost price etc.). */
export const INTERNAL_DATA_REFUSAL: PerLang = {
  // Names no internal field: a refusal that repeats the term still tells it exists.
  ko: '내부 운영 정보는 안내해 드릴 수 없는 점 양해 부탁드립니다.',
  ja: '内部の運営情報はご案内できかねます。ご了承ください。',
  en: 'We are unable to share internal business information.',
  zh: '抱歉，内部经营信息无法提供。',
  'zh-TW': '抱歉，內部經營資訊無法提供。',
  vi: 'Xin lỗi, chúng tôi không thể cung cấp thông tin vận hành nội bộ.',
};
