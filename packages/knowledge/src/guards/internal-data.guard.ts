import { extractPrices, sameAmount } from './prices';
import { INTERNAL_DATA_PATTERNS, matchesAny } from './patterns';
import { removeSentences } from './text';
import type { GuardContext, GuardResult } from './types';

/**
 * Internal business data never reaches a customer. The fields never enter the prompt; this scans the reply
 * anyway (a model can still make things up): sentences naming cost/margin/difficulty/preference/sales scores,
 * or stating an internal value as an amount that is not a real price, are removed.
 */
export function internalDataGuard(text: string, ctx: Pick<GuardContext, 'lang' | 'internalValues' | 'allowedPrices'>): { text: string; result: GuardResult } {
  const leaksValue = (s: string) =>
    extractPrices(s, ctx.lang).some((m) =>
      m.amounts.some(
        (a) => ctx.internalValues.some((v) => sameAmount(a, v)) && !ctx.allowedPrices.some((p) => p.currency === m.currency && sameAmount(a, p.amount)),
      ),
    );
  const r = removeSentences(text, (s) => matchesAny(INTERNAL_DATA_PATTERNS, s) || leaksValue(s));
  if (!r.removed.length) return { text, result: { rule: 'internal_data', status: 'pass' } };
  return { text: r.text, result: { rule: 'internal_data', status: 'repaired', detail: `removed ${r.removed.length} sentence(s)` } };
}

/** The customer asked for internal data (cost price, margin…): answered with a polite refusal. */
export function asksForInternalData(turnText: string): boolean {
  return matchesAny(INTERNAL_DATA_PATTERNS, turnText);
}
