import { LANG_CODES, glossaryKey, type GlossaryEntry, type LangCode, type LibraryEntry, type QuestionAnswer } from './provider';

/**
 * Clinic-approved text that beats any machine translation: stored response-library translations
 * and the glossary. Shared by every translator (local, anthropic, openai).
 */

function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

interface Prepared {
  norm: string;
  /** Character bigram counts, for texts of 8+ characters (null below: only exact equality counts). */
  grams: Map<string, number> | null;
  /** Number of bigrams. */
  total: number;
}

function prepare(text: string): Prepared {
  const norm = normalizeForMatch(text);
  const chars = [...norm].length;
  return chars >= 8 ? { norm, grams: bigrams(norm), total: chars - 1 } : { norm, grams: null, total: 0 };
}

/** Library texts are matched against every message: normalized and split into bigrams once. */
const preparedLibrary = new Map<string, Prepared>();
const PREPARED_MAX = 20_000;

function preparedFor(text: string): Prepared {
  let p = preparedLibrary.get(text);
  if (!p) {
    p = prepare(text);
    if (preparedLibrary.size >= PREPARED_MAX) preparedLibrary.delete(preparedLibrary.keys().next().value!);
    preparedLibrary.set(text, p);
  }
  return p;
}

function similar(x: Prepared, y: Prepared): boolean {
  if (!x.norm || !y.norm) return false;
  if (x.norm === y.norm) return true;
  if (!x.grams || !y.grams) return false;
  let overlap = 0;
  for (const [g, n] of x.grams) overlap += Math.min(n, y.grams.get(g) ?? 0);
  return (2 * overlap) / (x.total + y.total) >= 0.9;
}

/** Equal after normalization, or (for texts of 8+ characters) a character-bigram Dice coefficient ≥ 0.9. */
export function nearlyEqual(a: string, b: string): boolean {
  return similar(prepare(a), prepare(b));
}

function variant(entry: LibraryEntry, lang: LangCode): QuestionAnswer | undefined {
  return lang === 'ko' ? entry.ko : entry.translations[lang];
}

/** The stored translation when `text` is (nearly) a known question or answer in the source language. */
export function findLibraryTranslation(text: string, from: LangCode | 'und', to: LangCode, library: LibraryEntry[]): string | undefined {
  const sources = from === 'und' ? LANG_CODES : [from];
  const query = prepare(text);
  for (const entry of library) {
    const target = variant(entry, to);
    if (!target) continue;
    for (const src of sources) {
      const source = variant(entry, src);
      if (!source) continue;
      if (similar(query, preparedFor(source.question))) return target.question;
      if (similar(query, preparedFor(source.answer))) return target.answer;
    }
  }
  return undefined;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface GlossaryResult {
  text: string;
  replaced: number;
  /** Nothing but glossary terms (and punctuation/digits) was in the text. */
  whole: boolean;
}

/** Replaces source-language glossary terms with their target-language forms, longest first, in one pass. */
interface CompiledGlossary {
  map: Map<string, string>;
  re: RegExp | null;
}

/** Compiled per glossary (by identity: clinic runtimes keep theirs) and direction: the map and one regex. */
const compiledGlossaries = new WeakMap<GlossaryEntry[], Map<string, CompiledGlossary>>();

function compileGlossary(glossary: GlossaryEntry[], from: LangCode | 'und', to: LangCode): CompiledGlossary {
  let byDirection = compiledGlossaries.get(glossary);
  if (!byDirection) compiledGlossaries.set(glossary, (byDirection = new Map()));
  const key = `${from}>${to}`;
  const hit = byDirection.get(key);
  if (hit) return hit;
  const toKey = glossaryKey(to);
  const fromKeys = from === 'und' ? LANG_CODES.map(glossaryKey) : [glossaryKey(from)];
  const map = new Map<string, string>();
  for (const g of glossary) {
    const target = g[toKey];
    if (!target) continue;
    for (const k of fromKeys) {
      const source = g[k];
      if (source && source !== target) map.set(source.normalize('NFKC').toLowerCase(), target);
    }
  }
  const terms = [...map.keys()].sort((a, b) => b.length - a.length);
  const pattern = terms.map((t) => (CJK.test(t) ? escapeRegExp(t) : `(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`)).join('|');
  const compiled = { map, re: map.size ? new RegExp(pattern, 'giu') : null };
  byDirection.set(key, compiled);
  return compiled;
}

export function applyGlossary(text: string, from: LangCode | 'und', to: LangCode, glossary: GlossaryEntry[]): GlossaryResult {
  const { map, re } = compileGlossary(glossary, from, to);
  if (!re) return { text, replaced: 0, whole: false };
  let replaced = 0;
  const source = text.normalize('NFKC');
  const out = source.replace(re, (m) => {
    replaced++;
    return map.get(m.toLowerCase()) ?? m;
  });
  const rest = source.replace(re, '');
  const whole = replaced > 0 && !/\p{L}/u.test(rest);
  return { text: replaced ? out : text, replaced, whole };
}
