import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, JWT_SECRET, METRICS_TOKEN, PASSWORD, login, makeClinic, startApi, type ClinicFixture, type Harness } from './harness';

let h: Harness;
let a: ClinicFixture;
let b: ClinicFixture;

beforeAll(async () => {
  h = await startApi();
  a = await makeClinic(h, 'seca');
  b = await makeClinic(h, 'secb');
});
afterAll(() => h.close());

describe('access tokens', () => {
  const sign = (claims: { exp?: boolean }) => {
    const jwt = new SignJWT({ role: 'staff', cid: a.id })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(a.users.staff.id)
      .setIssuer('clinic-hub-api')
      .setAudience('clinic-hub')
      .setIssuedAt();
    if (claims.exp) jwt.setExpirationTime('5m');
    return jwt.sign(new TextEncoder().encode(JWT_SECRET));
  };

  it('a correctly signed token without exp is refused (401); the same token with exp works', async () => {
    expect((await new Client(h.url, await sign({ exp: true })).get('/api/auth/me')).status).toBe(200);
    const r = await new Client(h.url, await sign({})).get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('unauthorized');
  });
});

describe('resolve', () => {
  it('only the holder, a supervisor or an admin resolves a held conversation (403 not_conversation_holder otherwise)', async () => {
    const staff = await login(h, a.users.staff.email);
    const staff2 = await login(h, a.users.staff2.email);
    const supervisor = await login(h, a.users.supervisor.email);
    expect((await staff.post(`/api/conversations/${a.conversationId}/takeover`)).status).toBe(200);
    const refused = await staff2.post(`/api/conversations/${a.conversationId}/resolve`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'not_conversation_holder' });
    expect((await h.db.conversation.findUniqueOrThrow({ where: { id: a.conversationId } })).status).not.toBe('resolved');
    expect((await supervisor.post(`/api/conversations/${a.conversationId}/resolve`)).body.conversation.status).toBe('resolved');
    // The holder may too (reopened by a reassignment to them).
    expect((await supervisor.post(`/api/conversations/${a.conversationId}/assign`, { userId: a.users.staff.id })).status).toBe(200);
    expect((await staff.post(`/api/conversations/${a.conversationId}/resolve`)).body.conversation.status).toBe('resolved');
  });
});

describe('passwords', () => {
  const newUser = (password: string) => ({ email: `pw-${randomUUID().slice(0, 8)}@seca.test`, name: '새직원', role: 'staff', password });

  it.each([
    ['12345678', /at least 10 characters/],
    ['password123', /commonly used/],
    ['qwertyuiop', /commonly used/],
  ])('%s is refused with 400 naming the rule, wherever a password is set', async (pw, rule) => {
    const admin = await login(h, a.users.admin.email);
    const created = await admin.post('/api/users', newUser(pw));
    expect(created.status).toBe(400);
    expect(created.body.error).toBe('validation_failed');
    expect(created.body.issues).toEqual([{ path: 'body.password', message: expect.stringMatching(rule) }]);

    const reset = await admin.patch(`/api/users/${a.users.staff2.id}`, { password: pw });
    expect(reset.status).toBe(400);
    expect(reset.body.issues[0].message).toMatch(rule);

    const own = await login(h, a.users.supervisor.email);
    const changed = await own.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: pw });
    expect(changed.status).toBe(400);
    expect(changed.body.issues[0]).toMatchObject({ path: 'body.newPassword', message: expect.stringMatching(rule) });
  });

  it('a long uncommon passphrase is accepted', async () => {
    const admin = await login(h, a.users.admin.email);
    expect((await admin.post('/api/users', newUser('demo-clinic-2026'))).status).toBe(201);
  });
});

