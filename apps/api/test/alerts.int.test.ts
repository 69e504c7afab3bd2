// The alert routes: settings and push subscriptions per user, rules/rota/channels per clinic (admins
// only), acknowledgement by console, signed link and takeover; bad URLs and addresses answer 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_TEST_KEYRING_SPEC } from '../../../packages/testing/src/support/alerts-keyring';
import { signAckToken, type AlertsConfig } from '@hub/alerts';
import { login, makeClinic, type Client, type ClinicFixture, type Harness, startApi } from './harness';

const keyringSpec = ALERTS_TEST_KEYRING_SPEC;
const alerts: AlertsConfig = {
  emailFrom: 'Hub <a@clinic.test>',
  vapidSubject: 'mailto:ops@clinic.test',
  consoleUrl: 'http://console.test',
  keyringSpec,
  outbound: { allowPrivateNetworks: false, timeoutMs: 2000 },
  ackTokenTtlSec: 3600,
};
let h: Harness;
let a: ClinicFixture;
let admin: Client;
let staff: Client;

beforeAll(async () => {
  h = await startApi({ alerts });
  a = await makeClinic(h, 'alerts');
  admin = await login(h, a.users.admin.email);
  staff = await login(h, a.users.staff.email);
});
afterAll(() => h.close());

describe('channels', () => {
  it('refuse private, malformed and non-Slack URLs with the reason', async () => {
    const cases: [string, string, RegExp][] = [
      ['webhook', 'http://127.0.0.1:9/hook', /private|https/],
      ['webhook', 'https://10.0.0.5/hook', /10\.0\.0\.5 is not a public address/],
      ['webhook', 'https://localhost/hook', /private address|does not resolve/],
      ['webhook', 'not a url', /not a URL/],
      ['webhook', 'ftp://example.com/x', /scheme ftp/],
      ['slack', 'https://example.com/whatever', /not a Slack incoming webhook URL/],
    ];
    for (const [type, url, reason] of cases) {
      const r = await admin.post('/api/alerts/channels', { type, name: 'x', url });
      expect(r.status, url).toBe(400);
      expect(r.body.error).toBe('invalid_webhook_url');
      expect(r.body.message).toMatch(reason);
    }
    expect(await h.db.alertChannel.count({ where: { clinicId: a.id, name: 'x' } })).toBe(0);
  });

  it('are for admins only', async () => {
    expect((await staff.get('/api/alerts/channels')).status).toBe(403);
    expect(
      (
        await staff.req('put', '/api/alerts/rules', {
          kind: 'handoff',
          roles: ['staff'],
          channels: ['push'],
          urgent: false,
          escalateAfterSec: null,
          enabled: true,
        })
      ).status,
    ).toBe(403);
  });
});

