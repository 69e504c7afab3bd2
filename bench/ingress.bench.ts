// pnpm bench:ingress — signed, verified, enqueued LINE and WhatsApp webhooks vs a bare Express endpoint,
// in the same run, on loopback (autocannon). Prints throughput, ratio, p50/p99 latency and ingress RSS.
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Keyring, createDb } from '@hub/db';
import { prepareTestDatabase } from '../packages/db/src/testing/prepare-test-database';
import { signLine, signMeta } from '@hub/messengers/inbound-signers';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { fmt, nodeOptionsOf, sampleRss, startProcess, stop } from './bench-support';

// The scratch database the other benchmarks use (clinic_hub_bench), never the demo's: its accounts are
// encrypted with the bench's key, which the demo does not hold. (Its clinic's slug is not bench-*:
// bench:rag owns those.)
const benchUrl = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic_hub');
benchUrl.pathname = '/clinic_hub_bench';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? benchUrl.toString();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const METRICS_TOKEN = process.env.METRICS_TOKEN ?? randomUUID();
const KEYS = process.env.CREDENTIALS_ENCRYPTION_KEYS ?? `bench:${Buffer.alloc(32, 7).toString('base64')}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PREFIX = `bench-${randomUUID().slice(0, 6)}`;

await prepareTestDatabase(DATABASE_URL);
const db = createDb(DATABASE_URL);
const keyring = new Keyring(KEYS);
const clinic = await db.clinic.upsert({ where: { slug: 'ingress-bench' }, create: { name: '벤치마크의원', slug: 'ingress-bench' }, update: {} });
const lineSecret = '8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f';
const meta = {
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  accessToken: 'EAAbench',
  appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  verifyToken: 'v',
};
await db.messengerAccount.deleteMany({ where: { clinicId: clinic.id } });
const lineId = randomUUID();
const line = await db.messengerAccount.create({
  data: {
    id: lineId,
    clinicId: clinic.id,
    messengerType: 'line',
    accountName: 'bench_line',
    credentials: keyring.encrypt({ channelId: '1', channelSecret: lineSecret, accessToken: 'x' }, lineId) as object,
    credentialsKeyId: keyring.currentKeyId,
  },
});
const waId = randomUUID();
const wa = await db.messengerAccount.create({
  data: {
    id: waId,
    clinicId: clinic.id,
    messengerType: 'whatsapp',
    accountName: 'bench_wa',
    credentials: keyring.encrypt(meta, waId) as object,
    credentialsKeyId: keyring.currentKeyId,
  },
});
await db.$disconnect();

const N = Number(process.env.BENCH_DISTINCT ?? 40_000);
function lineBody(i: number): string {
  return JSON.stringify({
    destination: 'Ubench',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: 1723546845211 + i,
        source: { type: 'user', userId: `Ubench${i % 500}` },
        webhookEventId: `01BENCH${i}`,
        deliveryContext: { isRedelivery: false },
        replyToken: `rt${i}`,
        message: { id: `9${i}`, type: 'text', quoteToken: 'q', text: 'ボトックスはいくらですか？' },
      },
    ],
  });
}
function waBody(i: number): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: meta.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550001111', phone_number_id: meta.phoneNumberId },
              contacts: [{ profile: { name: 'Lan' }, wa_id: `8490${i % 500}` }],
              messages: [
                { from: `8490${i % 500}`, id: `wamid.BENCH${i}`, timestamp: String(1723546845 + i), type: 'text', text: { body: 'Giá tiêm botox bao nhiêu?' } },
              ],
            },
          },
        ],
      },
    ],
  });
}
const lineReqs = Array.from({ length: N }, (_, i) => {
  const body = lineBody(i);
  return { method: 'POST' as const, path: `/webhooks/line/${line.id}`, body, headers: { 'content-type': 'application/json', ...signLine(body, lineSecret) } };
});
const waReqs = Array.from({ length: N }, (_, i) => {
  const body = waBody(i);
  return {
    method: 'POST' as const,
    path: `/webhooks/whatsapp/${wa.id}`,
    body,
    headers: { 'content-type': 'application/json', ...signMeta(body, meta.appSecret) },
  };
});

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}
type Req = { method: 'POST'; path: string; body: string; headers: Record<string, string> };

// wrk (C, one thread) leaves the second core to the server; requests are pre-signed into a Lua table.
const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
const luaDir = mkdtempSync(path.join(tmpdir(), 'bench-ingress-'));
const lua = (s: string) => JSON.stringify(s).replace(/\\u([0-9a-f]{4})/gi, (_, h) => `\\u{${h}}`);

async function load(url: string, requests: Req[]): Promise<LoadResult> {
  // Sanity check: a bench of rejected requests measures nothing.
  const probe = await fetch(url + requests[0]!.path, { method: 'POST', body: requests[0]!.body, headers: requests[0]!.headers });
  if (probe.status !== 200) throw new Error(`probe ${requests[0]!.path} answered ${probe.status}: ${await probe.text()}`);
  if (!hasWrk) {
    let i = 0;
    const r = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...requests[i++ % requests.length] }) }],
    });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
  }
  const script = path.join(luaDir, `reqs-${Math.random().toString(36).slice(2)}.lua`);
  const rows = requests.map(
    (r) =>
      `wrk.format(${lua(r.method)}, ${lua(r.path)}, {${Object.entries(r.headers)
        .map(([k, v]) => `[${lua(k)}]=${lua(v)}`)
        .join(',')}}, ${lua(r.body)})`,
  );
  writeFileSync(
    script,
    [
      'local reqs = {}',
      'local n = 0',
      'local i = 0',
      // Lua allows 65,536 constants per function: fill the table in chunks.
      ...Array.from({ length: Math.ceil(rows.length / 4000) }, (_, c) =>
        [`local function fill${c}()`, ...rows.slice(c * 4000, (c + 1) * 4000).map((r) => `n = n + 1; reqs[n] = ${r}`), 'end'].join('\n'),
      ),
      `init = function() ${Array.from({ length: Math.ceil(rows.length / 4000) }, (_, c) => `fill${c}()`).join(' ')} end`,
      'request = function() i = i % n + 1; return reqs[i] end',
      '',
    ].join('\n'),
  );
  const run = spawnSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', '-s', script, url], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.stderr.trim()) throw new Error(`wrk: ${run.stderr.trim()}`);
  const out = run.stdout;
  const ms = (label: string) => {
    const m = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: ms(' 50%'),
    p99: ms(' 99%'),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    errors: socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
  };
}

const { freePort } = await import('../packages/testing/src/support/redis-server');
const barePort = await freePort();
const ingressPort = await freePort();
const bare = await startProcess(['bench/bare-server.ts'], { PORT: String(barePort) }, `http://127.0.0.1:${barePort}/healthz`);
// The ingress runs as `pnpm start` runs it: the production bundle (infra/build-apps.mjs) with the V8 heap
// settings of apps/ingress/package.json (config.nodeOptions: a smaller young generation and a heap cap
// make V8 collect sooner, which keeps the RSS under load near 120 MB instead of 200+ MB).
spawnSync('node', ['infra/build-apps.mjs', 'ingress'], { stdio: 'inherit' });

