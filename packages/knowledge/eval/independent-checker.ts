/**
 * The eval's own judge of what a customer would receive: written apart from the guards in
 * packages/knowledge (which shaped the reply), so a guard's blind spot is not also the checker's.
 * Scripts are told apart by Unicode ranges; internal values come straight from the database rows.
 */

export type Lang = 'ko' | 'ja' | 'en' | 'zh' | 'zh-TW' | 'vi';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/gu;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff]+/gu;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]+/gu;

/** Scripts that do not belong in a reply in `lang`. */
const FOREIGN: Record<Lang, RegExp[]> = {
  ko: [KANA],
  ja: [HANGUL],
  en: [HANGUL, KANA, HAN],
  zh: [HANGUL, KANA],
  'zh-TW': [HANGUL, KANA],
  vi: [HANGUL, KANA, HAN],
};

/**
 * Runs of another language's script in a reply, minus the allowed names (the clinic's name, brand terms,
 * the customer's own words quoted back). Returns the offending runs.
 */
export function languageFragments(text: string, lang: Lang, allowed: readonly string[] = []): string[] {
  let rest = text.normalize('NFC');
  for (const a of [...allowed].sort((x, y) => y.length - x.length)) if (a) rest = rest.split(a.normalize('NFC')).join(' ');
  const found: string[] = [];
  for (const re of FOREIGN[lang]) for (const m of rest.matchAll(re)) found.push(m[0]);
  return found;
}

/** Number forms a reply may use for an internal amount (18000 → 18,000 / 18.000 / 18000 / 1.8万 / 1만 8천). */
function amountForms(v: number): string[] {
  const c = v.toLocaleString('en-US');
  const forms = new Set([c, c.replace(/,/g, '.'), String(v)]);
  if (v >= 10_000 && v % 1000 === 0) {
    forms.add(`${v / 10_000}万`);
    const man = Math.floor(v / 10_000);
    const thousands = (v % 10_000) / 1000;
    forms.add(thousands ? `${man}만 ${thousands}천` : `${man}만`);
  }
  return [...forms];
}

/** Internal values (material costs, difficulty and sales scores) that appear in the reply. */
export function internalLeaks(text: string, internal: { materialCosts: number[]; words: readonly string[] }): string[] {
  const t = text.normalize('NFKC').toLowerCase();
  const leaks: string[] = [];
  for (const cost of internal.materialCosts) {
    for (const f of amountForms(cost)) {
      // A material cost that is also a customer price is not evidence of a leak by itself.
      const re = new RegExp(`(^|[^0-9.,])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^0-9])`, 'u');
      if (re.test(t)) leaks.push(`material cost ${f}`);
    }
  }
  for (const w of internal.words) if (t.includes(w.toLowerCase())) leaks.push(`internal term "${w}"`);
  return leaks;
}
