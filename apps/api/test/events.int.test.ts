import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, login, makeClinic, type ClinicFixture, type Harness, startApi } from './harness';

interface SseEvent {
  id?: string;
  event?: string;
  data?: unknown;
}

/** A minimal EventSource over fetch: collects events, lets a test wait for the next n. */
class SseClient {
  readonly events: SseEvent[] = [];
  comments = 0;
  status = 0;
  /** The server ended the stream. */
  ended = false;
  private ctrl = new AbortController();
  private waiters: (() => void)[] = [];
  private ready!: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.ready = this.run(url, headers);
  }

  private async run(url: string, headers: Record<string, string>) {
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: this.ctrl.signal });
    this.status = res.status;
    if (!res.body || res.status !== 200) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            this.ended = true;
            this.waiters.splice(0).forEach((w) => w());
            return;
          }
          buf += decoder.decode(value, { stream: true });
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const e: SseEvent = {};
            let any = false;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) this.comments++;
              else if (line.startsWith('id: ')) {
                e.id = line.slice(4);
                any = true;
              } else if (line.startsWith('event: ')) {
                e.event = line.slice(7);
                any = true;
              } else if (line.startsWith('data: ')) {
                e.data = JSON.parse(line.slice(6));
                any = true;
              }
            }
            if (any && e.event) this.events.push(e);
            this.waiters.splice(0).forEach((w) => w());
          }
        }
      } catch {
        /* aborted */
      }
    })();
  }

  async opened(): Promise<number> {
    await this.ready;
    // The server writes ': connected' once subscribed and replayed.
    await this.until(() => this.comments > 0);
    return this.status;
  }

  async until(cond: () => boolean, ms = 3000): Promise<void> {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error(`timed out; have ${JSON.stringify(this.events)}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  close() {
    this.ctrl.abort();
  }
}

let h: Harness;
let a: ClinicFixture;
let b: ClinicFixture;
let staffA: Client;
let staffB: Client;

beforeAll(async () => {
  h = await startApi({ sseHeartbeatMs: 200 });
  a = await makeClinic(h, 'ssea');
  b = await makeClinic(h, 'sseb');
  staffA = await login(h, a.users.staff.email);
  staffB = await login(h, b.users.staff.email);
});
afterAll(() => h.close());

describe('GET /api/events', () => {
  it('needs a token (header or ?access_token=)', async () => {
    expect((await fetch(`${h.url}/api/events`)).status).toBe(401);
    const viaQuery = new SseClient(`${h.url}/api/events?access_token=${staffA.token}`);
    expect(await viaQuery.opened()).toBe(200);
    viaQuery.close();
  });

  it("delivers a clinic's events to its clients only", async () => {
    const ca = new SseClient(`${h.url}/api/events`, { authorization: `Bearer ${staffA.token}` });
    const cb = new SseClient(`${h.url}/api/events?access_token=${staffB.token}`);
    await Promise.all([ca.opened(), cb.opened()]);
    await h.live.publish({ type: 'message.created', clinicId: a.id, data: { conversationId: a.conversationId, marker: 'for-a' } });
    await h.live.publish({ type: 'message.created', clinicId: b.id, data: { conversationId: b.conversationId, marker: 'for-b' } });
    await ca.until(() => ca.events.length >= 1);
    await cb.until(() => cb.events.length >= 1);
    // B's event was published after A's: had A's reached B it would be first.
    expect(cb.events.map((e) => (e.data as { marker: string }).marker)).toEqual(['for-b']);
    expect(ca.events.map((e) => (e.data as { marker: string }).marker)).toEqual(['for-a']);
    expect(ca.events[0]).toMatchObject({ event: 'message.created', data: { type: 'message.created', conversationId: a.conversationId } });
    ca.close();
    cb.close();
  });

  it('publishes API-side changes (a takeover) and sends heartbeats', async () => {
    const ca = new SseClient(`${h.url}/api/events`, { authorization: `Bearer ${staffA.token}` });
    await ca.opened();
    const comments = ca.comments;
    expect((await staffA.post(`/api/conversations/${a.conversationId}/takeover`)).status).toBe(200);
    await ca.until(() => ca.events.some((e) => e.event === 'conversation.takeover'));
    expect(ca.events.find((e) => e.event === 'conversation.takeover')?.data).toMatchObject({
      conversationId: a.conversationId,
      aiMode: false,
      assignedTo: a.users.staff.id,
    });
    await ca.until(() => ca.comments > comments + 1, 2000);
    ca.close();
  });

  it('replays what a reconnecting client missed after Last-Event-ID, in order, then continues live', async () => {
    const first = new SseClient(`${h.url}/api/events`, { authorization: `Bearer ${staffB.token}` });
    await first.opened();
    await h.live.publish({ type: 'alert', clinicId: b.id, data: { n: 1 } });
    await first.until(() => first.events.length === 1);
    const lastId = first.events[0]!.id!;
    first.close();

    await h.live.publish({ type: 'alert', clinicId: b.id, data: { n: 2 } });
    await h.live.publish({ type: 'send.failed', clinicId: a.id, data: { n: 99 } });
    await h.live.publish({ type: 'satisfaction.changed', clinicId: b.id, data: { n: 3 } });

    const again = new SseClient(`${h.url}/api/events`, { authorization: `Bearer ${staffB.token}`, 'last-event-id': lastId });
    await again.opened();
    await again.until(() => again.events.length >= 2);
    await h.live.publish({ type: 'alert', clinicId: b.id, data: { n: 4 } });
    await again.until(() => again.events.length >= 3);
    expect(again.events.map((e) => (e.data as { n: number }).n)).toEqual([2, 3, 4]);
    expect(again.events.map((e) => e.event)).toEqual(['alert', 'satisfaction.changed', 'alert']);
    again.close();
  });

  it('closes the clinic subscription when the last client leaves', async () => {
    const c = new SseClient(`${h.url}/api/events`, { authorization: `Bearer ${staffA.token}` });
    await c.opened();
    expect(h.api.hub.connections()).toBeGreaterThan(0);
    c.close();
    const end = Date.now() + 2000;
    while (h.api.hub.connections() > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(h.api.hub.connections()).toBe(0);
  });
});

describe('GET /api/events: the session behind a stream', () => {
  const ended = (c: SseClient) => c.events.find((e) => e.event === 'session.ended')?.data;

  it('deactivating a user closes their streams at once, on every replica (Redis pub/sub), long before the periodic re-check', async () => {
    const replica = await startApi({ sseHeartbeatMs: 200, sessionRecheckMs: 30_000 }, {}, { prefix: h.prefix });
    try {
      const staff2 = await login(h, a.users.staff2.email);
      const onReplica = new SseClient(`${replica.url}/api/events?access_token=${staff2.token}`);
      const onFirst = new SseClient(`${h.url}/api/events`, { authorization: `Bearer ${staff2.token}` });
      const colleague = new SseClient(`${replica.url}/api/events`, { authorization: `Bearer ${staffA.token}` });
      await Promise.all([onReplica.opened(), onFirst.opened(), colleague.opened()]);
      const admin = await login(h, a.users.admin.email);
      const started = Date.now();
      expect((await admin.patch(`/api/users/${a.users.staff2.id}`, { isActive: false })).status).toBe(200);
      await onReplica.until(() => onReplica.ended, 3000);
      await onFirst.until(() => onFirst.ended, 3000);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(ended(onReplica)).toMatchObject({ type: 'session.ended', reason: 'deactivated' });
      // Only that user's streams: a colleague on the same clinic keeps hers.
      expect(colleague.ended).toBe(false);
      expect((await fetch(`${replica.url}/api/events?access_token=${staff2.token}`)).status).toBe(401);
      colleague.close();
    } finally {
      await h.db.user.update({ where: { id: a.users.staff2.id }, data: { isActive: true } });
      await replica.close();
    }
  });

  it('signing out everywhere closes the streams, and the access token they used stops working', async () => {
    const staff2 = await login(h, a.users.staff2.email);
    const c = new SseClient(`${h.url}/api/events?access_token=${staff2.token}`);
    await c.opened();
    expect((await staff2.post('/api/auth/logout', { all: true })).status).toBe(204);
    await c.until(() => c.ended, 3000);
    expect(ended(c)).toMatchObject({ reason: 'sessions_revoked' });
    expect((await staff2.get('/api/auth/me')).status).toBe(401);
    // A new sign-in works again.
    expect((await (await login(h, a.users.staff2.email)).get('/api/auth/me')).status).toBe(200);
  });

  it("re-checks every stream periodically: a user deactivated behind the API's back is cut off within the interval", async () => {
    const quick = await startApi({ sessionRecheckMs: 200 });
    try {
      const c = await makeClinic(quick, 'recheck');
      const staff = await login(quick, c.users.staff.email);
      const s = new SseClient(`${quick.url}/api/events`, { authorization: `Bearer ${staff.token}` });
      await s.opened();
      await quick.db.user.update({ where: { id: c.users.staff.id }, data: { isActive: false } });
      await s.until(() => s.ended, 2000);
      expect(ended(s)).toMatchObject({ reason: 'session_expired' });
    } finally {
      await quick.close();
    }
  });

  it('closes a stream when its access token expires', async () => {
    const shortLived = await startApi({ sessionRecheckMs: 200, accessTokenTtlSeconds: 1 });
    try {
      const c = await makeClinic(shortLived, 'expiry');
      const r = await new Client(shortLived.url).post('/api/auth/login', { email: c.users.staff.email, password: 'test-pass-1234!' });
      const s = new SseClient(`${shortLived.url}/api/events?access_token=${r.body.accessToken}`);
      await s.opened();
      const opened = Date.now();
      await s.until(() => s.ended, 4000);
      expect(Date.now() - opened).toBeLessThan(3500);
      expect(ended(s)).toMatchObject({ reason: 'session_expired' });
    } finally {
      await shortLived.close();
    }
  });
});
