// pnpm drill [name…] — fault drills against the real ingress and worker processes, with the platform
// fakes, under steady load over all six platforms. Its own PostgreSQL cluster and Redis (it stops and
// restarts them). Per drill: accepted, stored, answered, duplicates and out-of-order deliveries, counted
// from the database and the fakes' records (counting.ts). Exit 1 when a drill missed, 2 on bad input.
// docs/drills.md describes each drill and the counting.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Keyring, createDb, generateKeySpec, type Db } from '@hub/db';
import type { Platform } from '@hub/messengers';
import { kakaoMessageId } from '@hub/messengers/kakao/kakao.inbound';
import { prepareTestDatabase } from '../../packages/db/src/testing/prepare-test-database';
import { QUEUES } from '../../packages/queue/src/queues';
import { createPipelineClinic, QUESTIONS_JA } from '../../test/pipeline/clinic.fixture';
import {
  PLATFORMS,
  credentialsFor,
  freePort,
  signedHeaders,
  startFakes,
  userIdFor,
  webhookBody,
  workerEnv,
  type Account,
  type CustomerText,
  type Fakes,
} from '../../test/pipeline/harness';
import { nodeOptionsOf } from '../bench-support';
import { countDrill, missed, type Counts, type Delivery, type ReplyRow, type SentMessage, type StoredCustomerMessage } from './counting';
import { selfCheckCounting } from './self-check';
import { DrillPostgres, DrillRedis, drillRoot, removeRoot } from './services';

const env = (name: string, dflt: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) usage(`${name}=${v} is not a non-negative number`);
  return n;
};
function usage(problem?: string): never {
  if (problem) console.error(`pnpm drill: ${problem}`);
  console.error(`usage: pnpm drill [--self-check] [${DRILL_NAMES.join(' | ')} …]   (default: all drills)`);
  process.exit(2);
}

const DRILL_NAMES = ['pg-outage', 'redis-restart', 'worker-kill', 'platform-fault', 'ingress-restart', 'two-bots', 'redelivery'] as const;
type DrillName = (typeof DRILL_NAMES)[number];

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.includes('--help') || args.includes('-h')) usage();
const SELF_CHECK = args.includes('--self-check');
const named = args.filter((a) => a !== '--self-check');
for (const a of named) if (!(DRILL_NAMES as readonly string[]).includes(a)) usage(`unknown drill "${a}"`);
const chosen: DrillName[] = named.length ? DRILL_NAMES.filter((d) => named.includes(d)) : SELF_CHECK ? [] : [...DRILL_NAMES];

const CFG = {
  rate: env('DRILL_RATE', 25),
  msgsPerCustomer: env('DRILL_MSGS_PER_CUSTOMER', 3),
  gapMinS: env('DRILL_GAP_MIN_S', 2),
  gapMaxS: env('DRILL_GAP_MAX_S', 5),
  pgOutageS: env('DRILL_PG_OUTAGE_S', 120),
  redisDownS: env('DRILL_REDIS_DOWN_S', 5),
  redisStop: (process.env.DRILL_REDIS_STOP ?? 'shutdown') as 'shutdown' | 'kill',
  workerKills: env('DRILL_WORKER_KILLS', 3),
  platformFaultS: env('DRILL_PLATFORM_FAULT_S', 60),
  faultPlatform: (process.env.DRILL_FAULT_PLATFORM ?? 'line') as 'telegram' | 'line' | 'meta' | 'kakao',
  beforeS: env('DRILL_BEFORE_S', 10),
  afterS: env('DRILL_AFTER_S', 15),
  redeliveryEvents: env('DRILL_REDELIVERY_EVENTS', 200),
  redeliveryTimes: env('DRILL_REDELIVERY_TIMES', 10),
  /** How long the generator keeps retrying one webhook, as a platform would, before giving up. */
  retryForS: env('DRILL_RETRY_FOR_S', 300),
  quiesceS: env('DRILL_QUIESCE_S', 240),
  debounceMs: env('DRILL_TURN_DEBOUNCE_MS', 1500),
  pgPort: env('DRILL_PG_PORT', 5442),
  redisPort: env('DRILL_REDIS_PORT', 6392),
};
if (!['shutdown', 'kill'].includes(CFG.redisStop)) usage(`DRILL_REDIS_STOP must be shutdown or kill`);
if (!['telegram', 'line', 'meta', 'kakao'].includes(CFG.faultPlatform)) usage(`DRILL_FAULT_PLATFORM must be telegram, line, meta or kakao`);
if ([CFG.pgPort, CFG.redisPort].some((p) => p === 5432 || p === 6379)) usage('the drill must not use the shared servers on 5432 / 6379');

