// End-to-end pipeline harness shared by the worker's integration tests and bench/pipeline.bench.ts:
// platform fakes, a clinic's six accounts (encrypted credentials registered at the fakes), correctly
// signed Japanese webhooks per platform, and the ingress and worker started in-process or as processes.
// Imports go by relative path so the root-level bench and apps/worker/test can share it without
// widening any package's dependencies.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { AccountCredentialsCache, Keyring, createDbAndSql, type Db } from '@hub/db';
import { inboundSigners } from '@hub/messengers/inbound-signers';
import { PLATFORMS as ALL_PLATFORMS, type Platform } from '@hub/messengers';
import { WorkerConfigSchema, type WorkerConfig } from '../../packages/config/src/index';
import { LiveEventPublisher, Producers, createProducerConnection, createWorkerConnection } from '../../packages/queue/src/index';
import {
  startKakaoFake,
  startLineFake,
  startMetaGraphFake,
  startTelegramFake,
  type KakaoFake,
  type LineFake,
  type MetaGraphFake,
  type TelegramFake,
} from '../../packages/testing/src/fakes/index';
import type { FakeServerOptions } from '../../packages/testing/src/fakes/fake-server';
import { createLogger, createMetricsRegistry } from '../../packages/observability/src/index';
import { createIngressApp } from '../../apps/ingress/src/ingress.app';
import { buildPipeline } from '../../apps/worker/src/build-pipeline';
import { startWorkers } from '../../apps/worker/src/processors';
import { InfraGate } from '../../apps/worker/src/infra-gate';
import type { PipelineDeps } from '../../apps/worker/src/pipeline/deps';

export const PLATFORMS: Platform[] = [...ALL_PLATFORMS];

export interface Fakes {
  telegram: TelegramFake;
  line: LineFake;
  meta: MetaGraphFake;
  kakao: KakaoFake;
  close(): Promise<void>;
}

export async function startFakes(options: FakeServerOptions = {}): Promise<Fakes> {
  const [telegram, line, meta, kakao] = await Promise.all([
    startTelegramFake(options),
    startLineFake(options),
    startMetaGraphFake(options),
    startKakaoFake(options),
  ]);
  return {
    telegram,
    line,
    meta,
    kakao,
    close: async () => {
      await Promise.all([telegram.close(), line.close(), meta.close(), kakao.close()]);
    },
  };
}

/** The worker's platform base URLs, pointed at the fakes. */
export function platformEnv(f: Fakes): Record<string, string> {
  return {
    TELEGRAM_API_ROOT: f.telegram.url,
    LINE_API_BASE_URL: f.line.url,
    LINE_DATA_API_BASE_URL: f.line.url,
    META_GRAPH_API_BASE_URL: f.meta.url,
    KAKAO_BOT_API_BASE_URL: f.kakao.url,
    // The fakes run on loopback: each fake's host:port (not all of 127.0.0.1) is let through.
    OUTBOUND_HOST_ALLOWLIST_EXTRA: [f.telegram, f.line, f.meta, f.kakao].map((x) => new URL(x.url).host).join(','),
    OUTBOUND_ALLOW_PRIVATE_NETWORKS: '1',
  };
}

/** The fake that receives a platform's sends. */
export function fakeFor(f: Fakes, p: Platform) {
  return p === 'telegram' ? f.telegram : p === 'line' ? f.line : p === 'kakao' ? f.kakao : f.meta;
}

