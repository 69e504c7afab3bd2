import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

// Credentials at rest: AES-256-GCM with a random 96-bit IV per write, the key id stored beside the
// ciphertext so keys can rotate (decrypt with any known key, encrypt with the first).

export const EncryptedEnvelopeSchema = z.object({
  v: z.literal(1),
  kid: z.string().min(1),
  iv: z.string(),
  tag: z.string(),
  ct: z.string(),
});
export type EncryptedEnvelope = z.infer<typeof EncryptedEnvelopeSchema>;

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

  encrypt(value: unknown): EncryptedEnvelope {
    const key = this.keys.get(this.currentKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { v: 1, kid: this.currentKeyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
  }

  decrypt(envelope: unknown): unknown {
    const env = EncryptedEnvelopeSchema.parse(envelope);
    const key = this.keys.get(env.kid);
    if (!key) throw new Error(`credentials were encrypted with unknown key id "${env.kid}"`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(env.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(env.tag, 'base64'));
    const pt = Buffer.concat([decipher.update(Buffer.from(env.ct, 'base64')), decipher.final()]);
    return JSON.parse(pt.toString('utf8'));
  }

  /** True when the envelope is under an older key and should be re-encrypted. */
  needsRotation(envelope: EncryptedEnvelope): boolean {
    return envelope.kid !== this.currentKeyId;
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
