import type { LangCode } from '../lang';
import type { GuardResult } from './types';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/gu;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]+/gu;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

/** Scripts no reply in the language may contain (Han is Japanese too; Latin is allowed everywhere: brands, units). */
const FOREIGN_SCRIPTS: Record<LangCode, RegExp[]> = {
  ko: [KANA],
  ja: [HANGUL],
  en: [HANGUL, KANA, HAN],
  zh: [HANGUL, KANA],
  'zh-TW': [HANGUL, KANA],
  vi: [HANGUL, KANA, HAN],
};

/** Runs of another language's script in `text`, once the allowed names (clinic name, brand terms) are taken out. */
export function foreignFragments(text: string, lang: LangCode, allowed: readonly string[] = []): string[] {
  let rest = text.normalize('NFC');
  for (const a of [...allowed].filter(Boolean).sort((x, y) => y.length - x.length)) rest = rest.split(a.normalize('NFC')).join(' ');
  const found: string[] = [];
  for (const re of FOREIGN_SCRIPTS[lang]) for (const m of rest.matchAll(re)) found.push(m[0]);
  return found;
}

/**
 * One language per reply: a reply that still carries another language's text (an untranslated fact)
 * is withheld and handed to staff, whose notice is in the customer's language, rather than sent mixed.
 */
export function languageGuard(text: string, lang: LangCode, allowed: readonly string[] = []): { result: GuardResult; handoff?: { reason: string } } {
  const found = foreignFragments(text, lang, allowed);
  if (!found.length) return { result: { rule: 'language', status: 'pass' } };
  return {
    result: { rule: 'language', status: 'blocked', detail: `other-language text: ${[...new Set(found)].slice(0, 5).join(' ')}` },
    handoff: { reason: 'untranslatable' },
  };
}
