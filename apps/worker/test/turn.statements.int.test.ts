// The turn's claim and commit against real PostgreSQL. Concurrent claims and commits share statements
// (statementBatcher) and each still gets exactly its own outcome: the lease when the conversation is
// free, nothing when another turn holds it, one winner when two claims name the same conversation; a
// reply committed only while its turn holds the lease and the conversation is unchanged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring, claimTurn, commitTurn, createDbAndSql, generateKeySpec, type TurnCommit } from '@hub/db';
import { userIdFor } from '../../../test/pipeline/harness';

const { db, sql, pool } = createDbAndSql(process.env.DATABASE_URL!, { max: 2 });
const keyring = new Keyring(generateKeySpec());
const statements: string[] = [];
// Every statement on every pooled connection (hooked before the first one connects).
pool.on('connect', (client) => {
  const query = client.query.bind(client) as (...a: unknown[]) => unknown;
  (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const q = args[0] as string | { text?: string };
    statements.push((typeof q === 'string' ? q : (q?.text ?? '')).trim());
    return query(...args);
  };
});
let clinicId: string;
let accountId: string;

async function conversation(text = 'ボトックスはいくら？') {
  const customer = await db.customer.create({ data: { clinicId, messengerType: 'line', messengerUserId: userIdFor('line'), languageCode: 'ja' } });
  const conv = await db.conversation.create({ data: { clinicId, customerId: customer.id, messengerAccountId: accountId } });
  const msg = await db.message.create({ data: { clinicId, conversationId: conv.id, senderType: 'customer', content: text, platformSentAt: new Date() } });
  return { id: conv.id, customerMessageId: msg.id, userId: customer.messengerUserId };
}

const claim = (conversationId: string, leaseId = randomUUID()) =>
  claimTurn(sql, { conversationId, clinicId, leaseId, leaseMs: 60_000 }).then((row) => ({ leaseId, row }));

beforeAll(async () => {
  const tag = randomUUID().slice(0, 8);
  clinicId = (await db.clinic.create({ data: { name: `클레임 ${tag}`, slug: `claim-${tag}` } })).id;
  const rowId = randomUUID();
  accountId = (
    await db.messengerAccount.create({
      data: {
        id: rowId,
        clinicId,
        messengerType: 'line',
        accountName: `line_${tag}`,
        credentials: keyring.encrypt({ accessToken: 't' }, rowId) as object,
        credentialsKeyId: keyring.currentKeyId,
        isConnected: true,
      },
    })
  ).id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe('turn claim', () => {
  it('a lone claim takes the lease and reads the pending message, the customer and the account', async () => {
    const c = await conversation();
    const { leaseId, row } = await claim(c.id);
    expect(row).toMatchObject({
      id: c.id,
      clinicId,
      accountId,
      platform: 'line',
      recipient: c.userId,
      aiMode: true,
    });
    expect(row!.pending.map((m) => m.id)).toEqual([c.customerMessageId]);
    expect(row!.customer).toMatchObject({ languageCode: 'ja' });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: c.id } })).turnLeaseId).toBe(leaseId);
    // Held: a second claim gets nothing.
    expect((await claim(c.id)).row).toBeUndefined();
  });

  it('concurrent claims share statements; free conversations are claimed, held ones are not, and of two claims on one conversation exactly one wins', async () => {
    const free = await Promise.all(Array.from({ length: 6 }, () => conversation()));
    const held = await conversation();
    const heldLease = (await claim(held.id)).leaseId;
    const twice = await conversation();
    // Claims made in one tick go out together.
    statements.length = 0;
    const results = await Promise.all([claim(free[0]!.id), ...free.slice(1).map((c) => claim(c.id)), claim(held.id), claim(twice.id), claim(twice.id)]);
    const claims = statements.filter((q) => /UPDATE conversations/.test(q));
    expect(claims.length).toBeLessThan(results.length);

    for (const [i, c] of free.entries()) {
      expect(results[i]!.row?.id).toBe(c.id);
      expect(results[i]!.row!.pending.map((m) => m.id)).toEqual([c.customerMessageId]);
      expect((await db.conversation.findUniqueOrThrow({ where: { id: c.id } })).turnLeaseId).toBe(results[i]!.leaseId);
    }
    expect(results[6]!.row).toBeUndefined();
    expect((await db.conversation.findUniqueOrThrow({ where: { id: held.id } })).turnLeaseId).toBe(heldLease);
    const [a, b] = [results[7]!, results[8]!];
    expect([a.row, b.row].filter(Boolean)).toHaveLength(1);
    const winner = a.row ? a : b;
    expect((await db.conversation.findUniqueOrThrow({ where: { id: twice.id } })).turnLeaseId).toBe(winner.leaseId);
  });
});