// Pure counting checks first: they need no services.
if (SELF_CHECK) {
  const problems = selfCheckCounting();
  console.log(
    problems.length
      ? `self-check (counting): FAILED\n  ${problems.join('\n  ')}`
      : 'self-check (counting): injected duplicates, reorderings and losses are all detected',
  );
  if (problems.length) process.exit(1);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const log = (s: string) => console.log(`[drill ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${s}`);

// ---------------------------------------------------------------------------------------------------
// Services and hub processes

const root = drillRoot();
const logDir = path.join('bench/drill/logs');
mkdirSync(logDir, { recursive: true });
for (const name of ['ingress', 'worker']) writeFileSync(path.join(logDir, `${name}.log`), '');
const postgres = new DrillPostgres(root, CFG.pgPort);
const redisServer = new DrillRedis(root, CFG.redisPort);
const children = new Set<ChildProcess>();
const cleanup = () => {
  for (const c of children) c.kill('SIGKILL');
  try {
    spawnSync('runuser', ['-u', 'postgres', '--', '/usr/lib/postgresql/15/bin/pg_ctl', '-D', postgres.dataDir, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
  } catch {
    /* not started */
  }
};
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

log(`own PostgreSQL on ${CFG.pgPort} and Redis on ${CFG.redisPort} in ${root}`);
await postgres.init();
await redisServer.start();
const DATABASE_URL = postgres.url();
const REDIS_URL = redisServer.url;
await prepareTestDatabase(DATABASE_URL);
const db: Db = createDb(DATABASE_URL, { max: 4 });
const KEYS = generateKeySpec('drill');
const keyring = new Keyring(KEYS);
const PREFIX = `drill-${randomUUID().slice(0, 6)}`;
const fakes: Fakes = await startFakes();

spawnSync('node', ['infra/build-apps.mjs', 'ingress', 'worker'], { stdio: ['ignore', 'ignore', 'inherit'] });
const ingressPort = await freePort();
const workerPort = await freePort();
const ingressUrl = `http://127.0.0.1:${ingressPort}`;

async function startChild(name: string, script: string, childEnv: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const out = openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn('node', [script], { env: { ...process.env, ...childEnv }, stdio: ['ignore', out, out] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} at start (see ${logDir}/${name}.log)`);
    try {
      if ((await fetch(readyUrl)).status < 500) return child;
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not become ready at ${readyUrl}`);
}
const startIngress = () =>
  startChild(
    'ingress',
    'apps/ingress/dist/main.mjs',
    {
      NODE_OPTIONS: nodeOptionsOf('ingress'),
      DATABASE_URL,
      REDIS_URL,
      CREDENTIALS_ENCRYPTION_KEYS: KEYS,
      INGRESS_PORT: String(ingressPort),
      QUEUE_PREFIX: PREFIX,
      LOG_LEVEL: 'warn',
    },
    `${ingressUrl}/healthz`,
  );
const startWorker = () =>
  startChild(
    'worker',
    'apps/worker/dist/main.mjs',
    {
      NODE_OPTIONS: nodeOptionsOf('worker'),
      ...workerEnv({ prefix: PREFIX, keys: KEYS, fakes, turnDebounceMs: CFG.debounceMs, databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, logLevel: 'warn' }),
      WORKER_PORT: String(workerPort),
    },
    `http://127.0.0.1:${workerPort}/healthz`,
  );
let ingress = await startIngress();
let worker = await startWorker();

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
    if (signal !== 'SIGKILL') setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Restarts a hub process that died on its own; the drill reports it. */
async function ensureRunning(notes: string[]): Promise<void> {
  if (ingress.exitCode !== null || ingress.signalCode !== null) {
    notes.push(`ingress had exited (${ingress.exitCode ?? ingress.signalCode}); restarted`);
    ingress = await startIngress();
  }
  if (worker.exitCode !== null || worker.signalCode !== null) {
    notes.push(`worker had exited (${worker.exitCode ?? worker.signalCode}); restarted`);
    worker = await startWorker();
  }
}

// ---------------------------------------------------------------------------------------------------
// Clinic, accounts and the address book that maps a fake's delivery to a chat

/** Which account a delivery came through, by the credential or id the hub used at the fake. */
const accountByKey = new Map<string, string>();
/** Kakao callback id → chat (the callback URL is the only recipient a callback carries). */
const chatByCallback = new Map<string, string>();
const platformOf = new Map<string, Platform>();

async function connect(clinicId: string, p: Platform, tag: string): Promise<Account> {
  const credentials: Record<string, string> = credentialsFor(p, tag);
  if (p === 'kakao') credentials.eventApiKey = randomUUID().replace(/-/g, '');
  // The ciphertext is bound to its row's id.
  const id = randomUUID();
  const row = await db.messengerAccount.create({
    data: {
      id,
      clinicId,
      messengerType: p,
      accountName: `${p}_${tag}`,
      credentials: keyring.encrypt(credentials, id) as object,
      credentialsKeyId: keyring.currentKeyId,
      isConnected: true,
    },
  });
  platformOf.set(row.id, p);
  const c = credentials;
  if (p === 'telegram') {
    fakes.telegram.addBot(c.botToken!);
    accountByKey.set(`telegram|${c.botToken}`, row.id);
  }
  if (p === 'line') {
    fakes.line.addChannel(c.accessToken!);
    accountByKey.set(`line|${c.accessToken}`, row.id);
  }
  if (p === 'facebook') {
    fakes.meta.addPage({ pageId: c.pageId!, accessToken: c.accessToken! });
    accountByKey.set(`messenger|${c.pageId}`, row.id);
  }
  if (p === 'instagram') {
    fakes.meta.addPage({ pageId: c.pageId!, igUserId: c.igUserId!, accessToken: c.accessToken! });
    accountByKey.set(`instagram|${c.igUserId}`, row.id);
  }
  if (p === 'whatsapp') {
    fakes.meta.addWhatsAppNumber({ phoneNumberId: c.phoneNumberId!, accessToken: c.accessToken! });
    accountByKey.set(`whatsapp|${c.phoneNumberId}`, row.id);
  }
  if (p === 'kakao') {
    fakes.kakao.addEventApiKey(c.eventApiKey!, c.botId);
    accountByKey.set(`event|${c.botId}`, row.id);
  }
  return { id: row.id, platform: p, credentials };
}

function chatOfDelivery(d: Fakes['telegram']['delivered'][number]): string | undefined {
  const m = d.meta as Record<string, unknown>;
  const by = (k: string) => accountByKey.get(k);
  let account: string | undefined;
  switch (d.via) {
    case 'sendMessage':
      account = by(`telegram|${m.token}`);
      break;
    case 'reply':
    case 'push':
      account = by(`line|${m.token}`);
      break;
    case 'messenger':
    case 'instagram':
      account = by(`${d.via}|${m.pageOrIgId}`);
      break;
    case 'whatsapp':
      account = by(`whatsapp|${m.phoneNumberId}`);
      break;
    case 'event':
      account = by(`event|${m.botId}`);
      break;
    case 'callback':
      return chatByCallback.get(d.recipient);
  }
  return account ? `${account}|${d.recipient}` : undefined;
}

/** The fakes' deliveries to the chats of these accounts (the fakes keep every drill's record). */
function deliveriesTo(accountIds: Set<string>): Delivery[] {
  const out: Delivery[] = [];
  for (const f of [fakes.telegram, fakes.line, fakes.meta, fakes.kakao]) {
    f.delivered.forEach((d, order) => {
      const chat = chatOfDelivery(d);
      if (chat && accountIds.has(chat.slice(0, chat.indexOf('|')))) out.push({ chat, text: d.text, platformId: d.id, order, via: d.via });
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Load generator: the platforms' side. Each customer writes in order (the next message only after the
// previous one was accepted, as Telegram delivers a chat's updates) and every webhook is retried on a
// non-2xx answer or a connection error with capped backoff, as Telegram, LINE and Meta retry.

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
let messageSeq = (Math.floor(Date.now() / 1000) % 1_000_000) * 1000;
const texts = [QUESTIONS_JA.price, QUESTIONS_JA.parking, QUESTIONS_JA.aftercare];

interface Attempts {
  posts: number;
  byStatus: Record<string, number>;
}

function externalIdOf(account: Account, m: CustomerText, raw: string): string {
  switch (account.platform) {
    case 'telegram':
      return `${m.userId}:${m.messageId}`;
    case 'line':
      return m.messageId;
    case 'facebook':
    case 'instagram':
      return `m_${m.messageId}`;
    case 'whatsapp':
      return `wamid.${m.messageId}`;
    case 'kakao':
      return kakaoMessageId(JSON.parse(raw));
  }
}

/** A customer message in the platform's shape: LINE gets a reply token, Kakao a one-time callback. */
function customerMessage(account: Account, userId: string, i: number, messageId = String(++messageSeq)) {
  const chat = `${account.id}|${userId}`;
  const m: CustomerText = { userId, text: texts[i % texts.length]!, messageId, sentAtMs: Date.now() };
  if (account.platform === 'line') m.replyToken = fakes.line.issueReplyToken(userId);
  if (account.platform === 'kakao') {
    m.callbackUrl = fakes.kakao.issueCallbackUrl({ ttlMs: 60_000 });
    chatByCallback.set(m.callbackUrl.split('/').pop()!, chat);
  }
  const raw = webhookBody(account, [m]);
  return {
    chat,
    raw,
    headers: { ...signedHeaders(account, raw), 'content-length': String(Buffer.byteLength(raw)) },
    externalId: externalIdOf(account, m, raw),
    path: `/webhooks/${account.platform}/${account.id}`,
  };
}
type Prepared = ReturnType<typeof customerMessage>;

function postOnce(p: Prepared): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port: ingressPort, path: p.path, method: 'POST', agent, headers: p.headers, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(p.raw);
  });
}

/** Posts until a 2xx (true) or until the platform would give up (false). */
async function deliver(p: Prepared, attempts: Attempts): Promise<boolean> {
  const giveUp = Date.now() + CFG.retryForS * 1000;
  for (let k = 0; ; k++) {
    const status = await postOnce(p);
    attempts.posts++;
    attempts.byStatus[status || 'conn'] = (attempts.byStatus[status || 'conn'] ?? 0) + 1;
    if (status >= 200 && status < 300) return true;
    if (Date.now() > giveUp) return false;
    await sleep(Math.min(500 * 2 ** k, 8000) * (0.75 + Math.random() / 2));
  }
}

/**
 * Steady load for `seconds`: rate × seconds messages from customers spread over the clinic's accounts
 * (all six platforms), each writing msgsPerCustomer messages gapMin–gapMax s apart, starts spread evenly.
 */
async function steadyLoad(accounts: Account[], seconds: number, sent: SentMessage[], attempts: Attempts): Promise<void> {
  const customers = Math.max(1, Math.round((CFG.rate * seconds) / CFG.msgsPerCustomer));
  const spreadMs = Math.max(0, seconds * 1000 - CFG.msgsPerCustomer * ((CFG.gapMinS + CFG.gapMaxS) / 2) * 1000);
  const start = Date.now();
  await Promise.all(
    Array.from({ length: customers }, async (_, c) => {
      const account = accounts[c % accounts.length]!;
      const userId = userIdFor(account.platform);
      await sleep(start + (c * spreadMs) / customers - Date.now());
      for (let i = 0; i < CFG.msgsPerCustomer; i++) {
        if (i) await sleep((CFG.gapMinS + Math.random() * (CFG.gapMaxS - CFG.gapMinS)) * 1000);
        const p = customerMessage(account, userId, c + i);
        const s: SentMessage = { chat: p.chat, externalId: p.externalId, index: i, accepted: false };
        sent.push(s);
        s.accepted = await deliver(p, attempts);
        if (!s.accepted) return;
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Quiescence and counting

const queueRedis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
queueRedis.on('error', () => undefined);
const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection: queueRedis, prefix: PREFIX }));
for (const q of queues) q.on('error', () => undefined);

async function queueCounts(): Promise<{ pending: number; failed: number }> {
  let pending = 0;
  let failed = 0;
  for (const q of queues) {
    const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed');
    pending += (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0);
    failed += c.failed ?? 0;
  }
  return { pending, failed };
}

async function dbFingerprint(clinicIds: string[]): Promise<string> {
  const rows = await db.$queryRaw<{ n: bigint; a: bigint; s: bigint }[]>`
    SELECT count(*) AS n, count(answered_by_id) AS a, count(*) FILTER (WHERE delivery_status IN ('sent', 'failed', 'not_deliverable')) AS s
    FROM messages WHERE clinic_id = ANY(${clinicIds}::uuid[])`;
  const r = rows[0]!;
  return `${r.n}/${r.a}/${r.s}/${[fakes.telegram, fakes.line, fakes.meta, fakes.kakao].reduce((a, f) => a + f.delivered.length, 0)}`;
}

/** Waits until no job is waiting, active or delayed and nothing changed for 5 s; or the timeout. */
async function quiesce(clinicIds: string[]): Promise<{ ms: number; timedOut: boolean; failedJobs: number }> {
  const start = Date.now();
  let last = '';
  let quietSince = 0;
  let failedJobs = 0;
  while (Date.now() - start < CFG.quiesceS * 1000) {
    try {
      const q = await queueCounts();
      failedJobs = q.failed;
      const fp = `${q.pending === 0}/${await dbFingerprint(clinicIds)}`;
      if (q.pending === 0 && fp === last) {
        if (!quietSince) quietSince = Date.now();
        if (Date.now() - quietSince >= 5000) return { ms: quietSince - start, timedOut: false, failedJobs };
      } else quietSince = 0;
      last = fp;
    } catch {
      quietSince = 0;
    }
    await sleep(1000);
  }
  return { ms: Date.now() - start, timedOut: true, failedJobs };
}

async function readDatabase(clinicIds: string[]): Promise<{ stored: StoredCustomerMessage[]; replies: ReplyRow[]; accountIds: Set<string> }> {
  const accounts = await db.messengerAccount.findMany({ where: { clinicId: { in: clinicIds } }, select: { id: true } });
  const rows = await db.$queryRaw<
    { seq: bigint; sender_type: string; ext: string | null; answered: boolean; chat: string; id: string; content: string; ids: string[]; status: string }[]
  >`
    SELECT m.seq, m.sender_type, m.messenger_message_id AS ext, m.answered_by_id IS NOT NULL AS answered,
           c.messenger_account_id::text || '|' || cu.messenger_user_id AS chat, m.id::text AS id, m.content,
           m.messenger_message_ids AS ids, m.delivery_status AS status
    FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN customers cu ON cu.id = c.customer_id
    WHERE m.clinic_id = ANY(${clinicIds}::uuid[])`;
  return {
    stored: rows.filter((r) => r.sender_type === 'customer').map((r) => ({ chat: r.chat, externalId: r.ext ?? '', seq: r.seq, answered: r.answered })),
    replies: rows
      .filter((r) => r.sender_type !== 'customer' && r.status !== 'received')
      .map((r) => ({ chat: r.chat, id: r.id, seq: r.seq, content: r.content, platformIds: r.ids, status: r.status })),
    accountIds: new Set(accounts.map((a) => a.id)),
  };
}

interface DrillResult extends Counts {
  drill: DrillName | 'self-check';
  fault: string;
  seconds: number;
  quiesceMs: number;
  quiesceTimedOut: boolean;
  failedJobs: number;
  webhookPosts: number;
  webhookStatuses: Record<string, number>;
  notes: string[];
  pass: boolean;
  why: string[];
}

/** Failed jobs (attempts exhausted) are kept by BullMQ: each drill reports the ones added since the last. */
let failedSoFar = 0;

async function finish(
  drill: DrillResult['drill'],
  fault: string,
  started: number,
  clinicIds: string[],
  sent: SentMessage[],
  attempts: Attempts,
  notes: string[],
): Promise<DrillResult> {
  await ensureRunning(notes);
  log(`${drill}: load done, waiting for quiescence`);
  const q = await quiesce(clinicIds);
  await ensureRunning(notes);
  const { stored, replies, accountIds } = await readDatabase(clinicIds);
  const counts = countDrill({ sent, stored, replies, deliveries: deliveriesTo(accountIds) });
  if (q.timedOut) notes.push(`not quiet after ${CFG.quiesceS} s`);
  for (const list of Object.values(counts.examples)) list.forEach((e, i) => (list[i] = `${platformOf.get(e.slice(0, e.indexOf('|'))) ?? '?'} ${e}`));
  const why = missed(counts);
  const r: DrillResult = {
    drill,
    fault,
    ...counts,
    seconds: Math.round((Date.now() - started) / 1000),
    quiesceMs: q.ms,
    quiesceTimedOut: q.timedOut,
    failedJobs: Math.max(0, q.failedJobs - failedSoFar),
    webhookPosts: attempts.posts,
    webhookStatuses: attempts.byStatus,
    notes,
    pass: why.length === 0,
    why,
  };
  failedSoFar = Math.max(failedSoFar, q.failedJobs);
  log(
    `${drill}: ${r.pass ? 'PASS' : `MISS (${why.join(', ')})`} — accepted ${r.accepted}, stored ${r.stored}, answered ${r.answered}, dup ${r.duplicates}, ooo ${r.outOfOrderReplies}+${r.outOfOrderStored}, undelivered ${r.undelivered}, failed jobs ${r.failedJobs}`,
  );
  return r;
}

async function newClinic(name: string, platforms: Platform[] = PLATFORMS) {
  const clinic = await createPipelineClinic(db, name);
  const accounts: Account[] = [];
  for (const p of platforms) accounts.push(await connect(clinic.clinicId, p, `${clinic.tag}${accounts.length}`));
  return { clinicId: clinic.clinicId, accounts };
}

/** Steady load for before + during + after seconds, with `fault(during)` run at `before`. */
async function underLoad(drill: DrillName, fault: string, duringS: number, run: () => Promise<void>): Promise<DrillResult> {
  const started = Date.now();
  const notes: string[] = [];
  await ensureRunning(notes);
  const { clinicId, accounts } = await newClinic(drill);
  const sent: SentMessage[] = [];
  const attempts: Attempts = { posts: 0, byStatus: {} };
  log(`${drill}: ${fault}`);
  const load = steadyLoad(accounts, CFG.beforeS + duringS + CFG.afterS, sent, attempts);
  await sleep(CFG.beforeS * 1000);
  await run();
  await load;
  return finish(drill, fault, started, [clinicId], sent, attempts, notes);
}

// ---------------------------------------------------------------------------------------------------
// The drills

/** A RegExp whose test() is a switch: the fakes' injection rules match paths with it (no time-window rule exists). */
function switchedPath(on: () => boolean): RegExp {
  const re = /(?:)/;
  re.test = (p: string) => on() && !p.startsWith('/__fake/');
  return re;
}

const drills: Record<DrillName, () => Promise<DrillResult>> = {
  'pg-outage': () =>
    underLoad('pg-outage', `PostgreSQL stopped (pg_ctl stop -m fast) for ${CFG.pgOutageS} s`, CFG.pgOutageS, async () => {
      await postgres.stop();
      log(`pg-outage: PostgreSQL stopped`);
      await sleep(CFG.pgOutageS * 1000);
      await postgres.start();
      log(`pg-outage: PostgreSQL started`);
    }),

  'redis-restart': () =>
    underLoad(
      'redis-restart',
      `Redis ${CFG.redisStop === 'kill' ? 'SIGKILLed' : 'SHUTDOWN'} and restarted on its AOF after ${CFG.redisDownS} s`,
      CFG.redisDownS,
      async () => {
        await redisServer.stop(CFG.redisStop);
        log('redis-restart: Redis stopped');
        await sleep(CFG.redisDownS * 1000);
        await redisServer.start();
        log('redis-restart: Redis started');
      },
    ),

  'worker-kill': () => {
    const every = 10;
    return underLoad('worker-kill', `worker SIGKILLed ${CFG.workerKills}× (${every} s apart), restarted each time`, CFG.workerKills * every, async () => {
      for (let i = 0; i < CFG.workerKills; i++) {
        const at = Date.now();
        await kill(worker, 'SIGKILL');
        worker = await startWorker();
        log(`worker-kill: killed and restarted (${i + 1}/${CFG.workerKills})`);
        await sleep(every * 1000 - (Date.now() - at));
      }
    });
  },

  'platform-fault': () => {
    let on = false;
    let n = 0;
    const fake = fakes[CFG.faultPlatform];
    // Every other call 500, the rest 429 with Retry-After: 1.
    fake.inject({ times: Infinity, status: 500, path: switchedPath(() => on && n++ % 2 === 0) });
    fake.inject({ times: Infinity, status: 429, retryAfterSec: 1, path: switchedPath(() => on) });
    return underLoad('platform-fault', `fake ${CFG.faultPlatform} answering 500 / 429 for ${CFG.platformFaultS} s`, CFG.platformFaultS, async () => {
      on = true;
      await sleep(CFG.platformFaultS * 1000);
      on = false;
    });
  },

  'ingress-restart': () =>
    underLoad('ingress-restart', 'ingress stopped (SIGTERM) and restarted, then SIGKILLed and restarted 10 s later', 20, async () => {
      await kill(ingress, 'SIGTERM');
      ingress = await startIngress();
      log('ingress-restart: SIGTERM, restarted');
      await sleep(10_000);
      await kill(ingress, 'SIGKILL');
      ingress = await startIngress();
      log('ingress-restart: SIGKILL, restarted');
      await sleep(10_000);
    }),

  // Two Telegram bots of one clinic; each customer writes to both with the same chat id and the same
  // message ids (Telegram numbers messages per chat and bot, so real ids collide like this).
  'two-bots': async () => {
    const started = Date.now();
    const notes: string[] = [];
    await ensureRunning(notes);
    const { clinicId, accounts } = await newClinic('two-bots', ['telegram', 'telegram']);
    const sent: SentMessage[] = [];
    const attempts: Attempts = { posts: 0, byStatus: {} };
    const customers = 40;
    log(`two-bots: ${customers} customers × ${CFG.msgsPerCustomer} messages to both bots, same chat and message ids`);
    await Promise.all(
      Array.from({ length: customers }, async (_, c) => {
        const userId = userIdFor('telegram');
        await sleep(c * 200);
        for (let i = 0; i < CFG.msgsPerCustomer; i++) {
          if (i) await sleep((CFG.gapMinS + Math.random() * (CFG.gapMaxS - CFG.gapMinS)) * 1000);
          const messageId = String(100 + i);
          await Promise.all(
            accounts.map(async (a) => {
              const p = customerMessage(a, userId, i, messageId);
              const s: SentMessage = { chat: p.chat, externalId: p.externalId, index: i, accepted: false };
              sent.push(s);
              s.accepted = await deliver(p, attempts);
            }),
          );
        }
      }),
    );
    return finish('two-bots', 'two Telegram bots of one clinic, colliding chat and message ids', started, [clinicId], sent, attempts, notes);
  },

  // Each event delivered N times, the N×events posts in shuffled order (one customer per event).
  redelivery: async () => {
    const started = Date.now();
    const notes: string[] = [];
    await ensureRunning(notes);
    const { clinicId, accounts } = await newClinic('redelivery');
    const sent: SentMessage[] = [];
    const attempts: Attempts = { posts: 0, byStatus: {} };
    const events = Array.from({ length: CFG.redeliveryEvents }, (_, i) => {
      const account = accounts[i % accounts.length]!;
      const p = customerMessage(account, userIdFor(account.platform), i);
      const s: SentMessage = { chat: p.chat, externalId: p.externalId, index: 0, accepted: false };
      sent.push(s);
      return { p, s };
    });
    const posts = events.flatMap((e) => Array.from({ length: CFG.redeliveryTimes }, () => e));
    for (let i = posts.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [posts[i], posts[j]] = [posts[j]!, posts[i]!];
    }
    log(`redelivery: ${CFG.redeliveryEvents} events × ${CFG.redeliveryTimes}, shuffled, 16 at a time`);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < posts.length) {
          const e = posts[next++]!;
          if (await deliver(e.p, attempts)) e.s.accepted = true;
        }
      }),
    );
    return finish(
      'redelivery',
      `${CFG.redeliveryEvents} events each delivered ${CFG.redeliveryTimes}× in shuffled order`,
      started,
      [clinicId],
      sent,
      attempts,
      notes,
    );
  },
};

/** Live self-check: a clean short run, then a real duplicate send to the fake and a reordering in its record. */
async function liveSelfCheck(): Promise<{ result: DrillResult; problems: string[] }> {
  const started = Date.now();
  const notes: string[] = [];
  const { clinicId, accounts } = await newClinic('self-check');
  const sent: SentMessage[] = [];
  const attempts: Attempts = { posts: 0, byStatus: {} };
  const saved = { rate: CFG.rate, m: CFG.msgsPerCustomer };
  CFG.rate = 4;
  CFG.msgsPerCustomer = 2;
  await steadyLoad(accounts, 15, sent, attempts);
  Object.assign(CFG, { rate: saved.rate, msgsPerCustomer: saved.m });
  const clean = await finish('self-check', 'none (clean run)', started, [clinicId], sent, attempts, notes);
  const problems: string[] = [];
  if (!clean.pass) problems.push(`the clean run already missed (${clean.why.join(', ')}): cannot tell injected faults apart`);
  // A duplicate: replay one recorded Telegram send against the fake, over HTTP, as a resending worker would.
  const tgChats = new Set(sent.filter((s) => s.chat.startsWith(accounts[0]!.id)).map((s) => s.chat));
  const original = fakes.telegram.delivered.find((d) => tgChats.has(`${accountByKey.get(`telegram|${d.meta.token}`)}|${d.recipient}`));
  if (original) {
    await fetch(`${fakes.telegram.url}/bot${String(original.meta.token)}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: original.recipient, text: original.text }),
    });
  } else problems.push('no Telegram delivery to replay');
  // Out of order: swap the two replies of one LINE chat in the fake's record.
  const lineAccount = accounts.find((a) => a.platform === 'line')!;
  const byChat = new Map<string, number[]>();
  fakes.line.delivered.forEach((d, i) => {
    if (chatOfDelivery(d)?.startsWith(lineAccount.id)) byChat.set(d.recipient, [...(byChat.get(d.recipient) ?? []), i]);
  });
  const pair = [...byChat.values()].find((ix) => ix.length >= 2);
  if (pair) {
    const [i, j] = pair as [number, number];
    [fakes.line.delivered[i], fakes.line.delivered[j]] = [fakes.line.delivered[j]!, fakes.line.delivered[i]!];
  } else problems.push('no LINE chat with two replies to reorder');
  const { stored, replies, accountIds } = await readDatabase([clinicId]);
  const injected = countDrill({ sent, stored, replies, deliveries: deliveriesTo(accountIds) });
  if (injected.duplicates !== clean.duplicates + 1) problems.push(`replayed send: duplicates ${clean.duplicates} → ${injected.duplicates}, expected +1`);
  if (injected.outOfOrderReplies < clean.outOfOrderReplies + 1)
    problems.push(`swapped replies: out of order ${clean.outOfOrderReplies} → ${injected.outOfOrderReplies}, expected ≥ +1`);
  if (missed(injected).length === 0) problems.push('the injected faults did not make the drill miss');
  log(
    `self-check (live): after one replayed send and one swapped pair: duplicates ${clean.duplicates} → ${injected.duplicates}, replies out of order ${clean.outOfOrderReplies} → ${injected.outOfOrderReplies} → ${problems.length ? 'FAILED' : 'detected'}`,
  );
  // Undo the swap so later drills (none share the chat) read the record as delivered.
  if (pair) {
    const [i, j] = pair as [number, number];
    [fakes.line.delivered[i], fakes.line.delivered[j]] = [fakes.line.delivered[j]!, fakes.line.delivered[i]!];
  }
  return {
    result: {
      ...clean,
      ...injected,
      drill: 'self-check',
      fault: 'one replayed Telegram send, one swapped LINE pair',
      why: missed(injected),
      pass: problems.length === 0,
    },
    problems,
  };
}

// ---------------------------------------------------------------------------------------------------

const results: DrillResult[] = [];
let selfCheckProblems: string[] = [];
try {
  if (SELF_CHECK) {
    const sc = await liveSelfCheck();
    selfCheckProblems = sc.problems;
    results.push(sc.result);
  }
  for (const name of chosen) results.push(await drills[name]());
} finally {
  await kill(ingress, 'SIGTERM');
  await kill(worker, 'SIGTERM');
  for (const q of queues) await q.close().catch(() => undefined);
  queueRedis.disconnect();
  await fakes.close();
  await db.$disconnect();
  await redisServer.stop('shutdown');
  await postgres.stop().catch(() => undefined);
  removeRoot(root);
}

const git = (...a: string[]) => spawnSync('git', a, { encoding: 'utf8' }).stdout.trim();
const commit = git('rev-parse', '--short', 'HEAD');
// The newest commit of main's own line this run contains (main may have moved on, or merged this branch).
const mainCommit =
  git('rev-list', '--first-parent', '--max-count=300', 'main')
    .split('\n')
    .find((h) => h && spawnSync('git', ['merge-base', '--is-ancestor', h, 'HEAD']).status === 0)
    ?.slice(0, 7) ?? '?';
const totalS = Math.round((Date.now() - t0) / 1000);
const header = ['drill', 'accepted', 'stored', 'answered', 'dup', 'ooo replies', 'ooo stored', 'lost', 'undelivered', 'failed jobs', 'quiet after', 'result'];
const rows = results.map((r) => [
  r.drill,
  String(r.accepted) + (r.refused ? ` (+${r.refused} refused)` : ''),
  String(r.stored),
  String(r.answered),
  String(r.duplicates),
  String(r.outOfOrderReplies),
  String(r.outOfOrderStored),
  String(r.lost),
  String(r.undelivered),
  String(r.failedJobs),
  r.quiesceTimedOut ? `>${CFG.quiesceS}s` : `${(r.quiesceMs / 1000).toFixed(0)}s`,
  r.drill === 'self-check' ? (r.pass ? 'detected' : 'NOT DETECTED') : r.pass ? 'PASS' : 'MISS',
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(
  `\npnpm drill — commit ${commit} (main ${mainCommit}), ${CFG.rate} msg/s over ${PLATFORMS.length} platforms, TURN_DEBOUNCE_MS=${CFG.debounceMs}, total ${totalS} s`,
);
console.log(line(header));
for (const r of rows) console.log(line(r));
for (const r of results) {
  if (r.why.length || r.notes.length)
    console.log(
      `  ${r.drill}: ${[...r.why, ...r.notes].join('; ')}; replies ${JSON.stringify(r.replyStatus)}; webhook answers ${JSON.stringify(r.webhookStatuses)}`,
    );
}
writeFileSync(
  'bench/drill/last-run.json',
  JSON.stringify(
    { at: new Date().toISOString(), commit, mainCommit, totalSeconds: totalS, config: CFG, results },
    (_k, v) => (typeof v === 'bigint' ? String(v) : v),
    2,
  ) + '\n',
);
console.log('written to bench/drill/last-run.json');
const failed = results.some((r) => !r.pass) || selfCheckProblems.length > 0;
if (selfCheckProblems.length) console.log(`self-check FAILED: ${selfCheckProblems.join('; ')}`);
process.exit(failed ? 1 : 0);
