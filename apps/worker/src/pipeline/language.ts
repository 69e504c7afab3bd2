import { COUNTRY_BY_LANGUAGE } from '@hub/knowledge';

/** Platform language hints → our language codes (zh-Hant / zh-TW / zh-HK → zh-TW). */
export function normalizeLanguageHint(hint: string | undefined | null): string | undefined {
  if (!hint) return undefined;
  const h = hint.toLowerCase().replace('_', '-');
  if (h.startsWith('zh')) return /hant|tw|hk|mo/.test(h) ? 'zh-TW' : 'zh';
  const base = h.split('-')[0];
  return base && /^[a-z]{2,3}$/.test(base) ? base : undefined;
}

export function countryForLanguage(lang: string | undefined): string | undefined {
  return lang ? (COUNTRY_BY_LANGUAGE as Record<string, string | undefined>)[lang] : undefined;
}

export function previewOf(text: string, max = 120): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
