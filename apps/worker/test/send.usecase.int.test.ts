// sendReply against real PostgreSQL and Redis and the fake LINE API: the success path's statements
// (read, claim, 'sent'), each not-sendable outcome, the local rate limit leaving the message untouched,
// a claim that loses a race, a transient failure, and the retry of a reply left 'sending' by a crash.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Keyring, createDbAndSql, generateKeySpec, type Sql } from '@hub/db';
import { SendError } from '@hub/messengers';
import { configFor } from '@hub/messengers/outbound-test-config';
import { LiveEventPublisher } from '@hub/queue';
import { startLineFake, type LineFake } from '../../../packages/testing/src/fakes/index';
import { dropPrefix, userIdFor } from '../../../test/pipeline/harness';
import type { PipelineDeps } from '../src/pipeline/deps';
import { SEND_LIMITS } from '../src/pipeline/rate-limiter';
import { sendReply } from '../src/pipeline/send.usecase';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const { db, sql } = createDbAndSql(process.env.DATABASE_URL!, { max: 2 });
const keyring = new Keyring(generateKeySpec());
const redis = new Redis(process.env.REDIS_URL!);
const prefix = `t-send-${randomUUID().slice(0, 8)}`;

// Every SQL statement the Prisma pg adapter sends (the pg module it loads is the one resolved from @hub/db).
const pg = createRequire(path.join(ROOT, 'packages/db/package.json'))('pg') as { Client: { prototype: { query: (...a: unknown[]) => unknown } } };
const statements: string[] = [];
const statementValues: unknown[][] = [];
const realQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  const q = args[0] as string | { text?: string; values?: unknown[] };
  statements.push((typeof q === 'string' ? q : (q?.text ?? '')).trim());
  statementValues.push(typeof q === 'string' ? ((args[1] as unknown[]) ?? []) : (q?.values ?? []));
  return realQuery.apply(this, args);
};

let line: LineFake;
let deps: PipelineDeps;
let clinicId: string;
let accountId: string;

interface Conv {
  conversationId: string;
  userId: string;
}

async function conversation(): Promise<Conv> {
  const userId = userIdFor('line');
  const customer = await db.customer.create({ data: { clinicId, messengerType: 'line', messengerUserId: userId } });
  const conv = await db.conversation.create({ data: { clinicId, customerId: customer.id, messengerAccountId: accountId, lastCustomerMessageAt: new Date() } });
  return { conversationId: conv.id, userId };
}

async function reply(c: Conv, deliveryStatus = 'pending', content = `返信 ${randomUUID().slice(0, 6)}`) {
  return db.message.create({ data: { clinicId, conversationId: c.conversationId, senderType: 'ai', content, deliveryStatus } });
}

const pushesTo = (userId: string) => line.received.filter((r) => r.path === '/v2/bot/message/push' && r.recipient === userId);

beforeAll(async () => {
  line = await startLineFake();
  const tag = randomUUID().slice(0, 8);
  clinicId = (await db.clinic.create({ data: { name: `送信 ${tag}`, slug: `send-${tag}` } })).id;
  const credentials = { channelId: '2000000000', channelSecret: randomUUID().replace(/-/g, ''), accessToken: `tok-${tag}` };
  line.addChannel(credentials.accessToken);
  const rowId = randomUUID();
  accountId = (
    await db.messengerAccount.create({
      data: {
        id: rowId,
        clinicId,
        messengerType: 'line',
        accountName: `line_${tag}`,
        credentials: keyring.encrypt(credentials, rowId) as object,
        credentialsKeyId: keyring.currentKeyId,
        isConnected: true,
      },
    })
  ).id;
  deps = { db, sql, keyring, redis, live: new LiveEventPublisher(redis, prefix), outbound: configFor(line.url) } as unknown as PipelineDeps;
});

afterAll(async () => {
  pg.Client.prototype.query = realQuery;
  await line?.close();
  await dropPrefix(redis, prefix);
  redis.disconnect();
  await db.$disconnect();
});

beforeEach(() => line.reset());

