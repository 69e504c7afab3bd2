// Staff alerts against real PostgreSQL and Redis and local servers speaking each channel's protocol:
// SMTP (smtp-server), a Web Push endpoint that decrypts (RFC 8291), a Slack-compatible receiver and a
// Standard Webhooks receiver that verifies signatures.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Keyring, createDb } from '@hub/db';
import { ALERTS_TEST_KEYRING_SPEC } from '../../testing/src/support/alerts-keyring';
import { startPushFake, startSignedWebhookFake, startSlackFake, startSmtpFake, type PushFake, type SmtpFake } from '../../testing/src/fakes/index';
import { acknowledgeAlert, acknowledgeConversation, startAlerts, verifyAckToken, type AlertsConfig, type AlertsRunner } from '../src/index';

const db = createDb(process.env.DATABASE_URL!, { max: 4 });
const keyringSpec = ALERTS_TEST_KEYRING_SPEC;
const keyring = new Keyring(keyringSpec);
const workerRedis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const producerRedis = new Redis(process.env.REDIS_URL!);
const prefix = `t-alerts-${randomUUID().slice(0, 8)}`;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

let smtp: SmtpFake;
let push: PushFake;
let slack: Awaited<ReturnType<typeof startSlackFake>>;
let signed: Awaited<ReturnType<typeof startSignedWebhookFake>>;
const WEBHOOK_SECRET = `whsec_${Buffer.from(randomUUID()).toString('base64')}`;
let runner: AlertsRunner;
let config: AlertsConfig;

interface Clinic {
  clinicId: string;
  tag: string;
  users: Record<'admin' | 'supervisor' | 'staffA' | 'staffB', { id: string; email: string; push: string }>;
  slackId: string;
  webhookId: string;
}

async function clinic(): Promise<Clinic> {
  const tag = randomUUID().slice(0, 8);
  const clinicId = (await db.clinic.create({ data: { name: `알림 ${tag}`, slug: `alerts-${tag}` } })).id;
  const users = {} as Clinic['users'];
  for (const [key, role] of [
    ['admin', 'admin'],
    ['supervisor', 'supervisor'],
    ['staffA', 'staff'],
    ['staffB', 'staff'],
  ] as const) {
    const email = `${key}-${tag}@clinic.test`;
    const u = await db.user.create({ data: { clinicId, email, passwordHash: 'x', name: key, role } });
    const sub = push.subscribe(`${key}-${tag}`);
    const s = await db.pushSubscription.create({ data: { clinicId, userId: u.id, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth } });
    users[key] = { id: u.id, email, push: s.id };
  }
  const slackId = randomUUID();
  await db.alertChannel.create({
    data: {
      id: slackId,
      clinicId,
      type: 'slack',
      name: 'ops',
      config: keyring.encrypt({ url: `${slack.url}/services/T${tag}/B1/x` }, slackId, 'alert_secret') as object,
    },
  });
  const webhookId = randomUUID();
  await db.alertChannel.create({
    data: {
      id: webhookId,
      clinicId,
      type: 'webhook',
      name: 'on-call',
      config: keyring.encrypt({ url: `${signed.url}/hook/${tag}`, secret: WEBHOOK_SECRET }, webhookId, 'alert_secret') as object,
    },
  });
  return { clinicId, tag, users, slackId, webhookId };
}

