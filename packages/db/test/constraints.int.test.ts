import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../src/client';
import { Keyring, generateKeySpec } from '../src/crypto';
import { SchemaEngineSession } from '../src/migrate/schema-engine';

const db: Db = createDb(process.env.DATABASE_URL!);
const keyring = new Keyring(generateKeySpec());
let clinicId: string;
let conversationId: string;
let accountId: string;
let secondAccountId: string;

beforeAll(async () => {
  const clinic = await db.clinic.create({ data: { name: '제약테스트의원', slug: `constraints-${randomUUID()}` } });
  clinicId = clinic.id;
  const accountRowId = randomUUID();
  const account = await db.messengerAccount.create({
    data: {
      id: accountRowId,
      clinicId,
      messengerType: 'line',
      accountName: 'c_line',
      credentials: keyring.encrypt({ channelSecret: 'x' }, accountRowId) as object,
      credentialsKeyId: keyring.currentKeyId,
    },
  });
  accountId = account.id;
  secondAccountId = randomUUID();
  await db.messengerAccount.create({
    data: {
      id: secondAccountId,
      clinicId,
      messengerType: 'line',
      accountName: 'c_line2',
      credentials: keyring.encrypt({ channelSecret: 'y' }, secondAccountId) as object,
      credentialsKeyId: keyring.currentKeyId,
    },
  });
  const customer = await db.customer.create({ data: { clinicId, messengerType: 'line', messengerUserId: `U${randomUUID()}` } });
  const conv = await db.conversation.create({ data: { clinicId, customerId: customer.id, messengerAccountId: account.id } });
  conversationId = conv.id;
});
afterAll(() => db.$disconnect());

describe('database guarantees', () => {
  it('rejects the same platform message twice for one messenger account', async () => {
    const data = {
      clinicId,
      conversationId,
      senderType: 'customer',
      content: 'ボトックスはいくらですか',
      messengerType: 'line',
      messengerAccountId: accountId,
      messengerMessageId: `m-${randomUUID()}`,
    };
    await db.message.create({ data });
    await expect(db.message.create({ data })).rejects.toMatchObject({ code: 'P2002' });
    const n = await db.message.count({ where: { messengerMessageId: data.messengerMessageId } });
    expect(n).toBe(1);
  });

  it('keeps the same platform id of two accounts of one clinic apart (ids are unique per bot, not per clinic)', async () => {
    const id = `42:${randomUUID().slice(0, 6)}`;
    const base = { clinicId, conversationId, senderType: 'ai', content: 'はい', messengerType: 'line', messengerMessageId: id };
    await db.message.create({ data: { ...base, messengerAccountId: accountId } });
    await db.message.create({ data: { ...base, messengerAccountId: secondAccountId } });
    expect(await db.message.count({ where: { messengerMessageId: id } })).toBe(2);
  });

  it('refuses a platform id without its messenger account', async () => {
    await expect(
      db.message.create({
        data: { clinicId, conversationId, senderType: 'customer', content: 'x', messengerType: 'line', messengerMessageId: `m-${randomUUID()}` },
      }),
    ).rejects.toThrow(/messages_platform_id_has_account|check constraint/i);
  });

  it('enforces seed CHECK constraints', async () => {
    await expect(db.conversation.update({ where: { id: conversationId }, data: { satisfactionScore: 101 } })).rejects.toThrow();
    await expect(db.conversation.update({ where: { id: conversationId }, data: { status: 'deleted' } })).rejects.toThrow();
  });

  it('maintains updated_at in the database, also for raw SQL writes', async () => {
    const before = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    await new Promise((r) => setTimeout(r, 20));
    await db.$executeRaw`UPDATE conversations SET summary = 'x' WHERE id = ${conversationId}::uuid`;
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it('applies no migration twice', async () => {
    const s = await SchemaEngineSession.open(process.env.DATABASE_URL!);
    try {
      expect(await s.applyMigrations()).toEqual([]);
    } finally {
      s.close();
    }
  });
});
