import { MEDICAL_CLAIM_PATTERNS, matchesAny } from './patterns';
import { hasContent, removeSentences } from './text';
import type { GuardResult } from './types';

/** No diagnosis and no guaranteed outcome: such sentences are removed; a reply left empty goes to staff. */
export function medicalClaimsGuard(text: string): { text: string; result: GuardResult; handoff?: { reason: string } } {
  const r = removeSentences(text, (s) => matchesAny(MEDICAL_CLAIM_PATTERNS, s));
  if (!r.removed.length) return { text, result: { rule: 'medical_claims', status: 'pass' } };
  if (!hasContent(r.text)) {
    return { text: '', result: { rule: 'medical_claims', status: 'blocked', detail: r.removed.join(' | ') }, handoff: { reason: 'medical_question' } };
  }
  return { text: r.text, result: { rule: 'medical_claims', status: 'repaired', detail: r.removed.join(' | ') } };
}
