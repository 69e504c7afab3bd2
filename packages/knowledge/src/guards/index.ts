import { aiIdentityGuard } from './ai-identity.guard';
import { contactDetailsGuard } from './contact-details.guard';
import { discountGuard } from './discount.guard';
import { internalDataGuard } from './internal-data.guard';
import { medicalClaimsGuard } from './medical-claims.guard';
import { priceGuard } from './price.guard';
import { sideEffectsGuard } from './side-effects.guard';
import { languageGuard } from './language.guard';
import { promptEchoGuard } from './prompt-echo.guard';
import { hasContent } from './text';
import type { GuardContext, GuardOutcome, GuardResult } from './types';

export * from './types';
export { advertisedDiscounts, discountGuard } from './discount.guard';
export { asksForInternalData, internalDataGuard } from './internal-data.guard';
export { injectionGuard } from './injection.guard';
export { aiIdentityGuard } from './ai-identity.guard';
export { contactDetailsGuard, contactLinks, contactNumbers } from './contact-details.guard';
export { promptEchoGuard } from './prompt-echo.guard';
export { medicalClaimsGuard } from './medical-claims.guard';
export { priceGuard } from './price.guard';
export { sideEffectsGuard } from './side-effects.guard';
export { foreignFragments, languageGuard } from './language.guard';
export { inputHandoff, isBookingRequest, type TurnHandoffReason } from './handoff.rules';
export { extractPrices, formatPrice } from './prices';
export { proceduresInText } from './procedures-in-text';

/**
 * The output rules, in order, on a generated reply before anything is sent. Each repairs what it can;
 * a reply that cannot be made safe is blocked (text '') with a handoff reason.
 * Order: withhold a reply that dumps the model's instructions; remove what must not be said (internal
 * data, contact details the clinic did not give, claims to be a person, medical claims, discount wording),
 * fix prices, then add what must be said (side-effect disclosures, which quote no prices).
 */
export async function runOutputGuards(text: string, ctx: GuardContext): Promise<GuardOutcome> {
  const results: GuardResult[] = [];
  const echo = promptEchoGuard(text, ctx);
  results.push(echo.result);
  if (echo.handoff) return { text: '', results, handoff: echo.handoff };
  let t = text;
  const a = internalDataGuard(t, ctx);
  results.push(a.result);
  t = a.text;
  const contact = contactDetailsGuard(t, ctx);
  results.push(contact.result);
  t = contact.text;
  const identity = aiIdentityGuard(t);
  results.push(identity.result);
  t = identity.text;
  const b = medicalClaimsGuard(t);
  results.push(b.result);
  t = b.text;
  if (b.handoff) return { text: '', results, handoff: b.handoff };
  const c = discountGuard(t, ctx);
  results.push(c.result);
  t = c.text;
  const d = priceGuard(t, ctx);
  results.push(d.result);
  t = d.text;
  if (d.handoff) return { text: '', results, handoff: d.handoff };
  const e = await sideEffectsGuard(t, ctx);
  results.push(e.result);
  // Everything was cut: nothing safe is left to send.
  if (!hasContent(e.text)) return { text: '', results, handoff: { reason: 'reply_blocked' } };
  const f = languageGuard(e.text, ctx.lang, ctx.allowedNames);
  results.push(f.result);
  if (f.handoff) return { text: '', results, handoff: f.handoff };
  return { text: e.text, results };
}

/** Rules re-checked on a final text (eval and tests): everything that is still wrong, as violations. */
export async function violations(text: string, ctx: GuardContext): Promise<GuardResult[]> {
  const out = await runOutputGuards(text, ctx);
  return out.results.filter((r) => r.status !== 'pass');
}
