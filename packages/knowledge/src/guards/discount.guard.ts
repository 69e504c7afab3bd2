import { extractPrices, sameAmount } from './prices';
import { removeSentences, tidy } from './text';
import type { GuardContext, GuardResult } from './types';

// "60% off", "60% 할인", "60%オフ", "割引60%", "giảm 60%", "打4折", "반값", "半額"…
const PERCENT = [
  /(\d{1,3}(?:\.\d+)?)\s*%\s*(?:off|discount|할인|dc|디씨|オフ|引き|割引|割り引き|折扣|优惠|優惠|减|減|giảm)/giu,
  /(?:discount|할인(?:율|률)?|割引(?:率)?|折扣|优惠|優惠|giảm(?:\s*giá)?|sale)\s*(?:of|은|는|이|가|:|：)?\s*(?:최대|最大|up\s*to|tới|lên\s*đến)?\s*(\d{1,3}(?:\.\d+)?)\s*%/giu,
];
const CHINESE_ZHE = /打?\s*(\d(?:\.\d)?)\s*折/gu;
const HALF_PRICE = /반값|반액|半額|半价|半價|half[- ]price|giảm một nửa|nửa giá/giu;

/** Every advertised discount percentage over 49 found in the text, with the phrase. */
export function advertisedDiscounts(text: string): { phrase: string; percent: number }[] {
  const t = text.normalize('NFKC');
  const out: { phrase: string; percent: number }[] = [];
  for (const re of PERCENT) for (const m of t.matchAll(re)) out.push({ phrase: m[0], percent: Number(m[1]) });
  for (const m of t.matchAll(CHINESE_ZHE)) out.push({ phrase: m[0], percent: Math.round(100 - Number(m[1]) * 10) });
  for (const m of t.matchAll(HALF_PRICE)) out.push({ phrase: m[0], percent: 50 });
  return out.filter((d) => d.percent > 49 && d.percent <= 100);
}

/**
 * A discount over 49% is never advertised as such: the wording ("60% off", "반값") is cut out, and a
 * sentence quoting the regular price of a warned offer (which advertises the gap) is removed. The
 * event price itself may still be quoted.
 */
export function discountGuard(text: string, ctx: Pick<GuardContext, 'lang' | 'allowedPrices'>): { text: string; result: GuardResult } {
  let out = text;
  const found = advertisedDiscounts(text);
  for (const d of found) out = out.split(d.phrase).join('');
  const warned = ctx.allowedPrices.filter((p) => p.warnedReference);
  const r = removeSentences(out, (s) =>
    extractPrices(s, ctx.lang).some((m) => m.amounts.some((a) => warned.some((w) => w.currency === m.currency && sameAmount(a, w.amount)))),
  );
  out = tidy(r.text);
  if (!found.length && !r.removed.length) return { text, result: { rule: 'discount_wording', status: 'pass' } };
  const detail = [...found.map((d) => d.phrase), ...r.removed.map((s) => `reference price: ${s}`)].join(' | ');
  return { text: out, result: { rule: 'discount_wording', status: 'repaired', detail } };
}
