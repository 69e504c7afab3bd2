// SSRF with read-back (issue 15): a webhook's attachment URL or Kakao callbackUrl pointing at a loopback
// server that holds a secret. Signed webhook → ingress → worker, real PostgreSQL and Redis, the fakes
// let through by configuration as in every pipeline test: the secret server must see no request, the
// message must record the refusal, and the API's /media must not serve anything for it.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Keyring, createDb, generateKeySpec } from '@hub/db';
import { QUEUES, readLiveEventsSince } from '@hub/queue';
import { Queue } from 'bullmq';
import { QUESTIONS_JA, createPipelineClinic } from '../../../test/pipeline/clinic.fixture';
import {
  connectAccount,
  dropPrefix,
  signedHeaders,
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
import { PASSWORD, login, startApi, type Harness } from '../../api/test/harness';
import { hashPassword } from '../../api/src/auth/password';

const db = createDb(process.env.DATABASE_URL!, { max: 6 });
const keys = generateKeySpec();
const keyring = new Keyring(keys);
const prefix = `t-ssrf-${randomUUID().slice(0, 8)}`;
const admin = new Redis(process.env.REDIS_URL!);
const SECRET = `TELEGRAM_BOT_TOKEN=70123:AAE-${randomUUID()}`;

let fakes: Fakes;
let clinicId: string;
let kakao: Account;
let facebook: Account;
let ingress: RunningIngress;
let worker: RunningWorker;
let api: Harness;
let staffToken: string;
let secretServer: Server;
let secretUrl: string;
const secretHits: string[] = [];

beforeAll(async () => {
  secretServer = createServer((req, res) => {
    secretHits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'image/png' }).end(SECRET);
  });
  await new Promise<void>((r) => secretServer.listen(0, '127.0.0.1', r));
  secretUrl = `http://127.0.0.1:${(secretServer.address() as AddressInfo).port}`;
  fakes = await startFakes();
  let tag: string;
  ({ clinicId, tag } = await createPipelineClinic(db));
  kakao = await connectAccount(db, keyring, fakes, clinicId, 'kakao', tag);
  facebook = await connectAccount(db, keyring, fakes, clinicId, 'facebook', tag);
  ingress = await startIngressInProcess({ db, keyring, prefix });
  const env = workerEnv({ prefix, keys, fakes, turnDebounceMs: 50, concurrency: 4 });
  worker = await startWorkerInProcess({ db, keyring, env });
  api = await startApi({ mediaDir: env.MEDIA_STORAGE_DIR! });
  const email = `ssrf-staff-${tag}@clinic.test`;
  await db.user.create({ data: { clinicId, email, name: '상담 SSRF', role: 'staff', passwordHash: await hashPassword(PASSWORD) } });
  staffToken = (await login(api, email)).token!;
});

afterAll(async () => {
  await api?.close();
  await ingress?.close();
  await worker?.close();
  await fakes?.close();
  await new Promise((r) => secretServer?.close(r));
  await dropPrefix(admin, prefix);
  admin.disconnect();
  await db.$disconnect();
});

async function post(account: Account, body: unknown): Promise<number> {
  const raw = JSON.stringify(body);
  const res = await fetch(`${ingress.url}/webhooks/${account.platform}/${account.id}`, { method: 'POST', body: raw, headers: signedHeaders(account, raw) });
  await res.arrayBuffer();
  return res.status;
}

function kakaoRequest(userId: string, extra: { media?: { type: string; url: string }; callbackUrl?: string; utterance: string }) {
  return {
    intent: { id: '65f1a2b3c4d5e6f7a8b9c0e2', name: '폴백 블록' },
    userRequest: {
      timezone: 'Asia/Seoul',
      params: { surface: 'Kakaotalk.plusfriend', ...(extra.media ? { media: extra.media } : {}) },
      block: { id: '65f1a2b3c4d5e6f7a8b9c0e2', name: '폴백 블록' },
      utterance: extra.utterance,
      lang: 'ko',
      user: { id: userId, type: 'botUserKey', properties: { botUserKey: userId, isFriend: true } },
      ...(extra.callbackUrl ? { callbackUrl: extra.callbackUrl } : {}),
    },
    bot: { id: `${kakao.credentials.botId}!`, name: '상담봇' },
    action: { name: 'AI 상담 스킬', clientExtra: null, params: {}, id: '65f1a2b3c4d5e6f7a8b9c0f3', detailParams: {} },
    contexts: [],
  };
}