describe('my settings', () => {
  it('reject a bad email, time and time zone, and keep good ones', async () => {
    const bad = await staff.req('put', '/api/alerts/settings', {
      channels: ['email'],
      quietStart: '25:00',
      quietEnd: '07:00',
      timeZone: 'Mars/Base',
      email: 'nope',
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.issues.map((i: { path: string }) => i.path).join(' ');
    expect(fields).toMatch(/quietStart/);
    expect(fields).toMatch(/timeZone/);
    expect(fields).toMatch(/email/);
    const ok = await staff.req('put', '/api/alerts/settings', {
      channels: ['push'],
      quietStart: '22:00',
      quietEnd: '07:00',
      timeZone: 'Asia/Seoul',
      email: 'night@clinic.test',
    });
    expect(ok.status).toBe(200);
    const got = await staff.get('/api/alerts/settings');
    expect(got.body).toMatchObject({ channels: ['push'], quietStart: '22:00', quietEnd: '07:00', email: 'night@clinic.test', emailConfigured: false });
  });

  it('refuse a push subscription to a private endpoint', async () => {
    const r = await staff.post('/api/alerts/push-subscriptions', {
      endpoint: 'http://192.168.1.2/push/x',
      keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_push_endpoint');
    expect(r.body.message).toMatch(/192\.168\.1\.2/);
  });

  it('serve a VAPID public key (generated once)', async () => {
    const one = await staff.get('/api/alerts/vapid-public-key');
    const two = await admin.get('/api/alerts/vapid-public-key');
    expect(one.status).toBe(200);
    expect(one.body.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    expect(two.body.publicKey).toBe(one.body.publicKey);
  });
});

describe('acknowledgement', () => {
  it('by a signed link: once, with who and how; a forged or expired link is 400', async () => {
    const n = await h.db.notification.create({
      data: { clinicId: a.id, audience: 'staff', kind: 'handoff', title: '상담원 연결 필요', data: { conversationId: a.conversationId } },
    });
    const token = signAckToken(keyringSpec, { notificationId: n.id, userId: a.users.staff.id, expiresAt: Date.now() + 60_000 });
    const anon = new (staff.constructor as new (url: string) => Client)(h.url);
    expect((await anon.post('/api/alerts/ack', { token: token.slice(0, -2) + 'xx' })).body.error).toBe('token_bad_signature');
    const expired = signAckToken(keyringSpec, { notificationId: n.id, userId: a.users.staff.id, expiresAt: Date.now() - 1 });
    expect((await anon.post('/api/alerts/ack', { token: expired })).body.error).toBe('token_expired');
    const ok = await anon.post('/api/alerts/ack', { token, via: 'push' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: a.users.staff.id, via: 'push' });
    const again = await admin.post(`/api/notifications/${n.id}/acknowledge`, { via: 'console' });
    expect(again.body).toMatchObject({ status: 'already', acknowledgedBy: a.users.staff.id, via: 'push' });
  });

  it('by taking over the conversation', async () => {
    const n = await h.db.notification.create({
      data: { clinicId: a.id, audience: 'staff', kind: 'emergency', title: '긴급', data: { conversationId: a.conversationId } },
    });
    const r = await staff.post(`/api/conversations/${a.conversationId}/takeover`);
    expect(r.status).toBe(200);
    const row = await h.db.notification.findUniqueOrThrow({ where: { id: n.id } });
    expect(row).toMatchObject({ acknowledgedBy: a.users.staff.id, ackVia: 'takeover' });
  });

  it('of another clinic’s alert is 404', async () => {
    const b = await makeClinic(h, 'alerts-b');
    const n = await h.db.notification.create({ data: { clinicId: b.id, audience: 'staff', kind: 'handoff', title: 'x', data: {} } });
    expect((await staff.post(`/api/notifications/${n.id}/acknowledge`, {})).status).toBe(404);
  });
});

describe('rules and rota', () => {
  it('show the defaults, take a custom rule, and refuse a rota naming a stranger', async () => {
    const rules = await admin.get('/api/alerts/rules');
    expect(rules.body.items.find((r: { kind: string }) => r.kind === 'emergency')).toMatchObject({
      roles: ['admin', 'supervisor', 'staff'],
      urgent: true,
      custom: false,
    });
    const put = await admin.req('put', '/api/alerts/rules', {
      kind: 'handoff',
      roles: ['on_duty', 'supervisor'],
      channels: ['push', 'slack'],
      urgent: false,
      escalateAfterSec: 300,
      enabled: true,
    });
    expect(put.status).toBe(200);
    expect((await admin.get('/api/alerts/rules')).body.items.find((r: { kind: string }) => r.kind === 'handoff')).toMatchObject({
      roles: ['on_duty', 'supervisor'],
      custom: true,
    });
    const bad = await admin.req('put', '/api/alerts/rules', {
      kind: 'handoff',
      roles: ['nobody'],
      channels: ['fax'],
      urgent: false,
      escalateAfterSec: 1,
      enabled: true,
    });
    expect(bad.status).toBe(400);
    const b = await makeClinic(h, 'alerts-c');
    const stranger = await admin.req('put', '/api/alerts/rota', { entries: [{ userId: b.users.staff.id, onDuty: true }] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error).toBe('unknown_user');
    const rota = await admin.req('put', '/api/alerts/rota', {
      entries: [
        { userId: a.users.staff.id, onDuty: true },
        { userId: a.users.staff2.id, onDuty: false },
      ],
    });
    expect(rota.status).toBe(200);
    expect(rota.body.items.map((e: { userId: string; position: number }) => [e.userId, e.position])).toEqual([
      [a.users.staff.id, 1],
      [a.users.staff2.id, 2],
    ]);
  });
});
