import { ALERTS_TEST_KEYRING_SPEC } from '../../../packages/testing/src/support/alerts-keyring';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Registry } from 'prom-client';
import { AiConfigSchema } from '@hub/ai';
import { Keyring, createDb, generateKeySpec, type Db } from '@hub/db';
import { createInboundTranslator } from '@hub/knowledge';
import { LiveEventPublisher, Producers, createProducerConnection, waitForRedis } from '@hub/queue';
import { createLogger } from '@hub/observability';
import { defaultOutboundApiConfig, type OutboundApiConfig } from '@hub/messengers';
import { createApiApp, type ApiApp } from '../src/api.app';
import type { ApiSettings } from '../src/deps';
import { hashPassword } from '../src/auth/password';
import type { RouteDef } from '../src/http/route-table';
import { checkResponse } from './response-contract';

/** Each running harness's route table, by its URL: Client checks every 2xx answer against the route's declared response. */
const contracts = new Map<string, RouteDef[]>();

export const PASSWORD = 'test-pass-1234!';
export const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';

export interface Harness {
  url: string;
  db: Db;
  api: ApiApp;
  producers: Producers;
  live: LiveEventPublisher;
  prefix: string;
  keyring: Keyring;
  settings: ApiSettings;
  close(): Promise<void>;
}

