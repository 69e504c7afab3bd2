// The inbound step stores a customer message and reads the satisfaction scorer's input in the same
// statement (window of earlier messages, previous score, conversation state) instead of the scorer's
// own read after the insert. This checks the two reads agree, case by case, against the real database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { WorkerConfigSchema } from '@hub/config';
import { Keyring, createDbAndSql, generateKeySpec } from '@hub/db';
import { LiveEventPublisher, Producers, type SatisfactionJob } from '@hub/queue';
import { readForScoring, type SatisfactionRead } from '@hub/satisfaction';
import { createLogger } from '@hub/observability';
import { buildPipeline } from '../src/build-pipeline';
import { handleInboundEvent } from '../src/pipeline/inbound.usecase';
import type { PipelineDeps } from '../src/pipeline/deps';
import { createPipelineClinic } from '../../../test/pipeline/clinic.fixture';
import { connectAccount, dropPrefix, startFakes, userIdFor, workerEnv, type Account, type Fakes } from '../../../test/pipeline/harness';

const { db, sql, pool } = createDbAndSql(process.env.DATABASE_URL!, { max: 4, genericPlans: true });
// Every store statement the hot path's pool runs: its items (the JSON array it is given).
const stores: { userId: string; externalMessageId: string }[][] = [];
pool.on('connect', (client) => {
  const query = client.query.bind(client) as (...a: unknown[]) => unknown;
  (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const q = args[0] as { text?: string; values?: unknown[] };
    if (q?.text?.includes('INSERT INTO customers')) stores.push(JSON.parse(String(q.values![0])));
    return query(...args);
  };
});
const keys = generateKeySpec();
const keyring = new Keyring(keys);
const prefix = `t-insat-${randomUUID().slice(0, 8)}`;
const redis = new Redis(process.env.REDIS_URL!);

let fakes: Fakes;
let account: Account;
let clinicId: string;
let deps: PipelineDeps;
let producers: Producers;
const seen: { job: SatisfactionJob; preread: SatisfactionRead | undefined }[] = [];

beforeAll(async () => {
  fakes = await startFakes();
  const clinic = await createPipelineClinic(db, '満足度');
  clinicId = clinic.clinicId;
  account = await connectAccount(db, keyring, fakes, clinicId, 'line', clinic.tag);
  const config = WorkerConfigSchema.parse(workerEnv({ prefix, keys, fakes, turnDebounceMs: 60_000, logLevel: 'error' }));
  producers = new Producers({ connection: redis, prefix });
  ({ deps } = await buildPipeline({
    config,
    db,
    sql,
    keyring,
    producers,
    live: new LiveEventPublisher(redis, prefix),
    redis,
    logger: createLogger('worker', 'error'),
  }));
  const score = deps.scoreSatisfaction!;
  deps.scoreSatisfaction = async (job, live, preread) => {
    seen.push({ job, preread });
    return score(job, live, preread);
  };
});

afterAll(async () => {
  await producers?.close();
  await fakes?.close();
  await dropPrefix(redis, prefix);
  redis.disconnect();
  await db.$disconnect();
});

let n = 0;
async function inbound(userId: string, text: string, sentAt = new Date(), externalMessageId = `insat-${Date.now()}-${++n}`) {
  n += 1;
  return handleInboundEvent(deps, {
    clinicId,
    accountId: account.id,
    requestId: `r${n}`,
    receivedAt: new Date().toISOString(),
    event: { platform: 'line', kind: 'text', externalUserId: userId, externalMessageId, text, sentAt: sentAt.toISOString(), raw: {} },
  });
}

/** The preread the inbound step handed the scorer for its last message, and the scorer's own read now. */
async function lastReads() {
  const last = seen.at(-1)!;
  const own = await readForScoring({ sql }, last.job);
  expect(last.preread, 'the inbound step passes its read').toBeDefined();
  expect(own, 'the message is stored').toBeDefined();
  // `scored` differs by design: the inline scorer has written the score since.
  const { scored: _a, ...pre } = last.preread!;
  const { scored: _b, ...after } = own!;
  return { pre, after, conversationId: last.job.conversationId, messageId: last.job.messageId };
}

