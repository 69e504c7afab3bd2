import { normalizeForLexicon } from '@hub/ai';
import type { GuardProcedure } from './types';

/** Words that say "an injection / a treatment" rather than which one. */
const GENERIC_WORDS = /주사|시술|注射|施術|治療|治疗|療程|疗程|\b(injections?|treatments?|therapy)\b|^tiêm\s|\bliệu trình\b/giu;

/**
 * How customers write the parts of a two-part procedure name ("<area> <kind>"), in every language:
 * "嘴唇玻尿酸", "玻尿酸隆鼻", "ほうれい線ヒアル", "額頭肉毒", "filler môi" name a procedure without its stored
 * name. Keyed by the Korean part as it appears in the Korean name. Normalised like the lexicons (vi
 * with or without diacritics); Latin forms match whole words.
 */
const PART_FORMS: Record<string, readonly string[]> = {
  이마: ['이마', 'forehead', '額', '额头', '額頭', 'おでこ', 'trán'],
  사각턱: ['사각턱', '턱', 'jaw', 'masseter', 'エラ', '咬肌', '瘦脸', '瘦臉', 'hàm', 'quai hàm'],
  코: ['코', 'nose', 'nasal', '鼻', 'mũi'],
  입술: ['입술', 'lip', 'lips', '唇', 'môi'],
  팔자: ['팔자', 'nasolabial', 'smile line', 'smile lines', 'laugh lines', 'ほうれい線', '法令纹', '法令紋', 'rãnh mũi má'],
  필러: ['필러', 'filler', 'fillers', 'フィラー', 'ヒアルロン酸', 'ヒアル', '玻尿酸', '填充', 'hyaluronic'],
  보톡스: ['보톡스', '보톡', 'botox', 'ボトックス', '肉毒', 'botulinum'],
};
const LATIN = /^[a-z0-9 ]+$/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PART_RES: Record<string, RegExp> = Object.fromEntries(
  Object.entries(PART_FORMS).map(([k, forms]) => [
    k,
    new RegExp(
      forms
        .map((f) => normalizeForLexicon(f))
        .map((f) => (LATIN.test(f) ? `(?<![a-z])${escape(f)}(?![a-z])` : escape(f)))
        .join('|'),
      'gu',
    ),
  ]),
);
/** Parts further apart than this (characters between them) belong to different phrases. */
const PART_GAP = 6;

/** Every name and the parts of bracketed names ("Ulthera (Ultherapy)" → "Ulthera", "Ultherapy"). */
function aliases(p: GuardProcedure): string[] {
  const out = new Set<string>();
  for (const n of [...Object.values(p.names), ...(p.aliases ?? [])]) {
    if (!n) continue;
    if (n.length >= 2) out.add(n);
    // A part that is only an area or a kind ("Botox" of "Jaw (masseter) Botox") names no one procedure.
    for (const part of n.split(/[()（）、,，/]+/u)) if (part.trim().length >= 3 && !AREA_OR_KIND.test(normalizeForLexicon(part.trim()))) out.add(part.trim());
    // Customers drop the generic word ("물광" for 물광주사, "filler môi" for Tiêm filler môi).
    const bare = n.replace(GENERIC_WORDS, ' ').replace(/\s+/g, ' ').trim();
    if (bare !== n.trim() && [...bare].length >= 2) out.add(bare);
    // …and a model suffix ("热玛吉" for 热玛吉FLX, "Thermage" for Thermage FLX).
    const model = n.replace(/\s*\b[A-Z]{2,4}\b\s*$/u, '').trim();
    if (model !== n.trim() && [...model].length >= (/[a-z]/i.test(model) ? 5 : 2)) out.add(model);
  }
  return [...out];
}

const AREA_OR_KIND = new RegExp(
  `^(${[...Object.values(PART_FORMS).flat(), 'skin', 'laser', 'toning', 'peel', 'injection', 'healer', '레이저', '스킨']
    .map((f) => escape(normalizeForLexicon(f)))
    .join('|')})$`,
  'u',
);

/**
 * The first word of a spaced name ("Rejuran" of Rejuran Healer, "슈링크" of 슈링크 유니버스), or any distinctive word of a Latin one, when no other
 * procedure's name starts with it and it is not an area or a kind ("forehead", "laser"): customers shorten.
 */
/** Words of a name that say nothing about which procedure it is. */
const STOP = /^(with|from|full|face|area|care|type|only|shot|shots|session|sessions|units?)$/;

