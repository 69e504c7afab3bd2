// The turn's claim against real PostgreSQL: concurrent claims share statements (statementBatcher) and
// each still gets exactly its own outcome — the lease when the conversation is free, nothing when another
// turn holds it, one winner when two claims name the same conversation.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring, createDbAndSql, generateKeySpec } from '@hub/db';
import { userIdFor } from '../../../test/pipeline/harness';
import { claimTurn } from '../src/pipeline/turn.usecase';

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

const claim = (conversationId: string, leaseId = randomUUID()) => claimTurn(sql, { conversationId, clinicId, leaseId, leaseMs: 60_000 }).then((row) => ({ leaseId, row }));

beforeAll(async () => {
  const tag = randomUUID().slice(0, 8);
  clinicId = (await db.clinic.create({ data: { name: `클레임 ${tag}`, slug: `claim-${tag}` } })).id;
  accountId = (
    await db.messengerAccount.create({
      data: { clinicId, messengerType: 'line', accountName: `line_${tag}`, credentials: keyring.encrypt({ accessToken: 't' }) as object, credentialsKeyId: keyring.currentKeyId, isConnected: true },
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
    expect(row).toMatchObject({ id: c.id, clinic_id: clinicId, messenger_account_id: accountId, messenger_type: 'line', messenger_user_id: c.userId, ai_mode: true });
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
    expect(claims.some((q) => q.includes('jsonb_to_recordset'))).toBe(true);

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