type StoredAttachment = { url?: string; storedPath?: string; refused?: { reason: string; url: string; at: string } };

async function refusedAttachment(platform: 'kakao' | 'facebook', externalUserId: string) {
  return waitUntil(
    `${platform} message with a refused attachment`,
    async () => {
      const msg = await db.message.findFirst({
        where: { clinicId, messengerType: platform, senderType: 'customer', conversation: { customer: { messengerUserId: externalUserId } } },
      });
      const a = (msg?.attachments as StoredAttachment[] | undefined)?.[0];
      return a?.refused ? { msg: msg!, a } : undefined;
    },
    15_000,
  );
}

async function expectNothingServed(messageId: string) {
  for (const ext of ['png', 'jpg', 'bin']) {
    const res = await fetch(`${api.url}/media/${clinicId}/${messageId}/0.${ext}?access_token=${staffToken}`);
    const body = await res.text();
    expect(res.status).toBe(404);
    expect(body).not.toContain(SECRET);
  }
}

describe('webhook-supplied URLs pointing at a loopback server', () => {
  it('Kakao params.media.url: never fetched, the refusal recorded and published, nothing served', async () => {
    const userId = userIdFor('kakao');
    const url = `${secretUrl}/kakao-secret.png`;
    const since = '0';
    expect(await post(kakao, kakaoRequest(userId, { media: { type: 'image', url }, utterance: url }))).toBe(200);
    const { msg, a } = await refusedAttachment('kakao', userId);
    expect(a.refused).toMatchObject({ reason: 'host_not_allowed', url });
    expect(a.storedPath).toBeUndefined();
    expect(secretHits).toEqual([]);
    await expectNothingServed(msg.id);
    const events = await readLiveEventsSince(admin, clinicId, since, prefix);
    expect(events.some((e) => e.type === 'message.updated' && (e.data as { messageId?: string }).messageId === msg.id)).toBe(true);
    // Done, not retried: the media job completed.
    const media = new Queue(QUEUES.media, { connection: admin, prefix });
    await waitUntil('the media job to complete', async () => (await media.getCompletedCount()) >= 1);
    expect(await media.getFailedCount()).toBe(0);
    expect(await media.getDelayedCount()).toBe(0);
    await media.close();
  });

  it('Messenger attachment payload.url: never fetched, recorded, nothing served', async () => {
    const psid = userIdFor('facebook');
    const url = `${secretUrl}/meta-secret.jpg`;
    const pageId = facebook.credentials.pageId!;
    const now = Date.now();
    const body = {
      object: 'page',
      entry: [
        {
          id: pageId,
          time: now,
          messaging: [
            {
              sender: { id: psid },
              recipient: { id: pageId },
              timestamp: now,
              message: { mid: `m_${randomUUID()}`, attachments: [{ type: 'image', payload: { url } }] },
            },
          ],
        },
      ],
    };
    expect(await post(facebook, body)).toBe(200);
    const { msg, a } = await refusedAttachment('facebook', psid);
    expect(a.refused).toMatchObject({ reason: 'host_not_allowed', url });
    expect(secretHits).toEqual([]);
    await expectNothingServed(msg.id);
  });

  it('Kakao callbackUrl on loopback: no POST arrives there, the reply is not delivered, with a clear delivery_error', async () => {
    const userId = userIdFor('kakao');
    expect(await post(kakao, kakaoRequest(userId, { utterance: QUESTIONS_JA.price, callbackUrl: `${secretUrl}/callback/once` }))).toBe(200);
    const reply = await waitUntil(
      'the AI reply to settle',
      async () => {
        const m = await db.message.findFirst({ where: { clinicId, senderType: 'ai', conversation: { customer: { messengerUserId: userId } } } });
        return m && !['pending', 'sending'].includes(m.deliveryStatus) ? m : undefined;
      },
      20_000,
    );
    expect(secretHits).toEqual([]);
    expect(reply.deliveryStatus).toBe('not_deliverable');
    expect(reply.deliveryError).toMatch(/not allowed: host_not_allowed/);
  });
});
