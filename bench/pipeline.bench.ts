// pnpm bench:pipeline — the whole pipeline on loopback: signed LINE webhooks → ingress process →
// worker process (store, translate, one AI turn with the local provider, send) → the fake LINE API.
// Reports end-to-end messages/s at max rate, the hub's own latency (webhook POSTed → reply accepted by
// the fake, minus the in-process AI time from ai_metadata) at a fixed offered rate, queue depths and RSS.
// Uses a scratch database (clinic_hub_bench), created and migrated here with Prisma's schema engine.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Keyring, createDb, generateKeySpec } from '@hub/db';
import { prepareTestDatabase } from '../packages/db/src/testing/prepare-test-database';
import { createPipelineClinic, QUESTIONS_JA } from '../test/pipeline/clinic.fixture';
import {
  connectAccount,
  dropPrefix,
  freePort,
  startFakes,
  userIdFor,
  webhookBody,
  signedHeaders,
  workerEnv,
  type CustomerText,
} from '../test/pipeline/harness';
import { cpuByGroup, fmt, nodeOptionsOf, sampleRss, startProcess, stop } from './bench-support';

const admin = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic_hub');
admin.pathname = '/clinic_hub_bench';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? admin.toString();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE = Number(process.env.BENCH_RATE ?? 100);
const FIXED_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const MAX_MESSAGES = Number(process.env.BENCH_MAX_MESSAGES ?? 6000);
const MAX_CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 64);
const DEBOUNCE = Number(process.env.BENCH_TURN_DEBOUNCE_MS ?? 0);
const PREFIX = `bench-pipe-${randomUUID().slice(0, 6)}`;
const KEYS = generateKeySpec('bench');
const texts = [QUESTIONS_JA.price, QUESTIONS_JA.parking, QUESTIONS_JA.aftercare];

await prepareTestDatabase(DATABASE_URL);
const db = createDb(DATABASE_URL, { max: 4 });
// Each run starts from about the same state, as a running hub's database would be: the history of the
// last two runs (~33,000 messages; their clinics' slugs are pipe-*), older runs deleted and the tables
// vacuumed as autovacuum keeps them (this machine's PostgreSQL runs with autovacuum off: dead rows of
// earlier runs had grown messages to 650 MB).
{
  const earlier = `(SELECT id FROM clinics WHERE slug LIKE 'pipe-%' ORDER BY created_at DESC OFFSET 2)`;
  for (const table of ['notifications', 'audit_logs', 'satisfaction_scores', 'messages', 'conversations', 'customers']) {
    await db.$executeRawUnsafe(`DELETE FROM ${table} WHERE clinic_id IN ${earlier}`);
  }
  await db.$executeRawUnsafe('VACUUM (ANALYZE) notifications, audit_logs, satisfaction_scores, messages, conversations, customers');
}
const keyring = new Keyring(KEYS);
const fakes = await startFakes({ maxRecorded: 100_000 });
const clinic = await createPipelineClinic(db, 'ベンチ');
const account = await connectAccount(db, keyring, fakes, clinic.clinicId, 'line', clinic.tag);

const ingressPort = await freePort();
const workerPort = await freePort();
// Ingress and worker run as `pnpm start` runs them: production bundles with their package's node options.
spawnSync('node', ['infra/build-apps.mjs', 'ingress', 'worker'], { stdio: 'inherit' });
const ingress = await startProcess(
  ['apps/ingress/dist/main.mjs'],
  {
    NODE_OPTIONS: nodeOptionsOf('ingress'),
    DATABASE_URL,
    REDIS_URL,
    CREDENTIALS_ENCRYPTION_KEYS: KEYS,
    INGRESS_PORT: String(ingressPort),
    QUEUE_PREFIX: PREFIX,
    LOG_LEVEL: 'error',
  },
  `http://127.0.0.1:${ingressPort}/healthz`,
);
const profile = [
  ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
  // BENCH_WORKER_ARGS: node flags NODE_OPTIONS refuses (e.g. --trace-gc, with BENCH_CHILD_STDOUT=1).
  ...(process.env.BENCH_WORKER_ARGS?.split(' ').filter(Boolean) ?? []),
];
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const startWorker = async (port: number) =>
  startProcess(
    [...profile, process.env.BENCH_WORKER_SRC ? 'apps/worker/src/main.ts' : 'apps/worker/dist/main.mjs'],
    {
      NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS ?? nodeOptionsOf('worker'),
      ...workerEnv({
        prefix: PREFIX,
        keys: KEYS,
        fakes,
        turnDebounceMs: DEBOUNCE,
        databaseUrl: DATABASE_URL,
        redisUrl: REDIS_URL,
        logLevel: 'error',
        concurrency: Number(process.env.BENCH_WORKER_CONCURRENCY ?? 32),
      }),
      WORKER_PORT: String(port),
    },
    `http://127.0.0.1:${port}/healthz`,
  );
