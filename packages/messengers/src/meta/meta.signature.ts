import { digestEquals, headerValue, hmacSha256, secretEquals } from '../inbound.helpers';
import type { VerifyInput } from '../types';

export const META_SIGNATURE_HEADER = 'x-hub-signature-256';
const PREFIX = 'sha256=';

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(rawBody, appSecret)>`, shared by Messenger,
 * Instagram and WhatsApp. Must run on the raw bytes: Meta signs its escaped-unicode JSON.
 */
export function verifyMetaSignature({ rawBody, headers }: VerifyInput, appSecret: string): boolean {
  const header = headerValue(headers, META_SIGNATURE_HEADER);
  if (header === undefined || !appSecret || !header.startsWith(PREFIX)) return false;
  return digestEquals(header.slice(PREFIX.length).toLowerCase(), hmacSha256(rawBody, appSecret, 'hex'));
}

export type HandshakeQuery = Record<string, unknown>;

function single(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Meta's GET subscription handshake: answer 200 with `hub.challenge` when `hub.mode=subscribe`
 * and `hub.verify_token` is this account's token; null → 403.
 */
export function verifyMetaHandshake(query: HandshakeQuery, verifyToken: string): string | null {
  const mode = single(query['hub.mode']);
  const token = single(query['hub.verify_token']);
  const challenge = single(query['hub.challenge']);
  if (mode !== 'subscribe' || token === undefined || !challenge) return null;
  return secretEquals(token, verifyToken) ? challenge : null;
}
