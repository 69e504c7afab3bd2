/** Languages the hub serves; anything else is passed through as the detector's ISO 639-1 code. */
export const LANG_CODES = ['ko', 'ja', 'en', 'zh', 'zh-TW', 'vi'] as const;
export type LangCode = (typeof LANG_CODES)[number];
/** A served language, 'und' (undetermined) or another ISO 639-1 code such as 'th'. */
export type DetectedLanguage = LangCode | 'und' | (string & {});

export function isLangCode(code: string): code is LangCode {
  return (LANG_CODES as readonly string[]).includes(code);
}

/** The country a customer most likely writes from, by served language (when the customer row has none). */
export const COUNTRY_BY_LANGUAGE: Record<LangCode, string> = { ko: 'KR', ja: 'JP', en: 'US', zh: 'CN', 'zh-TW': 'TW', vi: 'VN' };

/** The country of a language code, served or not (undefined for one the hub does not serve). */
export function countryForLanguage(lang: string | undefined | null): string | undefined {
  return lang && isLangCode(lang) ? COUNTRY_BY_LANGUAGE[lang] : undefined;
}

/** Platform language hints → a base code, served or not (zh-Hant / zh-TW / zh-HK → zh-TW). */
export function normalizeLanguageHint(hint: string | undefined | null): string | undefined {
  if (!hint) return undefined;
  const h = hint.toLowerCase().replace('_', '-');
  if (h.startsWith('zh')) return /hant|tw|hk|mo/.test(h) ? 'zh-TW' : 'zh';
  const base = h.split('-')[0];
  return base && /^[a-z]{2,3}$/.test(base) ? base : undefined;
}

/** Platform or stored language codes → a served language (zh-Hant → zh-TW), else undefined. */
export function toLangCode(code: string | null | undefined): LangCode | undefined {
  if (!code) return undefined;
  const c = code.replace('_', '-');
  if (isLangCode(c)) return c;
  const low = c.toLowerCase();
  if (low.startsWith('zh')) return /hant|tw|hk|mo/.test(low) ? 'zh-TW' : 'zh';
  const base = low.split('-')[0] ?? '';
  return isLangCode(base) ? base : undefined;
}
