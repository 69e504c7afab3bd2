import { describe, expect, it } from 'vitest';
import { PLATFORMS, type Platform } from './types';
import { messengerPlatforms } from './platforms';
import { connectionTesters, mediaFetchers, outboundFactories } from './outbound-registry';
import { defaultOutboundApiConfig } from './outbound-http';

describe('outbound registry', () => {
  it('has a sender, a connection tester and a media fetcher for every platform', () => {
    for (const p of PLATFORMS) {
      expect(typeof outboundFactories[p]).toBe('function');
      expect(typeof connectionTesters[p]).toBe('function');
      expect(typeof mediaFetchers[p]).toBe('function');
    }
  });

  it('builds adapters that report their platform and limit', async () => {
    // The limits the platforms document; a platform added later is checked for a positive limit.
    const documented: Partial<Record<Platform, number>> = { telegram: 4096, line: 5000, instagram: 1000, facebook: 2000, whatsapp: 4096, kakao: 1000 };
    for (const p of PLATFORMS) {
      const adapter = await outboundFactories[p](messengerPlatforms[p].demoCredentials(), defaultOutboundApiConfig);
      expect(adapter.platform).toBe(p);
      expect(adapter.maxTextLength).toBe(documented[p] ?? adapter.maxTextLength);
      expect(Number.isInteger(adapter.maxTextLength) && adapter.maxTextLength > 0).toBe(true);
    }
  });

  it('rejects malformed credentials as an auth problem naming the field', async () => {
    await expect(outboundFactories.line({ channelSecret: 'x' }, defaultOutboundApiConfig)).rejects.toThrow(
      expect.objectContaining({ kind: 'auth', code: 'credentials_invalid', message: expect.stringContaining('accessToken') }),
    );
  });

  it('connection testers report malformed credentials instead of throwing', async () => {
    expect(await connectionTesters.whatsapp({}, defaultOutboundApiConfig)).toMatchObject({ ok: false, code: 'credentials_invalid' });
  });
});
