import { extractPrices, formatPrice, sameAmount } from './prices';
import { proceduresInText } from './procedures-in-text';
import { hasContent, splitSentences, tidy } from './text';
import type { AllowedPrice, GuardContext, GuardResult } from './types';

/**
 * Every amount quoted with a currency must be a current price of this clinic (event price while the event
 * runs, regular otherwise, the stored foreign-currency prices, or an amount staff wrote in the library).
 * An invented amount is replaced by the right one when the sentence's procedure has exactly one price in
 * that currency (or in KRW); otherwise the sentence is removed. A reply left empty goes to staff.
 */
export function priceGuard(
  text: string,
  ctx: Pick<GuardContext, 'lang' | 'allowedPrices' | 'procedures' | 'knowledgeSlugs'>,
): { text: string; result: GuardResult; handoff?: { reason: string } } {
  const allowed = ctx.allowedPrices.filter((p) => !p.warnedReference);
  const ok = (currency: string, amount: number) => allowed.some((p) => p.currency === currency && sameAmount(amount, p.amount));
  const fixes: string[] = [];
  const removed: string[] = [];
  const out: string[] = [];
  for (const sentence of splitSentences(text)) {
    const mentions = extractPrices(sentence, ctx.lang).filter((m) => m.amounts.some((a) => !ok(m.currency, a)));
    if (!mentions.length) {
      out.push(sentence);
      continue;
    }
    const named = proceduresInText(sentence, ctx.procedures).map((h) => h.procedure.slug);
    const slug = named.length === 1 ? named[0] : named.length === 0 ? ctx.knowledgeSlugs[0] : undefined;
    let repaired = sentence;
    let fixable = slug !== undefined;
    for (const m of mentions) {
      if (!fixable) break;
      const forSlug = (cur: string): AllowedPrice[] => allowed.filter((p) => p.slug === slug && p.currency === cur);
      const candidates = forSlug(m.currency).length ? forSlug(m.currency) : forSlug('KRW');
      if (candidates.length !== 1) {
        fixable = false;
        break;
      }
      const c = candidates[0]!;
      const replacement = formatPrice(c.amount, c.currency, ctx.lang);
      repaired = repaired.normalize('NFKC').replace(m.raw, replacement);
      fixes.push(`${m.raw} → ${replacement}`);
    }
    if (fixable) out.push(repaired);
    else removed.push(sentence.trim());
  }
  if (!fixes.length && !removed.length) return { text, result: { rule: 'price_accuracy', status: 'pass' } };
  const result = tidy(out.join(''));
  const detail = [...fixes, ...removed.map((s) => `removed: ${s}`)].join(' | ');
  if (!hasContent(result)) return { text: '', result: { rule: 'price_accuracy', status: 'blocked', detail }, handoff: { reason: 'price_unverified' } };
  return { text: result, result: { rule: 'price_accuracy', status: 'repaired', detail } };
}
