// Faults between "accepted" and "done": PostgreSQL stopped under accepted work (a private cluster, stopped
// with pg_ctl), two Telegram bots of one clinic with colliding platform ids, a split reply whose second
// part fails, PostgreSQL lost right after the platform accepted a reply, and jobs that fail for good.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Keyring, createDb, generateKeySpec, type Db } from '@hub/db';
import { prepareTestDatabase } from '@hub/db/testing/prepare-test-database';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrivatePostgres } from '../../../packages/testing/src/support/postgres-server';
import { PrivateRedis } from '../../../packages/testing/src/support/redis-server';
import { InboundJobSchema, QUEUES } from '@hub/queue';
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
  type Fakes,
  type RunningIngress,
  type RunningWorker,
} from '../../../test/pipeline/harness';
import { recordDeadLetter } from '../src/pipeline/dead-letter.usecase';
import { handleInboundEvent } from '../src/pipeline/inbound.usecase';

const keys = generateKeySpec();
const keyring = new Keyring(keys);
const admin = new Redis(process.env.REDIS_URL!);
const sharedDb = createDb(process.env.DATABASE_URL!, { max: 4 });
let fakes: Fakes;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await fakes?.close();
  await sharedDb.$disconnect();
  admin.disconnect();
});

let seq = 0;
const msg = (userId: string, text: string, messageId = String(1000 + ++seq)) => ({ userId, text, messageId, sentAtMs: Date.now() + seq });

async function stack(db: Db, databaseUrl: string, opts: { infraRetryMs?: number } = {}) {
  const prefix = `t-rel-${randomUUID().slice(0, 8)}`;
  const ingress = await startIngressInProcess({ db, keyring, prefix });
  const worker = await startWorkerInProcess({
    db,
    keyring,
    env: workerEnv({ prefix, keys, fakes, turnDebounceMs: 100, concurrency: 8, databaseUrl }),
    ...opts,
  });
  cleanups.push(
    () => worker.close(),
    () => ingress.close(),
    () => dropPrefix(admin, prefix),
  );
  return { prefix, ingress, worker };
}

async function jobCounts(worker: RunningWorker) {
  return worker.producers.inbound.getJobCounts('failed', 'completed', 'waiting', 'delayed', 'active');
}