function headWords(procedures: GuardProcedure[]): Map<GuardProcedure, string[]> {
  const heads = new Map<GuardProcedure, string[]>();
  const owners = new Map<string, Set<string>>();
  for (const p of procedures) {
    const hs = new Set<string>();
    for (const n of [...Object.values(p.names), ...(p.aliases ?? [])]) {
      if (!n) continue;
      const first = normalizeForLexicon(n.split(/[()（）]/u)[0]!)
        .trim()
        .split(' ');
      if (first.length < 2) continue;
      const h = first[0]!;
      const long = LATIN.test(h) ? h.length >= 5 : [...h].length >= 3;
      if (long && !AREA_OR_KIND.test(h)) hs.add(h);
      // A Latin name's other words too ("glow" of "Hydrating glow injection"): customers translate the
      // Korean name in their own words ("water glow injection") and keep only its distinctive word.
      if (LATIN.test(h)) for (const w of first.slice(1)) if (LATIN.test(w) && w.length >= 4 && !AREA_OR_KIND.test(w) && !STOP.test(w)) hs.add(w);
    }
    heads.set(p, [...hs]);
    for (const h of hs) owners.set(h, (owners.get(h) ?? new Set()).add(p.slug));
  }
  for (const [p, hs] of heads)
    heads.set(
      p,
      hs.filter((h) => owners.get(h)!.size === 1),
    );
  return heads;
}

function hasWord(text: string, word: string): boolean {
  if (!LATIN.test(word)) return text.includes(word);
  return new RegExp(`(?<![a-z])${escape(word)}(?![a-z])`, 'u').test(text);
}

/** Spaces are optional in names ("이마보톡스", "thermageflx"); the key keeps the name's letters only. */
const squeeze = (s: string) => normalizeForLexicon(s).replace(/[\s·・\-–]+/gu, '');

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** A Latin name typed with one letter off ("shrink universe" for Shurink Universe): names of 8+ letters, single words of 6+. */
function fuzzyLatin(text: string, alias: string): boolean {
  const name = normalizeForLexicon(alias);
  if (!LATIN.test(name) || name.replace(/ /g, '').length < (name.includes(' ') ? 8 : 6)) return false;
  const words = text.match(/[a-z0-9]+/g) ?? [];
  const k = name.split(' ').length;
  for (let i = 0; i + k <= words.length; i++) if (editDistanceAtMost1(words.slice(i, i + k).join(' '), name)) return true;
  return false;
}

/** A two-part name ("입술 필러") whose parts the text names close together, in any language and order. */
function partsNamed(text: string, p: GuardProcedure): string | undefined {
  const parts = (p.names.ko ?? '').split(/\s+/u).filter(Boolean);
  if (parts.length !== 2 || !parts.every((x) => PART_RES[x])) return undefined;
  const spans = parts.map((x) => [...text.matchAll(PART_RES[x]!)].map((m) => [m.index, m.index + m[0].length] as const));
  for (const [a0, a1] of spans[0]!)
    for (const [b0, b1] of spans[1]!) {
      const gap = a1 <= b0 ? b0 - a1 : b1 <= a0 ? a0 - b1 : -1;
      if (gap >= 0 && gap <= PART_GAP) return p.names.ko;
    }
  return undefined;
}

/**
 * Procedures a text talks about, by any of their names in any language (spaces optional, a Latin name with
 * one letter off), or by the two parts of their name ("嘴唇玻尿酸" for 입술 필러). When one matched name lies
 * inside another ("보톡스" inside "사각턱 보톡스"), only the longer, more specific procedure counts.
 */
export function proceduresInText(text: string, procedures: GuardProcedure[]): { procedure: GuardProcedure; name: string }[] {
  const plain = normalizeForLexicon(text);
  const t = squeeze(text);
  const hits: { procedure: GuardProcedure; name: string; key: string }[] = [];
  const heads = headWords(procedures);
  for (const p of procedures) {
    let best: string | undefined;
    for (const n of aliases(p)) {
      const k = squeeze(n);
      if (k.length < 2) continue;
      if ((t.includes(k) || fuzzyLatin(plain, n)) && (!best || k.length > best.length)) best = k;
    }
    for (const h of heads.get(p) ?? []) if (!best && (hasWord(plain, h) || fuzzyLatin(plain, h))) best = squeeze(h);
    if (!best) {
      const byParts = partsNamed(plain, p);
      if (byParts) best = squeeze(byParts);
    }
    if (best) hits.push({ procedure: p, name: p.names.ko ?? best, key: best });
  }
  return hits
    .filter((h) => !hits.some((o) => o !== h && o.key.length > h.key.length && o.key.includes(h.key)))
    .map(({ procedure, name }) => ({ procedure, name }));
}