describe('turn commit', () => {
  async function claimed() {
    const c = await conversation();
    const { leaseId, row } = await claim(c.id);
    return { ...c, leaseId, version: row!.version };
  }
  const commitOf = (t: Awaited<ReturnType<typeof claimed>>, extra: Partial<TurnCommit> = {}): TurnCommit => ({
    conversationId: t.id,
    clinicId,
    leaseId: t.leaseId,
    version: t.version,
    replyId: randomUUID(),
    content: 'ボトックスは5万ウォンです。',
    language: 'ja',
    translated: '보톡스는 5만 원입니다.',
    translatedLanguage: 'ko',
    aiMetadata: { model: 'local', answers: [t.customerMessageId] },
    platformContext: { replyToken: 'rt' },
    preview: '보톡스는 5만 원입니다.',
    claim: true,
    answered: [t.customerMessageId],
    ...extra,
  });

  it('stores the reply claimed for sending, marks what it answers, releases the lease and sets the preview', async () => {
    const t = await claimed();
    const req = commitOf(t);
    const out = await commitTurn(sql, req);
    expect(out).toMatchObject({ replyId: req.replyId, claimed: true });
    const reply = await db.message.findUniqueOrThrow({ where: { id: req.replyId } });
    expect(reply).toMatchObject({
      conversationId: t.id,
      clinicId,
      senderType: 'ai',
      content: req.content,
      originalLanguage: 'ja',
      translatedContent: req.translated,
      translatedLanguage: 'ko',
      deliveryStatus: 'sending',
      deliveryAttempts: 1,
    });
    expect(reply.aiMetadata).toEqual(req.aiMetadata);
    expect(reply.platformContext).toEqual(req.platformContext);
    expect((await db.message.findUniqueOrThrow({ where: { id: t.customerMessageId } })).answeredById).toBe(req.replyId);
    const conv = await db.conversation.findUniqueOrThrow({ where: { id: t.id } });
    expect(conv).toMatchObject({ turnLeaseId: null, turnLeaseUntil: null, lastMessagePreview: req.preview });
  });

  it('an earlier reply still unsent: the new one is stored pending, not claimed', async () => {
    const t = await claimed();
    await db.message.create({ data: { clinicId, conversationId: t.id, senderType: 'staff', content: '잠시만요', deliveryStatus: 'pending' } });
    const req = commitOf(t);
    expect(await commitTurn(sql, req)).toMatchObject({ claimed: false });
    expect(await db.message.findUniqueOrThrow({ where: { id: req.replyId } })).toMatchObject({ deliveryStatus: 'pending', deliveryAttempts: 0 });
  });

  it('concurrent commits share statements; one whose conversation was taken over (version bumped) or whose lease was lost inserts nothing', async () => {
    const turns = await Promise.all(Array.from({ length: 5 }, () => claimed()));
    const takenOver = await claimed();
    await db.conversation.update({ where: { id: takenOver.id }, data: { aiMode: false, version: { increment: 1 } } });
    const lost = await claimed();
    const reqs = [...turns.map((t) => commitOf(t)), commitOf(takenOver), commitOf(lost, { leaseId: randomUUID() })];
    statements.length = 0;
    const outs = await Promise.all(reqs.map((r) => commitTurn(sql, r)));
    const commits = statements.filter((q) => /INSERT INTO messages/.test(q));
    expect(commits.length).toBeLessThan(reqs.length);
    turns.forEach((t, i) => expect(outs[i]).toMatchObject({ replyId: reqs[i]!.replyId, claimed: true }));
    expect(outs.slice(5)).toEqual([undefined, undefined]);
    expect(await db.message.count({ where: { id: { in: reqs.slice(5).map((r) => r.replyId) } } })).toBe(0);
    for (const t of [takenOver, lost]) {
      expect((await db.message.findUniqueOrThrow({ where: { id: t.customerMessageId } })).answeredById).toBeNull();
      expect((await db.conversation.findUniqueOrThrow({ where: { id: t.id } })).turnLeaseId).toBe(t.leaseId);
    }
    for (const [i, t] of turns.entries()) {
      expect((await db.message.findUniqueOrThrow({ where: { id: t.customerMessageId } })).answeredById).toBe(reqs[i]!.replyId);
      expect((await db.conversation.findUniqueOrThrow({ where: { id: t.id } })).turnLeaseId).toBeNull();
    }
  });
});