const worker = await startWorker(workerPort);
// BENCH_WORKERS=n: more worker processes on the same queues (RSS is reported for the first).
const extraWorkers = await Promise.all(Array.from({ length: WORKERS - 1 }, async () => startWorker(await freePort())));

// Queue depths (waiting + delayed + active) sampled every 250 ms.
const redis = new Redis(REDIS_URL);
const queues = ['inbound', 'turn', 'send', 'satisfaction'].map((name) => new Queue(name, { connection: redis, prefix: PREFIX }));
let depthPeak: Record<string, number> = {};
const depthTimer = setInterval(async () => {
  for (const q of queues) {
    const c = await q.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    const n = Object.values(c).reduce((a, b) => a + b, 0);
    depthPeak[q.name] = Math.max(depthPeak[q.name] ?? 0, n);
  }
}, 250);

let idSeq = BigInt(Date.now()) * 1000n;
const sent = new Map<string, { userId: string; at: number }[]>();
function message(userId: string, i: number): CustomerText {
  idSeq += 1n;
  return { userId, text: texts[i % texts.length]!, messageId: String(idSeq), sentAtMs: Date.now(), replyToken: fakes.line.issueReplyToken(userId) };
}
const agent = new Agent({ keepAlive: true, maxSockets: 128 });
/** A signed webhook, built ahead of the timed phase (as wrk or autocannon replay prepared requests). */
function prepare(m: CustomerText) {
  const raw = webhookBody(account, [m]);
  return { m, raw, headers: { ...signedHeaders(account, raw), 'content-length': String(Buffer.byteLength(raw)) } };
}
async function post(m: CustomerText, prepared = prepare(m)): Promise<number> {
  const { raw, headers } = prepared;
  const at = performance.timeOrigin + performance.now();
  // node:http with a keep-alive agent: the load generator shares the two cores with the hub, and
  // fetch (undici, WHATWG streams) costs it about twice the CPU per request.
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: ingressPort, path: `/webhooks/line/${account.id}`, method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(raw);
  });
  const list = sent.get(m.userId) ?? [];
  list.push({ userId: m.userId, at });
  sent.set(m.userId, list);
  return status;
}

