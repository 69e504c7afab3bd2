/**
 * Splits a reply into parts of at most `maxLength` UTF-16 code units (the unit every platform
 * limit here is documented in or stricter than), preferring, in order: paragraph breaks, line
 * breaks, sentence ends (Latin `.!?…` before whitespace; CJK `。！？` anywhere), whitespace, and
 * finally a grapheme boundary, so a part never ends inside a surrogate pair or an emoji sequence.
 */
export function splitText(text: string, maxLength: number): string[] {
  if (!Number.isInteger(maxLength) || maxLength < 2) throw new RangeError(`maxLength must be an integer ≥ 2, got ${maxLength}`);
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > maxLength) {
    const cut = findCut(rest, maxLength);
    const part = rest.slice(0, cut).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** A cut earlier than this share of the window makes too many tiny messages; try the next rule. */
const MIN_FILL = 0.5;

const BREAK_RULES: RegExp[] = [
  /\n[ \t]*\n\s*/g, // paragraph
  /\n\s*/g, // line
  /(?:[.!?…]+["'”’)\]]*\s+|[。！？．｡]+["'”’」』）)\]]*\s*)/g, // sentence end
  /\s+/g, // any whitespace
];

function findCut(text: string, maxLength: number): number {
  // Look one unit past the window: a separator starting at maxLength still allows a cut there.
  const window = text.slice(0, maxLength + 1);
  const minCut = Math.floor(maxLength * MIN_FILL);
  for (const rule of BREAK_RULES) {
    let best = -1;
    for (const m of window.matchAll(rule)) {
      // Cut after sentence punctuation, before the whitespace that follows it.
      const end = m.index + m[0].replace(/\s+$/u, '').length;
      const cut = rule === BREAK_RULES[2] ? end : m.index;
      if (cut > 0 && cut <= maxLength) best = cut;
    }
    if (best >= minCut) return best;
  }
  return graphemeCut(text, maxLength);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemeCut(text: string, maxLength: number): number {
  let cut = 0;
  for (const { index, segment } of segmenter.segment(text.slice(0, maxLength + 64))) {
    const end = index + segment.length;
    if (end > maxLength) break;
    cut = end;
  }
  if (cut > 0) return cut;
  // A single grapheme longer than the limit (absurd ZWJ chains): fall back to code points.
  const code = text.charCodeAt(maxLength - 1);
  return code >= 0xd800 && code <= 0xdbff ? maxLength - 1 : maxLength;
}

/** Groups items into batches of at most `size` (LINE: 5 messages per call). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
