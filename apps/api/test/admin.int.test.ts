import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramFake, type TelegramFake } from '@hub/testing/fakes/telegram.fake';
import { offlineOpenApiDocument } from '../src/openapi/offline-document';
import { toOpenApiPath } from '../src/http/route-table';
import { Client, METRICS_TOKEN, PASSWORD, login, makeClinic, makeSuperadmin, type ClinicFixture, type Harness, startApi } from './harness';

let h: Harness;
let tg: TelegramFake;
let a: ClinicFixture;
let admin: Client;
let staff: Client;
let root: Client;

beforeAll(async () => {
  tg = await startTelegramFake();
  h = await startApi({}, { TELEGRAM_API_ROOT: tg.url });
  a = await makeClinic(h, 'admin');
  admin = await login(h, a.users.admin.email);
  staff = await login(h, a.users.staff.email);
  root = await login(h, (await makeSuperadmin(h)).email);
});
afterAll(async () => {
  await h.close();
  await tg.close();
});

describe('OpenAPI', () => {
  it('documents every route Express serves, with its permission', async () => {
    const doc = (await new Client(h.url).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    // Walk Express's own router: anything mounted as a route must be in the document.
    const stack = (h.api.app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router.stack;
    const served = stack.filter((l) => l.route).flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m} ${toOpenApiPath(l.route!.path)}`));
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(served.length).toBeGreaterThan(60);
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    expect(doc.paths['/api/conversations/{id}/takeover'].post['x-roles']).toEqual(['superadmin', 'admin', 'supervisor', 'staff']);
    expect(doc.paths['/api/conversations/{id}/satisfaction/override'].post['x-roles']).toEqual(['superadmin', 'admin', 'supervisor']);
  });

  it('is the document pnpm gen:api-types builds offline, and every JSON success answer has a schema', async () => {
    const doc = (await new Client(h.url).get('/api/openapi.json')).body;
    expect(doc).toEqual(JSON.parse(JSON.stringify(offlineOpenApiDocument())));
    const missing: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>)) {
      for (const [m, op] of Object.entries(ops)) {
        for (const [status, res] of Object.entries(op.responses))
          if (status.startsWith('2') && status !== '204' && !res.content) missing.push(`${m} ${p} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('protection and operations', () => {
  it('health, readiness, metrics', async () => {
    expect((await new Client(h.url).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await new Client(h.url).get('/readyz')).body).toMatchObject({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
    const m = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(await m.text()).toContain('hub_api_requests_total');
  });

  it('sends security headers and allows only the console origin', async () => {
    const ok = await fetch(`${h.url}/api/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: 'http://console.test', 'access-control-request-method': 'POST' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://console.test');
    const evil = await fetch(`${h.url}/api/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const r = await fetch(`${h.url}/api/auth/me`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('strict-transport-security')).toBeTruthy();
    expect(r.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses oversized and malformed bodies', async () => {
    const big = await admin.post('/api/response-library', { category: 'x', questionKo: 'q', answerKo: 'a'.repeat(300_000) });
    expect(big.status).toBe(413);
    const bad = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('malformed_json');
  });

  it('serves the built console with SPA fallback when present', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    const withConsole = await startApi({ consoleDistDir: dist });
    try {
      expect(await (await fetch(`${withConsole.url}/`)).text()).toContain('console');
      expect(await (await fetch(`${withConsole.url}/conversations/123`, { headers: { accept: 'text/html' } })).text()).toContain('console');
      expect(await (await fetch(`${withConsole.url}/assets/app.js`)).text()).toBe('console.log(1)');
      expect((await fetch(`${withConsole.url}/api/nope`, { headers: { accept: 'text/html' } })).status).toBe(404);
    } finally {
      await withConsole.close();
    }
  });
});

describe('clinic administration', () => {
  it('superadmin creates a clinic with its first admin, who can sign in', async () => {
    const slug = `new-${Date.now()}`;
    const r = await root.post('/api/clinics', { name: '새봄의원', slug, admin: { email: `boss@${slug}.test`, name: '원장', password: 'long-enough-1' } });
    expect(r.status).toBe(201);
    expect(r.body.admin).not.toHaveProperty('passwordHash');
    const boss = await login(h, `boss@${slug}.test`, 'long-enough-1');
    expect((await boss.get('/api/clinic')).body.slug).toBe(slug);
    expect((await root.post('/api/clinics', { name: 'x', slug })).status).toBe(409);
    expect((await admin.get('/api/clinics')).status).toBe(403);
  });

  it('admin manages users of the clinic only; roles are clinic roles', async () => {
    const r = await admin.post('/api/users', { email: `new-${Date.now()}@admin.test`, name: '신입', role: 'staff', password: 'long-enough-1' });
    expect(r.status).toBe(201);
    expect(r.body).not.toHaveProperty('passwordHash');
    expect((await admin.post('/api/users', { email: 'x@y.test', name: 'x', role: 'superadmin', password: 'long-enough-1' })).status).toBe(400);
    const up = await admin.patch(`/api/users/${r.body.id}`, { role: 'supervisor' });
    expect(up.body.role).toBe('supervisor');
    expect((await admin.patch(`/api/users/${a.users.admin.id}`, { isActive: false })).status).toBe(400);
    expect((await staff.post('/api/users', { email: 'x@y.test', name: 'x', role: 'staff', password: 'long-enough-1' })).status).toBe(403);
    const list = await (await login(h, a.users.supervisor.email)).get('/api/users');
    expect(list.body.items.every((u: { clinicId: string }) => u.clinicId === a.id)).toBe(true);
  });

  it('messenger account: secrets shown once, masked after; test connection registers the webhook; audited', async () => {
    tg.addBot('777:secret-bot-token');
    const r = await admin.post('/api/messenger-accounts', {
      platform: 'telegram',
      accountName: 'daybeau_bot',
      credentials: { botToken: '777:secret-bot-token' },
    });
    expect(r.status).toBe(201);
    const { account, setup } = r.body;
    expect(setup.webhookUrl).toBe(`https://hub.example.test/webhooks/telegram/${account.id}`);
    expect(setup.secrets.webhookSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(JSON.stringify(account)).not.toContain('secret-bot-token');
    expect(JSON.stringify(account)).not.toContain(setup.secrets.webhookSecret);
    const got = await admin.get(`/api/messenger-accounts/${account.id}`);
    expect(got.body.credentials.botToken).toMatch(/^•+oken$/);
    expect(JSON.stringify(got.body)).not.toContain(setup.secrets.webhookSecret);
    expect(JSON.stringify((await admin.get('/api/messenger-accounts')).body)).not.toContain('secret-bot-token');

    const t = await admin.post(`/api/messenger-accounts/${account.id}/test`);
    expect(t.body.result).toMatchObject({ ok: true });
    expect(t.body.account).toMatchObject({ isConnected: true, connectionError: null });
    expect(tg.webhooks.get('777:secret-bot-token')).toMatchObject({ url: setup.webhookUrl, secret_token: setup.secrets.webhookSecret });

    const bad = await admin.patch(`/api/messenger-accounts/${account.id}`, { credentials: { botToken: 'revoked:token' } });
    expect(bad.body.isConnected).toBe(false);
    const t2 = await admin.post(`/api/messenger-accounts/${account.id}/test`);
    expect(t2.body.account.isConnected).toBe(false);
    expect(t2.body.account.connectionError).toBeTruthy();

    const rot = await admin.post(`/api/messenger-accounts/${account.id}/rotate-secret`);
    expect(rot.body.setup.secrets.webhookSecret).not.toBe(setup.secrets.webhookSecret);
    const decrypted = h.keyring.decrypt((await h.db.messengerAccount.findUniqueOrThrow({ where: { id: account.id } })).credentials, account.id) as Record<
      string,
      string
    >;
    expect(decrypted).toEqual({ botToken: 'revoked:token', webhookSecret: rot.body.setup.secrets.webhookSecret });

    const audits = await h.db.auditLog.findMany({ where: { entityId: account.id }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((x) => x.action)).toEqual([
      'messenger_account.created',
      'messenger_account.tested',
      'messenger_account.credentials_changed',
      'messenger_account.tested',
      'messenger_account.secret_rotated',
    ]);
    expect(JSON.stringify(audits)).not.toContain('revoked:token');

    const lineBad = await admin.post('/api/messenger-accounts', { platform: 'line', accountName: 'x', credentials: { channelId: '1' } });
    expect(lineBad.status).toBe(400);
    expect(lineBad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.credentials.accessToken', 'body.credentials.channelSecret']);
  });

  it('pricing: discount computed, >49% flagged, re-indexing queued', async () => {
    const r = await admin.post('/api/pricing', { clinicProcedureId: a.clinicProcedureId, label: '이마 50유닛', regularPrice: 200000, eventPrice: 90000 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ discountRate: '55', discountWarning: true });
    const up = await admin.patch(`/api/pricing/${r.body.id}`, { eventPrice: 150000 });
    expect(up.body).toMatchObject({ discountRate: '25', discountWarning: false });
    expect((await admin.patch(`/api/pricing/${r.body.id}`, { eventPrice: 250000 })).status).toBe(400);
    const jobs = await h.producers.knowledge.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.some((j) => j.data.sourceType === 'pricing' && j.data.sourceId === r.body.id && j.data.clinicId === a.id)).toBe(true);
  });

  it('knowledge edits queue re-indexing; supervisors edit the library but not prices; global terms are read-only', async () => {
    const sup = await login(h, a.users.supervisor.email);
    const entry = await sup.post('/api/response-library', { category: 'location', questionKo: '주차 되나요?', answerKo: '네, 2시간 무료입니다.' });
    expect(entry.status).toBe(201);
    expect((await sup.patch(`/api/pricing/${a.pricingId}`, { eventPrice: 1 })).status).toBe(403);
    const global = await h.db.medicalTerm.create({ data: { clinicId: null, termKo: `전역-${Date.now()}` } });
    expect((await sup.get(`/api/medical-terms/${global.id}`)).body.scope).toBe('global');
    expect((await sup.patch(`/api/medical-terms/${global.id}`, { termEn: 'x' })).status).toBe(404);
    await admin.patch('/api/clinic', { phone: '02-555-0101' });
    const jobs = await h.producers.knowledge.getJobs(['waiting', 'delayed', 'prioritized']);
    const kinds = jobs.map((j) => `${j.data.sourceType}:${j.data.sourceId}`);
    expect(kinds).toContain(`response_library:${entry.body.id}`);
    expect(kinds).toContain(`clinic_info:${a.id}`);
    expect((await staff.post('/api/procedures', { nameKo: 'x', slug: 'x' })).status).toBe(403);
    const proc = await root.post('/api/procedures', { nameKo: '써마지', slug: `thermage-${Date.now()}` });
    expect(proc.status).toBe(201);
    expect((await staff.get(`/api/procedures/${proc.body.id}`)).status).toBe(200);
    // Per-language renderings of the free-text facts: written, read back, and a wrong language refused.
    const ja = { precautionsAfter: '当日は飲酒とサウナを控えてください。', effectDuration: '約1年' };
    const translated = await root.patch(`/api/procedures/${proc.body.id}`, { translations: { ja } });
    expect(translated.status).toBe(200);
    expect(translated.body.translations).toEqual({ ja });
    const bad = await root.patch(`/api/procedures/${proc.body.id}`, { translations: { fr: ja } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('translations');
  });

  it('notifications: list, unread count, mark read', async () => {
    const list = await staff.get('/api/notifications');
    expect(list.body.items.map((n: { id: string }) => n.id)).toContain(a.notificationId);
    expect(list.body.unread).toBeGreaterThan(0);
    expect((await staff.post(`/api/notifications/${a.notificationId}/read`)).body.readAt).toBeTruthy();
    const adminOnly = await h.db.notification.create({ data: { clinicId: a.id, audience: 'admin', kind: 'account', title: 'x' } });
    expect((await staff.post(`/api/notifications/${adminOnly.id}/read`)).status).toBe(404);
    expect((await admin.post(`/api/notifications/${adminOnly.id}/read`)).status).toBe(200);
  });

  it('changing my password ends my sessions', async () => {
    const c = await login(h, a.users.staff2.email);
    expect((await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'another-long-one' })).status).toBe(204);
    expect((await new Client(h.url).post('/api/auth/login', { email: a.users.staff2.email, password: 'another-long-one' })).status).toBe(200);
  });
});
