import { describe, expect, it } from 'vitest';
import { metaHandshakeQuery, signMeta } from './meta.sign';
import { verifyMetaHandshake, verifyMetaSignature } from './meta.signature';

describe('verifyMetaHandshake', () => {
  const token = 'fb-verify-9d2c71';

  it('echoes hub.challenge for subscribe with the right token', () => {
    expect(verifyMetaHandshake(metaHandshakeQuery(token, '1158201444'), token)).toBe('1158201444');
    // Some routers give repeated query keys as arrays.
    expect(verifyMetaHandshake({ 'hub.mode': ['subscribe'], 'hub.verify_token': [token], 'hub.challenge': ['42'] }, token)).toBe('42');
  });

  it('refuses a wrong or missing token, another mode, or no challenge', () => {
    expect(verifyMetaHandshake(metaHandshakeQuery('fb-verify-9d2c72'), token)).toBeNull();
    expect(verifyMetaHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': '1' }, token)).toBeNull();
    expect(verifyMetaHandshake({ ...metaHandshakeQuery(token), 'hub.mode': 'unsubscribe' }, token)).toBeNull();
    expect(verifyMetaHandshake({ ...metaHandshakeQuery(token), 'hub.challenge': '' }, token)).toBeNull();
    expect(verifyMetaHandshake({ ...metaHandshakeQuery(token), 'hub.verify_token': [token, token] }, token)).toBeNull();
    expect(verifyMetaHandshake(metaHandshakeQuery(''), '')).toBeNull();
    expect(verifyMetaHandshake({}, token)).toBeNull();
  });
});

describe('verifyMetaSignature', () => {
  const rawBody = Buffer.from('{"object":"page","entry":[{"id":"1","time":1,"messaging":[{"message":{"text":"\\u00e9"}}]}]}');
  const secret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

  it('checks the raw bytes Meta signed, not a re-serialization', () => {
    const headers = signMeta(rawBody, secret);
    expect(verifyMetaSignature({ rawBody, headers }, secret)).toBe(true);
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString())));
    expect(verifyMetaSignature({ rawBody: reserialized, headers }, secret)).toBe(false);
  });

  it('accepts upper-case hex but requires the sha256= prefix', () => {
    const { 'x-hub-signature-256': header } = signMeta(rawBody, secret);
    expect(verifyMetaSignature({ rawBody, headers: { 'x-hub-signature-256': `sha256=${header!.slice(7).toUpperCase()}` } }, secret)).toBe(true);
    expect(verifyMetaSignature({ rawBody, headers: { 'x-hub-signature-256': header!.slice(7) } }, secret)).toBe(false);
    expect(verifyMetaSignature({ rawBody, headers: { 'x-hub-signature': header } }, secret)).toBe(false);
    expect(verifyMetaSignature({ rawBody, headers: signMeta(rawBody, secret) }, '')).toBe(false);
  });
});
