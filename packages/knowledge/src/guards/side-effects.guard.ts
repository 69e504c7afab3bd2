import { DISCLOSURE_LEAD, SERIOUS_RISKS_GENERIC, type LangCode } from '../lang';
import { foreignFragments } from './language.guard';
import { proceduresInText } from './procedures-in-text';
import { norm } from './text';
import type { GuardContext, GuardResult } from './types';

function disclosed(reply: string, texts: string[]): boolean {
  const r = norm(reply);
  return texts.some((t) => {
    const k = norm(t);
    if (r.includes(k)) return true;
    // A list counts as disclosed when every item is mentioned.
    const items = k
      .split(/[,、，;；/]|\s(?:and|or|및|và)\s/u)
      .map((x) => x.trim())
      .filter((x) => x.length > 1);
    return items.length > 1 && items.every((i) => r.includes(i));
  });
}

/**
 * Whenever the reply talks about a procedure, its serious side effects are disclosed: appended in the
 * customer's language (or in Korean when no rendering exists) unless the reply already states them.
 */
export async function sideEffectsGuard(
  text: string,
  ctx: Pick<GuardContext, 'lang' | 'procedures' | 'localize'>,
): Promise<{ text: string; result: GuardResult }> {
  if (!text.trim()) return { text, result: { rule: 'side_effect_disclosure', status: 'pass' } };
  const lang: LangCode = ctx.lang;
  const additions = new Map<string, string[]>();
  for (const { procedure, name } of proceduresInText(text, ctx.procedures)) {
    const d = procedure.dangerousSideEffects;
    if (!d?.ko) continue;
    const rendered = d[lang] ?? (ctx.localize ? await ctx.localize(d.ko, lang) : undefined);
    // Not sayable in the customer's language: a general warning in it, never the Korean text.
    const own = rendered && !foreignFragments(rendered, lang).length ? rendered : SERIOUS_RISKS_GENERIC[lang];
    const shown = procedure.names[lang] ?? procedure.names.en ?? name;
    if (disclosed(text, [own, d.ko]) || norm(text).includes(norm(DISCLOSURE_LEAD[lang](shown)))) continue;
    additions.set(own, [...(additions.get(own) ?? []), shown]);
  }
  if (!additions.size) return { text, result: { rule: 'side_effect_disclosure', status: 'pass' } };
  const lines = [...additions].map(([effects, names]) => `${DISCLOSURE_LEAD[lang](names.join(', '))} ${effects}`);
  return {
    text: `${text.trim()}\n${lines.join('\n')}`,
    result: { rule: 'side_effect_disclosure', status: 'repaired', detail: `disclosed for ${[...additions.values()].flat().join(', ')}` },
  };
}
