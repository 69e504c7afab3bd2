import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SendError } from './types';
import { OutboundRefusedError, checkUrl, guardedFetch, isPublicAddress, type OutboundPolicy } from './outbound-guard';
import { outboundHosts } from './outbound-registry';
import { defaultOutboundApiConfig } from './outbound-http';
import { fetchKakaoMedia } from './kakao/kakao.outbound';
import { fetchFacebookMedia } from './facebook/facebook.outbound';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((r) => {
          s.closeAllConnections();
          s.close(r);
        }),
    ),
  );
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ port: number; hits: string[] }> {
  const hits: string[] = [];
  const s = createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { port: (s.address() as AddressInfo).port, hits };
}

const loopbackPolicy = (port: number, extra: Partial<OutboundPolicy> = {}): OutboundPolicy => ({
  allowedHosts: [`127.0.0.1:${port}`],
  allowPrivateNetworks: true,
  maxBytes: 1024 * 1024,
  timeoutMs: 2000,
  contentTypes: ['image/*', 'application/pdf'],
  ...extra,
});

async function refusal(p: Promise<unknown>): Promise<OutboundRefusedError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OutboundRefusedError);
  return err as OutboundRefusedError;
}

describe('address classification', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '100.127.255.254',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'febf::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '224.0.0.1',
    '255.255.255.255',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '31.13.82.36', '172.32.0.1', '100.128.0.1', '2a03:2880:f10c:83:face:b00c:0:25de', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    'http://127.0.0.1/x',
    'http://10.1.2.3/x',
    'http://172.20.0.5/x',
    'http://192.168.0.10/x',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0/x',
    'http://100.64.1.1/x',
    'http://[::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://[fd00::1]/x',
    'http://[fe80::1]/x',
    'http://2130706433/x',
    'http://0x7f.0.0.1/x',
  ])('an IP literal %s is refused even when its host is listed', (url) => {
    const host = new URL(url).hostname;
    const err = (() => {
      try {
        checkUrl(url, { allowedHosts: [host], allowPrivateNetworks: false, maxBytes: 1, timeoutMs: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(OutboundRefusedError);
    expect((err as OutboundRefusedError).reason).toBe('private_address');
  });
});

describe('host lists', () => {
  const policy = (hosts: string[]): OutboundPolicy => ({ allowedHosts: hosts, allowPrivateNetworks: false, maxBytes: 1, timeoutMs: 1 });
  it('matches exact hosts, subdomain wildcards and ports', () => {
    expect(() => checkUrl('https://scontent-icn2-1.xx.fbcdn.net/v/t1.jpg', policy(['*.fbcdn.net']))).not.toThrow();
    expect(() => checkUrl('https://bot-api.kakao.com/v1/callback/x', policy(['bot-api.kakao.com']))).not.toThrow();
    expect(() => checkUrl('https://fbcdn.net.evil.example/x', policy(['*.fbcdn.net']))).toThrow(OutboundRefusedError);
    expect(() => checkUrl('https://evilfbcdn.net/x', policy(['*.fbcdn.net']))).toThrow(OutboundRefusedError);
    expect(() => checkUrl('https://bot-api.kakao.com.evil.example/x', policy(['bot-api.kakao.com']))).toThrow(OutboundRefusedError);
    expect(() => checkUrl('http://127.0.0.1:4000/x', policy(['127.0.0.1:4001']))).toThrow(OutboundRefusedError);
    expect(() => checkUrl('file:///etc/passwd', policy(['*']))).toThrow(OutboundRefusedError);
  });

  it('each platform lists its documented hosts', () => {
    const cfg = defaultOutboundApiConfig;
    expect(outboundHosts.facebook.media(cfg)).toEqual(expect.arrayContaining(['*.fbcdn.net', '*.fbsbx.com']));
    expect(outboundHosts.instagram.media(cfg)).toEqual(expect.arrayContaining(['*.cdninstagram.com', '*.fbsbx.com']));
    expect(outboundHosts.kakao.callbacks!(cfg)).toEqual(['bot-api.kakao.com']);
    expect(outboundHosts.telegram.media(cfg)).toEqual(['api.telegram.org']);
    expect(outboundHosts.line.media(cfg)).toEqual(['api-data.line.me']);
    expect(outboundHosts.whatsapp.media(cfg)).toContain('graph.facebook.com');
  });

  it('a webhook attachment URL off the platform list is refused before any request', async () => {
    const secret = await serve((_q, r) => r.end('TELEGRAM_BOT_TOKEN'));
    const url = `http://127.0.0.1:${secret.port}/secret`;
    // Even with private networks allowed (as for the fakes), the host list still holds.
    const cfg = { ...defaultOutboundApiConfig, OUTBOUND_ALLOW_PRIVATE_NETWORKS: true };
    expect((await refusal(fetchKakaoMedia({ botId: 'b' }, cfg, url))).reason).toBe('host_not_allowed');
    expect((await refusal(fetchFacebookMedia({ pageId: 'p', pageAccessToken: 't', appSecret: 's' } as never, cfg, url))).reason).toBe('host_not_allowed');
    expect(secret.hits).toEqual([]);
  });
});

describe('guardedFetch', () => {
  it('fetches an allowed image', async () => {
    const s = await serve((_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([1, 2, 3])));
    const res = await guardedFetch(`http://127.0.0.1:${s.port}/a.png`, loopbackPolicy(s.port));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
  });

  it('refuses a hostname that resolves to a loopback address (localhost), without sending a request', async () => {
    const s = await serve((_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end('x'));
    const err = await refusal(
      guardedFetch(`http://localhost:${s.port}/a.png`, { ...loopbackPolicy(s.port), allowedHosts: [`localhost:${s.port}`], allowPrivateNetworks: false }),
    );
    expect(err.reason).toBe('private_address');
    expect(err.message).toMatch(/resolves to (127\.0\.0\.1|::1)/);
    expect(s.hits).toEqual([]);
  });

  it('refuses a redirect to another host and never contacts it', async () => {
    const target = await serve((_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end('secret'));
    const s = await serve((_q, r) => r.writeHead(302, { location: `http://127.0.0.1:${target.port}/secret` }).end());
    const err = await refusal(
      guardedFetch(`http://127.0.0.1:${s.port}/a.png`, { ...loopbackPolicy(s.port), allowedHosts: [`127.0.0.1:${s.port}`, `127.0.0.1:${target.port}`] }),
    );
    expect(err.reason).toBe('redirect_not_allowed');
    expect(target.hits).toEqual([]);
  });

  it('follows a same-host redirect, and at most a few', async () => {
    const s = await serve((q, r) => {
      if (q.url === '/final') return r.writeHead(200, { 'content-type': 'image/jpeg' }).end('ok');
      if (q.url === '/loop') return r.writeHead(301, { location: '/loop' }).end();
      r.writeHead(302, { location: '/final' }).end();
    });
    const res = await guardedFetch(`http://127.0.0.1:${s.port}/start`, loopbackPolicy(s.port));
    expect(await res.text()).toBe('ok');
    expect((await refusal(guardedFetch(`http://127.0.0.1:${s.port}/loop`, loopbackPolicy(s.port)))).reason).toBe('redirect_not_allowed');
  });

  it('refuses an oversize body, declared or streamed', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 1);
    const declared = await serve((_q, r) => r.writeHead(200, { 'content-type': 'image/png', 'content-length': big.length }).end(big));
    expect((await refusal(guardedFetch(`http://127.0.0.1:${declared.port}/`, loopbackPolicy(declared.port)))).reason).toBe('too_large');
    const chunked = await serve((_q, r) => {
      r.writeHead(200, { 'content-type': 'image/png' });
      for (let i = 0; i < 20; i++) r.write(Buffer.alloc(64 * 1024, 2));
      r.end();
    });
    expect((await refusal(guardedFetch(`http://127.0.0.1:${chunked.port}/`, loopbackPolicy(chunked.port)))).reason).toBe('too_large');
  });

  it('gives up on a slow body at the deadline (transient, retried)', async () => {
    const s = await serve((_q, r) => {
      r.writeHead(200, { 'content-type': 'image/png' });
      r.write('partial'); // …and never ends
    });
    const started = Date.now();
    const err = await guardedFetch(`http://127.0.0.1:${s.port}/`, loopbackPolicy(s.port, { timeoutMs: 300 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect(err).not.toBeInstanceOf(OutboundRefusedError);
    expect((err as SendError).kind).toBe('transient');
    expect((err as SendError).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses a content type the platform does not send as media', async () => {
    const s = await serve((_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>'));
    expect((await refusal(guardedFetch(`http://127.0.0.1:${s.port}/`, loopbackPolicy(s.port)))).reason).toBe('content_type_not_allowed');
    const none = await serve((_q, r) => r.writeHead(200).end('?'));
    expect((await refusal(guardedFetch(`http://127.0.0.1:${none.port}/`, loopbackPolicy(none.port)))).reason).toBe('content_type_not_allowed');
  });
});