const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const pushesTo = (c: Clinic, key: keyof Clinic['users']) => push.received.filter((r) => r.body.subscription === `${key}-${c.tag}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

beforeAll(async () => {
  // The hub's one VAPID pair: made by an earlier run with another keyring, it cannot be read.
  const vapid = await db.alertKey.findUnique({ where: { id: 'vapid' } });
  if (
    vapid &&
    !(() => {
      try {
        return keyring.decrypt(vapid.secret, 'vapid');
      } catch {
        return false;
      }
    })()
  )
    await db.alertKey.delete({ where: { id: 'vapid' } });
  // Alerts other test files left in this database undispatched are not this file's: without this, the
  // first poll works through them before the first test's emergency.
  await db.notification.updateMany({ where: { dispatchedAt: null }, data: { dispatchedAt: new Date() } });
  [smtp, push, slack, signed] = await Promise.all([startSmtpFake(), startPushFake(), startSlackFake(), startSignedWebhookFake(WEBHOOK_SECRET)]);
  config = {
    smtpUrl: smtp.url(),
    emailFrom: 'Clinic Hub <alerts@clinic.test>',
    vapidSubject: 'mailto:ops@clinic.test',
    consoleUrl: 'http://127.0.0.1:3000',
    keyringSpec,
    outbound: { allowPrivateNetworks: true, timeoutMs: 5000 },
    ackTokenTtlSec: 3600,
  };
  runner = startAlerts({ db, keyring, config, logger: silent }, { workerConnection: workerRedis, producerConnection: producerRedis, prefix, pollMs: 100 });
});

afterAll(async () => {
  await runner?.close();
  await Promise.all([smtp?.close(), push?.close(), slack?.close(), signed?.close()]);
  const keys = await producerRedis.keys(`${prefix}:*`);
  if (keys.length) await producerRedis.del(...keys);
  workerRedis.disconnect();
  producerRedis.disconnect();
  await db.$disconnect();
});

describe('an emergency in a conversation', () => {
  it('reaches every user by email and push, and the clinic Slack and signed webhook, within seconds', async () => {
    const c = await clinic();
    const conversationId = randomUUID();
    const t0 = Date.now();
    const n = await db.notification.create({
      data: {
        clinicId: c.clinicId,
        audience: 'staff',
        kind: 'emergency',
        title: '긴급: 의료 응급 상황 의심',
        body: 'my face is swelling',
        data: { conversationId, urgent: true },
      },
    });
    for (const key of ['admin', 'supervisor', 'staffA', 'staffB'] as const) {
      const mail = await smtp.waitFor((m) => m.to.includes(c.users[key].email) && m.headers.get('x-hub-alert-id') === n.id, 10_000);
      expect(mail.subject).toBe('[긴급] 긴급: 의료 응급 상황 의심');
      expect(mail.text).toContain('http://127.0.0.1:3000/alerts/ack?token=');
      const p = await push.waitFor((r) => r.body.subscription === `${key}-${c.tag}` && r.body.payload.notificationId === n.id, 10_000);
      expect(p.body.payload).toMatchObject({ kind: 'emergency', url: `http://127.0.0.1:3000/alerts/${n.id}`, urgent: true });
      expect(p.body.urgency).toBe('high');
      expect(p.body.vapid).toMatch(/^vapid t=/);
    }
    const s = await slack.waitFor((r) => r.path === `/services/T${c.tag}/B1/x`, 5000);
    expect(s.body.text).toContain('긴급: 의료 응급 상황 의심');
    const w = await signed.waitFor((r) => r.path === `/hook/${c.tag}`, 5000);
    expect(w.body.payload).toMatchObject({ type: 'alert.emergency', data: { alertId: n.id, conversationId, urgent: true } });
    const elapsed = Date.now() - t0;
    // Seconds, not minutes, even on a loaded two-core machine (docs/alerts.md has the measured figures).
    expect(elapsed).toBeLessThan(10_000);
    const rows = await waitUntil('all deliveries sent', async () => {
      const r = await db.alertDelivery.findMany({ where: { notificationId: n.id } });
      return r.length === 10 && r.every((d) => d.status === 'sent') && r;
    });
    expect(rows.map((d) => d.channel).sort()).toEqual(['email', 'email', 'email', 'email', 'push', 'push', 'push', 'push', 'slack', 'webhook']);
    // Dispatching again queues nothing new: one delivery per alert × channel × recipient.
    await db.notification.update({ where: { id: n.id }, data: { dispatchedAt: null } });
    await runner.dispatchOnce();
    await sleep(500);
    expect(mailsTo(c.users.staffA.email).filter((m) => m.headers.get('x-hub-alert-id') === n.id)).toHaveLength(1);
    expect(pushesTo(c, 'staffA').filter((r) => r.body.payload.notificationId === n.id)).toHaveLength(1);
    console.log(`emergency → all 10 deliveries: ${elapsed} ms`);
  });
});

async function handoffSetup(escalateAfterSec: number) {
  const c = await clinic();
  await db.alertRule.create({
    data: { clinicId: c.clinicId, kind: 'handoff', roles: ['on_duty'], channels: ['push', 'email'], urgent: false, escalateAfterSec },
  });
  await db.alertRotaEntry.createMany({
    data: [
      { clinicId: c.clinicId, userId: c.users.staffA.id, position: 1, onDuty: true },
      { clinicId: c.clinicId, userId: c.users.staffB.id, position: 2, onDuty: false },
      { clinicId: c.clinicId, userId: c.users.supervisor.id, position: 3, onDuty: false },
    ],
  });
  const conversationId = randomUUID();
  const n = await db.notification.create({
    data: { clinicId: c.clinicId, audience: 'staff', kind: 'handoff', title: '상담원 연결 필요', body: 'price question', data: { conversationId } },
  });
  return { c, n, conversationId };
}

