import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { InboundEventSchema, WebhookParseError, type InboundEvent, type InboundEventInput, type VerifyInput } from './types';

/** 1 MB: every platform except WhatsApp, whose batches of up to 1000 updates need more. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Header lookup tolerant of casing. Node lowercases incoming names, so the fast path is one
 * property read; a repeated header (array of several values) is refused, never guessed at.
 */
export function headerValue(headers: VerifyInput['headers'], lowerName: string): string | undefined {
  let value = headers[lowerName];
  if (value === undefined) {
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === lowerName) {
        value = headers[key];
        break;
      }
    }
  }
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Constant-time equality of two ASCII digests; the length of a digest is public. */
export function digestEquals(provided: string, expected: string): boolean {
  const a = Buffer.from(provided, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Constant-time equality of shared secrets; hashing first hides the secret's length too. */
export function secretEquals(provided: string, expected: string): boolean {
  if (expected.length === 0) return false;
  const a = createHash('sha256').update(provided, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export function hmacSha256(rawBody: Buffer | string, key: string, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', key).update(rawBody).digest(encoding);
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function formatIssues(issues: z.ZodError['issues'], prefix: readonly PropertyKey[] = []): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = [...prefix, ...issue.path].map(String).join('.');
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Validate one piece of a webhook. `where` is the JSON path of `value` inside the body, so the
 * 400 answer names the exact field (e.g. `entry.1.messaging.0.sender.id: expected string`).
 */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: readonly PropertyKey[], what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new WebhookParseError(`malformed ${what}: ${formatIssues(result.error.issues, where)}`, result.error.issues);
}

export function normalized(input: InboundEventInput): InboundEvent {
  const result = InboundEventSchema.safeParse(input);
  if (result.success) return result.data;
  throw new WebhookParseError(`event does not normalize: ${formatIssues(result.error.issues)}`, result.error.issues);
}

// Platform clocks: Telegram/WhatsApp send Unix seconds, LINE/Meta milliseconds.
const MAX_MS = 8.64e15;

export function isoFromMillis(ms: number, what: string): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_MS) throw new WebhookParseError(`malformed ${what}: not a timestamp`);
  return new Date(ms).toISOString();
}

export function isoFromSeconds(seconds: number | string, what: string): string {
  return isoFromMillis(Number(seconds) * 1000, what);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
