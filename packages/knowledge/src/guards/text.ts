/** Sentence-level helpers shared by the guards (CJK and Latin punctuation; decimals like 1.5 stay whole). */

const QUOTES: Record<string, string> = { '「': '」', '『': '』', '【': '】', '“': '”', '（': '）' };

/**
 * A quotation is one sentence with what introduces it ("メモ：「VIP。注意。」"), so a guard removing the
 * sentence removes what it quotes; a quote never closed splits as usual.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  const chars = [...text];
  const open: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    cur += ch;
    const next = chars[i + 1];
    if (QUOTES[ch] && chars.indexOf(QUOTES[ch]!, i + 1) > 0) open.push(QUOTES[ch]!);
    else if (ch === open[open.length - 1]) open.pop();
    if (open.length && ch !== '\n') continue;
    const end = ch === '\n' || '。！？'.includes(ch) || ('.!?'.includes(ch) && (next === undefined || /\s/.test(next)));
    if (end) {
      while (chars[i + 1] === ' ') cur += chars[++i]!;
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Removes sentences matching `bad`; returns the rest and how many were removed. */
export function removeSentences(text: string, bad: (s: string) => boolean): { text: string; removed: string[] } {
  const removed: string[] = [];
  const kept = splitSentences(text).filter((s) => {
    if (s.trim() && bad(s)) {
      removed.push(s.trim());
      return false;
    }
    return true;
  });
  return { text: tidy(kept.join('')), removed };
}

export function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\(\s*\)|（\s*）|\[\s*\]/g, '')
    .replace(/ +([,.!?。、，])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** True when the text has some letters left (not only punctuation, emoji or whitespace). */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
