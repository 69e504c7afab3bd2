// SIGKILL of a real worker process while it is sending a reply (the fake LINE API holds the push):
// after a restart nothing is lost (messages that arrived while it was down are answered) and nothing is
// duplicated for the customer (the retried push reuses its X-Line-Retry-Key; LINE answers 409).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Keyring, createDb, generateKeySpec } from '@hub/db';
import { createPipelineClinic, QUESTIONS_JA } from '../../../test/pipeline/clinic.fixture';
import {
  connectAccount,
  dropPrefix,
  freePort,
  postWebhook,
  startFakes,
  startIngressInProcess,
  userIdFor,
  waitUntil,
  workerEnv,
  type Account,
  type CustomerText,
  type Fakes,
  type RunningIngress,
} from '../../../test/pipeline/harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const db = createDb(process.env.DATABASE_URL!, { max: 4 });
const keys = generateKeySpec();
const keyring = new Keyring(keys);
const prefix = `t-crash-${randomUUID().slice(0, 8)}`;
const admin = new Redis(process.env.REDIS_URL!);

let fakes: Fakes;
let clinicId: string;
let account: Account;
let ingress: RunningIngress;
const children: ChildProcess[] = [];

async function startWorkerProcess(): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...workerEnv({ prefix, keys, fakes, turnDebounceMs: 100, concurrency: 8, logLevel: 'warn' }), WORKER_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  await waitUntil(
    'worker /healthz',
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
      return fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    30_000,
    100,
  );
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  fakes = await startFakes();
  const clinic = await createPipelineClinic(db, 'クラッシュ');
  clinicId = clinic.clinicId;
  account = await connectAccount(db, keyring, fakes, clinicId, 'line', clinic.tag);
  ingress = await startIngressInProcess({ db, keyring, prefix });
});

afterAll(async () => {
  for (const c of children) await kill(c);
  await ingress?.close();
  await fakes?.close();
  await dropPrefix(admin, prefix);
  admin.disconnect();
  await db.$disconnect();
});

let n = 0;
const msg = (userId: string, text: string): CustomerText => ({ userId, text, messageId: `${Date.now()}${++n}`, sentAtMs: Date.now() });

describe('worker crash', () => {
  it('SIGKILL while a push is in flight, restart: one delivery per reply, nothing lost, order kept', async () => {
    const alice = userIdFor('line');
    const bob = userIdFor('line');
    // Hold the first push 4 s at LINE; no valid reply token, so the reply goes by push with a retry key.
    fakes.line.inject({ delayMs: 4000, path: '/v2/bot/message/push' });
    const worker = await startWorkerProcess();

    expect(await postWebhook(ingress.url, account, [msg(alice, QUESTIONS_JA.price)])).toBe(200);
    const held = await fakes.line.waitFor(() => fakes.line.received.find((r) => r.path === '/v2/bot/message/push'), 20_000);
    await kill(worker);
    const killedAt = Date.now();
    const retryKey = held.headers['x-line-retry-key'];
    expect(retryKey).toMatch(/^[0-9a-f-]{36}$/);

    // LINE still finishes the held call: the customer has the reply although the worker never saw the answer.
    await fakes.line.waitForDelivery((d) => d.recipient === alice, 8000);
    const first = await db.message.findFirstOrThrow({ where: { clinicId, senderType: 'ai', conversation: { customer: { messengerUserId: alice } } } });
    expect(first.deliveryStatus).toBe('sending');

    // While the worker is down: a follow-up from Alice and a first message from Bob are accepted and queued.
    expect(await postWebhook(ingress.url, account, [msg(alice, QUESTIONS_JA.parking)])).toBe(200);
    expect(await postWebhook(ingress.url, account, [msg(bob, QUESTIONS_JA.aftercare)])).toBe(200);

    await startWorkerProcess(); // stopped with the others in afterAll
    const done = await waitUntil(
      'all answered and sent',
      async () => {
        const msgs = await db.message.findMany({ where: { clinicId }, include: { conversation: { include: { customer: true } } }, orderBy: { seq: 'asc' } });
        const customer = msgs.filter((m) => m.senderType === 'customer');
        const ai = msgs.filter((m) => m.senderType === 'ai');
        return customer.length === 3 && customer.every((m) => m.answeredById) && ai.every((m) => m.deliveryStatus === 'sent') ? { customer, ai } : null;
      },
      90_000,
      250,
    );
    const recoveredMs = Date.now() - killedAt;
    await new Promise((r) => setTimeout(r, 1000)); // room for a stray duplicate

    // Exactly one reply per customer message, each delivered exactly once.
    expect(done.ai).toHaveLength(3);
    const toAlice = fakes.line.delivered.filter((d) => d.recipient === alice);
    const toBob = fakes.line.delivered.filter((d) => d.recipient === bob);
    expect(toAlice).toHaveLength(2);
    expect(toBob).toHaveLength(1);
    // The retried push carried the same key and LINE refused it as already accepted.
    const sameKey = fakes.line.received.filter((r) => r.headers['x-line-retry-key'] === retryKey);
    // (The first call's status is never recorded: its client was killed before LINE answered.)
    expect(sameKey.map((r) => [r.delivered ?? false, r.status])).toEqual([
      [true, undefined],
      [false, 409],
    ]);
    const firstAfter = done.ai.find((m) => m.id === first.id)!;
    expect(firstAfter.messengerMessageId).toBe(toAlice[0]!.id);
    expect(firstAfter.deliveryAttempts).toBe(2);
    // Alice's replies reached her in order.
    const aliceReplies = done.ai.filter((m) => m.conversation.customer.messengerUserId === alice);
    expect(toAlice.map((d) => d.id)).toEqual(aliceReplies.map((m) => m.messengerMessageId));
    console.info(`[crash] recovered ${recoveredMs} ms after SIGKILL (BullMQ stalled-job detection: turn and send locks 20 s, checked every 10 s)`);
  }, 150_000);
});
