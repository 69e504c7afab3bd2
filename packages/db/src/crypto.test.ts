import { describe, expect, it } from 'vitest';
import { Keyring, generateKeySpec, maskSecret } from './crypto';

describe('credentials encryption', () => {
  const secret = { channelSecret: 'abcdef0123456789', accessToken: 'tok' };

  it('round-trips and never stores plaintext', () => {
    const k = new Keyring(generateKeySpec('k1'));
    const env = k.encrypt(secret);
    expect(JSON.stringify(env)).not.toContain('abcdef0123456789');
    expect(env.kid).toBe('k1');
    expect(k.decrypt(env)).toEqual(secret);
  });

  it('rotates: a new first key encrypts, old envelopes still decrypt', () => {
    const old = generateKeySpec('k1');
    const env = new Keyring(old).encrypt(secret);
    const rotated = new Keyring(`${generateKeySpec('k2')},${old}`);
    expect(rotated.decrypt(env)).toEqual(secret);
    expect(rotated.needsRotation(env)).toBe(true);
    expect(rotated.encrypt(secret).kid).toBe('k2');
  });

  it('detects tampering and unknown keys', () => {
    const k = new Keyring(generateKeySpec('k1'));
    const env = k.encrypt(secret);
    const ct = Buffer.from(env.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    expect(() => k.decrypt({ ...env, ct: ct.toString('base64') })).toThrow();
    expect(() => new Keyring(generateKeySpec('other')).decrypt(env)).toThrow(/unknown key id "k1"/);
  });

  it('masks secrets', () => {
    expect(maskSecret('1234567890abcd')).toMatch(/•+abcd$/);
    expect(maskSecret('abc')).toBe('••••');
  });
});