describe('inbound: the satisfaction read done while storing the message', () => {
  it('a new conversation: the window is the message itself, no previous score', async () => {
    const user = userIdFor('line');
    expect((await inbound(user, 'こんにちは')).status).toBe('stored');
    const { pre, after } = await lastReads();
    expect(pre.window).toHaveLength(1);
    expect(pre.previousScore).toBeNull();
    expect(pre).toEqual(after);
  });

  it('an ongoing conversation with AI and staff replies, a deleted message and a score override', async () => {
    const user = userIdFor('line');
    const t0 = Date.now() - 30 * 60_000;
    await inbound(user, '額ボトックスはいくらですか？', new Date(t0));
    const { conversationId } = await lastReads();
    const base = { conversationId, clinicId, contentType: 'text', deliveryStatus: 'sent' };
    await db.message.create({ data: { ...base, senderType: 'ai', content: '額ボトックスは5万ウォンです。', originalLanguage: 'ja' } });
    await inbound(user, '高すぎます。がっかりしました', new Date(t0 + 60_000));
    await db.message.create({ data: { ...base, senderType: 'staff', content: '죄송합니다', translatedContent: '申し訳ありません', originalLanguage: 'ko' } });
    await db.message.create({ data: { ...base, senderType: 'ai', content: '削除された返信', isDeleted: true } });
    // A supervisor's override row (no message): it is the latest score the next message sees.
    await db.satisfactionScore.create({ data: { conversationId, clinicId, score: 35, level: 'orange', supervisorOverride: 35 } });
    await inbound(user, '予約したいです', new Date(t0 + 120_000));
    const { pre, after } = await lastReads();
    expect(pre.window.map((m) => m.sender)).toEqual(['customer', 'ai', 'customer', 'staff', 'customer']);
    expect(pre.previousScore).toBe(35);
    expect(pre).toEqual(after);
  });

  it('a long conversation: the window holds the last 20 messages, the new one last', async () => {
    const user = userIdFor('line');
    for (let i = 0; i < 23; i++) await inbound(user, `質問 ${i}`, new Date(Date.now() - (30 - i) * 60_000));
    const { pre, after, messageId } = await lastReads();
    expect(pre.window).toHaveLength(20);
    expect(pre.window.at(-1)!.id).toBe(messageId);
    expect(pre.window[0]!.text).toBe('質問 3');
    expect(pre.previousScore).not.toBeNull();
    expect(pre).toEqual(after);
  });

  it('a conversation waiting for staff, and a resolved one that the message reopens', async () => {
    const waiting = userIdFor('line');
    await inbound(waiting, 'スタッフと話したい');
    const w = await lastReads();
    await db.conversation.update({ where: { id: w.conversationId }, data: { status: 'waiting', handoffReason: 'customer_asked_for_human' } });
    await inbound(waiting, 'まだですか？');
    const w2 = await lastReads();
    expect(w2.pre.status).toBe('waiting');
    expect(w2.pre.handoffReason).toBe('customer_asked_for_human');
    expect(w2.pre).toEqual(w2.after);

    const resolved = userIdFor('line');
    await inbound(resolved, 'ありがとう');
    const r = await lastReads();
    await db.conversation.update({ where: { id: r.conversationId }, data: { status: 'resolved' } });
    await inbound(resolved, 'もう一つ質問があります');
    const r2 = await lastReads();
    expect(r2.pre.status).toBe('active');
    expect(r2.pre).toEqual(r2.after);
  });

  it('a redelivery stores nothing and scores nothing twice', async () => {
    const user = userIdFor('line');
    const event = {
      platform: 'line',
      kind: 'text',
      externalUserId: user,
      externalMessageId: `insat-dup-${Date.now()}`,
      text: 'もしもし',
      sentAt: new Date().toISOString(),
      raw: {},
    };
    const job = { clinicId, accountId: account.id, requestId: 'dup', receivedAt: new Date().toISOString(), event };
    expect((await handleInboundEvent(deps, job)).status).toBe('stored');
    const scoredBefore = seen.length;
    expect((await handleInboundEvent(deps, job)).status).toBe('duplicate');
    expect(seen.length).toBe(scoredBefore);
    const conv = await db.conversation.findFirstOrThrow({ where: { clinicId, customer: { messengerUserId: user } } });
    expect(conv.unreadCount).toBe(1);
    expect(await db.satisfactionScore.count({ where: { conversationId: conv.id } })).toBe(1);
  });
});