describe('escalation', () => {
  it('goes down the rota, then to the admins, while nobody acknowledges', async () => {
    const { c, n } = await handoffSetup(1);
    const toA = await smtp.waitFor((m) => m.to.includes(c.users.staffA.email) && m.headers.get('x-hub-alert-id') === n.id);
    const toB = await smtp.waitFor((m) => m.to.includes(c.users.staffB.email) && m.headers.get('x-hub-alert-id') === n.id, 5000);
    expect(toB.subject).toMatch(/^\[에스컬레이션\]/);
    await smtp.waitFor((m) => m.to.includes(c.users.supervisor.email) && m.headers.get('x-hub-alert-id') === n.id, 5000);
    const toAdmin = await smtp.waitFor((m) => m.to.includes(c.users.admin.email) && m.headers.get('x-hub-alert-id') === n.id, 5000);
    expect([toA, toB, toAdmin].every((m) => m.headers.get('x-hub-alert-id') === n.id)).toBe(true);
    const steps = await waitUntil('step 3 recorded', async () => {
      const r = await db.alertDelivery.findMany({ where: { notificationId: n.id, channel: 'email' }, orderBy: { step: 'asc' } });
      return r.length === 4 && r;
    });
    // Each step waits the rule's time after the one before.
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.createdAt.getTime() - steps[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(900);
    expect(steps.map((d) => [d.step, d.userId])).toEqual([
      [0, c.users.staffA.id],
      [1, c.users.staffB.id],
      [2, c.users.supervisor.id],
      [3, c.users.admin.id],
    ]);
    // After the admins, it stops.
    await sleep(1500);
    expect(await db.alertDelivery.count({ where: { notificationId: n.id, step: { gt: 3 } } })).toBe(0);
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).escalationStep).toBe(3);
  });

  it('stops when the alert is acknowledged from the email link', async () => {
    const { c, n } = await handoffSetup(3);
    const mail = await smtp.waitFor((m) => m.to.includes(c.users.staffA.email) && m.headers.get('x-hub-alert-id') === n.id);
    const token = decodeURIComponent(/token=([^\s&]+)/.exec(mail.text)![1]!);
    const v = verifyAckToken(keyringSpec, token);
    expect(v).toMatchObject({ ok: true, claims: { notificationId: n.id, userId: c.users.staffA.id } });
    if (!v.ok) throw new Error('token');
    const ack = await acknowledgeAlert(
      db,
      { clinicId: c.clinicId, notificationId: v.claims.notificationId, userId: v.claims.userId, via: 'email' },
      runner.queue,
    );
    expect(ack.status).toBe('acknowledged');
    await sleep(3500);
    expect(mailsTo(c.users.staffB.email)).toHaveLength(0);
    const row = await db.notification.findUniqueOrThrow({ where: { id: n.id } });
    expect(row).toMatchObject({ acknowledgedBy: c.users.staffA.id, ackVia: 'email', escalationStep: 0 });
    expect(row.readAt).not.toBeNull();
    const d = await db.alertDelivery.findFirstOrThrow({ where: { notificationId: n.id, channel: 'email', userId: c.users.staffA.id } });
    expect(d.readAt).not.toBeNull();
    // A second acknowledgement keeps the first.
    expect((await acknowledgeAlert(db, { clinicId: c.clinicId, notificationId: n.id, userId: c.users.admin.id, via: 'api' })).status).toBe('already');
  });

  it('stops when someone takes over the conversation, even with the job left in the queue', async () => {
    const { c, n, conversationId } = await handoffSetup(3);
    await smtp.waitFor((m) => m.to.includes(c.users.staffA.email) && m.headers.get('x-hub-alert-id') === n.id);
    // No queue given: the escalation job still fires and finds the acknowledgement.
    expect(await acknowledgeConversation(db, { clinicId: c.clinicId, conversationId, userId: c.users.staffB.id, via: 'takeover' })).toBe(1);
    await sleep(3500);
    expect(await db.alertDelivery.count({ where: { notificationId: n.id, step: { gt: 0 } } })).toBe(0);
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).ackVia).toBe('takeover');
  });
});

