// Webhook → ingress → worker → AI turn → send, for all six platforms, against the platform fakes, with
// real PostgreSQL and Redis. Also: a burst answered by one reply, a Telegram 429 honoured, and an
// expired token disconnecting the account.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Keyring, createDb, generateKeySpec } from '@hub/db';
import { readLiveEventsSince } from '@hub/queue';
import type { Platform } from '@hub/messengers';
import { createPipelineClinic, QUESTIONS_JA, QUESTIONS_KO } from '../../../test/pipeline/clinic.fixture';
import {
  PLATFORMS,
  connectAccount,
  dropPrefix,
  fakeFor,
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

const db = createDb(process.env.DATABASE_URL!, { max: 8 });
const keys = generateKeySpec();
const keyring = new Keyring(keys);
const prefix = `t-pipe-${randomUUID().slice(0, 8)}`;
const admin = new Redis(process.env.REDIS_URL!);
const JAPANESE = /[\u3040-\u30ff]/;
const HANGUL = /[\uac00-\ud7a3]/;

let fakes: Fakes;
let clinicId: string;
let tag: string;
const accounts = {} as Record<Platform, Account>;
let ingress: RunningIngress;
let worker: RunningWorker;
let seq = Date.now() % 1_000_000_000;
const nextMessageId = () => String(++seq);

beforeAll(async () => {
  fakes = await startFakes();
  ({ clinicId, tag } = await createPipelineClinic(db));
  for (const p of PLATFORMS) accounts[p] = await connectAccount(db, keyring, fakes, clinicId, p, tag);
  ingress = await startIngressInProcess({ db, keyring, prefix });
  worker = await startWorkerInProcess({ db, keyring, env: workerEnv({ prefix, keys, fakes, turnDebounceMs: 150, concurrency: 8 }) });
});

afterAll(async () => {
  await ingress?.close();
  await worker?.close();
  await fakes?.close();
  await dropPrefix(admin, prefix);
  admin.disconnect();
  await db.$disconnect();
});

/** The customer message the platform would send, with a live reply token / callback URL where the platform has one. */
function customerText(p: Platform, text: string, userId = userIdFor(p)): CustomerText {
  const m: CustomerText = { userId, text, messageId: nextMessageId(), sentAtMs: Date.now() };
  if (p === 'line') m.replyToken = fakes.line.issueReplyToken(userId);
  if (p === 'kakao') m.callbackUrl = fakes.kakao.issueCallbackUrl();
  return m;
}

async function storedCustomerMessage(p: Platform, messageId: string) {
  const externalId = { telegram: null, line: messageId, facebook: `m_${messageId}`, instagram: `m_${messageId}`, whatsapp: `wamid.${messageId}`, kakao: null }[
    p
  ];
  return waitUntil(`stored ${p} message`, () =>
    db.message.findFirst({
      where: { clinicId, messengerType: p, senderType: 'customer', ...(externalId ? { messengerMessageId: externalId } : {}) },
      orderBy: { createdAt: 'desc' },
      include: { conversation: { include: { customer: true } } },
    }),
  );
}

describe('six platforms end to end', () => {
  it.each(PLATFORMS)('%s: a signed Japanese webhook gets a Japanese reply at the fake, sent with the clinic credentials', async (p) => {
    const account = accounts[p];
    const c = account.credentials;
    const fake = fakeFor(fakes, p);
    const msg = customerText(p, QUESTIONS_JA.price);
    const started = Date.now();
    expect(await postWebhook(ingress.url, account, [msg])).toBe(200);

    const expectedRecipient = p === 'kakao' ? msg.callbackUrl!.split('/').pop()! : msg.userId;
    const delivery = await fake.waitForDelivery((d) => d.recipient === expectedRecipient, 8000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(5000);
    expect(delivery.text).toMatch(JAPANESE);
    expect(delivery.text).toContain('99,000');

    // Sent with this clinic's own credentials, to the right place.
    const req = delivery.request;
    switch (p) {
      case 'telegram':
        expect(req.path).toBe(`/bot${c.botToken}/sendMessage`);
        break;
      case 'line':
        expect(req.headers.authorization).toBe(`Bearer ${c.accessToken}`);
        expect(delivery.via).toBe('reply'); // the webhook's reply token was still valid
        expect(delivery.meta.replyToken).toBe(msg.replyToken);
        break;
      case 'facebook':
      case 'instagram':
      case 'whatsapp': {
        const token = req.headers.authorization ?? `Bearer ${String(req.query.access_token)}`;
        expect(token).toBe(`Bearer ${c.accessToken}`);
        const own = p === 'facebook' ? c.pageId : p === 'instagram' ? c.igUserId : c.phoneNumberId;
        expect(req.path).toMatch(new RegExp(`/${own}/messages$`));
        expect(delivery.via).toBe(p === 'facebook' ? 'messenger' : p);
        break;
      }
      case 'kakao':
        expect(delivery.via).toBe('callback');
        expect(req.path).toBe(new URL(msg.callbackUrl!).pathname);
        break;
    }

    const stored = await storedCustomerMessage(p, msg.messageId);
    expect(stored.conversation.customer.messengerUserId).toBe(msg.userId);
    expect(stored.content).toBe(QUESTIONS_JA.price);
    expect(stored.originalLanguage).toBe('ja');
    expect(stored.translatedContent).toBe(QUESTIONS_KO.price);
    expect(stored.translatedLanguage).toBe('ko');
    const reply = await waitUntil('reply marked sent', async () => {
      const r = await db.message.findUnique({ where: { id: stored.answeredById! } });
      return r?.deliveryStatus === 'sent' ? r : null;
    });
    expect(reply.senderType).toBe('ai');
    expect(reply.content).toBe(delivery.text);
    expect(reply.originalLanguage).toBe('ja');
    expect(reply.translatedLanguage).toBe('ko');
    expect(reply.translatedContent).toMatch(HANGUL);
    expect(reply.translatedContent).not.toMatch(JAPANESE);
    expect(reply.messengerMessageId).toContain(delivery.id);
    expect(reply.conversationId).toBe(stored.conversationId);
    expect((reply.aiMetadata as Record<string, unknown>)['answers']).toEqual([stored.id]);

    // The console's live stream: the customer message, its conversation and satisfaction, then the
    // reply and its delivery, in that order.
    const kinds = await liveKindsFor(stored.conversationId, [stored.id, reply.id], 4);
    expect(kinds).toEqual([
      `message.created:${stored.id}`,
      'conversation.updated',
      `satisfaction.changed:${stored.id}`,
      `message.created:${reply.id}`,
      `message.updated:${reply.id}:sent`,
    ]);
  });
});

describe('handoffs are never silent', () => {
  it.each(PLATFORMS)('%s: asking for a person (and an emergency) hands off and the customer is told, in Japanese', async (p) => {
    const account = accounts[p];
    const fake = fakeFor(fakes, p);
    for (const [text, reason, expected] of [
      ['人間のスタッフと話したいです', 'customer_requested_human', 'スタッフ'],
      ['鼻フィラーの後、皮膚が白くなって目が見えにくいです', 'medical_emergency', '119'],
    ] as const) {
      const msg = customerText(p, text);
      expect(await postWebhook(ingress.url, account, [msg])).toBe(200);
      const recipient = p === 'kakao' ? msg.callbackUrl!.split('/').pop()! : msg.userId;
      const told = await fake.waitForDelivery((d) => d.recipient === recipient, 8000);
      expect(told.text).toContain(expected);
      expect(told.text).toMatch(JAPANESE);
      expect(told.text).not.toMatch(HANGUL);
      const stored = await db.message.findFirstOrThrow({
        where: { clinicId, senderType: 'customer', content: text, conversation: { customer: { messengerUserId: msg.userId } } },
        include: { conversation: true },
      });
      expect(stored.conversation).toMatchObject({ status: 'waiting', handoffReason: reason });
      const notice = await waitUntil('notice sent', async () => {
        const r = stored.answeredById
          ? await db.message.findUnique({ where: { id: stored.answeredById } })
          : (await db.message.findUniqueOrThrow({ where: { id: stored.id } })).answeredById;
        return typeof r === 'object' && r?.deliveryStatus === 'sent' ? r : null;
      });
      expect(notice).toMatchObject({ senderType: 'ai', content: told.text, translatedLanguage: 'ko' });
      const kind = reason === 'medical_emergency' ? 'emergency' : 'handoff';
      expect(await db.notification.count({ where: { clinicId, kind, data: { path: ['conversationId'], equals: stored.conversationId } } })).toBe(1);
    }
  });
});

/** The clinic's live events about one conversation (and its messages), oldest first, as short labels. */
async function liveKindsFor(conversationId: string, messageIds: string[], atLeast: number): Promise<string[]> {
  return waitUntil('live events', async () => {
    const events = await readLiveEventsSince(admin, clinicId, '0-0', prefix, 10_000);
    const labels = events
      .filter((e) => e.data['conversationId'] === conversationId)
      .map((e) => {
        const id = e.data['messageId'] as string | undefined;
        if (!id || !messageIds.includes(id)) return e.type;
        return [e.type, id, e.data['deliveryStatus']].filter(Boolean).join(':');
      });
    return labels.length > atLeast ? labels : null;
  });
}

describe('burst', () => {
  it('4 messages within 2 s, TURN_DEBOUNCE_MS 2500: one reply answering all four, sent after the window', async () => {
    // Its own worker and queue prefix with the wider window; same clinic, its own LINE account.
    const burstPrefix = `${prefix}-burst`;
    const burstIngress = await startIngressInProcess({ db, keyring, prefix: burstPrefix });
    const burstWorker = await startWorkerInProcess({ db, keyring, env: workerEnv({ prefix: burstPrefix, keys, fakes, turnDebounceMs: 2500, concurrency: 4 }) });
    try {
      const account = await connectAccount(db, keyring, fakes, clinicId, 'line', `${tag}b`);
      const userId = userIdFor('line');
      const texts = [QUESTIONS_JA.price, QUESTIONS_JA.parking, QUESTIONS_JA.aftercare, QUESTIONS_JA.price];
      const posted: number[] = [];
      const t0 = Date.now();
      for (const [i, text] of texts.entries()) {
        await new Promise((r) => setTimeout(r, Math.max(0, t0 + i * 600 - Date.now())));
        const m = customerText('line', text, userId);
        expect(await postWebhook(burstIngress.url, account, [m])).toBe(200);
        posted.push(Date.now());
      }
      expect(posted[3]! - t0).toBeLessThan(2000);
      const delivery = await fakes.line.waitForDelivery((d) => d.recipient === userId, 10_000);
      // Nothing went out before the window after the last message closed.
      expect(delivery.request.at.getTime() - posted[3]!).toBeGreaterThanOrEqual(2400);
      await new Promise((r) => setTimeout(r, 1500)); // room for a stray second reply to show up
      expect(fakes.line.delivered.filter((d) => d.recipient === userId)).toHaveLength(1);
      const conv = await db.conversation.findFirstOrThrow({ where: { messengerAccountId: account.id } });
      const msgs = await db.message.findMany({ where: { conversationId: conv.id }, orderBy: { seq: 'asc' } });
      const replies = msgs.filter((m) => m.senderType === 'ai');
      expect(replies).toHaveLength(1);
      const customer = msgs.filter((m) => m.senderType === 'customer');
      expect(customer).toHaveLength(4);
      expect(new Set(customer.map((m) => m.answeredById))).toEqual(new Set([replies[0]!.id]));
      expect((replies[0]!.aiMetadata as { answers: string[] }).answers).toEqual(
        [...customer].sort((a, b) => a.platformSentAt!.getTime() - b.platformSentAt!.getTime()).map((m) => m.id),
      );
      // The reply used the reply token of the burst's latest message.
      expect(delivery.via).toBe('reply');
    } finally {
      await burstIngress.close();
      await burstWorker.close();
      await dropPrefix(admin, burstPrefix);
    }
  });
});

describe('platform failures', () => {
  it('telegram 429 with retry_after: the send waits that long, then succeeds once', async () => {
    const account = accounts.telegram;
    fakes.telegram.inject({ status: 429, retryAfterSec: 2, path: 'sendMessage' });
    const msg = customerText('telegram', QUESTIONS_JA.parking);
    expect(await postWebhook(ingress.url, account, [msg])).toBe(200);
    const delivery = await fakes.telegram.waitForDelivery((d) => d.recipient === msg.userId, 10_000);
    const attempts = fakes.telegram.received.filter(
      (r) => r.path.endsWith('/sendMessage') && (r.body as { chat_id?: unknown }).chat_id?.toString() === msg.userId,
    );
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    const waited = delivery.request.at.getTime() - attempts[0]!.at.getTime();
    expect(waited).toBeGreaterThanOrEqual(1900);
    expect(waited).toBeLessThan(6000);
    expect(fakes.telegram.delivered.filter((d) => d.recipient === msg.userId)).toHaveLength(1);
    const stored = await storedCustomerMessage('telegram', msg.messageId);
    const reply = await waitUntil('sent', async () => {
      const r = await db.message.findUnique({ where: { id: stored.answeredById! } });
      return r?.deliveryStatus === 'sent' ? r : null;
    });
    expect(reply.deliveryAttempts).toBe(2);
    // The reply's first attempt failed inside the turn: its event still went out, before the delivery's.
    const kinds = await liveKindsFor(stored.conversationId, [reply.id], 4);
    expect(kinds.filter((k) => k.includes(reply.id))).toEqual([`message.created:${reply.id}`, `message.updated:${reply.id}:sent`]);
  });

  it('meta expired token (190): account disconnected, reply failed with the reason, clinic notified', async () => {
    // Its own account so the other tests keep a connected Facebook page.
    const account = await connectAccount(db, keyring, fakes, clinicId, 'facebook', `${tag}x`);
    fakes.meta.expireToken(account.credentials.accessToken!);
    const msg = customerText('facebook', QUESTIONS_JA.price);
    expect(await postWebhook(ingress.url, account, [msg])).toBe(200);
    const reply = await waitUntil(
      'reply failed',
      async () => {
        const r = await db.message.findFirst({ where: { clinicId, senderType: 'ai', conversation: { messengerAccountId: account.id } } });
        return r?.deliveryStatus === 'failed' ? r : null;
      },
      10_000,
    );
    expect(reply.deliveryError).toMatch(/^token_invalid: .*190|^token_invalid: .*expired/i);
    const acc = await db.messengerAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(acc.isConnected).toBe(false);
    expect(acc.connectionError).toMatch(/token_invalid/);
    const notes = await waitUntil('both notifications', async () => {
      const n = await db.notification.findMany({ where: { clinicId, kind: { in: ['account_disconnected', 'send_failed'] } } });
      const mine = n.filter((x) => (x.data as { accountId?: string }).accountId === account.id || (x.data as { messageId?: string }).messageId === reply.id);
      return mine.length >= 2 ? mine : null;
    });
    expect(notes.map((n) => n.kind).sort()).toEqual(['account_disconnected', 'send_failed']);
    expect(notes.find((n) => n.kind === 'send_failed')!.body).toBe(reply.deliveryError);
    // One attempt: an auth failure is not retried.
    expect(fakes.meta.received.filter((r) => r.path.includes(`/${account.credentials.pageId}/messages`))).toHaveLength(1);
  });

  it('line 401 (revoked channel token): the same, through the LINE SDK', async () => {
    // The stored channel token is unknown to LINE (revoked in the LINE console) → 401.
    const account = await connectAccount(db, keyring, fakes, clinicId, 'line', `${tag}y`, { registerAtFake: false });
    const msg = customerText('line', QUESTIONS_JA.price);
    msg.replyToken = undefined;
    expect(await postWebhook(ingress.url, account, [msg])).toBe(200);
    await waitUntil('account disconnected', async () => !(await db.messengerAccount.findUniqueOrThrow({ where: { id: account.id } })).isConnected, 10_000);
    const reply = await db.message.findFirstOrThrow({ where: { clinicId, senderType: 'ai', conversation: { messengerAccountId: account.id } } });
    expect(reply.deliveryStatus).toBe('failed');
    expect(reply.deliveryError).toMatch(/token_invalid: LINE 401/);
  });

  it('stored credentials the sender cannot use (no LINE access token): auth failure, not 12 retries', async () => {
    // A staff reply queued for an account whose stored credentials lost the access token.
    const account = await connectAccount(db, keyring, fakes, clinicId, 'line', `${tag}z`);
    const { accessToken: _lost, ...rest } = account.credentials;
    await db.messengerAccount.update({ where: { id: account.id }, data: { credentials: keyring.encrypt(rest, account.id) as object } });
    const customer = await db.customer.create({ data: { clinicId, messengerType: 'line', messengerUserId: userIdFor('line') } });
    const conv = await db.conversation.create({ data: { clinicId, customerId: customer.id, messengerAccountId: account.id } });
    const staffReply = await db.message.create({
      data: { clinicId, conversationId: conv.id, senderType: 'staff', content: '안녕하세요', translatedContent: 'こんにちは', deliveryStatus: 'pending' },
    });
    await worker.producers.addSend({ clinicId, messageId: staffReply.id });
    await waitUntil('account disconnected', async () => !(await db.messengerAccount.findUniqueOrThrow({ where: { id: account.id } })).isConnected, 10_000);
    const reply = await db.message.findUniqueOrThrow({ where: { id: staffReply.id } });
    expect(reply.deliveryStatus).toBe('failed');
    expect(reply.deliveryError).toMatch(/^credentials_invalid: line credentials are invalid: accessToken/);
    // Failed for good after one attempt (UnrecoverableError), not retried with backoff.
    await waitUntil('send job failed', async () => (await worker.producers.send.getJob(`send_${staffReply.id}`))?.isFailed());
    // Read again once failed: a job read while still active carries its attempts of that moment.
    const job = await worker.producers.send.getJob(`send_${staffReply.id}`);
    expect(job?.attemptsMade).toBe(1);
  });
});
