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

const { db, sql } = createDbAndSql(process.env.DATABASE_URL!, { max: 4, genericPlans: true });
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
  ({ deps } = await buildPipeline({ config, db, sql, keyring, producers, live: new LiveEventPublisher(redis, prefix), redis, logger: createLogger('worker', 'error') }));
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
async function inbound(userId: string, text: string, sentAt = new Date()) {
  n += 1;
  const externalMessageId = `insat-${Date.now()}-${n}`;
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
  const own = await readForScoring({ db, sql }, last.job);
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
    expect(pre.history).toHaveLength(1);
    expect(pre.previous_score).toBeNull();
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
    expect(pre.history!.map((m) => m.sender)).toEqual(['customer', 'ai', 'customer', 'staff', 'customer']);
    expect(pre.previous_score).toBe(35);
    expect(pre).toEqual(after);
  });

  it('a long conversation: the window holds the last 20 messages, the new one last', async () => {
    const user = userIdFor('line');
    for (let i = 0; i < 23; i++) await inbound(user, `質問 ${i}`, new Date(Date.now() - (30 - i) * 60_000));
    const { pre, after, messageId } = await lastReads();
    expect(pre.history).toHaveLength(20);
    expect(pre.history!.at(-1)!.id).toBe(messageId);
    expect(pre.history![0]!.text).toBe('質問 3');
    expect(pre.previous_score).not.toBeNull();
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
    expect(w2.pre.handoff_reason).toBe('customer_asked_for_human');
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
    const event = { platform: 'line', kind: 'text', externalUserId: user, externalMessageId: `insat-dup-${Date.now()}`, text: 'もしもし', sentAt: new Date().toISOString(), raw: {} };
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