describe('quiet hours', () => {
  it('hold a non-urgent alert for a user in quiet hours, not an urgent one', async () => {
    const c = await clinic();
    const now = new Date();
    const hh = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    await db.userAlertSettings.create({
      data: {
        userId: c.users.staffA.id,
        clinicId: c.clinicId,
        channels: ['push', 'email'],
        quietStart: hh(new Date(now.getTime() - 3600_000)),
        quietEnd: hh(new Date(now.getTime() + 3600_000)),
        timeZone: 'UTC',
      },
    });
    const handoff = await db.notification.create({
      data: { clinicId: c.clinicId, audience: 'staff', kind: 'handoff', title: '상담원 연결 필요', data: { conversationId: randomUUID() } },
    });
    await smtp.waitFor((m) => m.to.includes(c.users.staffB.email) && m.headers.get('x-hub-alert-id') === handoff.id);
    const quiet = await db.alertDelivery.findMany({ where: { notificationId: handoff.id, userId: c.users.staffA.id } });
    expect(quiet.map((d) => d.status)).toEqual(['quiet', 'quiet']);
    const emergency = await db.notification.create({
      data: { clinicId: c.clinicId, audience: 'staff', kind: 'emergency', title: '긴급', data: { conversationId: randomUUID() } },
    });
    await smtp.waitFor((m) => m.to.includes(c.users.staffA.email) && m.headers.get('x-hub-alert-id') === emergency.id);
    await push.waitFor((r) => r.body.subscription === `staffA-${c.tag}` && r.body.payload.notificationId === emergency.id);
    expect(mailsTo(c.users.staffA.email).filter((m) => m.headers.get('x-hub-alert-id') === handoff.id)).toHaveLength(0);
    expect(pushesTo(c, 'staffA').filter((r) => r.body.payload.notificationId === handoff.id)).toHaveLength(0);
  });
});

describe('a dead channel', () => {
  it('is marked after a permanent failure and reported to the admins through the other channels', async () => {
    const c = await clinic();
    slack.failNext(404, 1, 'no_service');
    const n = await db.notification.create({
      data: { clinicId: c.clinicId, audience: 'admin', kind: 'account_disconnected', title: 'line 계정 연결 끊김', body: 'auth', data: {} },
    });
    const report = await smtp.waitFor((m) => m.to.includes(c.users.admin.email) && m.subject.includes('알림 채널 실패: slack'), 8000);
    expect(report.text).toContain('slack answered 404');
    const ch = await db.alertChannel.findUniqueOrThrow({ where: { id: c.slackId } });
    expect(ch.status).toBe('dead');
    expect(ch.failureReason).toContain('no_service');
    const d = await db.alertDelivery.findFirstOrThrow({ where: { notificationId: n.id, channel: 'slack' } });
    expect(d.status).toBe('dead');
    // The report also went to the signed webhook, never to the dead Slack channel.
    const w = await signed.waitFor((r) => r.path === `/hook/${c.tag}` && (r.body.payload as { type?: string }).type === 'alert.alert_channel_failed');
    expect(w.body.payload).toMatchObject({ data: { urgent: true } });
    await push.waitFor((r) => r.body.subscription === `admin-${c.tag}` && String(r.body.payload.title).includes('알림 채널 실패'));
    expect(slack.received.filter((r) => r.path === `/services/T${c.tag}/B1/x`)).toHaveLength(0);
    // The next alert skips the dead channel.
    const next = await db.notification.create({ data: { clinicId: c.clinicId, audience: 'admin', kind: 'send_failed', title: '메시지 전송 실패', data: {} } });
    await smtp.waitFor((m) => m.to.includes(c.users.admin.email) && m.headers.get('x-hub-alert-id') === next.id);
    expect(await db.alertDelivery.count({ where: { notificationId: next.id, channel: 'slack' } })).toBe(0);
  });

  it('a rejected SMTP login is reported through push, once', async () => {
    const guarded = await startSmtpFake({ users: { hub: 'right' } });
    const c = await clinic();
    const other = startAlerts(
      { db, keyring, config: { ...config, smtpUrl: guarded.url('hub', 'wrong') }, logger: silent },
      { workerConnection: workerRedis, producerConnection: producerRedis, prefix: `${prefix}-smtp`, pollMs: 100 },
    );
    await runner.close();
    try {
      const n = await db.notification.create({ data: { clinicId: c.clinicId, audience: 'admin', kind: 'dead_letter', title: '처리하지 못한 작업', data: {} } });
      const p = await push.waitFor((r) => r.body.subscription === `admin-${c.tag}` && String(r.body.payload.title).includes('이메일'), 8000);
      expect(p.body.payload.body).toMatch(/535|EAUTH|Invalid/);
      const d = await db.alertDelivery.findFirstOrThrow({ where: { notificationId: n.id, channel: 'email', userId: c.users.admin.id } });
      expect(d.status).toBe('dead');
      expect(await db.notification.count({ where: { clinicId: c.clinicId, kind: 'alert_channel_failed' } })).toBe(1);
      expect(guarded.messages).toHaveLength(0);
    } finally {
      await other.close();
      await guarded.close();
    }
  });
});
