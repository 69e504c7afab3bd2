/** Deeper JSON than any webhook or API body needs; past it, recursive code (zod, JSON.stringify of the raw payload) can overflow the stack. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const OPEN_ARR = 0x5b;
const CLOSE_OBJ = 0x7d;
const CLOSE_ARR = 0x5d;

/**
 * True when the raw JSON bytes nest objects/arrays deeper than maxDepth. One pass over the bytes, no
 * recursion and no parse, so it runs before JSON.parse; brackets inside strings do not count. Malformed
 * JSON is left for JSON.parse to reject.
 */
export function jsonTooDeep(raw: Uint8Array, maxDepth = MAX_JSON_DEPTH): boolean {
  if (fewOpenings(raw, maxDepth)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJ || c === OPEN_ARR) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) depth--;
  }
  return false;
}

/** Fast path for the usual body: with at most maxDepth "{" and "[" in all, nothing can nest deeper (native indexOf, no per-byte loop). */
function fewOpenings(raw: Uint8Array, maxDepth: number): boolean {
  let n = 0;
  for (const c of [OPEN_OBJ, OPEN_ARR]) {
    for (let i = raw.indexOf(c); i !== -1; i = raw.indexOf(c, i + 1)) if (++n > maxDepth) return false;
  }
  return true;
}
