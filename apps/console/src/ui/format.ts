import type { Level } from '../api/api.types';
import type { Locale } from '../i18n/i18n';

/** "JP" → 🇯🇵 (regional indicators). */
export function flag(countryCode: string | null | undefined): string {
  if (!countryCode || !/^[A-Za-z]{2}$/.test(countryCode)) return '🏳️';
  return String.fromCodePoint(...[...countryCode.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export function countryName(code: string | null | undefined, locale: Locale): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string | null | undefined, locale: Locale): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const timeFmt = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: Locale, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = locale + JSON.stringify(opts);
  let f = timeFmt.get(k);
  if (!f) timeFmt.set(k, (f = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', ...opts })));
  return f;
}

/** Today: "14:05"; otherwise "11. 20." — the clinic's time zone. */
export function shortTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = new Date(iso);
  const day = fmt(locale, { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (day.format(d) === day.format(new Date())) return fmt(locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return fmt(locale, { month: 'short', day: 'numeric' }).format(d);
}

export function dateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  return fmt(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function money(amount: string | number | null | undefined, currency = 'KRW', locale: Locale = 'ko'): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const n = Number(amount);
  if (!Number.isFinite(n)) return String(amount);
  try {
    return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: currency === 'KRW' ? 0 : 2,
    }).format(n);
  } catch {
    return `${n} ${currency}`;
  }
}

export const levelOf = (score: number): Level => (score >= 70 ? 'green' : score >= 50 ? 'yellow' : score >= 30 ? 'orange' : 'red');

/** Platforms do not always give a name (LINE without profile access): a short stable id instead. */
export const customerName = (c: { id: string; name: string | null; displayName: string | null }): string => c.displayName || c.name || `#${c.id.slice(0, 6)}`;
