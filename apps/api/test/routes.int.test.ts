import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, type Role } from '../src/auth/permissions';
import type { RouteDef } from '../src/http/route-table';
import { Client, login, makeClinic, makeSuperadmin, type ClinicFixture, type Harness, startApi } from './harness';

let h: Harness;
let a: ClinicFixture;
let b: ClinicFixture;
const clients = {} as Record<Role, Client>;

beforeAll(async () => {
  h = await startApi();
  a = await makeClinic(h, 'walka');
  b = await makeClinic(h, 'walkb');
  const root = await makeSuperadmin(h);
  clients.superadmin = await login(h, root.email, undefined, { 'x-clinic-id': a.id });
  clients.admin = await login(h, a.users.admin.email);
  clients.supervisor = await login(h, a.users.supervisor.email);
  clients.staff = await login(h, a.users.staff.email);
  // A file of clinic B in the media store.
  mkdirSync(path.join(h.settings.mediaDir, b.id, b.customerMessageId), { recursive: true });
  writeFileSync(path.join(h.settings.mediaDir, b.id, b.customerMessageId, '0.jpg'), 'jpeg-bytes');
});
afterAll(() => h.close());

const label = (r: RouteDef) => `${r.method.toUpperCase()} ${r.path}`;

/** Fills path parameters; `:id` with `id`, `:messageId` with `messageId`, `*path` with `file`. */
function fill(p: string, ids: { id?: string; messageId?: string; file?: string }): string {
  return p
    .replace(':id', ids.id ?? randomUUID())
    .replace(':messageId', ids.messageId ?? randomUUID())
    .replace('*path', ids.file ?? `${randomUUID()}/x/0.jpg`);
}

async function call(c: Client, r: RouteDef, p: string, body: unknown): Promise<number> {
  if (r.produces === 'text/event-stream') {
    const ctrl = new AbortController();
    const res = await fetch(h.url + p, { headers: { authorization: `Bearer ${c.token}`, ...c.headers }, signal: ctrl.signal });
    ctrl.abort();
    return res.status;
  }
  return (await c.req(r.method, p, r.method === 'get' || r.method === 'delete' ? undefined : body)).status;
}

