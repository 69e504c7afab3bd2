import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeClinic, type Client, type ClinicFixture, type Harness, startApi } from './harness';

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
          if (done) return;
          buf += decoder.decode(value, { stream: true });
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const e: SseEvent = {};
            let any = false;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) this.comments++;
              else if (line.startsWith('id: ')) ((e.id = line.slice(4)), (any = true));
              else if (line.startsWith('event: ')) ((e.event = line.slice(7)), (any = true));
              else if (line.startsWith('data: ')) ((e.data = JSON.parse(line.slice(6))), (any = true));
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
    expect(ca.events.find((e) => e.event === 'conversation.takeover')?.data).toMatchObject({ conversationId: a.conversationId, aiMode: false, assignedTo: a.users.staff.id });
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