export interface Account {
  id: string;
  platform: Platform;
  credentials: Record<string, string>;
}

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** Realistic, unique credentials per account (shapes as in inbound.conformance.cases.ts). */
export function credentialsFor(p: Platform, tag: string): Record<string, string> {
  const meta = { accessToken: `EAAG${tag}${randomUUID().replace(/-/g, '')}`, appSecret: randomUUID().replace(/-/g, ''), verifyToken: `fb-verify-${tag}` };
  switch (p) {
    case 'telegram':
      return { botToken: `70${digits(8)}:AAE-${randomUUID().replace(/-/g, '')}`, webhookSecret: `tg_hook_${tag}_${digits(6)}` };
    case 'line':
      return { channelId: `20${digits(8)}`, channelSecret: randomUUID().replace(/-/g, ''), accessToken: `Zx9q${tag}${randomUUID().replace(/-/g, '')}` };
    case 'facebook':
      return { pageId: `1047${digits(11)}`, ...meta };
    case 'instagram':
      return { pageId: `1047${digits(11)}`, igUserId: `1784${digits(13)}`, ...meta };
    case 'whatsapp':
      return { phoneNumberId: `1065${digits(11)}`, wabaId: `1022${digits(11)}`, ...meta };
    case 'kakao':
      return { botId: randomUUID().replace(/-/g, '').slice(0, 24), webhookSecret: `kakao-hook-${tag}-${digits(8)}` };
  }
}

/** Creates the account row with encrypted credentials and registers the credentials at the fake. */
export async function connectAccount(
  db: Db,
  keyring: Keyring,
  fakes: Fakes,
  clinicId: string,
  p: Platform,
  tag: string,
  opts: { registerAtFake?: boolean } = {},
): Promise<Account> {
  const credentials = credentialsFor(p, tag);
  const id = randomUUID();
  const row0 = {
    id,
    clinicId,
    messengerType: p,
    accountName: `${p}_${tag}`,
    credentials: keyring.encrypt(credentials, id) as object,
    credentialsKeyId: keyring.currentKeyId,
    isConnected: true,
  };
  if (opts.registerAtFake === false) return { id: (await db.messengerAccount.create({ data: row0 })).id, platform: p, credentials };
  const row = await db.messengerAccount.create({ data: row0 });
  if (p === 'telegram') fakes.telegram.addBot(credentials.botToken!);
  if (p === 'line') fakes.line.addChannel(credentials.accessToken!);
  if (p === 'facebook') fakes.meta.addPage({ pageId: credentials.pageId!, accessToken: credentials.accessToken! });
  if (p === 'instagram') fakes.meta.addPage({ pageId: credentials.pageId!, igUserId: credentials.igUserId!, accessToken: credentials.accessToken! });
  if (p === 'whatsapp') fakes.meta.addWhatsAppNumber({ phoneNumberId: credentials.phoneNumberId!, accessToken: credentials.accessToken! });
  return { id: row.id, platform: p, credentials };
}

/** One customer message as the platform would describe it. */
export interface CustomerText {
  /** Platform user id (numeric string for Telegram, `U…` for LINE, PSID/IGSID, wa_id, botUserKey). */
  userId: string;
  text: string;
  /** Unique per platform account. */
  messageId: string;
  sentAtMs: number;
  replyToken?: string;
  callbackUrl?: string;
}

/** A customer id in the platform's own shape. */
export function userIdFor(p: Platform, n = Math.floor(Math.random() * 1e9)): string {
  switch (p) {
    case 'telegram':
      return String(5_000_000_000 + n);
    case 'line':
      return `U${randomUUID().replace(/-/g, '')}`;
    case 'whatsapp':
      return `8190${String(n).padStart(8, '0')}`;
    case 'kakao':
      return randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');
    default:
      return `${7_000_000_000_000_000 + n}`;
  }
}

