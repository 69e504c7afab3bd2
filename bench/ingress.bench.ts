// pnpm bench:ingress — signed, verified, enqueued LINE and WhatsApp webhooks vs a bare Express endpoint,
// in the same run, on loopback (autocannon). Prints throughput, ratio, p50/p99 latency and ingress RSS.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Keyring, createDb } from '@hub/db';
import { signLine, signMeta } from '@hub/messengers/inbound-signers';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { fmt, sampleRss, startProcess, stop } from './bench-support';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic_hub';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEYS = process.env.CREDENTIALS_ENCRYPTION_KEYS ?? `bench:${Buffer.alloc(32, 7).toString('base64')}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PREFIX = `bench-${randomUUID().slice(0, 6)}`;

const db = createDb(DATABASE_URL);
const keyring = new Keyring(KEYS);
const clinic = await db.clinic.upsert({ where: { slug: 'bench-ingress' }, create: { name: '벤치마크의원', slug: 'bench-ingress' }, update: {} });
const lineSecret = '8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f';
const meta = { phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAbench', appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', verifyToken: 'v' };
await db.messengerAccount.deleteMany({ where: { clinicId: clinic.id } });
const line = await db.messengerAccount.create({
  data: { clinicId: clinic.id, messengerType: 'line', accountName: 'bench_line', credentials: keyring.encrypt({ channelId: '1', channelSecret: lineSecret, accessToken: 'x' }) as object, credentialsKeyId: keyring.currentKeyId },
});
const wa = await db.messengerAccount.create({
  data: { clinicId: clinic.id, messengerType: 'whatsapp', accountName: 'bench_wa', credentials: keyring.encrypt(meta) as object, credentialsKeyId: keyring.currentKeyId },
});
await db.$disconnect();

const N = 40_000;
function lineBody(i: number): string {
  return JSON.stringify({
    destination: 'Ubench',
    events: [{ type: 'message', mode: 'active', timestamp: 1723546845211 + i, source: { type: 'user', userId: `Ubench${i % 500}` }, webhookEventId: `01BENCH${i}`, deliveryContext: { isRedelivery: false }, replyToken: `rt${i}`, message: { id: `9${i}`, type: 'text', quoteToken: 'q', text: 'ボトックスはいくらですか？' } }],
  });
}
function waBody(i: number): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: meta.wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001111', phone_number_id: meta.phoneNumberId }, contacts: [{ profile: { name: 'Lan' }, wa_id: `8490${i % 500}` }], messages: [{ from: `8490${i % 500}`, id: `wamid.BENCH${i}`, timestamp: String(1723546845 + i), type: 'text', text: { body: 'Giá tiêm botox bao nhiêu?' } }] } }] }],
  });
}
const lineReqs = Array.from({ length: N }, (_, i) => {
  const body = lineBody(i);
  return { method: 'POST' as const, path: `/webhooks/line/${line.id}`, body, headers: { 'content-type': 'application/json', ...signLine(body, lineSecret) } };
});
const waReqs = Array.from({ length: N }, (_, i) => {
  const body = waBody(i);
  return { method: 'POST' as const, path: `/webhooks/whatsapp/${wa.id}`, body, headers: { 'content-type': 'application/json', ...signMeta(body, meta.appSecret) } };
});

async function load(url: string, requests: { method: 'POST'; path: string; body: string; headers: Record<string, string> }[]) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...requests[i++ % requests.length] }) }],
  });
  return result;
}

const barePort = 4390;
const ingressPort = 4391;
const bare = await startProcess(['bench/bare-server.ts'], { PORT: String(barePort) }, `http://127.0.0.1:${barePort}/healthz`);
const ingress = await startProcess(
  ['apps/ingress/src/main.ts'],
  { DATABASE_URL, REDIS_URL, CREDENTIALS_ENCRYPTION_KEYS: KEYS, INGRESS_PORT: String(ingressPort), QUEUE_PREFIX: PREFIX, LOG_LEVEL: 'error' },
  `http://127.0.0.1:${ingressPort}/healthz`,
);

const bareBody = '{"x":1}';
const bareResult = await load(`http://127.0.0.1:${barePort}`, [{ method: 'POST', path: '/bare', body: bareBody, headers: { 'content-type': 'application/json' } }]);
const rss = sampleRss(ingress.pid!);
const lineResult = await load(`http://127.0.0.1:${ingressPort}`, lineReqs);
const waResult = await load(`http://127.0.0.1:${ingressPort}`, waReqs);
const peakRss = rss();

const redis = new Redis(REDIS_URL);
const q = new Queue('inbound', { connection: redis, prefix: PREFIX });
const queued = await q.getJobCountByTypes('waiting', 'prioritized', 'delayed');
await q.obliterate({ force: true });
await q.close();
redis.disconnect();
await stop(ingress);
await stop(bare);

const row = (name: string, r: autocannon.Result) =>
  `${name.padEnd(26)} ${fmt(r.requests.average, 0).padStart(8)} req/s   p50 ${fmt(r.latency.p50, 1).padStart(5)} ms   p99 ${fmt(r.latency.p99, 1).padStart(6)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
console.log(`\nbench:ingress  (${DURATION}s each, ${CONNECTIONS} connections, loopback, ${process.arch}, node ${process.version})`);
console.log(row('bare Express 200', bareResult));
console.log(row('LINE signed+enqueued', lineResult));
console.log(row('WhatsApp signed+enqueued', waResult));
const signed = (lineResult.requests.average + waResult.requests.average) / 2;
console.log(`ratio signed/bare: ${fmt((signed / bareResult.requests.average) * 100)}%   jobs queued: ${queued}   ingress peak RSS: ${fmt(peakRss, 0)} MB`);