describe('PostgreSQL stopped under accepted webhooks', () => {
  let pg: PrivatePostgres;
  let db: Db;
  let account: Account;
  let ingress: RunningIngress;
  let worker: RunningWorker;

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    cleanups.push(() => pg.destroy());
    await prepareTestDatabase(pg.url);
    db = createDb(pg.url, { max: 4 });
    cleanups.push(() => db.$disconnect());
    const clinic = await createPipelineClinic(db, '障害');
    account = await connectAccount(db, keyring, fakes, clinic.clinicId, 'telegram', clinic.tag);
    ({ ingress, worker } = await stack(db, pg.url, { infraRetryMs: 300 }));
  }, 120_000);

  it('no job fails or spends an attempt while the database is down; the worker pauses, then stores and answers everything', async () => {
    // The worker is held so that every job meets the outage.
    await Promise.all(worker.workers.map((w) => w.pause()));
    const users = Array.from({ length: 12 }, () => userIdFor('telegram'));
    for (const u of users) expect(await postWebhook(ingress.url, account, [msg(u, QUESTIONS_JA.price)])).toBe(200);
    await pg.stop();
    await Promise.all(worker.workers.map((w) => w.resume()));
    await waitUntil('the gate to trip', async () => worker.gate.state, 15_000);
    // Long enough for the old behaviour (8 attempts, backoff from 500 ms) to have spent several attempts.
    await new Promise((r) => setTimeout(r, 6000));
    const during = await jobCounts(worker);
    expect(during.failed).toBe(0);
    const jobs = await worker.producers.inbound.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
    expect(jobs.length).toBe(users.length);
    expect(jobs.every((j) => j.attemptsMade === 0)).toBe(true);
    // While paused, the worker takes no more jobs (jobs are not being cycled through active).
    expect(worker.gate.state).toBeDefined();

    await pg.start();
    await waitUntil('every customer answered', async () => users.every((u) => fakes.telegram.delivered.some((d) => d.recipient === u)), 60_000, 200);
    expect(worker.gate.state).toBeUndefined();
    const after = await jobCounts(worker);
    expect(after.failed).toBe(0);
    expect(await db.message.count({ where: { senderType: 'customer', conversation: { messengerAccountId: account.id } } })).toBe(users.length);
    for (const u of users) expect(fakes.telegram.delivered.filter((d) => d.recipient === u)).toHaveLength(1);
    expect(await db.deadLetter.count()).toBe(0);
  }, 120_000);

  it('a reply the platform accepted just before PostgreSQL went away is recorded when it is back, never sent twice', async () => {
    const u = userIdFor('telegram');
    // Telegram takes 1.5 s to answer; PostgreSQL is stopped while the call is in flight.
    fakes.telegram.inject({ delayMs: 1500, path: /sendMessage/ });
    expect(await postWebhook(ingress.url, account, [msg(u, QUESTIONS_JA.parking)])).toBe(200);
    await fakes.telegram.waitFor(() => fakes.telegram.received.find((r) => r.recipient === u && /sendMessage/.test(r.path)), 20_000);
    await pg.stop();
    await fakes.telegram.waitForDelivery((d) => d.recipient === u, 10_000);
    await new Promise((r) => setTimeout(r, 3000));
    await pg.start();
    await waitUntil(
      'the reply recorded as sent',
      async () =>
        (await db.message.findFirst({ where: { senderType: 'ai', deliveryStatus: 'sent', conversation: { customer: { messengerUserId: u } } } })) ?? undefined,
      30_000,
      200,
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(fakes.telegram.received.filter((r) => r.recipient === u && /sendMessage/.test(r.path))).toHaveLength(1);
    const reply = await db.message.findFirstOrThrow({ where: { senderType: 'ai', conversation: { customer: { messengerUserId: u } } } });
    expect(reply.deliveryPartsSent).toBe(1);
    expect(reply.messengerAccountId).toBe(account.id);
  }, 90_000);
});

describe('Redis killed and restarted (AOF) under accepted webhooks', () => {
  it('no job is lost or fails; everything accepted before the crash is stored and answered once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hub-redis-'));
    const redis = await PrivateRedis.start({ aofDir: dir });
    cleanups.push(
      () => redis.stop(),
      () => rm(dir, { recursive: true, force: true }),
    );
    const clinic = await createPipelineClinic(sharedDb, 'レディス');
    const acc = await connectAccount(sharedDb, keyring, fakes, clinic.clinicId, 'telegram', clinic.tag);
    const prefix = `t-rel-${randomUUID().slice(0, 8)}`;
    const ingress = await startIngressInProcess({ db: sharedDb, keyring, prefix, redisUrl: redis.url });
    const worker = await startWorkerInProcess({
      db: sharedDb,
      keyring,
      env: workerEnv({ prefix, keys, fakes, turnDebounceMs: 100, concurrency: 8, redisUrl: redis.url }),
      infraRetryMs: 300,
    });
    cleanups.push(
      () => worker.close(),
      () => ingress.close(),
    );
    const users = Array.from({ length: 10 }, () => userIdFor('telegram'));
    await Promise.all(worker.workers.map((w) => w.pause()));
    for (const u of users) expect(await postWebhook(ingress.url, acc, [msg(u, QUESTIONS_JA.price)])).toBe(200);
    await Promise.all(worker.workers.map((w) => w.resume()));
    // Killed while the jobs run (some mid-store, some mid-turn), restarted from its append-only file.
    await new Promise((r) => setTimeout(r, 150));
    await redis.stop();
    await new Promise((r) => setTimeout(r, 2000));
    await redis.start();
    await waitUntil('every customer answered', async () => users.every((u) => fakes.telegram.delivered.some((d) => d.recipient === u)), 90_000, 200);
    await new Promise((r) => setTimeout(r, 1000));
    for (const u of users) expect(fakes.telegram.delivered.filter((d) => d.recipient === u)).toHaveLength(1);
    expect(await sharedDb.message.count({ where: { clinicId: clinic.clinicId, senderType: 'customer' } })).toBe(users.length);
    const counts = await Promise.all(worker.producers.all().map((q) => q.getJobCountByTypes('failed')));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(0);
  }, 120_000);
});