/** Resolves once `count` replies to `users` have been delivered at the fake. */
async function repliesDelivered(users: Set<string>, count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = fakes.line.delivered.filter((d) => users.has(d.recipient)).length;
    if (n >= count || Date.now() > deadline) return n;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** Latency per message: its webhook POST → the first reply delivered to that user afterwards. */
async function latencies(users: Set<string>) {
  const ai = new Map<string, number>();
  const rows = await db.$queryRaw<{ id: string; ms: number }[]>`
    SELECT messenger_message_id AS id, (ai_metadata->>'latency_ms')::float AS ms FROM messages
    WHERE clinic_id = ${clinic.clinicId}::uuid AND sender_type = 'ai' AND messenger_message_id IS NOT NULL`;
  for (const r of rows) ai.set(r.id, r.ms);
  const total: number[] = [];
  const own: number[] = [];
  const aiMs: number[] = [];
  const timeline: { at: number; ms: number }[] = [];
  const byUser = new Map<string, { at: number; id: string }[]>();
  for (const d of fakes.line.delivered)
    if (users.has(d.recipient)) byUser.set(d.recipient, [...(byUser.get(d.recipient) ?? []), { at: d.request.at.getTime(), id: d.id }]);
  for (const u of users) {
    const deliveries = byUser.get(u) ?? [];
    for (const m of sent.get(u) ?? []) {
      const d = deliveries.find((x) => x.at >= m.at - 1);
      if (!d) continue;
      const a = ai.get(d.id) ?? 0;
      total.push(d.at - m.at);
      own.push(d.at - m.at - a);
      timeline.push({ at: m.at, ms: d.at - m.at - a });
      aiMs.push(a);
    }
  }
  return { total, own, aiMs, timeline };
}

// Warm-up: JIT, connection pools, prepared statements on every pooled connection, clinic caches — a
// running service has them. 3 s at the fixed rate (the first second after a start is slower: see README).
{
  const warmUsers = Array.from({ length: RATE * 3 }, () => userIdFor('line'));
  const started = Date.now();
  const posts: Promise<number>[] = [];
  for (let i = 0; i < warmUsers.length; i++) {
    const wait = started + (i * 1000) / RATE - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    posts.push(post(message(warmUsers[i]!, i)));
  }
  await Promise.all(posts);
  await repliesDelivered(new Set(warmUsers), warmUsers.length, 60_000);
}

// Statistics, as autovacuum keeps them on a production server. This machine's PostgreSQL runs with
// autovacuum off: the worker's generic plans, made while the scratch tables were small, would stay as
// the tables grow (sequential scans over messages: measured 54 msg/s instead of 135 at max rate, and a
// commit statement at 8.6 ms instead of 0.45). ANALYZE updates the statistics and invalidates the plans.
// With the history of earlier runs the tables are large enough for their plans to hold; on a first run
// (small tables) with autovacuum off, the bench stands in for autoanalyze and analyzes the growing
// tables every 5 s. (Analyzing that often with the history in place only costs re-planning: p99 up.)
await db.$executeRawUnsafe('ANALYZE');
const [{ autovacuum, rows }] = await db.$queryRaw<{ autovacuum: string; rows: number }[]>`
  SELECT current_setting('autovacuum') AS autovacuum, (SELECT reltuples FROM pg_class WHERE relname = 'messages')::float8 AS rows`;
const analyzeTimer =
  autovacuum === 'off' && rows < 20_000
    ? setInterval(() => void db.$executeRawUnsafe('ANALYZE messages, conversations, customers, satisfaction_scores').catch(() => undefined), 5000)
    : undefined;

// Phase 1: fixed offered rate. Each user writes every ~10 s, so each message gets its own turn.
depthPeak = {};
const fixedUsers = Array.from({ length: Math.max(1, RATE * 10) }, () => userIdFor('line'));
const fixedTotal = RATE * FIXED_SECONDS;
const rssWorker1 = sampleRss(worker.pid!);
const rssIngress1 = sampleRss(ingress.pid!);
const fixedStart = Date.now();
const inflight: Promise<number>[] = [];
for (let i = 0; i < fixedTotal; i++) {
  const due = fixedStart + (i * 1000) / RATE;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  inflight.push(post(message(fixedUsers[i % fixedUsers.length]!, i)));
}
const fixedStatuses = await Promise.all(inflight);
const fixedOffered = fixedTotal / ((Date.now() - fixedStart) / 1000);
const fixedSet = new Set(fixedUsers);
const fixedDelivered = await repliesDelivered(fixedSet, fixedTotal, 900_000);
const fixedDrainedMs = Date.now() - fixedStart;
const fixedRssWorker = rssWorker1();
const fixedRssIngress = rssIngress1();
const fixedDepth = depthPeak;
const fixedLat = await latencies(fixedSet);
if (process.env.BENCH_DEBUG) {
  const slow = [...fixedLat.timeline].sort((a, b) => b.ms - a.ms).slice(0, 15);
  console.log(`slowest (s after start: ms): ${slow.map((x) => `${((x.at - fixedStart) / 1000).toFixed(2)}:${x.ms.toFixed(0)}`).join(' ')}`);
  console.log(
    `own p90 ${pct(fixedLat.own, 90).toFixed(0)} p95 ${pct(fixedLat.own, 95).toFixed(0)} p99 ${pct(fixedLat.own, 99).toFixed(0)} max ${Math.max(...fixedLat.own).toFixed(0)}`,
  );
}

// Phase 2: max rate. Every message from its own new conversation, posted by MAX_CONCURRENCY clients.
await new Promise((r) => setTimeout(r, 1000));
depthPeak = {};
const maxUsers = Array.from({ length: MAX_MESSAGES }, () => userIdFor('line'));
const rssWorker2 = sampleRss(worker.pid!);
const rssIngress2 = sampleRss(ingress.pid!);
const cpuGroups = () => ({ worker: [worker.pid!, ...extraWorkers.map((w) => w.pid!)], ingress: [ingress.pid!], 'bench driver + fakes': [process.pid] });
const maxRequests = maxUsers.map((u, i) => prepare(message(u, i)));
const cpuBefore = cpuByGroup(cpuGroups());
const maxStart = Date.now();
let next = 0;
const maxStatuses: number[] = [];
await Promise.all(
  Array.from({ length: MAX_CONCURRENCY }, async () => {
    while (next < maxUsers.length) {
      const i = next++;
      const r = maxRequests[i]!;
      maxStatuses.push(await post(r.m, r));
    }
  }),
);
const acceptedMs = Date.now() - maxStart;
const maxSet = new Set(maxUsers);
const maxDelivered = await repliesDelivered(maxSet, MAX_MESSAGES, 900_000);
const lastDelivery = Math.max(...fakes.line.delivered.filter((d) => maxSet.has(d.recipient)).map((d) => d.request.at.getTime()));
const maxMs = lastDelivery - maxStart;
const cpuAfter = cpuByGroup(cpuGroups());
const cpuPerMsg = Object.entries(cpuAfter).map(([g, ms]) => `${g} ${fmt((ms - (cpuBefore[g] ?? 0)) / MAX_MESSAGES, 2)}`);
const maxRssWorker = rssWorker2();
const maxRssIngress = rssIngress2();
const maxDepth = depthPeak;
const maxLat = await latencies(maxSet);

clearInterval(depthTimer);
clearInterval(analyzeTimer);
// Counted through the clinic index, one probe per clinic: after bench:rag the table holds ~100,000 rows
// of 6 KB each, and counting them by reading every row took 17 s.
const [emb] = await db.$queryRaw<{ n: bigint; clinics: bigint }[]>`
  SELECT (coalesce(sum(k.n), 0) + (SELECT count(*) FROM embeddings WHERE clinic_id IS NULL))::bigint AS n, count(*) FILTER (WHERE k.n > 0) AS clinics
  FROM clinics c CROSS JOIN LATERAL (SELECT count(*) AS n FROM embeddings e WHERE e.clinic_id = c.id) k`;
const [stored] = await db.$queryRaw<{ customer: bigint; ai: bigint }[]>`
  SELECT count(*) FILTER (WHERE sender_type = 'customer') AS customer, count(*) FILTER (WHERE sender_type = 'ai') AS ai FROM messages WHERE clinic_id = ${clinic.clinicId}::uuid`;

await stop(worker);
for (const w of extraWorkers) await stop(w);
await stop(ingress);
for (const q of queues) await q.close();
await dropPrefix(redis, PREFIX);
redis.disconnect();
await fakes.close();
await db.$disconnect();

const ok = (xs: number[]) => xs.filter((s) => s !== 200).length;
console.log(
  `\nbench:pipeline  (LINE webhooks → ingress → worker → fake LINE API; local AI; TURN_DEBOUNCE_MS=${DEBOUNCE}; ${process.arch}, node ${process.version}, 2 processes + this driver on the same cores)`,
);
console.log(
  `database ${new URL(DATABASE_URL).pathname.slice(1)}: ${emb?.n} embedding rows of ${emb?.clinics} clinics share the HNSW index the consultant searches`,
);
if (analyzeTimer) console.log('PostgreSQL autovacuum is off here: the bench ran ANALYZE on the growing tables every 5 s in its place');
console.log(
  `fixed rate: offered ${fmt(fixedOffered)} msg/s for ${FIXED_SECONDS}s (${fixedTotal} msgs, non-200 ${ok(fixedStatuses)}), replies delivered ${fixedDelivered}/${fixedTotal}, last after ${fixedDrainedMs} ms (${fmt((fixedDelivered * 1000) / fixedDrainedMs)} msg/s)`,
);
console.log(
  `  webhook→reply posted  p50 ${fmt(pct(fixedLat.total, 50), 0)} ms  p99 ${fmt(pct(fixedLat.total, 99), 0)} ms | hub's own (minus AI) p50 ${fmt(pct(fixedLat.own, 50), 0)} ms  p99 ${fmt(pct(fixedLat.own, 99), 0)} ms | AI (ai_metadata.latency_ms) p50 ${fmt(pct(fixedLat.aiMs, 50), 0)} ms  p99 ${fmt(pct(fixedLat.aiMs, 99), 0)} ms`,
);
console.log(`  peak queue depth ${JSON.stringify(fixedDepth)}   peak RSS worker ${fmt(fixedRssWorker, 0)} MB, ingress ${fmt(fixedRssIngress, 0)} MB`);
console.log(
  `max rate: ${MAX_MESSAGES} msgs from ${MAX_CONCURRENCY} clients, accepted by ingress in ${acceptedMs} ms (${fmt((MAX_MESSAGES * 1000) / acceptedMs)} msg/s, non-200 ${ok(maxStatuses)})`,
);
console.log(`  end to end (stored, turn, reply sent): ${maxDelivered}/${MAX_MESSAGES} in ${maxMs} ms → ${fmt((maxDelivered * 1000) / maxMs)} msg/s`);
console.log(`  CPU ms per message (user+system): ${cpuPerMsg.join(', ')}`);
console.log(
  `  webhook→reply posted  p50 ${fmt(pct(maxLat.total, 50), 0)} ms  p99 ${fmt(pct(maxLat.total, 99), 0)} ms | AI p50 ${fmt(pct(maxLat.aiMs, 50), 0)} ms`,
);
console.log(`  peak queue depth ${JSON.stringify(maxDepth)}   peak RSS worker ${fmt(maxRssWorker, 0)} MB, ingress ${fmt(maxRssIngress, 0)} MB`);
console.log(`stored this run: ${stored?.customer} customer messages, ${stored?.ai} AI replies`);
const e2e = (maxDelivered * 1000) / maxMs;
const p99 = pct(fixedLat.own, 99);
console.log(
  `targets: ≥300 msg/s end to end: ${e2e >= 300 ? 'MET' : 'NOT MET'} (${fmt(e2e)}); own p99 < 150 ms at ${RATE} msg/s: ${p99 < 150 ? 'MET' : 'NOT MET'} (${fmt(p99, 0)} ms)`,
);
process.exit(0);