describe('inbound: concurrent messages share the store statement', () => {
  it('stores each message once, a customer once per statement, in order per conversation', async () => {
    // Before: a customer with a resolved conversation, one with an active conversation and history.
    const resolved = userIdFor('line');
    await inbound(resolved, 'ありがとうございました');
    const resolvedConv = (await lastReads()).conversationId;
    await db.conversation.update({ where: { id: resolvedConv }, data: { status: 'resolved', unreadCount: 0 } });
    const ongoing = userIdFor('line');
    const firstId = `insat-first-${randomUUID()}`;
    await inbound(ongoing, '二重まぶたの手術について', new Date(Date.now() - 60_000), firstId);
    const ongoingConv = (await lastReads()).conversationId;

    const fresh = Array.from({ length: 8 }, () => userIdFor('line'));
    const burst = userIdFor('line');
    const twice = userIdFor('line');
    const twiceId = `insat-twice-${randomUUID()}`;
    const t0 = Date.now();
    stores.length = 0;
    const seenBefore = seen.length;
    const calls = [
      ...fresh.map((u) => ['fresh', inbound(u, 'ボトックスの料金は？')] as const),
      ...[0, 1, 2].map((i) => ['burst', inbound(burst, `質問 ${i}`, new Date(t0 + i))] as const),
      ['resolved', inbound(resolved, 'もう一つ質問があります')] as const,
      ...[0, 1].map((i) => ['ongoing', inbound(ongoing, `追加 ${i}`, new Date(t0 + i))] as const),
      ['redelivered', inbound(ongoing, '二重まぶたの手術について', new Date(t0 - 60_000), firstId)] as const,
      ...[0, 1].map(() => ['twice', inbound(twice, '同じメッセージ', new Date(t0), twiceId)] as const),
    ];
    const results = await Promise.all(calls.map(([, p]) => p));
    const statuses = calls.map(([name], i) => `${name}:${results[i]!.status}`);

    // Fewer statements than messages, and a customer never twice in one.
    const items = stores.flat();
    expect(items.length).toBeGreaterThanOrEqual(calls.length);
    expect(stores.length).toBeLessThan(items.length);
    expect(Math.max(...stores.map((s) => s.length))).toBeGreaterThan(1);
    for (const statement of stores) expect(new Set(statement.map((i) => i.userId)).size).toBe(statement.length);

    expect(statuses.filter((s) => s.endsWith(':stored'))).toHaveLength(8 + 3 + 1 + 2 + 1);
    expect(statuses.filter((s) => s === 'redelivered:duplicate')).toHaveLength(1);
    expect(statuses.filter((s) => s.startsWith('twice:')).sort()).toEqual(['twice:duplicate', 'twice:stored']);

    // One customer and one conversation per user; each stored message once; unread counts add up.
    const conversationOf = async (userId: string) => {
      const customers = await db.customer.findMany({ where: { clinicId, messengerType: 'line', messengerUserId: userId }, include: { conversations: true } });
      expect(customers).toHaveLength(1);
      expect(customers[0]!.conversations).toHaveLength(1);
      const conv = customers[0]!.conversations[0]!;
      const messages = await db.message.findMany({ where: { conversationId: conv.id }, orderBy: { seq: 'asc' } });
      return { conv, messages };
    };
    for (const u of fresh) {
      const { conv, messages } = await conversationOf(u);
      expect(messages.map((m) => m.content)).toEqual(['ボトックスの料金は？']);
      expect([conv.unreadCount, conv.status, conv.lastMessagePreview]).toEqual([1, 'active', messages[0]!.translatedContent ?? 'ボトックスの料金は？']);
    }
    const b = await conversationOf(burst);
    expect(b.messages.map((m) => m.content).sort()).toEqual(['質問 0', '質問 1', '質問 2']);
    expect(b.conv.unreadCount).toBe(3);
    expect(b.conv.lastCustomerMessageAt!.getTime()).toBe(t0 + 2);
    const r = await conversationOf(resolved);
    expect(r.conv.id).toBe(resolvedConv);
    expect([r.conv.status, r.conv.unreadCount, r.messages.length]).toEqual(['active', 1, 2]);
    const o = await conversationOf(ongoing);
    expect(o.conv.id).toBe(ongoingConv);
    expect(o.messages.map((m) => m.content).slice(0, 1)).toEqual(['二重まぶたの手術について']);
    expect(
      o.messages
        .map((m) => m.content)
        .slice(1)
        .sort(),
    ).toEqual(['追加 0', '追加 1']);
    expect(o.conv.unreadCount).toBe(3);
    const t = await conversationOf(twice);
    expect([t.messages.length, t.conv.unreadCount]).toEqual([1, 1]);

    // Each stored message was scored once, with the window its statement read: the burst's second
    // store sees the first message (an earlier statement), so the windows grow one by one.
    const scored = seen.slice(seenBefore);
    expect(scored).toHaveLength(15);
    expect(new Set(scored.map((x) => x.job.messageId)).size).toBe(15);
    const windows = scored
      .filter((x) => x.job.conversationId === b.conv.id)
      .map((x) => x.preread!.window.length)
      .sort();
    expect(windows).toEqual([1, 2, 3]);
    const ongoingWindows = scored.filter((x) => x.job.conversationId === ongoingConv).map((x) => x.preread!.window.map((m) => m.id));
    expect(ongoingWindows.map((w) => w.length).sort()).toEqual([2, 3]);
    const longer = ongoingWindows.find((w) => w.length === 3)!;
    const shorter = ongoingWindows.find((w) => w.length === 2)!;
    expect(longer.slice(0, 2)).toEqual(shorter);
    for (const conv of [b.conv.id, ongoingConv, resolvedConv]) {
      expect(await db.satisfactionScore.count({ where: { conversationId: conv } })).toBe(conv === b.conv.id ? 3 : conv === ongoingConv ? 3 : 2);
    }
  });
});

