import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

// Credentials at rest: AES-256-GCM with a random 96-bit IV per write, the key id stored beside the
// ciphertext so keys can rotate (decrypt with any known key, encrypt with the first). Version 2 binds
// the ciphertext to its row with AAD ("<purpose>:<row id>"): an envelope copied into another account's
// row fails authentication instead of handing that account someone else's bot token.

/** What an envelope's AAD binds it to; the row id completes it. */
export const AAD_PURPOSES = ['messenger_account', 'alert_secret'] as const;
export type AadPurpose = (typeof AAD_PURPOSES)[number];

const base = { kid: z.string().min(1), iv: z.string(), tag: z.string(), ct: z.string() };
export const EncryptedEnvelopeSchema = z.discriminatedUnion('v', [
  /** Before AAD: still decrypts, so rows keep working until `pnpm hub rotate-keys` rewrites them. */
  z.object({ v: z.literal(1), ...base }),
  z.object({ v: z.literal(2), aad: z.enum(AAD_PURPOSES), ...base }),
]);
export type EncryptedEnvelope = z.infer<typeof EncryptedEnvelopeSchema>;

const aadOf = (purpose: AadPurpose, rowId: string) => Buffer.from(`${purpose}:${rowId}`, 'utf8');

export class Keyring {
  private readonly keys: Map<string, Buffer>;
  readonly currentKeyId: string;

  /** spec: "keyId:base64key[,keyId:base64key...]" — the first key encrypts. */
  constructor(spec: string) {
    this.keys = new Map();
    for (const pair of spec.split(',')) {
      const [id, b64] = pair.split(':');
      const key = Buffer.from(b64 ?? '', 'base64');
      if (!id || key.length !== 32) throw new Error('CREDENTIALS_ENCRYPTION_KEYS: each entry must be keyId:base64 of 32 bytes');
      this.keys.set(id, key);
    }
    const first = spec.split(':')[0];
    if (!first) throw new Error('CREDENTIALS_ENCRYPTION_KEYS is empty');
    this.currentKeyId = first;
  }

  /** Encrypts for one row: rowId is the id of the row the envelope is stored in (e.g. the messenger account). */
  encrypt(value: unknown, rowId: string, purpose: AadPurpose = 'messenger_account'): EncryptedEnvelope & { v: 2 } {
    if (!rowId) throw new Error('encrypt needs the id of the row the ciphertext is stored in');
    const key = this.keys.get(this.currentKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aadOf(purpose, rowId));
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { v: 2, aad: purpose, kid: this.currentKeyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
  }

  /** Decrypts an envelope read from the row with id rowId; throws when it was encrypted for another row. */
  decrypt(envelope: unknown, rowId: string): unknown {
    const env = EncryptedEnvelopeSchema.parse(envelope);
    const key = this.keys.get(env.kid);
    if (!key) throw new Error(`credentials were encrypted with unknown key id "${env.kid}"`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(env.iv, 'base64'));
    if (env.v === 2) decipher.setAAD(aadOf(env.aad, rowId));
    decipher.setAuthTag(Buffer.from(env.tag, 'base64'));
    let pt: Buffer;
    try {
      pt = Buffer.concat([decipher.update(Buffer.from(env.ct, 'base64')), decipher.final()]);
    } catch {
      throw new Error('credentials failed authentication: tampered, or encrypted for another row');
    }
    return JSON.parse(pt.toString('utf8'));
  }

  /** True when the envelope is under an older key or without AAD, and should be re-encrypted. */
  needsRotation(envelope: unknown): boolean {
    const env = EncryptedEnvelopeSchema.safeParse(envelope);
    return !env.success || env.data.v !== 2 || env.data.kid !== this.currentKeyId;
  }
}

/** Masks a secret for display: keeps the last 4 characters. */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '••••';
  return `${'•'.repeat(Math.min(12, value.length - 4))}${value.slice(-4)}`;
}

export function generateKeySpec(id = 'k1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}
