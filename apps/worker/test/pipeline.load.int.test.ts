// 200 LINE conversations × 10 messages, posted concurrently in shuffled multi-event batches, every
// webhook delivered twice: each message stored once, platform order kept, every message answered by a
// reply that was delivered, and each conversation's replies delivered in order.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Keyring, createDb, generateKeySpec } from '@hub/db';
import { createPipelineClinic, QUESTIONS_JA } from '../../../test/pipeline/clinic.fixture';
import {
  connectAccount,
  dropPrefix,
  postWebhook,
  startFakes,
  startIngressInProcess,
  startWorkerInProcess,
  userIdFor,
  waitUntil,
  workerEnv,
  type Account,
  type CustomerText,
  type Fakes,
  type RunningIngress,
  type RunningWorker,
} from '../../../test/pipeline/harness';

const CONVERSATIONS = Number(process.env.PIPELINE_LOAD_CONVERSATIONS ?? 200);
const PER_CONVERSATION = 10;
const TOTAL = CONVERSATIONS * PER_CONVERSATION;
const POST_CONCURRENCY = 16;

const db = createDb(process.env.DATABASE_URL!, { max: 12 });
const keys = generateKeySpec();
const keyring = new Keyring(keys);
const prefix = `t-load-${randomUUID().slice(0, 8)}`;
const admin = new Redis(process.env.REDIS_URL!);
const texts = [QUESTIONS_JA.price, QUESTIONS_JA.parking, QUESTIONS_JA.aftercare];

let fakes: Fakes;
let clinicId: string;
let account: Account;
let ingress: RunningIngress;
let worker: RunningWorker;

beforeAll(async () => {
  fakes = await startFakes();
  const clinic = await createPipelineClinic(db, 'ロード');
  clinicId = clinic.clinicId;
  account = await connectAccount(db, keyring, fakes, clinicId, 'line', clinic.tag);
  ingress = await startIngressInProcess({ db, keyring, prefix });
  worker = await startWorkerInProcess({ db, keyring, env: workerEnv({ prefix, keys, fakes, turnDebounceMs: 100, concurrency: 32 }) });
});

afterAll(async () => {
  await ingress?.close();
  await worker?.close();
  await fakes?.close();
  await dropPrefix(admin, prefix);
  admin.disconnect();
  await db.$disconnect();
});

