import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbAndSql, type Db, type Sql } from '@hub/db';
import { LiveEventPublisher, readLiveEventsSince } from '@hub/queue';
import { OverrideForbiddenError, SatisfactionNotFoundError, overrideScore, scoreMessage, type ScoreMessageDeps } from '../src';

const { db, sql } = createDbAndSql(process.env.DATABASE_URL!, { max: 4 });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const prefix = `sat-test-${randomUUID().slice(0, 8)}`;
const live = new LiveEventPublisher(redis, prefix);
const deps: ScoreMessageDeps = { db, sql, live, overrideMargin: 15 };

let clinicId: string;
let otherClinicId: string;
let supervisorId: string;
let staffId: string;
let otherSupervisorId: string;
let accountId: string;

async function makeClinic(tag: string): Promise<string> {
  const c = await db.clinic.create({ data: { name: `만족도테스트-${tag}`, slug: `sat-${tag}-${randomUUID()}` } });
  return c.id;
}

async function makeUser(clinic: string, role: string): Promise<string> {
  const u = await db.user.create({ data: { clinicId: clinic, email: `${role}-${randomUUID()}@sat.test`, passwordHash: 'x', name: role, role } });
  return u.id;
}

async function newConversation(): Promise<string> {
  const customer = await db.customer.create({ data: { clinicId, messengerType: 'line', messengerUserId: `U${randomUUID()}` } });
  const conv = await db.conversation.create({ data: { clinicId, customerId: customer.id, messengerAccountId: accountId } });
  return conv.id;
}

let clock = Date.parse('2026-03-02T01:00:00Z');
async function say(conversationId: string, senderType: 'customer' | 'ai' | 'staff', content: string): Promise<string> {
  clock += 30_000;
  const m = await db.message.create({
    data: {
      conversationId,
      clinicId,
      senderType,
      content,
      originalLanguage: 'ja',
      platformSentAt: new Date(clock),
      deliveryStatus: senderType === 'customer' ? 'received' : 'sent',
    },
  });
  if (senderType !== 'customer')
    await db.message.updateMany({ where: { conversationId, senderType: 'customer', answeredById: null }, data: { answeredById: m.id } });
  return m.id;
}

/** A customer message and its satisfaction job, as the worker would run it. */
async function customerSays(conversationId: string, content: string, overrideMargin = deps.overrideMargin) {
  const messageId = await say(conversationId, 'customer', content);
  return scoreMessage({ ...deps, overrideMargin, now: () => new Date(clock) }, { clinicId, conversationId, messageId });
}

/**
 * The client and the statements' runner with every call the use case makes recorded: a runner call
 * (`sql`), `$queryRaw` and `$executeRaw` are one SQL statement (one round trip) each; a model call or
 * `$transaction` shows up by name.
 */