/** Webhook body for one or more messages of one account (LINE, Meta batch; the others carry one). */
export function webhookBody(account: Account, msgs: CustomerText[]): string {
  const c = account.credentials;
  const m0 = msgs[0]!;
  switch (account.platform) {
    case 'telegram':
      return JSON.stringify({
        update_id: Number(m0.messageId) + 700_000_000,
        message: {
          message_id: Number(m0.messageId),
          from: { id: Number(m0.userId), is_bot: false, first_name: 'Yuki', language_code: 'ja' },
          chat: { id: Number(m0.userId), first_name: 'Yuki', type: 'private' },
          date: Math.floor(m0.sentAtMs / 1000),
          text: m0.text,
        },
      });
    case 'line':
      return JSON.stringify({
        destination: 'U3c2a7e1b9d4f6a8c0e2b4d6f8a1c3e5',
        events: msgs.map((m) => ({
          type: 'message',
          mode: 'active',
          timestamp: m.sentAtMs,
          source: { type: 'user', userId: m.userId },
          webhookEventId: `01J${m.messageId}`,
          deliveryContext: { isRedelivery: false },
          replyToken: m.replyToken ?? randomUUID().replace(/-/g, ''),
          message: { id: m.messageId, type: 'text', quoteToken: 'q3Plxr4AgKd1mlQ', text: m.text },
        })),
      });
    case 'facebook':
    case 'instagram': {
      const own = account.platform === 'instagram' ? c.igUserId! : c.pageId!;
      return JSON.stringify({
        object: account.platform === 'instagram' ? 'instagram' : 'page',
        entry: [
          {
            id: own,
            time: m0.sentAtMs + 500,
            messaging: msgs.map((m) => ({
              sender: { id: m.userId },
              recipient: { id: own },
              timestamp: m.sentAtMs,
              message: { mid: `m_${m.messageId}`, text: m.text },
            })),
          },
        ],
      });
    }
    case 'whatsapp':
      return JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: c.wabaId,
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '15550783881', phone_number_id: c.phoneNumberId },
                  contacts: [{ profile: { name: '田中ゆき' }, wa_id: m0.userId }],
                  messages: msgs.map((m) => ({
                    from: m.userId,
                    id: `wamid.${m.messageId}`,
                    timestamp: String(Math.floor(m.sentAtMs / 1000)),
                    type: 'text',
                    text: { body: m.text },
                  })),
                },
              },
            ],
          },
        ],
      });
    case 'kakao':
      return JSON.stringify({
        intent: { id: '65f1a2b3c4d5e6f7a8b9c0e2', name: '폴백 블록' },
        userRequest: {
          timezone: 'Asia/Seoul',
          params: { surface: 'Kakaotalk.plusfriend' },
          block: { id: '65f1a2b3c4d5e6f7a8b9c0e2', name: '폴백 블록' },
          utterance: m0.text,
          lang: 'ja',
          user: { id: m0.userId, type: 'botUserKey', properties: { botUserKey: m0.userId, isFriend: true } },
          ...(m0.callbackUrl ? { callbackUrl: m0.callbackUrl } : {}),
        },
        bot: { id: `${c.botId}!`, name: '상담봇' },
        action: { name: 'AI 상담 스킬', clientExtra: null, params: {}, id: '65f1a2b3c4d5e6f7a8b9c0f3', detailParams: {} },
        contexts: [],
      });
  }
}

export function signedHeaders(account: Account, raw: string): Record<string, string> {
  const sign = inboundSigners[account.platform] as (body: string, c: Record<string, string>) => Record<string, string>;
  return { 'content-type': 'application/json', ...sign(raw, account.credentials) };
}

/** POSTs a correctly signed webhook to the ingress; resolves with the HTTP status. */
export async function postWebhook(ingressUrl: string, account: Account, msgs: CustomerText[]): Promise<number> {
  const raw = webhookBody(account, msgs);
  const res = await fetch(`${ingressUrl}/webhooks/${account.platform}/${account.id}`, { method: 'POST', body: raw, headers: signedHeaders(account, raw) });
  await res.arrayBuffer();
  return res.status;
}

// ---------------------------------------------------------------------------------------------------

export interface RunningIngress {
  url: string;
  close(): Promise<void>;
}

export async function startIngressInProcess(opts: { db: Db; keyring: Keyring; prefix: string; redisUrl?: string }): Promise<RunningIngress> {
  const redis = createProducerConnection(opts.redisUrl ?? process.env.REDIS_URL!);
  redis.on('error', () => undefined); // reconnects by itself; the fault tests stop Redis on purpose
  const producers = new Producers({ connection: redis, prefix: opts.prefix });
  const { app } = createIngressApp({
    accounts: new AccountCredentialsCache(opts.db, opts.keyring, 5000),
    producers,
    logger: createLogger('ingress', 'silent'),
    registry: createMetricsRegistry('ingress'),
    readiness: {},
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await producers.close();
      redis.disconnect();
    },
  };
}