describe('sendReply', () => {
  it('success path: 3 statements (read with joins, claim, sent), one push keyed by the message id', async () => {
    const c = await conversation();
    const m = await reply(c);
    statements.length = 0;
    const out = await sendReply(deps, { clinicId, messageId: m.id }, false);
    const sql = [...statements];
    expect(out.status).toBe('sent');
    expect(sql).toHaveLength(3);
    expect(sql[0]).toMatch(/^SELECT /);
    expect(sql[1]).toMatch(/^UPDATE messages m SET delivery_status = 'sending'/);
    expect(sql[2]).toMatch(/^UPDATE messages m SET delivery_parts_sent = v.part \+ 1/);

    const pushes = pushesTo(c.userId);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.text).toBe(m.content);
    const stored = await db.message.findUniqueOrThrow({ where: { id: m.id } });
    expect(stored).toMatchObject({ deliveryStatus: 'sent', deliveryAttempts: 1, messengerType: 'line', deliveryError: null });
    expect(stored.messengerMessageId).toBe(line.delivered[0]!.id);
    expect(stored.messengerMessageIds).toEqual([line.delivered[0]!.id]);
    expect(stored.sentAt).toBeInstanceOf(Date);
    expect(out).toEqual({ status: 'sent', externalIds: [line.delivered[0]!.id] });
  });

  it('jobs naming their account (from the turn): 2 statements — claim with the read, then sent', async () => {
    const c = await conversation();
    const m = await reply(c);
    statements.length = 0;
    const out = await sendReply(deps, { clinicId, messageId: m.id, accountId, platform: 'line' }, false);
    const sql = [...statements];
    expect(out.status).toBe('sent');
    expect(sql).toHaveLength(2);
    expect(sql[0]).toMatch(/^WITH claimed AS \(\s*UPDATE messages m SET delivery_status = 'sending'/);
    expect(sql[1]).toMatch(/^UPDATE messages m SET delivery_parts_sent = v.part \+ 1/);
    expect(pushesTo(c.userId)).toHaveLength(1);
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ deliveryStatus: 'sent', deliveryAttempts: 1 });
  });

  it('sends finishing while a sent mark runs: their marks share the next statement, each reply keeps its own platform id', async () => {
    const convs = await Promise.all(Array.from({ length: 6 }, () => conversation()));
    const replies = await Promise.all(convs.map((c) => reply(c)));
    // A runner whose first 'sent' statement waits for a gate: the other sends finish meanwhile.
    const base = sql;
    let release!: () => void;
    let gate: Promise<void> | undefined = new Promise<void>((r) => (release = r));
    const gated = Object.assign((strings: TemplateStringsArray, ...values: unknown[]) => base(strings, ...values), {
      exec: base.exec,
      query: <T>(text: string, values: readonly unknown[]) => {
        const held = gate && text.includes('delivery_parts_sent = v.part + 1') ? gate : undefined;
        if (held) gate = undefined;
        return held ? held.then(() => base.query<T>(text, values)) : base.query<T>(text, values);
      },
    }) as Sql;
    const gatedDeps = { ...deps, sql: gated } as PipelineDeps;
    const delivered = (n: number) => line.waitFor(() => line.delivered.filter((d) => convs.some((c) => c.userId === d.recipient)).length >= n, 5000);
    statements.length = 0;
    statementValues.length = 0;
    const send = (m: { id: string }) => sendReply(gatedDeps, { clinicId, messageId: m.id, accountId, platform: 'line' }, false);
    const first = send(replies[0]!);
    await delivered(1);
    const rest = replies.slice(1).map(send);
    await delivered(6);
    await new Promise((r) => setTimeout(r, 300)); // the pushes' responses reach their marks
    release();
    const outs = await Promise.all([first, ...rest]);
    expect(outs.map((o) => o.status)).toEqual(Array(6).fill('sent'));
    // Rows per 'sent' statement: the held one alone, then those that queued behind it together.
    const rows = statements.flatMap((q, i) =>
      /^UPDATE messages m SET delivery_parts_sent = v.part \+ 1/.test(q) ? [(JSON.parse(String(statementValues[i]![0])) as unknown[]).length] : [],
    );
    expect(rows[0]).toBe(1);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(6);
    expect(Math.max(...rows.slice(1))).toBeGreaterThanOrEqual(2);
    for (const [i, c] of convs.entries()) {
      const sent = line.delivered.filter((d) => d.recipient === c.userId);
      expect(sent).toHaveLength(1);
      const stored = await db.message.findUniqueOrThrow({ where: { id: replies[i]!.id } });
      expect(stored).toMatchObject({
        deliveryStatus: 'sent',
        messengerType: 'line',
        messengerMessageId: sent[0]!.id,
        messengerMessageIds: [sent[0]!.id],
        deliveryError: null,
      });
      expect(stored.sentAt).toBeInstanceOf(Date);
    }
  });

  it('jobs naming their account: rate limited → nothing claimed; earlier reply pending → wait; another account → not sent', async () => {
    const c = await conversation();
    const first = await reply(c);
    const second = await reply(c);
    const out = await sendReply(deps, { clinicId, messageId: second.id, accountId, platform: 'line' }, false);
    expect(out).toEqual({ status: 'wait', ms: 250, reason: 'earlier reply pending' });
    expect(await db.message.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ deliveryStatus: 'pending', deliveryAttempts: 0 });

    const now = Math.floor(Date.now() / 1000);
    for (let s = now; s < now + 3; s++) await redis.set(`hub:rl:${accountId}:${s}`, SEND_LIMITS.line, 'PX', 4000);
    expect(await sendReply(deps, { clinicId, messageId: first.id, accountId, platform: 'line' }, false)).toMatchObject({
      status: 'wait',
      reason: 'rate_limited_locally',
    });
    expect(await db.message.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ deliveryStatus: 'pending', deliveryAttempts: 0 });
    for (let s = now; s < now + 3; s++) await redis.del(`hub:rl:${accountId}:${s}`);

    // A job whose account is not the conversation's claims nothing; the two-step path then sends through the conversation's own account.
    expect(await sendReply(deps, { clinicId, messageId: first.id, accountId: randomUUID(), platform: 'line' }, false)).toMatchObject({ status: 'sent' });
    expect(await sendReply(deps, { clinicId, messageId: second.id, accountId, platform: 'line' }, false)).toMatchObject({ status: 'sent' });
    expect(pushesTo(c.userId).map((r) => r.text)).toEqual([first.content, second.content]);
  });

  it('staff replies go out translated', async () => {
    const c = await conversation();
    const m = await db.message.create({
      data: {
        clinicId,
        conversationId: c.conversationId,
        senderType: 'staff',
        content: '안녕하세요',
        translatedContent: 'こんにちは',
        deliveryStatus: 'pending',
      },
    });
    expect((await sendReply(deps, { clinicId, messageId: m.id }, false)).status).toBe('sent');
    expect(pushesTo(c.userId).map((r) => r.text)).toEqual(['こんにちは']);
  });

  it('not found: unknown id, or another clinic’s message', async () => {
    const c = await conversation();
    const m = await reply(c);
    const notFound = { status: 'failed', code: 'not_found', reason: 'message not found' };
    expect(await sendReply(deps, { clinicId, messageId: randomUUID() }, false)).toEqual(notFound);
    expect(await sendReply(deps, { clinicId: randomUUID(), messageId: m.id }, false)).toEqual(notFound);
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ deliveryStatus: 'pending', deliveryAttempts: 0 });
    expect(line.received).toHaveLength(0);
  });

  it('already done: sent / failed / discarded replies are not sent again', async () => {
    const c = await conversation();
    for (const status of ['sent', 'failed', 'not_deliverable', 'discarded']) {
      const m = await reply(c, status);
      statements.length = 0;
      expect(await sendReply(deps, { clinicId, messageId: m.id }, false)).toEqual({ status: 'already_done' });
      expect(statements).toHaveLength(1);
    }
    expect(line.received).toHaveLength(0);
  });

  it('an earlier reply still pending or sending: wait, message untouched, limiter not asked', async () => {
    for (const earlierStatus of ['pending', 'sending']) {
      const c = await conversation();
      await reply(c, earlierStatus);
      const later = await reply(c);
      const key = `hub:rl:${accountId}:${Math.floor(Date.now() / 1000)}`;
      const before = Number((await redis.get(key)) ?? 0);
      expect(await sendReply(deps, { clinicId, messageId: later.id }, false)).toEqual({ status: 'wait', ms: 250, reason: 'earlier reply pending' });
      expect(Number((await redis.get(key)) ?? 0)).toBe(before);
      expect(await db.message.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({ deliveryStatus: 'pending', deliveryAttempts: 0 });
    }
    expect(line.received).toHaveLength(0);
  });

  it('an earlier reply already sent or failed does not hold a later one', async () => {
    const c = await conversation();
    await reply(c, 'sent');
    await reply(c, 'failed');
    const later = await reply(c);
    expect((await sendReply(deps, { clinicId, messageId: later.id }, false)).status).toBe('sent');
  });

  it('rate limited locally: wait, and the message stays pending with its attempts unchanged', async () => {
    const c = await conversation();
    const m = await reply(c);
    const second = Math.floor(Date.now() / 1000);
    // Fill this second's and the next two seconds' windows, whichever the call lands in.
    for (let s = second; s < second + 3; s++) await redis.set(`hub:rl:${accountId}:${s}`, SEND_LIMITS.line, 'PX', 4000);
    const out = await sendReply(deps, { clinicId, messageId: m.id }, false);
    expect(out).toMatchObject({ status: 'wait', reason: 'rate_limited_locally' });
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ deliveryStatus: 'pending', deliveryAttempts: 0 });
    expect(line.received).toHaveLength(0);
    for (let s = second; s < second + 3; s++) await redis.del(`hub:rl:${accountId}:${s}`);
  });

  // The claim re-checks what the read saw: a change between the two (here made while the limiter is
  // asked) is not overridden, and the outcome is named by a second read.
  function racing(change: () => Promise<unknown>): PipelineDeps {
    const r = new Proxy(redis, {
      get(target, prop) {
        if (prop === 'incr') {
          return async (key: string) => {
            await change();
            return target.incr(key);
          };
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    return { ...deps, redis: r } as PipelineDeps;
  }

  it('claim race: sent by someone else after the read → already_done, nothing sent, nothing overwritten', async () => {
    const c = await conversation();
    const m = await reply(c);
    const d = racing(() =>
      db.message.update({ where: { id: m.id }, data: { deliveryStatus: 'sent', messengerAccountId: accountId, messengerMessageId: 'other' } }),
    );
    expect(await sendReply(d, { clinicId, messageId: m.id }, false)).toEqual({ status: 'already_done' });
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      deliveryStatus: 'sent',
      deliveryAttempts: 0,
      messengerMessageId: 'other',
    });
    expect(line.received).toHaveLength(0);
  });

  it('claim race: an earlier reply became pending after the read → wait, message untouched', async () => {
    const c = await conversation();
    const earlier = await reply(c, 'failed');
    const m = await reply(c);
    const d = racing(() => db.message.update({ where: { id: earlier.id }, data: { deliveryStatus: 'pending' } }));
    expect(await sendReply(d, { clinicId, messageId: m.id }, false)).toEqual({ status: 'wait', ms: 250, reason: 'earlier reply pending' });
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ deliveryStatus: 'pending', deliveryAttempts: 0 });
    expect(line.received).toHaveLength(0);
  });

  it('transient failure: rethrown, message back to pending with the error and the attempt counted; the retry sends once', async () => {
    const c = await conversation();
    const m = await reply(c);
    line.inject({ status: 500, path: '/v2/bot/message/push' });
    const err = await sendReply(deps, { clinicId, messageId: m.id }, false).then(
      () => expect.fail('expected a SendError'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SendError);
    expect(err).toMatchObject({ kind: 'transient' });
    const failed = await db.message.findUniqueOrThrow({ where: { id: m.id } });
    expect(failed).toMatchObject({ deliveryStatus: 'pending', deliveryAttempts: 1 });
    expect(failed.deliveryError).toMatch(/^\w+: /);
    expect((await sendReply(deps, { clinicId, messageId: m.id }, false)).status).toBe('sent');
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ deliveryStatus: 'sent', deliveryAttempts: 2, deliveryError: null });
    expect(line.delivered.filter((d) => d.recipient === c.userId)).toHaveLength(1);
  });

  it('permanent failure on the last attempt: failed with the reason, staff notified', async () => {
    const c = await conversation();
    const m = await reply(c);
    line.inject({ status: 400, path: '/v2/bot/message/push' });
    const out = await sendReply(deps, { clinicId, messageId: m.id }, true);
    expect(out).toMatchObject({ status: 'failed', code: 'bad_request' });
    const stored = await db.message.findUniqueOrThrow({ where: { id: m.id } });
    expect(stored).toMatchObject({ deliveryStatus: 'failed', deliveryAttempts: 1 });
    expect(stored.deliveryError).toBe((out as { reason: string }).reason);
    const notes = await db.notification.findMany({ where: { clinicId, kind: 'send_failed' } });
    expect(notes.some((n) => (n.data as { messageId?: string }).messageId === m.id)).toBe(true);
  });

  it('the live publish failing after the platform accepted the reply: the reply stays sent and its retry sends nothing', async () => {
    const c = await conversation();
    const m = await reply(c);
    const down = { ...deps, live: { publishMany: async () => Promise.reject(new Error('redis down')) } } as unknown as PipelineDeps;
    await expect(sendReply(down, { clinicId, messageId: m.id }, false)).rejects.toThrow('redis down');
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ deliveryStatus: 'sent', deliveryAttempts: 1, deliveryError: null });
    // The job's retry (Redis back) finds the reply sent.
    expect((await sendReply(deps, { clinicId, messageId: m.id }, false)).status).toBe('already_done');
    expect(line.delivered.filter((d) => d.recipient === c.userId)).toHaveLength(1);
  });

  it('a reply left sending by a crash after LINE accepted it: the retry claims it, LINE answers 409, no second delivery', async () => {
    const c = await conversation();
    const m = await reply(c);
    expect((await sendReply(deps, { clinicId, messageId: m.id }, false)).status).toBe('sent');
    const firstId = line.delivered.find((d) => d.recipient === c.userId)!.id;
    // The state a worker killed during the push leaves behind (neither record written).
    await db.message.update({
      where: { id: m.id },
      data: { deliveryStatus: 'sending', deliveryPartsSent: 0, messengerMessageId: null, messengerMessageIds: [], sentAt: null },
    });
    await redis.del(`hub:accepted:${m.id}`);
    expect((await sendReply(deps, { clinicId, messageId: m.id }, false)).status).toBe('sent');
    const retryKey = pushesTo(c.userId)[0]!.headers['x-line-retry-key'];
    expect(retryKey).toMatch(/^[0-9a-f-]{36}$/);
    const sameKey = line.received.filter((r) => r.headers['x-line-retry-key'] === retryKey);
    expect(sameKey.map((r) => [r.delivered ?? false, r.status])).toEqual([
      [true, 200],
      [false, 409],
    ]);
    expect(line.delivered.filter((d) => d.recipient === c.userId)).toHaveLength(1);
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      deliveryStatus: 'sent',
      deliveryAttempts: 2,
      messengerMessageId: firstId,
    });
  });

  it('killed after the Redis journal got the acceptance but before PostgreSQL did: the retry records it and calls nothing', async () => {
    const c = await conversation();
    const m = await reply(c);
    expect((await sendReply(deps, { clinicId, messageId: m.id }, false)).status).toBe('sent');
    const firstId = line.delivered.find((d) => d.recipient === c.userId)!.id;
    expect(await redis.hget(`hub:accepted:${m.id}`, '0')).toBe(JSON.stringify([firstId]));
    const calls = line.received.length;
    // PostgreSQL lost the record (the worker died before its write committed); the journal kept it.
    await db.message.update({
      where: { id: m.id },
      data: { deliveryStatus: 'sending', deliveryPartsSent: 0, messengerMessageId: null, messengerMessageIds: [], sentAt: null },
    });
    expect((await sendReply(deps, { clinicId, messageId: m.id }, false)).status).toBe('sent');
    expect(line.received.length).toBe(calls);
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      deliveryStatus: 'sent',
      deliveryPartsSent: 1,
      messengerMessageId: firstId,
    });
  });
});
