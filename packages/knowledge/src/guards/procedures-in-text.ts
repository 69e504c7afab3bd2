import type { GuardProcedure } from './types';
import { norm } from './text';

/** Words that say "an injection / a treatment" rather than which one. */
const GENERIC_WORDS = /주사|시술|注射|施術|治療|治疗|療程|疗程|\b(injections?|treatments?|therapy)\b|^tiêm\s|\bliệu trình\b/giu;

/** Every name and the parts of bracketed names ("Ulthera (Ultherapy)" → "Ulthera", "Ultherapy"). */
function aliases(p: GuardProcedure): string[] {
  const out = new Set<string>();
  for (const n of Object.values(p.names)) {
    if (!n) continue;
    if (n.length >= 2) out.add(n);
    for (const part of n.split(/[()（）、,，/]+/u)) if (part.trim().length >= 3) out.add(part.trim());
    // Customers drop the generic word ("물광" for 물광주사, "filler môi" for Tiêm filler môi).
    const bare = n.replace(GENERIC_WORDS, ' ').replace(/\s+/g, ' ').trim();
    if (bare !== n.trim() && [...bare].length >= 2) out.add(bare);
  }
  return [...out];
}

/**
 * Procedures a text talks about, by any of their names in any language. When one matched name lies inside
 * another ("보톡스" inside "사각턱 보톡스"), only the longer, more specific procedure counts.
 */
export function proceduresInText(text: string, procedures: GuardProcedure[]): { procedure: GuardProcedure; name: string }[] {
  const t = norm(text);
  const hits: { procedure: GuardProcedure; name: string; key: string }[] = [];
  for (const p of procedures) {
    let best: string | undefined;
    for (const n of aliases(p)) {
      const k = norm(n);
      if (t.includes(k) && (!best || k.length > best.length)) best = k;
    }
    if (best) hits.push({ procedure: p, name: p.names.ko ?? best, key: best });
  }
  return hits
    .filter((h) => !hits.some((o) => o !== h && o.key.length > h.key.length && o.key.includes(h.key)))
    .map(({ procedure, name }) => ({ procedure, name }));
}