export function workerEnv(opts: {
  prefix: string;
  keys: string;
  fakes: Fakes;
  turnDebounceMs: number;
  concurrency?: number;
  databaseUrl?: string;
  redisUrl?: string;
  logLevel?: string;
}): Record<string, string> {
  return {
    DATABASE_URL: opts.databaseUrl ?? process.env.DATABASE_URL!,
    REDIS_URL: opts.redisUrl ?? process.env.REDIS_URL!,
    CREDENTIALS_ENCRYPTION_KEYS: opts.keys,
    QUEUE_PREFIX: opts.prefix,
    TURN_DEBOUNCE_MS: String(opts.turnDebounceMs),
    WORKER_CONCURRENCY: String(opts.concurrency ?? 32),
    MEDIA_STORAGE_DIR: path.join(tmpdir(), `hub-media-${opts.prefix}`),
    AI_PROVIDER: 'local',
    LOG_LEVEL: opts.logLevel ?? 'silent',
    WORKER_PORT: '0',
    ...platformEnv(opts.fakes),
  };
}

export interface RunningWorker {
  config: WorkerConfig;
  producers: Producers;
  redis: Redis;
  workers: Worker[];
  registry: ReturnType<typeof createMetricsRegistry>;
  gate: InfraGate;
  deps: PipelineDeps;
  close(): Promise<void>;
}

/**
 * The worker's processors in this process, wired as main.ts wires them: its own Prisma client and
 * hot-path SQL runner on one pool with generic plans (opts.db is the test's client, not the worker's).
 */
export async function startWorkerInProcess(opts: { db: Db; keyring: Keyring; env: Record<string, string>; infraRetryMs?: number }): Promise<RunningWorker> {
  const config = WorkerConfigSchema.parse(opts.env);
  const own = createDbAndSql(config.DATABASE_URL, { max: 10, genericPlans: true });
  const logger = createLogger('worker', config.LOG_LEVEL);
  const producerRedis = createProducerConnection(config.REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 20 });
  const workerRedis = createWorkerConnection(config.REDIS_URL);
  for (const r of [producerRedis, workerRedis]) r.on('error', () => undefined); // as main.ts: logged there, reconnects
  const producers = new Producers({ connection: producerRedis, prefix: config.QUEUE_PREFIX });
  const { deps, extra } = await buildPipeline({
    config,
    db: own.db,
    sql: own.sql,
    keyring: opts.keyring,
    producers,
    live: new LiveEventPublisher(producerRedis, config.QUEUE_PREFIX),
    redis: producerRedis,
    logger,
  });
  const registry = createMetricsRegistry('worker');
  // As main.ts: the worker stops taking jobs while PostgreSQL or Redis is unreachable.
  const gate = new InfraGate({
    probe: async () => {
      await own.db.$queryRaw`SELECT 1`;
      await producerRedis.ping();
    },
    logger,
    registry,
    probeIntervalMs: 250,
  });
  const workers = startWorkers(deps, {
    connection: workerRedis,
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    registry,
    extra,
    gate,
    infraRetryMs: opts.infraRetryMs,
  });
  gate.attach(workers);
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  return {
    config,
    producers,
    redis: producerRedis,
    workers,
    registry,
    gate,
    deps,
    async close() {
      gate.close();
      await Promise.all(workers.map((w) => w.close()));
      await producers.close();
      producerRedis.disconnect();
      workerRedis.disconnect();
      await own.db.$disconnect();
    },
  };
}

/** Removes every key of a test's queue prefix (queues and live streams). */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** A port free right now on 127.0.0.1 (for child processes whose health endpoint we poll). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function waitUntil<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