describe('inbound: two workers storing into the same conversations at once', () => {
  // A second worker: its own pool, so its stores are batched into statements of its own.
  const second = createDbAndSql(process.env.DATABASE_URL!, { max: 4, genericPlans: true });
  afterAll(async () => {
    await second.db.$disconnect();
  });

  it('each message stored once, counts right, no error, whichever worker gets it first', async () => {
    const other: PipelineDeps = { ...deps, db: second.db, sql: second.sql };
    const users = Array.from({ length: 12 }, () => userIdFor('line'));
    // Half of them have a conversation already.
    for (const u of users.slice(0, 6)) await inbound(u, 'はじめまして');
    const t0 = Date.now();
    const jobs = users.flatMap((u, i) =>
      Array.from({ length: 4 }, (_, j) => ({
        clinicId,
        accountId: account.id,
        requestId: `two-${i}-${j}`,
        receivedAt: new Date().toISOString(),
        event: {
          platform: 'line',
          kind: 'text',
          externalUserId: u,
          externalMessageId: `two-${u}-${j}`,
          text: `質問 ${j}`,
          sentAt: new Date(t0 + j).toISOString(),
          raw: {},
        },
      })),
    );
    // Every message to both workers, in opposite orders.
    const results = await Promise.all([
      ...jobs.map((job) => handleInboundEvent(deps, job)),
      ...[...jobs].reverse().map((job) => handleInboundEvent(other, job)),
    ]);
    expect(results.filter((r) => r.status === 'stored')).toHaveLength(jobs.length);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(jobs.length);
    for (const [i, u] of users.entries()) {
      const customers = await db.customer.findMany({ where: { clinicId, messengerType: 'line', messengerUserId: u }, include: { conversations: true } });
      expect(customers).toHaveLength(1);
      expect(customers[0]!.conversations).toHaveLength(1);
      const conv = customers[0]!.conversations[0]!;
      const contents = (await db.message.findMany({ where: { conversationId: conv.id }, orderBy: { seq: 'asc' } })).map((m) => m.content);
      const earlier = i < 6 ? ['はじめまして'] : [];
      expect(contents.slice(0, earlier.length)).toEqual(earlier);
      expect(contents.slice(earlier.length).sort()).toEqual(['質問 0', '質問 1', '質問 2', '質問 3']);
      expect(conv.unreadCount).toBe(earlier.length + 4);
      expect(conv.lastCustomerMessageAt!.getTime()).toBe(t0 + 3);
    }
  });
});
