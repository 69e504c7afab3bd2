import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordRule = 'min_length' | 'max_length' | 'not_common';

// zxcvbn-ts with its common-password list (~49,000 leaked passwords, keyboard walks, l33t variants):
// a score below 2 means "too guessable", e.g. password123, Password123!, qwertyuiop.
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/** The rule a new password breaks, with a message for people; null when it is acceptable. */
export function passwordProblem(password: string): { rule: PasswordRule; message: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { rule: 'min_length', message: `use at least ${MIN_PASSWORD_LENGTH} characters (rule: min_length)` };
  if (password.length > MAX_PASSWORD_LENGTH) return { rule: 'max_length', message: `use at most ${MAX_PASSWORD_LENGTH} characters (rule: max_length)` };
  if (zxcvbn.check(password.slice(0, 100)).score < 2) {
    return { rule: 'not_common', message: 'this password is commonly used or easy to guess; choose a longer, less predictable one (rule: not_common)' };
  }
  return null;
}