/** opts.prefix: share another harness's Redis prefix, as replicas of one deployment do. */
export async function startApi(
  overrides: Partial<ApiSettings> = {},
  outbound: Partial<OutboundApiConfig> = {},
  opts: { prefix?: string } = {},
): Promise<Harness> {
  const db = createDb(process.env.DATABASE_URL!, { max: 5 });
  const redis = createProducerConnection(process.env.REDIS_URL!);
  await waitForRedis(redis);
  // Unique per harness: queues, live streams and channels never mix between test files.
  const prefix = opts.prefix ?? `t_api_${randomUUID().slice(0, 8)}`;
  const producers = new Producers({ connection: redis, prefix });
  const live = new LiveEventPublisher(redis, prefix);
  const keyring = new Keyring(generateKeySpec());
  const settings: ApiSettings = {
    jwtSecret: JWT_SECRET,
    accessTokenTtlSeconds: 900,
    consoleOrigin: 'http://console.test',
    publicBaseUrl: 'https://hub.example.test',
    mediaDir: mkdtempSync(path.join(tmpdir(), 'hub-media-')),
    consoleDistDir: path.join(tmpdir(), `no-console-${randomUUID()}`),
    loginLimitPer15Min: 1000,
    loginIpLimitPer15Min: 100_000,
    userCreateConflictLimitPerHour: 1000,
    apiLimitPerMinute: 100_000,
    turnDebounceMs: 10,
    sseHeartbeatMs: 15_000,
    sessionRecheckMs: 30_000,
    metricsToken: METRICS_TOKEN,
    trustProxyHops: 0,
    outbound: { ...defaultOutboundApiConfig, ...outbound },
    alerts: {
      emailFrom: 'Hub <alerts@clinic.test>',
      vapidSubject: 'mailto:ops@clinic.test',
      consoleUrl: 'http://console.test',
      keyringSpec: ALERTS_TEST_KEYRING_SPEC,
      outbound: { allowPrivateNetworks: false, timeoutMs: 2000 },
      ackTokenTtlSec: 3600,
    },
    ...overrides,
  };
  const api = createApiApp({
    db,
    redis,
    livePrefix: prefix,
    producers,
    live,
    keyring,
    translator: createInboundTranslator({ db, ai: AiConfigSchema.parse({ AI_PROVIDER: 'local' }) }),
    settings,
    logger: createLogger('api-test', 'silent'),
    registry: new Registry(),
    readiness: {
      postgres: async () => {
        await db.$queryRaw`SELECT 1`;
      },
      redis: async () => {
        await redis.ping();
      },
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = api.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  contracts.set(url, api.routes);
  return {
    url,
    db,
    api,
    producers,
    live,
    prefix,
    keyring,
    settings,
    async close() {
      contracts.delete(url);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await api.close();
      await producers.close();
      redis.disconnect();
      await db.$disconnect();
    },
  };
}

export interface ClinicFixture {
  id: string;
  slug: string;
  users: Record<'admin' | 'supervisor' | 'staff' | 'staff2', { id: string; email: string; name: string }>;
  accountId: string;
  customerId: string;
  conversationId: string;
  customerMessageId: string;
  aiMessageId: string;
  personaId: string;
  clinicProcedureId: string;
  pricingId: string;
  responseLibraryId: string;
  medicalTermId: string;
  notificationId: string;
  deadLetterId: string;
  alertChannelId: string;
  pushSubscriptionId: string;
  procedureId: string;
}

let passwordHash: Promise<string> | undefined;

/** A clinic with one user per role, a Telegram account, a Japanese customer in conversation, and knowledge rows. */
export async function makeClinic(h: Harness, label: string): Promise<ClinicFixture> {
  passwordHash ??= hashPassword(PASSWORD);
  const ph = await passwordHash;
  const { db, keyring } = h;
  const tag = randomUUID().slice(0, 8);
  const clinic = await db.clinic.create({ data: { name: `${label} 의원`, slug: `api-${label}-${tag}` } });
  const mkUser = async (role: string, key: string, name: string) => {
    const u = await db.user.create({ data: { clinicId: clinic.id, email: `${key}-${tag}@${label}.test`, name, role, passwordHash: ph } });
    return { id: u.id, email: u.email, name: u.name };
  };
  const users = {
    admin: await mkUser('admin', 'admin', `${label} 원장`),
    supervisor: await mkUser('supervisor', 'supervisor', `${label} 실장`),
    staff: await mkUser('staff', 'staff', `${label} 상담1`),
    staff2: await mkUser('staff', 'staff2', `${label} 상담2`),
  };
  const accountRowId = randomUUID();
  const account = await db.messengerAccount.create({
    data: {
      id: accountRowId,
      clinicId: clinic.id,
      messengerType: 'telegram',
      accountName: `${label}_bot`,
      credentials: keyring.encrypt({ botToken: `${Math.floor(Math.random() * 1e9)}:tok-${tag}`, webhookSecret: `sec_${tag}` }, accountRowId) as object,
      credentialsKeyId: keyring.currentKeyId,
    },
  });
  const customer = await db.customer.create({
    data: { clinicId: clinic.id, messengerType: 'telegram', messengerUserId: `tg-${tag}`, name: `Yuki ${label}`, countryCode: 'JP', languageCode: 'ja' },
  });
  const conv = await db.conversation.create({
    data: {
      clinicId: clinic.id,
      customerId: customer.id,
      messengerAccountId: account.id,
      lastMessageAt: new Date(),
      lastMessagePreview: 'ボトックス',
      unreadCount: 1,
    },
  });
  const cm = await db.message.create({
    data: {
      clinicId: clinic.id,
      conversationId: conv.id,
      senderType: 'customer',
      content: 'ボトックスはいくらですか',
      originalLanguage: 'ja',
      translatedContent: '보톡스는 얼마인가요',
      translatedLanguage: 'ko',
      messengerType: 'telegram',
      messengerAccountId: conv.messengerAccountId,
      messengerMessageId: `m-${tag}`,
    },
  });
  const am = await db.message.create({
    data: {
      clinicId: clinic.id,
      conversationId: conv.id,
      senderType: 'ai',
      content: 'ボトックスは5万ウォンです',
      originalLanguage: 'ja',
      translatedContent: '보톡스는 5만원입니다',
      translatedLanguage: 'ko',
      deliveryStatus: 'failed',
      deliveryError: 'permanent: chat not found',
      aiMetadata: { model: 'local', knowledge_sources: [{ sourceType: 'pricing', sourceId: randomUUID() }] },
    },
  });
  const procedure = await db.procedure.create({ data: { nameKo: `보톡스-${tag}`, slug: `botox-${tag}` } });
  const cp = await db.clinicProcedure.create({ data: { clinicId: clinic.id, procedureId: procedure.id } });
  const pricing = await db.procedurePricing.create({
    data: { clinicId: clinic.id, clinicProcedureId: cp.id, regularPrice: 100000, eventPrice: 50000, discountRate: 50, discountWarning: true },
  });
  const persona = await db.aiPersona.create({ data: { clinicId: clinic.id, name: 'Yuki', languageCode: 'ja' } });
  const rl = await db.responseLibrary.create({ data: { clinicId: clinic.id, category: 'location', questionKo: '주차?', answerKo: '가능합니다' } });
  const term = await db.medicalTerm.create({ data: { clinicId: clinic.id, termKo: `필러-${tag}`, termJa: 'フィラー' } });
  const note = await db.notification.create({ data: { clinicId: clinic.id, audience: 'staff', kind: 'handoff', title: `${label} handoff` } });
  const alertChannelId = randomUUID();
  await db.alertChannel.create({
    data: {
      id: alertChannelId,
      clinicId: clinic.id,
      type: 'slack',
      name: `${label} slack`,
      config: keyring.encrypt({ url: `https://hooks.slack.com/services/T${tag}/B/x` }, alertChannelId, 'alert_secret') as object,
    },
  });
  const sub = await db.pushSubscription.create({
    data: { clinicId: clinic.id, userId: users.staff.id, endpoint: `https://push.example.test/${tag}`, p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) },
  });
  return {
    alertChannelId,
    pushSubscriptionId: sub.id,
    id: clinic.id,
    slug: clinic.slug,
    users,
    accountId: account.id,
    customerId: customer.id,
    conversationId: conv.id,
    customerMessageId: cm.id,
    aiMessageId: am.id,
    personaId: persona.id,
    clinicProcedureId: cp.id,
    pricingId: pricing.id,
    responseLibraryId: rl.id,
    medicalTermId: term.id,
    notificationId: note.id,
    deadLetterId: (
      await db.deadLetter.create({
        data: {
          clinicId: clinic.id,
          queue: 'inbound',
          jobId: `in_${tag}`,
          jobName: 'event',
          payload: { clinicId: clinic.id },
          error: 'bad payload',
          attemptsMade: 8,
        },
      })
    ).id,
    procedureId: procedure.id,
  };
}

export async function makeSuperadmin(h: Harness): Promise<{ id: string; email: string }> {
  passwordHash ??= hashPassword(PASSWORD);
  const u = await h.db.user.create({
    data: { email: `root-${randomUUID().slice(0, 8)}@hub.test`, name: '플랫폼', role: 'superadmin', passwordHash: await passwordHash },
  });
  return { id: u.id, email: u.email };
}

export interface Res {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions
  headers: Headers;
}

export class Client {
  constructor(
    readonly url: string,
    public token?: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async req(method: string, p: string, body?: unknown, extra: Record<string, string> = {}): Promise<Res> {
    const res = await fetch(this.url + p, {
      method: method.toUpperCase(),
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...this.headers,
        ...extra,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    const routes = contracts.get(this.url);
    if (routes) checkResponse(routes, method, p, res.status, parsed);
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (p: string) => this.req('get', p);
  post = (p: string, b: unknown = {}) => this.req('post', p, b);
  patch = (p: string, b: unknown) => this.req('patch', p, b);
  del = (p: string) => this.req('delete', p);
}

export async function login(h: Harness, email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Client> {
  const r = await new Client(h.url).post('/api/auth/login', { email, password });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return new Client(h.url, r.body.accessToken, headers);
}
