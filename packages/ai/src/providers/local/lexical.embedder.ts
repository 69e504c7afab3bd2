import { EMBEDDING_DIMENSIONS, type EmbeddingProvider, type GlossaryEntry } from '../../provider';
import { CONCEPT_LEXICON } from './concept-lexicon';

/**
 * Deterministic multilingual lexical embedding (no key, no network): hashed features into 1536 dims.
 *  - CJK runs (Han, Kana, Hangul): character 1-, 2- and 3-grams (unigrams weigh half: they are noisy).
 *  - other runs: whole words (plus the diacritic-folded form, for Vietnamese typed without marks)
 *    and character 3-/4-grams of the boundary-padded word, so "filler"/"fillers" still meet.
 *  - domain concepts (concept-lexicon.ts, plus the clinic glossary when given): one shared feature per concept,
 *    the only bridge between scripts ("ボトックス" ↔ "보톡스").
 * Text is NFKC-normalized and lowercased; tf is sublinear (1 + ln tf); features are signed-hashed
 * (FNV-1a → index, murmur3 finalizer bit → sign) so collisions cancel instead of piling up; L2-normalized.
 * Query and document vectors must come from the same model string (it changes with the glossary).
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

const WEIGHT = { cjk1: 0.5, cjk2: 1, cjk3: 1, word: 1, gram: 0.5, concept: 2.5 } as const;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd');
}

interface ConceptMatcher {
  concept: string;
  test(text: string): boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildMatchers(lexicon: Readonly<Record<string, readonly string[]>>): ConceptMatcher[] {
  return Object.entries(lexicon).map(([concept, forms]) => {
    const normalized = [...new Set(forms.map((f) => f.normalize('NFKC').toLowerCase()).filter(Boolean))];
    const cjk = normalized.filter((f) => CJK.test(f));
    const latin = normalized.filter((f) => !CJK.test(f));
    const re = latin.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${latin.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u') : null;
    return { concept, test: (text) => cjk.some((f) => text.includes(f)) || (re?.test(text) ?? false) };
  });
}

/** Concepts from glossary rows: every row is one concept whose forms are its translations. */
function glossaryLexicon(glossary: GlossaryEntry[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of glossary) {
    out[`g:${g.ko}`] = [g.ko, g.en, g.ja, g.zh, g.zhTW, g.vi].filter((v): v is string => !!v);
  }
  return out;
}

/** Splits normalized text into runs of CJK characters and runs of other letters/digits. */
function runs(text: string): { cjk: boolean; text: string }[] {
  const out: { cjk: boolean; text: string }[] = [];
  let cur = '';
  let curCjk = false;
  const flush = () => {
    if (cur) out.push({ cjk: curCjk, text: cur });
    cur = '';
  };
  for (const ch of text) {
    const isCjk = CJK.test(ch);
    const isWord = isCjk || WORD_CHAR.test(ch);
    if (!isWord) {
      flush();
      continue;
    }
    if (cur && isCjk !== curCjk) flush();
    curCjk = isCjk;
    cur += ch;
  }
  flush();
  return out;
}

function lexicalFeatures(raw: string, matchers: ConceptMatcher[]): Map<string, { tf: number; weight: number }> {
  const text = raw.normalize('NFKC').toLowerCase();
  const features = new Map<string, { tf: number; weight: number }>();
  const add = (key: string, weight: number) => {
    const f = features.get(key);
    if (f) f.tf++;
    else features.set(key, { tf: 1, weight });
  };
  for (const run of runs(text)) {
    const chars = [...run.text];
    if (run.cjk) {
      for (let i = 0; i < chars.length; i++) {
        add(`c:${chars[i]}`, WEIGHT.cjk1);
        if (i + 1 < chars.length) add(`c:${chars[i]}${chars[i + 1]}`, WEIGHT.cjk2);
        if (i + 2 < chars.length) add(`c:${chars[i]}${chars[i + 1]}${chars[i + 2]}`, WEIGHT.cjk3);
      }
    } else {
      const word = run.text;
      add(`w:${word}`, WEIGHT.word);
      const folded = fold(word);
      if (folded !== word) add(`w:${folded}`, WEIGHT.word);
      const padded = [...`<${folded}>`];
      for (const n of [3, 4]) {
        for (let i = 0; i + n <= padded.length; i++) add(`g:${padded.slice(i, i + n).join('')}`, WEIGHT.gram);
      }
    }
  }
  for (const m of matchers) if (m.test(text)) add(`k:${m.concept}`, WEIGHT.concept);
  return features;
}

const defaultMatchers = buildMatchers(CONCEPT_LEXICON);

/** Domain concepts (keys of CONCEPT_LEXICON) mentioned in the text: also the local generator's intents. */
export function detectConcepts(raw: string): Set<string> {
  const text = raw.normalize('NFKC').toLowerCase();
  return new Set(defaultMatchers.filter((m) => m.test(text)).map((m) => m.concept));
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export interface LexicalEmbedderOptions {
  /** Clinic glossary rows become extra cross-language concepts (and change the model string). */
  glossary?: GlossaryEntry[];
}

export class LocalLexicalEmbedder implements EmbeddingProvider {
  readonly name = 'local';
  readonly model: string;
  readonly dimensions = EMBEDDING_DIMENSIONS;
  private readonly matchers: ConceptMatcher[];

  constructor(options: LexicalEmbedderOptions = {}) {
    const glossary = options.glossary ?? [];
    this.matchers = buildMatchers({ ...CONCEPT_LEXICON, ...glossaryLexicon(glossary) });
    const suffix = glossary.length ? `+g${fnv1a(JSON.stringify(glossary)).toString(16).padStart(8, '0')}` : '';
    this.model = `local-lexical-v1${suffix}`;
  }

  embedOne(text: string): number[] {
    const vec = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
    for (const [key, { tf, weight }] of lexicalFeatures(text, this.matchers)) {
      const h = fnv1a(key);
      const sign = fmix32(h) & 1 ? 1 : -1;
      const idx = h % EMBEDDING_DIMENSIONS;
      vec[idx] = vec[idx]! + sign * weight * (1 + Math.log(tf));
    }
    let norm = 0;
    for (const v of vec) norm += v * v;
    norm = Math.sqrt(norm);
    return norm ? vec.map((v) => v / norm) : vec;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }
}
