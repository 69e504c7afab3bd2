import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The acknowledge link in an email or a push: the alert, the user it was sent to and an expiry, signed
 * with a key derived from the credentials keyring (worker and API both hold it; rotating it ends old links).
 */
export interface AckClaims {
  notificationId: string;
  userId: string | null;
  expiresAt: number;
}

const keyOf = (keyringSpec: string) => createHmac('sha256', keyringSpec).update('hub-alert-ack-v1').digest();

export function signAckToken(keyringSpec: string, claims: AckClaims): string {
  const body = Buffer.from(JSON.stringify({ n: claims.notificationId, u: claims.userId, e: claims.expiresAt })).toString('base64url');
  const mac = createHmac('sha256', keyOf(keyringSpec)).update(body).digest('base64url');
  return `${body}.${mac}`;
}

export type AckTokenResult = { ok: true; claims: AckClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyAckToken(keyringSpec: string, token: string, now = Date.now()): AckTokenResult {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return { ok: false, reason: 'malformed' };
  const want = createHmac('sha256', keyOf(keyringSpec)).update(body).digest();
  const got = Buffer.from(mac, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: 'bad_signature' };
  let parsed: { n?: unknown; u?: unknown; e?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof parsed.n !== 'string' || typeof parsed.e !== 'number' || (parsed.u !== null && typeof parsed.u !== 'string'))
    return { ok: false, reason: 'malformed' };
  if (parsed.e < now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { notificationId: parsed.n, userId: parsed.u as string | null, expiresAt: parsed.e } };
}