describe('arrival order per chat across a crash', () => {
  it('a message whose job is stuck on a dead worker is stored and answered before the ones sent after it', async () => {
    const clinic = await createPipelineClinic(sharedDb, '順序');
    const acc = await connectAccount(sharedDb, keyring, fakes, clinic.clinicId, 'telegram', clinic.tag);
    const { ingress, worker, prefix } = await stack(sharedDb, process.env.DATABASE_URL!);
    const u = userIdFor('telegram');
    await Promise.all(worker.workers.map((w) => w.pause()));
    expect(await postWebhook(ingress.url, acc, [msg(u, QUESTIONS_JA.price)])).toBe(200);
    // A worker that takes the first job and dies: the job stays active until its lock expires.
    const { Worker } = await import('bullmq');
    const dead = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const ghost = new Worker(QUEUES.inbound, null, { connection: dead, prefix, autorun: false, lockDuration: 3000 });
    cleanups.push(
      () => ghost.close(true),
      async () => dead.disconnect(),
    );
    const stuck = await ghost.getNextJob(randomUUID());
    expect(stuck).toBeDefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(await postWebhook(ingress.url, acc, [msg(u, QUESTIONS_JA.parking)])).toBe(200);
    expect(await postWebhook(ingress.url, acc, [msg(u, QUESTIONS_JA.aftercare)])).toBe(200);
    await Promise.all(worker.workers.map((w) => w.resume()));
    // The later two wait; the stalled check (every 10 s) puts the stuck one back, and all three go in order.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await sharedDb.message.count({ where: { clinicId: clinic.clinicId, senderType: 'customer' } })).toBe(0);
    const stored = await waitUntil(
      'all three stored',
      async () => {
        const rows = await sharedDb.message.findMany({ where: { clinicId: clinic.clinicId, senderType: 'customer' }, orderBy: { seq: 'asc' } });
        return rows.length === 3 ? rows : null;
      },
      40_000,
      200,
    );
    expect(stored.map((m) => m.content)).toEqual([QUESTIONS_JA.price, QUESTIONS_JA.parking, QUESTIONS_JA.aftercare]);
    const counts = await worker.producers.inbound.getJobCounts('failed');
    expect(counts.failed).toBe(0);
  }, 60_000);
});

describe('a retried inbound job', () => {
  it('finds its message stored and does not translate it again', async () => {
    const clinic = await createPipelineClinic(sharedDb, '再試行');
    const acc = await connectAccount(sharedDb, keyring, fakes, clinic.clinicId, 'telegram', clinic.tag);
    const { ingress, worker } = await stack(sharedDb, process.env.DATABASE_URL!);
    await Promise.all(worker.workers.map((w) => w.pause()));
    expect(await postWebhook(ingress.url, acc, [msg(userIdFor('telegram'), QUESTIONS_JA.parking)])).toBe(200);
    const [queued] = await worker.producers.inbound.getJobs(['waiting']);
    let translations = 0;
    const counting = {
      ...worker.deps,
      translator: {
        ...worker.deps.translator,
        toKorean: (...args: Parameters<typeof worker.deps.translator.toKorean>) => {
          translations++;
          return worker.deps.translator.toKorean(...args);
        },
      },
    };
    const data = InboundJobSchema.parse(queued!.data);
    expect((await handleInboundEvent(counting, data)).status).toBe('stored');
    expect(translations).toBe(1);
    const again = await handleInboundEvent(counting, data, { retried: true });
    expect(again.status).toBe('duplicate');
    expect(translations).toBe(1);
    expect(await sharedDb.message.count({ where: { clinicId: clinic.clinicId, senderType: 'customer' } })).toBe(1);
  }, 60_000);
});