describe('creating a user with an email in use', () => {
  it("answers the same generic 409 for another clinic's email as for its own, without saying whose it is, and audits the attempt", async () => {
    const adminA = await login(h, a.users.admin.email);
    const body = (email: string) => ({ email, name: '중복', role: 'staff', password: 'long-enough-pass-9' });
    const foreign = await adminA.post('/api/users', body(b.users.staff.email));
    const own = await adminA.post('/api/users', body(a.users.staff.email));
    expect(foreign.status).toBe(409);
    expect(foreign.body).toEqual(own.body);
    expect(foreign.body).toEqual({ error: 'email_unavailable', message: expect.any(String) });
    expect(JSON.stringify(foreign.body)).not.toMatch(/clinic|taken|exists/i);
    const audits = await h.db.auditLog.findMany({ where: { clinicId: a.id, action: 'user.create_rejected' } });
    expect(audits.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audits)).not.toContain(b.users.staff.email);
  });

  it('stops an admin who keeps probing emails in use (429 after the per-admin limit)', async () => {
    const limited = await startApi({ userCreateConflictLimitPerHour: 2 });
    try {
      const c = await makeClinic(limited, 'probe');
      const d = await makeClinic(limited, 'probed');
      const admin = await login(limited, c.users.admin.email);
      const probe = (email: string) => admin.post('/api/users', { email, name: '탐색', role: 'staff', password: 'long-enough-pass-9' });
      const statuses = [(await probe(d.users.staff.email)).status, (await probe(d.users.admin.email)).status];
      const third = await probe(d.users.supervisor.email);
      expect(statuses).toEqual([409, 409]);
      expect(third.status).toBe(429);
      expect(third.body.error).toBe('rate_limited');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      // Past the limit a fresh email is refused too: 201 against 429 would be the same oracle.
      expect((await probe(`fresh-${randomUUID().slice(0, 8)}@probe.test`)).status).toBe(429);
      const other = await login(limited, c.users.supervisor.email);
      expect((await other.get('/api/users')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('login limits (Redis, shared by every replica)', () => {
  it('limits one IP across many emails (password spraying) with 429, Retry-After and a JSON error', async () => {
    const limited = await startApi({ loginLimitPer15Min: 3, loginIpLimitPer15Min: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await new Client(limited.url).post('/api/auth/login', { email: `spray-${i}@nowhere.test`, password: 'Winter2026!' })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const r = await new Client(limited.url).post('/api/auth/login', { email: 'spray-9@nowhere.test', password: 'x' });
      expect(r.status).toBe(429);
      expect(r.body).toMatchObject({ error: 'rate_limited', message: expect.any(String) });
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('limits one email per IP, and a second API replica sees the same counts', async () => {
    const first = await startApi({ loginLimitPer15Min: 3, loginIpLimitPer15Min: 100 });
    const second = await startApi({ loginLimitPer15Min: 3, loginIpLimitPer15Min: 100 }, {}, { prefix: first.prefix });
    try {
      const email = `target-${randomUUID().slice(0, 8)}@nowhere.test`;
      const statuses: number[] = [];
      for (let i = 0; i < 2; i++) statuses.push((await new Client(first.url).post('/api/auth/login', { email, password: `guess-${i}` })).status);
      statuses.push((await new Client(second.url).post('/api/auth/login', { email, password: 'guess-2' })).status);
      const limited = await new Client(second.url).post('/api/auth/login', { email, password: 'guess-3' });
      expect(statuses).toEqual([401, 401, 401]);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await new Client(first.url).post('/api/auth/login', { email: `other-${email}`, password: 'x' })).status).toBe(401);
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('JSON bodies', () => {
  it('a 100,000-deep body is refused with 400 json_too_deep; a normal body passes', async () => {
    const deep = `{"email":"a@b.test","password":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: 'json_too_deep' });
    expect((await new Client(h.url).post('/api/auth/login', { email: a.users.staff.email, password: PASSWORD })).status).toBe(200);
  });
});

describe('/metrics', () => {
  it('needs the bearer token; /healthz and /readyz stay open', async () => {
    expect((await fetch(`${h.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${h.url}/metrics`, { headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
    const ok = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('hub_api_requests_total');
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  });

  it('is off (404) when no token is configured', async () => {
    const open = await startApi({ metricsToken: undefined });
    try {
      const r = await fetch(`${open.url}/metrics`);
      expect(r.status).toBe(404);
      expect(await r.json()).toMatchObject({ error: 'metrics_disabled' });
    } finally {
      await open.close();
    }
  });
});