/** Deterministic shuffle (mulberry32) so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('load: ordering, exactly-once, everything answered', () => {
  it(`${CONVERSATIONS} conversations × ${PER_CONVERSATION} messages, shuffled batches, each webhook twice`, async () => {
    const seed = Number(process.env.PIPELINE_LOAD_SEED ?? Date.now() % 100_000);
    // Deadlocks PostgreSQL detected in this database (statements locking overlapping conversations in
    // different orders: each costs a second and a retry). Counted as the server flushes its statistics.
    const deadlocks = async () =>
      Number((await db.$queryRaw<{ n: bigint }[]>`SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()`)[0]!.n);
    const deadlocksBefore = await deadlocks();
    const base = Date.now() - 60_000;
    const idBase = 600_000_000_000_000_000n + BigInt(Date.now()) * 10_000n;
    const users = Array.from({ length: CONVERSATIONS }, () => userIdFor('line'));
    const events: (CustomerText & { conv: number; index: number })[] = [];
    for (let c = 0; c < CONVERSATIONS; c++) {
      for (let i = 0; i < PER_CONVERSATION; i++) {
        const userId = users[c]!;
        events.push({
          conv: c,
          index: i,
          userId,
          text: texts[(c + i) % texts.length]!,
          messageId: String(idBase + BigInt(c * PER_CONVERSATION + i)),
          // Platform time defines each conversation's order (arrival order is shuffled).
          sentAtMs: base + i * 1000 + c,
          replyToken: fakes.line.issueReplyToken(userId, { ttlMs: 5 * 60_000 }),
        });
      }
    }
    // Batches of 1-5 events across conversations, then every batch twice, all shuffled.
    const order = shuffled(events, seed);
    const batches: CustomerText[][] = [];
    for (let k = 0, size = 1; k < order.length; k += size, size = 1 + (k % 5)) batches.push(order.slice(k, k + size));
    const posts = shuffled([...batches, ...batches], seed + 1);

    const started = Date.now();
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: POST_CONCURRENCY }, async () => {
        while (next < posts.length) {
          const batch = posts[next++]!;
          statuses.push(await postWebhook(ingress.url, account, batch));
        }
      }),
    );
    const postedMs = Date.now() - started;
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    await waitUntil(
      'every customer message answered and every reply sent',
      async () => {
        const [stored, unanswered, unsent] = await Promise.all([
          db.message.count({ where: { clinicId, senderType: 'customer' } }),
          db.message.count({ where: { clinicId, senderType: 'customer', answeredById: null } }),
          db.message.count({ where: { clinicId, senderType: 'ai', deliveryStatus: { not: 'sent' } } }),
        ]);
        return stored === TOTAL && unanswered === 0 && unsent === 0;
      },
      150_000,
      250,
    );
    const doneMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, 500)); // let any stray duplicate reply surface

    const messages = await db.message.findMany({
      where: { clinicId },
      select: {
        id: true,
        seq: true,
        senderType: true,
        conversationId: true,
        messengerMessageId: true,
        messengerMessageIds: true,
        platformSentAt: true,
        answeredById: true,
        deliveryStatus: true,
        conversation: { select: { customer: { select: { messengerUserId: true } } } },
      },
      orderBy: { seq: 'asc' },
    });
    const customer = messages.filter((m) => m.senderType === 'customer');
    const replies = messages.filter((m) => m.senderType === 'ai');

    // Exactly once.
    expect(customer).toHaveLength(TOTAL);
    expect(new Set(customer.map((m) => m.messengerMessageId)).size).toBe(TOTAL);
    const byExternal = new Map(events.map((e) => [e.messageId, e]));
    expect(customer.every((m) => byExternal.has(m.messengerMessageId!))).toBe(true);

    // One conversation per user, its messages in platform order.
    const convs = new Map<string, typeof customer>();
    for (const m of customer) convs.set(m.conversationId, [...(convs.get(m.conversationId) ?? []), m]);
    expect(convs.size).toBe(CONVERSATIONS);
    for (const list of convs.values()) {
      const byTime = [...list].sort((a, b) => a.platformSentAt!.getTime() - b.platformSentAt!.getTime());
      const evs = byTime.map((m) => byExternal.get(m.messengerMessageId!)!);
      expect(new Set(evs.map((e) => e.conv)).size).toBe(1);
      expect(evs.map((e) => e.index)).toEqual([...Array(PER_CONVERSATION).keys()]);
      expect(new Set(list.map((m) => m.conversation.customer.messengerUserId))).toEqual(new Set([users[evs[0]!.conv]]));
    }

    // Every customer message answered by a reply of its own conversation that was delivered.
    const replyById = new Map(replies.map((r) => [r.id, r]));
    const deliveredIds = new Map(fakes.line.delivered.map((d, k) => [d.id, { d, k }]));
    for (const m of customer) {
      const r = replyById.get(m.answeredById!);
      expect(r?.conversationId).toBe(m.conversationId);
      expect(r?.deliveryStatus).toBe('sent');
      expect(deliveredIds.has(r!.messengerMessageId!)).toBe(true);
    }

    // Nothing the customer sees twice: one delivery per reply, to the right user.
    const deliveries = fakes.line.delivered.filter((d) => users.includes(d.recipient));
    expect(deliveries).toHaveLength(replies.length);
    for (const r of replies) {
      const hit = deliveredIds.get(r.messengerMessageId!)!;
      expect(hit.d.recipient).toBe(r.conversation.customer.messengerUserId);
    }

    expect(await deadlocks(), 'deadlocks during the load').toBe(deadlocksBefore);

    // Each conversation's replies reached the platform in seq order.
    const replyConvs = new Map<string, typeof replies>();
    for (const r of replies) replyConvs.set(r.conversationId, [...(replyConvs.get(r.conversationId) ?? []), r]);
    for (const list of replyConvs.values()) {
      const deliveredAt = list.map((r) => deliveredIds.get(r.messengerMessageId!)!.k);
      expect(deliveredAt).toEqual([...deliveredAt].sort((a, b) => a - b));
    }

    const [stage] = await db.$queryRaw<{ store_to_reply_p50: number; store_to_reply_max: number; reply_to_sent_p50: number; reply_to_sent_max: number }[]>`
      WITH r AS (
        SELECT a.id, a.created_at, a.sent_at, max(c.created_at) AS last_in
        FROM messages a JOIN messages c ON c.answered_by_id = a.id
        WHERE a.clinic_id = ${clinicId}::uuid AND a.sender_type = 'ai' GROUP BY a.id)
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - last_in) * 1000)::float AS store_to_reply_p50,
             max(extract(epoch FROM created_at - last_in) * 1000)::float AS store_to_reply_max,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at) * 1000)::float AS reply_to_sent_p50,
             max(extract(epoch FROM sent_at - created_at) * 1000)::float AS reply_to_sent_max
      FROM r`;
    const jobs = (await worker.registry.getSingleMetric('hub_worker_job_seconds')!.get()).values;
    const summary: Record<string, string> = {};
    for (const v of jobs as { metricName?: string; labels: Record<string, string | number>; value: number }[]) {
      if (v.metricName?.endsWith('_count')) summary[`${v.labels.queue}`] = `${v.value}`;
      if (v.metricName?.endsWith('_sum')) summary[`${v.labels.queue}_s`] = v.value.toFixed(1);
    }
    const outcomes = (await worker.registry.getSingleMetric('hub_worker_jobs_total')!.get()).values.map(
      (v) => `${v.labels.queue}/${v.labels.outcome}=${v.value}`,
    );
    console.info(`[load] jobs: ${JSON.stringify(summary)} ${outcomes.join(' ')}`);
    console.info(`[load] stages (ms): ${JSON.stringify(stage)}`);
    console.info(
      `[load] seed=${seed} ${TOTAL} messages in ${batches.length} batches (${posts.length} posts) posted in ${postedMs} ms; ` +
        `all answered and sent after ${doneMs} ms (${Math.round((TOTAL * 1000) / doneMs)} msg/s); ${replies.length} replies ` +
        `(${(TOTAL / replies.length).toFixed(2)} messages per reply); ${deliveries.filter((d) => d.via === 'reply').length} via reply token`,
    );
  }, 180_000);
});