describe('two Telegram bots of one clinic, colliding platform ids', () => {
  it('stores and answers the same user’s message to each bot (same chat id, same message id)', async () => {
    const clinic = await createPipelineClinic(sharedDb, '二台');
    const a = await connectAccount(sharedDb, keyring, fakes, clinic.clinicId, 'telegram', `${clinic.tag}a`);
    const b = await connectAccount(sharedDb, keyring, fakes, clinic.clinicId, 'telegram', `${clinic.tag}b`);
    const { ingress } = await stack(sharedDb, process.env.DATABASE_URL!);
    const u = userIdFor('telegram');
    const same = msg(u, QUESTIONS_JA.price, '77');
    expect(await postWebhook(ingress.url, a, [same])).toBe(200);
    expect(await postWebhook(ingress.url, b, [same])).toBe(200);
    const tokenOf = (x: Account) => x.credentials.botToken!;
    await waitUntil(
      'both bots answered',
      async () => [a, b].every((x) => fakes.telegram.delivered.some((d) => d.recipient === u && d.meta.token === tokenOf(x))),
      20_000,
      100,
    );
    const stored = await sharedDb.message.findMany({ where: { clinicId: clinic.clinicId, senderType: 'customer' }, include: { conversation: true } });
    expect(stored.map((m) => m.conversation.messengerAccountId).sort()).toEqual([a.id, b.id].sort());
    const replies = await sharedDb.message.findMany({ where: { clinicId: clinic.clinicId, senderType: 'ai' } });
    expect(replies.map((r) => r.deliveryStatus)).toEqual(['sent', 'sent']);
    for (const x of [a, b]) expect(fakes.telegram.delivered.filter((d) => d.recipient === u && d.meta.token === tokenOf(x))).toHaveLength(1);
  }, 60_000);
});

describe('a long reply whose second part fails', () => {
  it('is resumed at the failed part: the first part reaches the customer once', async () => {
    const clinic = await createPipelineClinic(sharedDb, '分割');
    const acc = await connectAccount(sharedDb, keyring, fakes, clinic.clinicId, 'telegram', clinic.tag);
    const { worker } = await stack(sharedDb, process.env.DATABASE_URL!);
    const u = userIdFor('telegram');
    const customer = await sharedDb.customer.create({ data: { clinicId: clinic.clinicId, messengerType: 'telegram', messengerUserId: u } });
    const conv = await sharedDb.conversation.create({
      data: { clinicId: clinic.clinicId, customerId: customer.id, messengerAccountId: acc.id, lastCustomerMessageAt: new Date() },
    });
    const text = `${'一'.repeat(4000)}\n\n${'二'.repeat(4000)}\n\n${'三'.repeat(100)}`;
    const reply = await sharedDb.message.create({
      data: { clinicId: clinic.clinicId, conversationId: conv.id, senderType: 'staff', content: text, translatedContent: text, deliveryStatus: 'pending' },
    });
    fakes.telegram.reset();
    // The fake applies its rules in order: the first call is held a moment, the next one (the second part)
    // answers 502. Both are set before the send, so a slow machine cannot send every part first.
    fakes.telegram.inject({ delayMs: 1000, path: /sendMessage/, times: 1 });
    fakes.telegram.inject({ status: 502, path: /sendMessage/, times: 1 });
    await worker.producers.addSend({ clinicId: clinic.clinicId, messageId: reply.id });
    await waitUntil(
      'the reply sent',
      async () => (await sharedDb.message.findUniqueOrThrow({ where: { id: reply.id } })).deliveryStatus === 'sent',
      30_000,
      100,
    );
    const delivered = fakes.telegram.delivered.filter((d) => d.recipient === u).map((d) => d.text[0]);
    const calls = fakes.telegram.received.filter((r) => String((r.body as { chat_id?: unknown } | undefined)?.chat_id) === u);
    expect(delivered).toEqual(['一', '二', '三']);
    // One call failed (the second part) and only it was retried.
    const statuses = calls.map((r) => r.status);
    expect(statuses).toHaveLength(4);
    expect(statuses).toEqual([200, 502, 200, 200]);
    expect(statuses.at(-1)).toBe(200);
    const row = await sharedDb.message.findUniqueOrThrow({ where: { id: reply.id } });
    expect(row.deliveryPartsSent).toBe(3);
    expect(row.messengerMessageIds).toHaveLength(3);
  }, 60_000);
});