function recordingDb(inner: Db): { db: Db; sql: Sql; calls: string[] } {
  const calls: string[] = [];
  const runner = Object.assign((strings: TemplateStringsArray, ...values: unknown[]) => (calls.push('sql'), sql(strings, ...values)), {
    exec: (strings: TemplateStringsArray, ...values: unknown[]) => (calls.push('sql'), sql.exec(strings, ...values)),
    query: <T>(text: string, values: readonly unknown[]) => (calls.push('sql'), sql.query<T>(text, values)),
  }) as Sql;
  const record = (target: object, path: string): object =>
    new Proxy(target, {
      get(t, prop) {
        const v: unknown = Reflect.get(t, prop);
        if (typeof prop !== 'string') return v;
        if (typeof v === 'function') {
          return (...args: unknown[]) => {
            calls.push(path + prop);
            return (v as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        if (!path && v !== null && typeof v === 'object' && !prop.startsWith('$') && !prop.startsWith('_')) return record(v, `${prop}.`);
        return v;
      },
    });
  return { db: record(inner, '') as Db, sql: runner, calls };
}

/** Resolves once some backend waits for the transaction `xid` (a row lock it holds). */
async function someoneWaitsOn(xid: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const [w] = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'transactionid' AND transactionid::text = ${xid} AND NOT granted`;
    if (w!.n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`nobody waited on transaction ${xid}`);
}

const events = async (type: string, conversationId: string) =>
  (await readLiveEventsSince(redis, clinicId, '0', prefix)).filter((e) => e.type === type && e.data.conversationId === conversationId);
const alerts = async (conversationId: string) => ({
  notifications: await db.notification.count({ where: { clinicId, kind: 'satisfaction_drop', data: { path: ['conversationId'], equals: conversationId } } }),
  live: (await events('alert', conversationId)).length,
});

beforeAll(async () => {
  clinicId = await makeClinic('a');
  otherClinicId = await makeClinic('b');
  supervisorId = await makeUser(clinicId, 'supervisor');
  staffId = await makeUser(clinicId, 'staff');
  otherSupervisorId = await makeUser(otherClinicId, 'supervisor');
  const account = await db.messengerAccount.create({
    data: { clinicId, messengerType: 'line', accountName: 'sat_line', credentials: {}, credentialsKeyId: 'k1' },
  });
  accountId = account.id;
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await db.$disconnect();
});

describe('scoreMessage', () => {
  it('stores one row per customer message with its signals; a retried job is a no-op', async () => {
    const conv = await newConversation();
    const messageId = await say(conv, 'customer', 'ボトックスの料金はいくらですか？');
    const job = { clinicId, conversationId: conv, messageId };
    const first = await scoreMessage(deps, job);
    expect(first).toMatchObject({ status: 'scored', computed: { score: 75, level: 'green' } });
    expect(await scoreMessage(deps, job)).toEqual({ status: 'duplicate' });
    expect(await db.satisfactionScore.count({ where: { messageId } })).toBe(1);
    expect((await events('satisfaction.changed', conv)).length).toBe(1);
    const c = await db.conversation.findUniqueOrThrow({ where: { id: conv } });
    expect([c.satisfactionScore, c.satisfactionLevel]).toEqual([75, 'green']);
  });

  it('keeps the signals that produced the score', async () => {
    const conv = await newConversation();
    const r = await customerSays(conv, '本当に最悪です。返金してください！！');
    expect(r.status).toBe('scored');
    const row = await db.satisfactionScore.findFirstOrThrow({ where: { conversationId: conv } });
    expect(row.languageSignals).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'complaintWords', evidence: ['最悪'] })]));
    expect(row.flowSignals).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'refundDemand', weight: -15 })]));
  });

  it('ignores hub messages and messages of another clinic', async () => {
    const conv = await newConversation();
    const aiId = await say(conv, 'ai', 'こんにちは');
    expect(await scoreMessage(deps, { clinicId, conversationId: conv, messageId: aiId })).toEqual({ status: 'not_customer' });
    const msg = await say(conv, 'customer', 'こんにちは');
    expect(await scoreMessage(deps, { clinicId: otherClinicId, conversationId: conv, messageId: msg })).toEqual({ status: 'missing' });
  });

  it('a drop to red alerts once across three further negative messages', async () => {
    const conv = await newConversation();
    await customerSays(conv, '予約の時間に行ったのに1時間待たされました');
    await say(conv, 'ai', '大変申し訳ございません。');
    const drop = await customerSays(conv, '本当に最悪です。もう二度と行きません。返金してください！！');
    expect(drop).toMatchObject({ status: 'scored', effective: { level: 'red' }, alerted: true });
    for (const text of ['ふざけないでください！！', '最悪', '返事ください？？']) {
      const r = await customerSays(conv, text);
      expect(r).toMatchObject({ status: 'scored', alerted: false });
    }
    expect(await alerts(conv)).toEqual({ notifications: 1, live: 1 });
    const [alertEvent] = await events('alert', conv);
    expect(alertEvent!.data).toMatchObject({ kind: 'satisfaction_drop', conversationId: conv, level: 'red' });
    const flagged = await db.satisfactionScore.findMany({ where: { conversationId: conv, alertSent: true } });
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.alertSentAt).not.toBeNull();
    const n = await db.notification.findFirstOrThrow({ where: { clinicId, kind: 'satisfaction_drop', data: { path: ['conversationId'], equals: conv } } });
    expect(n.audience).toBe('supervisor');
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conv } })).lastAlertLevel).toBe('red');
  });

  it('an escalation from orange to red alerts again; recovery then another drop alerts again', async () => {
    const conv = await newConversation();
    await customerSays(conv, '予約を変更したいです');
    const orange = await customerSays(conv, 'まだですか？返事をください、本当に困っています');
    expect(orange).toMatchObject({ effective: { level: 'orange' }, alerted: true });
    const red = await customerSays(conv, 'ふざけないでください！！最悪です');
    expect(red).toMatchObject({ effective: { level: 'red' }, alerted: true });

    await say(conv, 'staff', '大変申し訳ございません。すぐに変更いたしました。');
    let r = await customerSays(conv, 'ありがとうございます、助かりました😊');
    for (let i = 0; i < 5 && r.status === 'scored' && r.effective.level !== 'green' && r.effective.level !== 'yellow'; i++) {
      await say(conv, 'staff', 'ご来院をお待ちしております。');
      r = await customerSays(conv, 'ありがとうございます！楽しみです😊');
    }
    expect(r).toMatchObject({ status: 'scored', alerted: false });
    expect(['green', 'yellow']).toContain(r.status === 'scored' ? r.effective.level : null);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conv } })).lastAlertLevel).toBeNull();

    const again = await customerSays(conv, '当日になってキャンセルされるなんて最悪です。ふざけないでください！！返金してください');
    expect(again).toMatchObject({ alerted: true });
    expect((await alerts(conv)).notifications).toBe(3);
  });

  it('concurrent jobs for the same drop alert once', async () => {
    const conv = await newConversation();
    const ids = [];
    for (const text of [
      '本当に最悪です！！ふざけないでください、返金してください😡',
      'ふざけないでください！！本当に最悪、返金してください😡',
      '詐欺ですか？？本当に最悪、ふざけないで！返金して😡',
    ])
      ids.push(await say(conv, 'customer', text));
    const results = await Promise.all(ids.map((messageId) => scoreMessage(deps, { clinicId, conversationId: conv, messageId })));
    expect(results.every((r) => r.status === 'scored' && r.effective.level === 'red')).toBe(true);
    expect(results.filter((r) => r.status === 'scored' && r.alerted)).toHaveLength(1);
    expect((await alerts(conv)).notifications).toBe(1);
  });
});

describe('scoreMessage round trips', () => {
  it('a scored message takes two statements (one read, one write), with or without an alert; a duplicate one', async () => {
    const conv = await newConversation();
    const ask = await say(conv, 'customer', 'ボトックスの料金はいくらですか？');
    const quiet = recordingDb(db);
    expect(await scoreMessage({ ...deps, db: quiet.db, sql: quiet.sql }, { clinicId, conversationId: conv, messageId: ask })).toMatchObject({
      status: 'scored',
      alerted: false,
    });
    expect(quiet.calls).toEqual(['sql', 'sql']);

    const drop = await say(conv, 'customer', '本当に最悪です！！ふざけないでください、返金してください😡');
    const loud = recordingDb(db);
    expect(await scoreMessage({ ...deps, db: loud.db, sql: loud.sql }, { clinicId, conversationId: conv, messageId: drop })).toMatchObject({
      status: 'scored',
      alerted: true,
    });
    expect(loud.calls).toEqual(['sql', 'sql']);
    expect(await alerts(conv)).toEqual({ notifications: 1, live: 1 });

    const again = recordingDb(db);
    expect(await scoreMessage({ ...deps, db: again.db, sql: again.sql }, { clinicId, conversationId: conv, messageId: drop })).toEqual({ status: 'duplicate' });
    expect(again.calls).toEqual(['sql']);
  });

  it('sees an override committed while it waited for the conversation lock', async () => {
    const margin = 25;
    const conv = await newConversation();
    await customerSays(conv, '予約の時間に行ったのに1時間待たされました', margin);
    const red = await customerSays(conv, '本当に最悪です。返金してください！！', margin);
    expect(red).toMatchObject({ effective: { level: 'red' } });
    await say(conv, 'staff', 'ご迷惑をおかけしました。');
    const messageId = await say(conv, 'customer', 'わかりました');

    // A supervisor's override holds the conversation lock while the job runs; the job's write waits for
    // it and must then apply the override, as if it had read after the lock.
    const recorded = recordingDb(db);
    let job: Promise<Awaited<ReturnType<typeof scoreMessage>>> | undefined;
    await db.$transaction(
      async (tx) => {
        const [h] = await tx.$queryRaw<{ xid: string }[]>`
          SELECT pg_current_xact_id()::text AS xid FROM conversations WHERE id = ${conv}::uuid FOR UPDATE`;
        job = scoreMessage(
          { ...deps, db: recorded.db, sql: recorded.sql, overrideMargin: margin, now: () => new Date(clock) },
          { clinicId, conversationId: conv, messageId },
        );
        await someoneWaitsOn(h!.xid);
        const latest = await tx.satisfactionScore.findFirstOrThrow({ where: { conversationId: conv }, orderBy: { createdAt: 'desc' } });
        await tx.satisfactionScore.update({
          where: { id: latest.id },
          data: { supervisorOverride: 60, supervisorNote: '電話で解決済み', supervisedBy: supervisorId, supervisedAt: new Date() },
        });
        await tx.conversation.update({ where: { id: conv }, data: { satisfactionScore: 60, satisfactionLevel: 'yellow', lastAlertLevel: null } });
      },
      { timeout: 15_000 },
    );
    const r = await job!;
    expect(r.status === 'scored' && Math.abs(r.computed.score - 60)).toBeLessThanOrEqual(margin);
    expect(r).toMatchObject({ status: 'scored', effective: { score: 60, level: 'yellow', source: 'override' }, alerted: false });
    // The first write saw an older snapshot and wrote nothing; the retry ran under the lock.
    expect(recorded.calls).toEqual(['sql', 'sql', '$transaction']);
    const c = await db.conversation.findUniqueOrThrow({ where: { id: conv } });
    expect([c.satisfactionScore, c.satisfactionLevel, c.lastAlertLevel]).toEqual([60, 'yellow', null]);
    expect(await db.satisfactionScore.count({ where: { messageId } })).toBe(1);
  });
});

describe('scoreMessage on the hot path (shared write statements)', () => {
  // The worker's runner: pg's pool with named prepared statements. Every statement it runs is recorded.
  const hot = createDbAndSql(process.env.DATABASE_URL!, { max: 2 });
  const writes: unknown[][] = [];
  hot.pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const q = args[0] as { text?: string; values?: unknown[] };
      if (q?.text?.includes('INSERT INTO satisfaction_scores')) writes.push(q.values ?? []);
      return query(...args);
    };
  });
  const hotDeps: ScoreMessageDeps = { ...deps, sql: hot.sql };
  afterAll(async () => {
    await hot.db.$disconnect();
  });

  it('concurrent scores share statements; each conversation gets its own score, level and alert', async () => {
    const calm = await Promise.all(Array.from({ length: 8 }, () => newConversation()));
    const angry = await newConversation();
    const calmMessages = await Promise.all(calm.map((conv) => say(conv, 'customer', 'ボトックスの料金はいくらですか？')));
    const angryMessages: string[] = [];
    for (const text of ['本当に最悪です！！ふざけないでください、返金してください😡', '詐欺ですか？？本当に最悪、ふざけないで！返金して😡'])
      angryMessages.push(await say(angry, 'customer', text));
    writes.length = 0;
    const jobs = [
      ...calm.map((conv, i) => ({ clinicId, conversationId: conv, messageId: calmMessages[i]! })),
      ...angryMessages.map((messageId) => ({ clinicId, conversationId: angry, messageId })),
    ];
    const results = await Promise.all(jobs.map((job) => scoreMessage(hotDeps, job)));

    // Fewer statements than scores: ten scores over a pool of two.
    const rowsPerWrite = writes.map((values) => (JSON.parse(String(values[0])) as unknown[]).length);
    expect(rowsPerWrite.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(jobs.length);
    expect(Math.max(...rowsPerWrite)).toBeGreaterThan(1);
    // The two scores of one conversation never share a statement (its row is locked and updated once).
    for (const values of writes) {
      const ids = (JSON.parse(String(values[0])) as { conversationId: string }[]).map((w) => w.conversationId);
      expect(new Set(ids).size).toBe(ids.length);
    }

    for (const [i, conv] of calm.entries()) {
      expect(results[i]).toMatchObject({
        status: 'scored',
        computed: { score: 75, level: 'green' },
        effective: { level: 'green', source: 'computed' },
        alerted: false,
      });
      const c = await db.conversation.findUniqueOrThrow({ where: { id: conv } });
      expect([c.satisfactionScore, c.satisfactionLevel, c.lastAlertLevel]).toEqual([75, 'green', null]);
      expect(await db.satisfactionScore.count({ where: { conversationId: conv } })).toBe(1);
    }
    const angryResults = results.slice(calm.length);
    expect(angryResults.every((r) => r.status === 'scored' && r.effective.level === 'red')).toBe(true);
    expect(angryResults.filter((r) => r.status === 'scored' && r.alerted)).toHaveLength(1);
    expect(await alerts(angry)).toEqual({ notifications: 1, live: 1 });
    expect(await db.satisfactionScore.count({ where: { conversationId: angry } })).toBe(2);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: angry } })).lastAlertLevel).toBe('red');

    // A retried job writes nothing, alone or among others.
    const again = await Promise.all(jobs.slice(0, 3).map((job) => scoreMessage(hotDeps, job)));
    expect(again).toEqual([{ status: 'duplicate' }, { status: 'duplicate' }, { status: 'duplicate' }]);
  });

  it('an override still drives the level on the hot path', async () => {
    const conv = await newConversation();
    await customerSays(conv, '予約の時間に行ったのに1時間待たされました', 25);
    const latest = await db.satisfactionScore.findFirstOrThrow({ where: { conversationId: conv }, orderBy: { createdAt: 'desc' } });
    await overrideScore({ db, live }, { clinicId, conversationId: conv, supervisorId, score: latest.score + 10, note: '電話で確認済み' });
    const messageId = await say(conv, 'customer', 'わかりました');
    const r = await scoreMessage({ ...hotDeps, overrideMargin: 40 }, { clinicId, conversationId: conv, messageId });
    expect(r).toMatchObject({ status: 'scored', effective: { score: latest.score + 10, source: 'override' } });
  });
});

describe('overrideScore', () => {
  it('drives the level until a computed score departs by more than the margin, and is audited', async () => {
    const margin = 25;
    const conv = await newConversation();
    await customerSays(conv, '予約の時間に行ったのに1時間待たされました', margin);
    const red = await customerSays(conv, '本当に最悪です。返金してください！！', margin);
    expect(red).toMatchObject({ effective: { level: 'red' } });
    const computedBefore = red.status === 'scored' ? red.computed.score : -1;

    const o = await overrideScore({ db, live }, { clinicId, conversationId: conv, supervisorId, score: 60, note: '電話で解決済み、返金手続き中' });
    expect(o).toMatchObject({ score: 60, level: 'yellow', computedScore: computedBefore });
    const row = await db.satisfactionScore.findUniqueOrThrow({ where: { id: o.scoreId } });
    // Stored beside the computed score, never replacing it.
    expect(row).toMatchObject({ score: computedBefore, supervisorOverride: 60, supervisorNote: '電話で解決済み、返金手続き中', supervisedBy: supervisorId });
    expect(row.supervisedAt).not.toBeNull();
    let c = await db.conversation.findUniqueOrThrow({ where: { id: conv } });
    expect([c.satisfactionScore, c.satisfactionLevel, c.lastAlertLevel]).toEqual([60, 'yellow', null]);

    const log = await db.auditLog.findFirstOrThrow({ where: { clinicId, action: 'satisfaction.override', entityId: conv } });
    expect(log).toMatchObject({ actorUserId: supervisorId, entityType: 'conversation' });
    expect(log.before).toMatchObject({ conversation: { level: 'red' }, row: { override: null } });
    expect(log.after).toMatchObject({ conversation: { score: 60, level: 'yellow' }, row: { override: 60, note: '電話で解決済み、返金手続き中' } });
    expect((await events('satisfaction.changed', conv)).some((e) => e.data.source === 'override')).toBe(true);

    // Within the margin (|computed − 60| ≤ margin): the override keeps driving, no alert.
    await say(conv, 'staff', 'ご迷惑をおかけしました。');
    const within = await customerSays(conv, 'わかりました', margin);
    expect(within.status === 'scored' && Math.abs(within.computed.score - 60)).toBeLessThanOrEqual(margin);
    expect(within).toMatchObject({ effective: { score: 60, level: 'yellow', source: 'override' }, alerted: false });

    // Departs by more than the margin: the computed score takes over (and the drop alerts).
    const departs = await customerSays(conv, 'やっぱり最悪です！！ふざけないでください、返金はまだですか？？', margin);
    expect(departs.status === 'scored' && Math.abs(departs.computed.score - 60)).toBeGreaterThan(margin);
    expect(departs).toMatchObject({ effective: { source: 'computed', level: 'red' }, alerted: true });
    c = await db.conversation.findUniqueOrThrow({ where: { id: conv } });
    expect(c.satisfactionLevel).toBe('red');

    // Once departed, it stays lapsed even if a later computed score comes back near it.
    await say(conv, 'staff', '返金は本日処理いたします。');
    const later = await customerSays(conv, 'ありがとうございます', margin);
    expect(later).toMatchObject({ effective: { source: 'computed' } });
  });

  it('creates an override-only row when nothing was computed yet', async () => {
    const conv = await newConversation();
    const o = await overrideScore({ db, live }, { clinicId, conversationId: conv, supervisorId, score: 25, note: 'VIP, 전화로 강한 불만' });
    const row = await db.satisfactionScore.findUniqueOrThrow({ where: { id: o.scoreId } });
    expect(row).toMatchObject({ score: 75, level: 'green', supervisorOverride: 25, messageId: null });
    expect(row.flowSignals).toEqual([expect.objectContaining({ value: 'override_only' })]);
    const c = await db.conversation.findUniqueOrThrow({ where: { id: conv } });
    expect([c.satisfactionScore, c.satisfactionLevel, c.lastAlertLevel]).toEqual([25, 'red', 'red']);
  });

  it('is scoped by clinic: another clinic’s conversation or supervisor is NotFound', async () => {
    const conv = await newConversation();
    await expect(
      overrideScore({ db, live }, { clinicId: otherClinicId, conversationId: conv, supervisorId: otherSupervisorId, score: 50, note: 'x' }),
    ).rejects.toBeInstanceOf(SatisfactionNotFoundError);
    await expect(overrideScore({ db, live }, { clinicId, conversationId: conv, supervisorId: otherSupervisorId, score: 50, note: 'x' })).rejects.toBeInstanceOf(
      SatisfactionNotFoundError,
    );
    expect(await db.auditLog.count({ where: { action: 'satisfaction.override', entityId: conv } })).toBe(0);
  });

  it('validates the score and the note, and the role', async () => {
    const conv = await newConversation();
    const base = { clinicId, conversationId: conv, supervisorId };
    await expect(overrideScore({ db, live }, { ...base, score: 101, note: 'x' })).rejects.toThrow();
    await expect(overrideScore({ db, live }, { ...base, score: -1, note: 'x' })).rejects.toThrow();
    await expect(overrideScore({ db, live }, { ...base, score: 50, note: '   ' })).rejects.toThrow();
    await expect(overrideScore({ db, live }, { ...base, supervisorId: staffId, score: 50, note: 'x' })).rejects.toBeInstanceOf(OverrideForbiddenError);
  });
});
