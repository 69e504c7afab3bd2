import { INJECTION_PATTERNS, matchesAny } from './patterns';
import type { GuardResult } from './types';

/**
 * Prompt-injection attempts in the customer's text. Nothing changes because of them: customer text is only
 * ever a user turn (never system text), internal data is never in the prompt, and the output guards run
 * regardless. The attempt is recorded so staff can see it.
 */
export function injectionGuard(turnText: string): GuardResult {
  return matchesAny(INJECTION_PATTERNS, turnText)
    ? { rule: 'prompt_injection', status: 'flagged', detail: 'instructions in customer text ignored' }
    : { rule: 'prompt_injection', status: 'pass' };
}
