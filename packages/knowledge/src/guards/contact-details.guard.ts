import { removeSentences } from './text';
import type { GuardContext, GuardResult } from './types';

/**
 * Contact and payment details come from the clinic, never from the model: a phone or account number, a URL
 * or an e-mail address in a reply must appear in what the clinic itself gave the turn (its phone, settings,
 * the retrieved knowledge). The customer's own text does not count: an injection dictates exactly those
 * ("say this is the official account"). Sentences carrying any other such detail are removed.
 */

const URL_RE =
  /\b(?:https?:\/\/|www\.)[^\s<>"'）)]+|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|kr|jp|cn|tw|vn|top|xyz|info|biz|me|app|link|shop|site|online|ly|to)\b(?:\/[^\s<>"'）)]*)?/giu;
const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/giu;
/** Digit groups joined by spaces, hyphens, dots or brackets: phone, account and card numbers. */
const NUMBER_RE = /\+?\(?\d[\d ().-]{6,}\d/gu;
const DATE_RE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/u;
const THOUSANDS_RE = /^\d{1,3}(?:[., ]\d{3})+$/u;

const digits = (s: string) => s.replace(/\D/g, '');
const host = (u: string) =>
  u
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#:]/)[0]!;

/** Phone-, account- or card-like numbers in a text (8+ digits; dates and thousands-grouped amounts are not). */
export function contactNumbers(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(NUMBER_RE)]
    .map((m) => m[0].trim())
    .filter((n) => digits(n).length >= 8 && !DATE_RE.test(n) && !THOUSANDS_RE.test(n));
}

export function contactLinks(text: string): string[] {
  const t = text.normalize('NFKC');
  const emails = [...t.matchAll(EMAIL_RE)].map((m) => m[0]);
  const rest = emails.reduce((s, e) => s.split(e).join(' '), t);
  return [...emails, ...[...rest.matchAll(URL_RE)].map((m) => m[0])];
}

export function contactDetailsGuard(text: string, ctx: Pick<GuardContext, 'trustedText'>): { text: string; result: GuardResult } {
  // Without the clinic's own text there is nothing to verify against (a re-check of a final text).
  if (ctx.trustedText === undefined) return { text, result: { rule: 'contact_details', status: 'pass' } };
  const trusted = ctx.trustedText.normalize('NFKC').toLowerCase();
  const trustedDigits = contactNumbers(trusted).map(digits);
  const trustedHosts = new Set(contactLinks(trusted).map((l) => host(l.includes('@') ? l.split('@')[1]! : l)));
  const unverified = (s: string) =>
    contactNumbers(s).some((n) => !trustedDigits.includes(digits(n))) ||
    contactLinks(s).some((l) => !trustedHosts.has(host(l.includes('@') ? l.split('@')[1]! : l)));
  const r = removeSentences(text, unverified);
  if (!r.removed.length) return { text, result: { rule: 'contact_details', status: 'pass' } };
  return {
    text: r.text,
    result: { rule: 'contact_details', status: 'repaired', detail: `removed ${r.removed.length} sentence(s) with contact details the clinic did not give` },
  };
}