const ingress = await startProcess(
  ['apps/ingress/dist/main.mjs'],
  {
    DATABASE_URL,
    REDIS_URL,
    CREDENTIALS_ENCRYPTION_KEYS: KEYS,
    INGRESS_PORT: String(ingressPort),
    QUEUE_PREFIX: PREFIX,
    METRICS_TOKEN,
    LOG_LEVEL: 'error',
    NODE_OPTIONS: process.env.BENCH_INGRESS_NODE_OPTIONS ?? nodeOptionsOf('ingress'),
  },
  `http://127.0.0.1:${ingressPort}/healthz`,
);

const bareBody = '{"x":1}';
const bareResult = await load(`http://127.0.0.1:${barePort}`, [
  { method: 'POST', path: '/bare', body: bareBody, headers: { 'content-type': 'application/json' } },
]);
const rss = sampleRss(ingress.pid!);
const lineResult = await load(`http://127.0.0.1:${ingressPort}`, lineReqs);
const waResult = await load(`http://127.0.0.1:${ingressPort}`, waReqs);
const peakRss = rss();
// V8's own view right after the load: what the peak RSS is made of.
const promText = await (await fetch(`http://127.0.0.1:${ingressPort}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
const gauge = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)$`, 'm').exec(promText)?.[1] ?? NaN) / 1024 / 1024;
const heap = { used: gauge('nodejs_heap_size_used_bytes'), total: gauge('nodejs_heap_size_total_bytes'), external: gauge('nodejs_external_memory_bytes') };

const redis = new Redis(REDIS_URL);
const q = new Queue('inbound', { connection: redis, prefix: PREFIX });
const queued = await q.getJobCountByTypes('waiting', 'prioritized', 'delayed');
await q.obliterate({ force: true });
await q.close();
redis.disconnect();
await stop(ingress);
await stop(bare);

const row = (name: string, r: LoadResult) =>
  `${name.padEnd(26)} ${fmt(r.rps, 0).padStart(8)} req/s   p50 ${fmt(r.p50, 2).padStart(6)} ms   p99 ${fmt(r.p99, 2).padStart(6)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
console.log(
  `\nbench:ingress  (${DURATION}s each, ${CONNECTIONS} connections, loopback, load by ${hasWrk ? 'wrk -t1' : 'autocannon'}, node ${process.version})`,
);
console.log(row('bare Express 200', bareResult));
console.log(row('LINE signed+enqueued', lineResult));
console.log(row('WhatsApp signed+enqueued', waResult));
const signed = (lineResult.rps + waResult.rps) / 2;
console.log(
  `ratio signed/bare: ${fmt((signed / bareResult.rps) * 100)}%   jobs queued: ${queued}   ingress peak RSS: ${fmt(peakRss, 0)} MB (after load: V8 heap ${fmt(heap.used, 0)} MB used of ${fmt(heap.total, 0)} MB, external ${fmt(heap.external, 0)} MB)`,
);
