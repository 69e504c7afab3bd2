import { describe, expect, it } from 'vitest';
import { PLATFORMS } from './types';
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
    const creds = {
      telegram: { botToken: '1:abc', webhookSecret: 's' },
      line: { channelId: '1', channelSecret: 's', accessToken: 't' },
      instagram: { pageId: 'p', accessToken: 't', appSecret: 'a', verifyToken: 'v', igUserId: 'ig' },
      facebook: { pageId: 'p', accessToken: 't', appSecret: 'a', verifyToken: 'v' },
      whatsapp: { phoneNumberId: 'n', accessToken: 't', appSecret: 'a', verifyToken: 'v' },
      kakao: { botId: 'b', webhookSecret: 's' },
    };
    const limits = { telegram: 4096, line: 5000, instagram: 1000, facebook: 2000, whatsapp: 4096, kakao: 1000 };
    for (const p of PLATFORMS) {
      const adapter = await outboundFactories[p](creds[p], defaultOutboundApiConfig);
      expect(adapter.platform).toBe(p);
      expect(adapter.maxTextLength).toBe(limits[p]);
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
