import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Keyring, generateKeySpec, maskSecret } from './crypto';

describe('credentials encryption', () => {
  const secret = { channelSecret: 'abcdef0123456789', accessToken: 'tok' };
  const id = randomUUID();

  it('round-trips and never stores plaintext', () => {
    const k = new Keyring(generateKeySpec('k1'));
    const env = k.encrypt(secret, id);
    expect(JSON.stringify(env)).not.toContain('abcdef0123456789');
    expect(env).toMatchObject({ v: 2, kid: 'k1', aad: 'messenger_account' });
    expect(k.decrypt(env, id)).toEqual(secret);
  });

  it("binds the ciphertext to its row: another row's id fails to decrypt", () => {
    const k = new Keyring(generateKeySpec('k1'));
    const env = k.encrypt(secret, id);
    expect(() => k.decrypt(env, randomUUID())).toThrow(/another row/);
  });

  it('still decrypts v1 envelopes (before AAD) and marks them for rotation', () => {
    const spec = generateKeySpec('k1');
    const key = Buffer.from(spec.split(':')[1]!, 'base64');
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([c.update(JSON.stringify(secret)), c.final()]);
    const v1 = { v: 1, kid: 'k1', iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), ct: ct.toString('base64') };
    const k = new Keyring(spec);
    expect(k.decrypt(v1, id)).toEqual(secret);
    expect(k.needsRotation(v1)).toBe(true);
    expect(k.needsRotation(k.encrypt(secret, id))).toBe(false);
  });

  it('rotates: a new first key encrypts, old envelopes still decrypt', () => {
    const old = generateKeySpec('k1');
    const env = new Keyring(old).encrypt(secret, id);
    const rotated = new Keyring(`${generateKeySpec('k2')},${old}`);
    expect(rotated.decrypt(env, id)).toEqual(secret);
    expect(rotated.needsRotation(env)).toBe(true);
    expect(rotated.encrypt(secret, id).kid).toBe('k2');
  });

  it('detects tampering and unknown keys', () => {
    const k = new Keyring(generateKeySpec('k1'));
    const env = k.encrypt(secret, id);
    const ct = Buffer.from(env.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    expect(() => k.decrypt({ ...env, ct: ct.toString('base64') }, id)).toThrow();
    expect(() => new Keyring(generateKeySpec('other')).decrypt(env, id)).toThrow(/unknown key id "k1"/);
  });

  it('masks secrets', () => {
    expect(maskSecret('1234567890abcd')).toMatch(/•+abcd$/);
    expect(maskSecret('abc')).toBe('••••');
  });
});
