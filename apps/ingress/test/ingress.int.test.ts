import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { pino } from 'pino';
import { AccountCredentialsCache, Keyring, createDb, generateKeySpec } from '@hub/db';
import { PLATFORMS, type Platform } from '@hub/messengers';
import { conformanceCases, loadFixtures } from '@hub/messengers/inbound.conformance.cases';
import { Producers, createProducerConnection, waitForRedis } from '@hub/queue';
import { PrivateRedis } from '@hub/testing/support/redis-server';
import { createIngressApp } from '../src/ingress.app';

const db = createDb(process.env.DATABASE_URL!);
const keyring = new Keyring(generateKeySpec());
const prefix = `t-ingress-${randomUUID().slice(0, 8)}`;
const accounts = {} as Record<Platform, string>;
let clinicId: string;
let inactiveLine: string;

interface Running {
  url: string;
  server: Server;
  producers: Producers;
  registry: Registry;
  close(): Promise<void>;
}

async function startIngress(redisUrl = process.env.REDIS_URL!): Promise<Running> {
  const redis = createProducerConnection(redisUrl);
  redis.on('error', () => {}); // the Redis-down test stops it on purpose
  // The producer has no offline queue (requests fail fast while Redis is away): start once connected.
  await waitForRedis(redis);
  const producers = new Producers({ connection: redis, prefix });
  const registry = new Registry();
  const { app } = createIngressApp({
    accounts: new AccountCredentialsCache(db, keyring, 1000),
    producers,
    logger: pino({ level: 'silent' }),
    registry,
    readiness: {},
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    producers,
    registry,
    async close() {
      server.close();
      await producers.close();
      redis.disconnect();
    },
  };
}

const TEXT_FIXTURE: Partial<Record<Platform, string>> = { kakao: 'text-with-callback' };
function fixtureBody(platform: Platform, name = TEXT_FIXTURE[platform] ?? 'text'): string {
  const f = loadFixtures(platform).find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${platform}/${name}`);
  return JSON.stringify(f.body);
}

function post(base: string, platform: Platform, accountId: string, raw: string, headers?: Record<string, string>) {
  const h = headers ?? conformanceCases[platform].sign(raw, conformanceCases[platform].secrets as never);
  return fetch(`${base}/webhooks/${platform}/${accountId}`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', ...h } });
}

let ingress: Running;

beforeAll(async () => {
  const clinic = await db.clinic.create({ data: { name: '인그레스테스트의원', slug: `ingress-${randomUUID()}` } });
  clinicId = clinic.id;
  for (const p of PLATFORMS) {
    const rowId = randomUUID();
    const a = await db.messengerAccount.create({
      data: {
        id: rowId,
        clinicId,
        messengerType: p,
        accountName: `t_${p}`,
        credentials: keyring.encrypt(conformanceCases[p].secrets, rowId) as object,
        credentialsKeyId: keyring.currentKeyId,
      },
    });
    accounts[p] = a.id;
  }
  const inactiveId = randomUUID();
  inactiveLine = (
    await db.messengerAccount.create({
      data: {
        id: inactiveId,
        clinicId,
        messengerType: 'line',
        accountName: 't_line_off',
        isActive: false,
        credentials: keyring.encrypt(conformanceCases.line.secrets, inactiveId) as object,
        credentialsKeyId: keyring.currentKeyId,
      },
    })
  ).id;
  ingress = await startIngress();
});

afterAll(async () => {
  await ingress.close();
  const q = ingress.producers.inbound;
  await q.obliterate({ force: true }).catch(() => {});
  await db.$disconnect();
});

async function inboundJobIds(): Promise<string[]> {
  const jobs = await ingress.producers.inbound.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized']);
  return jobs.map((j) => j.id!);
}

describe('webhook ingress', () => {
  it.each(PLATFORMS)('%s: a signed text webhook is verified, queued and answered 200', async (platform) => {
    const before = (await inboundJobIds()).length;
    const res = await post(ingress.url, platform, accounts[platform], fixtureBody(platform));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    if (platform === 'kakao') expect(body).toMatchObject({ version: '2.0' });
    expect((await inboundJobIds()).length).toBe(before + 1);
  });

  it('collapses 5 redeliveries of one LINE event into one job', async () => {
    const raw = fixtureBody('line', 'sticker');
    const before = (await inboundJobIds()).length;
    for (let i = 0; i < 5; i++) expect((await post(ingress.url, 'line', accounts.line, raw)).status).toBe(200);
    expect((await inboundJobIds()).length).toBe(before + 1);
    const metrics = await ingress.registry.getSingleMetricAsString('hub_ingress_duplicates_total');
    expect(metrics).toMatch(/platform="line"} 4/);
  });

  it('two ingress instances receiving the same event leave one job', async () => {
    const other = await startIngress();
    try {
      const raw = fixtureBody('whatsapp', 'image');
      const before = (await inboundJobIds()).length;
      const results = await Promise.all([post(ingress.url, 'whatsapp', accounts.whatsapp, raw), post(other.url, 'whatsapp', accounts.whatsapp, raw)]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      expect((await inboundJobIds()).length).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it('splits a LINE batch into one job per event', async () => {
    const before = (await inboundJobIds()).length;
    const res = await post(ingress.url, 'line', accounts.line, fixtureBody('line', 'batch-3'));
    expect(res.status).toBe(200);
    expect((await inboundJobIds()).length).toBe(before + 3);
  });

  it('401 on a wrong or missing signature, and nothing is queued', async () => {
    const before = (await inboundJobIds()).length;
    const raw = fixtureBody('line', 'image');
    expect((await post(ingress.url, 'line', accounts.line, raw, { 'x-line-signature': 'AAAA' })).status).toBe(401);
    expect((await post(ingress.url, 'line', accounts.line, raw, {})).status).toBe(401);
    const signed = conformanceCases.line.sign(raw, conformanceCases.line.secrets);
    expect((await post(ingress.url, 'line', accounts.line, raw.replace('"image"', '"imagf"'), signed)).status).toBe(401);
    expect((await post(ingress.url, 'facebook', accounts.facebook, fixtureBody('facebook'), { 'x-hub-signature-256': 'sha256=00' })).status).toBe(401);
    expect((await inboundJobIds()).length).toBe(before);
    expect(await ingress.registry.getSingleMetricAsString('hub_ingress_rejections_total')).toMatch(/platform="line",reason="bad_signature"} 3/);
  });

  it('404 for unknown, malformed or inactive accounts and for a platform mismatch', async () => {
    const raw = fixtureBody('line');
    for (const id of [randomUUID(), 'not-a-uuid', inactiveLine, accounts.telegram]) {
      const res = await post(ingress.url, 'line', id, raw);
      expect(res.status).toBe(404);
      expect(await res.json()).toHaveProperty('error');
    }
  });

  it('400 with a JSON body naming the problem for malformed JSON or an unsupported shape', async () => {
    const bad = await post(ingress.url, 'line', accounts.line, '{"events": [');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'malformed_json' });
    const shape = await post(ingress.url, 'line', accounts.line, JSON.stringify({ destination: 'x', events: 'nope' }));
    expect(shape.status).toBe(400);
    const body = (await shape.json()) as { error: string };
    expect(body.error).toBe('unsupported_shape');
    expect(JSON.stringify(body)).toContain('events');
  });

  it('answers the Meta hub.challenge handshake only with the right verify token', async () => {
    const ok = await fetch(
      `${ingress.url}/webhooks/whatsapp/${accounts.whatsapp}?hub.mode=subscribe&hub.verify_token=${conformanceCases.whatsapp.secrets.verifyToken}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const bad = await fetch(`${ingress.url}/webhooks/whatsapp/${accounts.whatsapp}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`);
    expect(bad.status).toBe(403);
  });

  it('Kakao gets a version 2.0 useCallback response with a holding text', async () => {
    const withCb = loadFixtures('kakao').find((f) => JSON.stringify(f.body).includes('callbackUrl'));
    expect(withCb).toBeDefined();
    const raw = JSON.stringify(withCb!.body);
    const res = await post(ingress.url, 'kakao', accounts.kakao, raw);
    const body = (await res.json()) as { data: { text: string } };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ version: '2.0', useCallback: true });
    expect(body.data.text.length).toBeGreaterThan(3);
  });

  it('random and truncated signed bodies never produce a 5xx', async () => {
    const seeds = [fixtureBody('line', 'batch-3'), fixtureBody('whatsapp'), fixtureBody('telegram'), fixtureBody('kakao')];
    const platforms: Platform[] = ['line', 'whatsapp', 'telegram', 'kakao'];
    let rnd = 12345;
    const next = () => (rnd = (rnd * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 200; i++) {
      const k = i % 4;
      const src = seeds[k]!;
      const cut = src.slice(0, next() % src.length);
      const mutated = i % 3 === 0 ? cut : src.replace(/"[a-zA-Z]+"/, JSON.stringify(next() % 2 ? 123 : null));
      const res = await post(ingress.url, platforms[k]!, accounts[platforms[k]!], mutated);
      expect(res.status, mutated.slice(0, 80)).toBeLessThan(500);
    }
  });

  it('answers 503 while Redis is down, and accepts again after it restarts', async () => {
    const redis = await PrivateRedis.start();
    const own = await startIngress(redis.url);
    try {
      const raw = fixtureBody('line', 'postback');
      expect((await post(own.url, 'line', accounts.line, raw)).status).toBe(200);
      await redis.stop();
      const down = await post(own.url, 'line', accounts.line, fixtureBody('line', 'follow'));
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ error: 'queue_unavailable' });
      await redis.start();
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 250));
        status = (await post(own.url, 'line', accounts.line, fixtureBody('line', 'follow'))).status;
      }
      expect(status).toBe(200);
    } finally {
      await own.close();
      await redis.stop();
    }
  });
  it('a correctly signed 100,000-deep JSON body is refused with 400 json_too_deep (not 503, which the platform would retry forever)', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const body = JSON.parse(fixtureBody('line')) as { events: Record<string, unknown>[] };
    const raw = JSON.stringify(body).replace('"mode":"active"', `"mode":"active","extra":${deep}`);
    expect(raw.length).toBeGreaterThan(200_000);
    const res = await post(ingress.url, 'line', accounts.line, raw);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'json_too_deep' });
    // Nesting inside strings is not nesting; 64 levels still pass.
    const ok = JSON.stringify(body).replace('"mode":"active"', `"mode":"active","extra":${'['.repeat(60)}"[[[[{{{{"${']'.repeat(60)}`);
    expect((await post(ingress.url, 'line', accounts.line, ok)).status).toBe(200);
  });
});