describe('role matrix over every route', () => {
  it('each role gets 403 exactly on the routes its permissions exclude', async () => {
    const failures: string[] = [];
    for (const r of h.api.routes) {
      if (r.action === 'public') continue;
      for (const role of ROLES) {
        // Random ids and an empty body: allowed roles reach validation or a 404, never a side effect.
        const status = await call(clients[role], r, fill(r.path, {}), {});
        const allowed = (PERMISSIONS[r.action].roles as readonly Role[]).includes(role);
        if (allowed && (status === 401 || status === 403)) failures.push(`${role} ${label(r)} → ${status}, expected allowed`);
        if (!allowed && status !== 403) failures.push(`${role} ${label(r)} → ${status}, expected 403`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a superadmin acting on a clinic must name it', async () => {
    const root = new Client(h.url, clients.superadmin.token);
    const r = await root.get('/api/conversations');
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('clinic_required');
  });
});

describe('cross-clinic isolation over every route', () => {
  /** Clinic B's object for each clinic-scoped route with parameters, by the route's resource. */
  const fixtureFor = (r: RouteDef): { id?: string; messageId?: string; file?: string } | undefined => {
    if (r.path.startsWith('/media/')) return { file: `${b.id}/${b.customerMessageId}/0.jpg` };
    const resource = r.path.split('/')[2];
    switch (resource) {
      case 'users':
        return { id: b.users.staff.id };
      case 'messenger-accounts':
        return { id: b.accountId };
      case 'personas':
        return { id: b.personaId };
      case 'clinic-procedures':
        return { id: b.clinicProcedureId };
      case 'pricing':
        return { id: b.pricingId };
      case 'response-library':
        return { id: b.responseLibraryId };
      case 'medical-terms':
        return { id: b.medicalTermId };
      case 'conversations':
        return { id: b.conversationId, messageId: b.aiMessageId };
      case 'notifications':
        return { id: b.notificationId };
      case 'dead-letters':
        return { id: b.deadLetterId };
      case 'alerts':
        return { id: r.path.includes('push-subscriptions') ? b.pushSubscriptionId : b.alertChannelId };
      default:
        return undefined;
    }
  };
  // Routes on platform-wide data (no clinic owns it): clinics, the procedure hub, cultural profiles, the session.
  const GLOBAL = /^\/api\/(auth|clinics|procedures|procedure-categories|cultural-profiles)(\/|$)/;

  const lowestRole = (r: RouteDef): Role => {
    const roles = PERMISSIONS[r.action as keyof typeof PERMISSIONS].roles as readonly Role[];
    return (['staff', 'supervisor', 'admin'] as const).find((x) => roles.includes(x)) ?? 'admin';
  };

  it('every clinic route with a parameter answers 404 for clinic B objects', async () => {
    const failures: string[] = [];
    let walked = 0;
    for (const r of h.api.routes) {
      if (r.action === 'public' || !/[:*]/.test(r.path)) continue;
      const scope = PERMISSIONS[r.action].scope;
      if (scope !== 'clinic') {
        if (!GLOBAL.test(r.path)) failures.push(`${label(r)} is not clinic-scoped but not listed as global`);
        continue;
      }
      const ids = fixtureFor(r);
      if (!ids) {
        failures.push(`${label(r)} has no clinic-B fixture: add one`);
        continue;
      }
      const status = await call(clients[lowestRole(r)], r, fill(r.path, ids), r.example ?? {});
      walked++;
      if (status !== 404) failures.push(`${label(r)} as ${lowestRole(r)} → ${status}, expected 404`);
    }
    expect(failures).toEqual([]);
    expect(walked).toBeGreaterThan(30);
  });

  it('no list route shows a clinic B id', async () => {
    const bIds = [
      b.id,
      b.accountId,
      b.customerId,
      b.conversationId,
      b.customerMessageId,
      b.aiMessageId,
      b.personaId,
      b.clinicProcedureId,
      b.pricingId,
      b.responseLibraryId,
      b.medicalTermId,
      b.notificationId,
      b.deadLetterId,
      b.alertChannelId,
      b.pushSubscriptionId,
      ...Object.values(b.users).map((u) => u.id),
    ];
    const leaks: string[] = [];
    let walked = 0;
    for (const r of h.api.routes) {
      if (r.method !== 'get' || /[:*]/.test(r.path) || r.action === 'public' || r.produces) continue;
      if (PERMISSIONS[r.action].scope !== 'clinic') continue;
      const res = await clients.admin.get(r.path);
      walked++;
      if (res.status !== 200) leaks.push(`${label(r)} → ${res.status}`);
      const text = JSON.stringify(res.body);
      for (const id of bIds) if (text.includes(id)) leaks.push(`${label(r)} shows ${id}`);
    }
    expect(leaks).toEqual([]);
    expect(walked).toBeGreaterThan(10);
  });

  it('references to clinic B objects inside bodies are 404 too', async () => {
    const admin = clients.admin;
    expect((await admin.post('/api/pricing', { clinicProcedureId: b.clinicProcedureId, regularPrice: 1000 })).status).toBe(404);
    expect((await admin.post(`/api/conversations/${a.conversationId}/assign`, { userId: b.users.staff.id })).status).toBe(404);
    expect((await admin.post(`/api/conversations/${a.conversationId}/messages/${b.aiMessageId}/retry`)).status).toBe(404);
    expect((await admin.get(`/api/conversations?cursor=${b.conversationId}`)).status).toBe(400);
    // A's own file is served to A.
    mkdirSync(path.join(h.settings.mediaDir, a.id, a.customerMessageId), { recursive: true });
    writeFileSync(path.join(h.settings.mediaDir, a.id, a.customerMessageId, '0.jpg'), 'a-bytes');
    const own = await fetch(`${h.url}/media/${a.id}/${a.customerMessageId}/0.jpg?access_token=${clients.staff.token}`);
    expect(own.status).toBe(200);
    expect(await own.text()).toBe('a-bytes');
    expect((await fetch(`${h.url}/media/${a.id}/${a.customerMessageId}/0.jpg`)).status).toBe(401);
    expect((await fetch(`${h.url}/media/${a.id}/..%2F..%2Fetc/passwd?access_token=${clients.staff.token}`)).status).toBe(404);
  });
});