describe('jobs that fail for good', () => {
  it('become dead letters with a notification; re-driving runs them again; a failed turn hands the conversation to staff', async () => {
    const clinic = await createPipelineClinic(sharedDb, '死信');
    const acc = await connectAccount(sharedDb, keyring, fakes, clinic.clinicId, 'telegram', clinic.tag);
    const { worker } = await stack(sharedDb, process.env.DATABASE_URL!);
    // A payload the worker cannot parse: a data-level error, final after its one attempt.
    await worker.producers.inbound.add(
      'event',
      { clinicId: clinic.clinicId, accountId: acc.id, requestId: 'r', receivedAt: new Date().toISOString(), event: { kind: 'nonsense' } },
      { jobId: `bad_${randomUUID()}`, attempts: 1 },
    );
    const dl = await waitUntil(
      'the dead letter',
      async () => sharedDb.deadLetter.findFirst({ where: { clinicId: clinic.clinicId, queue: QUEUES.inbound } }),
      20_000,
      100,
    );
    expect(dl).toMatchObject({ status: 'open', attemptsMade: 1, jobName: 'event' });
    expect(await sharedDb.notification.count({ where: { clinicId: clinic.clinicId, kind: 'dead_letter' } })).toBe(1);
    expect(await worker.registry.getSingleMetricAsString('hub_dead_letters_total')).toMatch(/queue="inbound".*} 1$/m);
    const again = await worker.producers.redrive(dl.queue, dl.jobId, dl.jobName, dl.payload);
    expect(again.how).toBe('retried');
    await waitUntil(
      'it failed again',
      async () =>
        (await worker.producers.inbound.getJob(dl.jobId))?.failedReason &&
        (await worker.producers.inbound.getJob(dl.jobId))!.attemptsMade === 1 &&
        (await worker.producers.inbound.getJob(dl.jobId))!.finishedOn,
      20_000,
      100,
    );

    // A turn that could not run: the conversation waits for staff, who are told.
    const customer = await sharedDb.customer.create({ data: { clinicId: clinic.clinicId, messengerType: 'telegram', messengerUserId: userIdFor('telegram') } });
    const conv = await sharedDb.conversation.create({ data: { clinicId: clinic.clinicId, customerId: customer.id, messengerAccountId: acc.id } });
    const deadTurn = {
      queue: QUEUES.turn,
      jobId: `turn-${conv.id}`,
      name: 'turn',
      data: { clinicId: clinic.clinicId, conversationId: conv.id },
      attemptsMade: 10,
      error: 'boom',
    };
    expect(await recordDeadLetter(worker.deps, deadTurn)).toBe(true);
    expect(await sharedDb.conversation.findUniqueOrThrow({ where: { id: conv.id } })).toMatchObject({ status: 'waiting', handoffReason: 'ai_turn_failed' });
    expect(await sharedDb.notification.count({ where: { clinicId: clinic.clinicId, kind: 'handoff' } })).toBe(1);
    // Recorded twice (the failed event and the sweep): one row, no second notification.
    expect(await recordDeadLetter(worker.deps, deadTurn)).toBe(false);
    expect(await sharedDb.deadLetter.count({ where: { clinicId: clinic.clinicId, queue: QUEUES.turn } })).toBe(1);
  }, 60_000);
});
