import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, login, makeClinic, startApi, type ClinicFixture, type Harness } from './harness';

let h: Harness;
let a: ClinicFixture;

beforeAll(async () => {
  h = await startApi();
  a = await makeClinic(h, 'auth');
});
afterAll(() => h.close());

describe('login', () => {
  it('returns a short-lived access token and an opaque refresh token; stores only its hash', async () => {
    const r = await new Client(h.url).post('/api/auth/login', { email: a.users.staff.email.toUpperCase(), password: PASSWORD });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: a.users.staff.id, role: 'staff', clinicId: a.id } });
    expect(r.body.accessToken.split('.')).toHaveLength(3);
    const sessions = await h.db.userSession.findMany({ where: { userId: a.users.staff.id } });
    expect(sessions.some((s) => s.refreshTokenHash === r.body.refreshToken)).toBe(false);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.refreshTokenHash))).toBe(true);
    const me = await new Client(h.url, r.body.accessToken).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: a.users.staff.id, role: 'staff', clinic: { id: a.id } });
  });

  it('rejects a wrong password and an unknown email the same way', async () => {
    const wrong = await new Client(h.url).post('/api/auth/login', { email: a.users.admin.email, password: 'nope-nope' });
    const unknown = await new Client(h.url).post('/api/auth/login', { email: 'nobody@nowhere.test', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    await h.db.user.update({ where: { id: a.users.admin.id }, data: { failedLoginCount: 0 } });
  });

  it('names every bad field', async () => {
    const r = await new Client(h.url).post('/api/auth/login', { email: 'not-an-email' });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('validation_failed');
    expect(r.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.email', 'body.password']);
  });

  it('locks the account after 5 failures (423 with a message), even for the right password, until the lock ends', async () => {
    const email = a.users.staff2.email;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await new Client(h.url).post('/api/auth/login', { email, password: `wrong-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await new Client(h.url).post('/api/auth/login', { email, password: PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.error).toBe('account_locked');
    expect(locked.body.message).toMatch(/locked for 1[45] more minute/);
    expect(new Date(locked.body.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const audits = await h.db.auditLog.findMany({ where: { entityId: a.users.staff2.id, action: { in: ['auth.login_failed', 'auth.locked'] } } });
    expect(audits.map((x) => x.action).sort()).toEqual(['auth.locked', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed']);

    // An admin lifts it (or the 15 minutes pass).
    const admin = await login(h, a.users.admin.email);
    expect((await admin.post(`/api/users/${a.users.staff2.id}/unlock`)).status).toBe(200);
    expect((await new Client(h.url).post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
  });

  it('lets a login succeed once the lock has expired', async () => {
    await h.db.user.update({ where: { id: a.users.supervisor.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await new Client(h.url).post('/api/auth/login', { email: a.users.supervisor.email, password: PASSWORD })).status).toBe(200);
  });
});

describe('refresh and logout', () => {
  it('rotates the refresh token; a reused one is refused and ends every session of the user', async () => {
    const first = await new Client(h.url).post('/api/auth/login', { email: a.users.supervisor.email, password: PASSWORD });
    const r1 = await new Client(h.url).post('/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(first.body.refreshToken);
    expect((await new Client(h.url, r1.body.accessToken).get('/api/auth/me')).status).toBe(200);

    const reuse = await new Client(h.url).post('/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(reuse.status).toBe(401);
    // The rotated successor is revoked too: a stolen token cannot outlive its theft being noticed.
    expect((await new Client(h.url).post('/api/auth/refresh', { refreshToken: r1.body.refreshToken })).status).toBe(401);
  });

  it('two parallel refreshes with one token: exactly one succeeds', async () => {
    const first = await new Client(h.url).post('/api/auth/login', { email: a.users.staff.email, password: PASSWORD });
    const results = await Promise.all([0, 1].map(() => new Client(h.url).post('/api/auth/refresh', { refreshToken: first.body.refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('logout revokes the refresh token', async () => {
    const first = await new Client(h.url).post('/api/auth/login', { email: a.users.staff.email, password: PASSWORD });
    const c = new Client(h.url, first.body.accessToken);
    expect((await c.post('/api/auth/logout', { refreshToken: first.body.refreshToken })).status).toBe(204);
    expect((await new Client(h.url).post('/api/auth/refresh', { refreshToken: first.body.refreshToken })).status).toBe(401);
  });

  it('refuses missing, forged and deactivated-user tokens', async () => {
    expect((await new Client(h.url).get('/api/conversations')).status).toBe(401);
    expect((await new Client(h.url, 'a.b.c').get('/api/conversations')).status).toBe(401);
    const c = await login(h, a.users.staff2.email);
    expect((await c.get('/api/conversations')).status).toBe(200);
    await h.db.user.update({ where: { id: a.users.staff2.id }, data: { isActive: false } });
    expect((await c.get('/api/conversations')).status).toBe(401);
    await h.db.user.update({ where: { id: a.users.staff2.id }, data: { isActive: true } });
  });
});

describe('rate limits', () => {
  it('limits login attempts per IP and email', async () => {
    const limited = await startApi({ loginLimitPer15Min: 3 });
    try {
      const email = 'limit@nowhere.test';
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await new Client(limited.url).post('/api/auth/login', { email, password: 'x' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Another email from the same IP is its own bucket.
      expect((await new Client(limited.url).post('/api/auth/login', { email: 'other@nowhere.test', password: 'x' })).status).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('limits API calls per user', async () => {
    const limited = await startApi({ apiLimitPerMinute: 3 });
    try {
      const c = await makeClinic(limited, 'ratelimit');
      const staff = await login(limited, c.users.staff.email);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await staff.get('/api/conversations')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const other = await login(limited, c.users.staff2.email);
      expect((await other.get('/api/conversations')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
