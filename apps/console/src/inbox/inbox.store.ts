import { api } from '../api/api-client';
import type { Conversation, LiveEvent } from '../api/api.types';
import { live } from '../live/event-stream';

interface Page {
  items: Conversation[];
  nextCursor: string | null;
}

export interface InboxSnapshot {
  /** Newest last message first. */
  items: Conversation[];
  loading: boolean;
  /** Every page has been fetched. */
  complete: boolean;
  error: string | null;
}

const PAGE = 100;
/** Background paging stops here (≈ 200 requests at most); beyond it the server-side search still finds everyone. */
const MAX_BACKGROUND = 20_000;

const byLastMessage = (a: Conversation, b: Conversation): number => {
  const ta = a.lastMessageAt ? Date.parse(a.lastMessageAt) : -Infinity;
  const tb = b.lastMessageAt ? Date.parse(b.lastMessageAt) : -Infinity;
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
};

/**
 * Every conversation the console knows, kept current by the live stream. Events carry ids only, so a
 * changed conversation is re-read (batched per frame); the first page comes first, the rest in the
 * background so filters and the supervisor board see the whole clinic.
 */
export class InboxStore {
  private readonly byId = new Map<string, Conversation>();
  private snapshot: InboxSnapshot = { items: [], loading: false, complete: false, error: null };
  private readonly listeners = new Set<() => void>();
  private dirty = false;
  private notifyScheduled = false;
  private readonly pending = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private offLive: (() => void) | null = null;
  private offResync: (() => void) | null = null;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getSnapshot = (): InboxSnapshot => this.snapshot;

  get(id: string): Conversation | undefined {
    return this.byId.get(id);
  }

  start(): void {
    this.offLive ??= live.on((e) => this.onEvent(e));
    this.offResync ??= live.onResync(() => void this.load());
    void this.load();
  }

  stop(): void {
    this.generation++;
    this.offLive?.();
    this.offResync?.();
    this.offLive = this.offResync = null;
    this.byId.clear();
    this.dirty = true;
    this.set({ loading: false, complete: false, error: null });
  }

  /** Applies a conversation the console just got from the API (takeover, handback …). */
  upsert(c: Conversation): void {
    const old = this.byId.get(c.id);
    this.byId.set(c.id, old ? { ...old, ...c } : c);
    this.dirty = true;
    this.schedule();
  }

  patch(id: string, fields: Partial<Conversation>): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.set(id, { ...old, ...fields });
    this.dirty = true;
    this.schedule();
  }

  /** Re-reads one conversation soon (coalesced). */
  refresh(id: string): void {
    this.pending.add(id);
    this.flushTimer ??= setTimeout(() => void this.flush(), 120);
  }

  private async load(): Promise<void> {
    const gen = ++this.generation;
    this.set({ loading: true, error: null });
    try {
      let page = await api.get<Page>(`/api/conversations?limit=${PAGE}`);
      if (gen !== this.generation) return;
      this.byId.clear();
      this.merge(page.items);
      this.set({ loading: false, complete: !page.nextCursor });
      let fetched = page.items.length;
      while (page.nextCursor && fetched < MAX_BACKGROUND) {
        await new Promise((r) => setTimeout(r, 30));
        if (gen !== this.generation) return;
        page = await api.get<Page>(`/api/conversations?limit=${PAGE}&cursor=${page.nextCursor}`);
        if (gen !== this.generation) return;
        this.merge(page.items);
        fetched += page.items.length;
      }
      this.set({ complete: true });
    } catch (err) {
      if (gen === this.generation) this.set({ loading: false, error: (err as Error).message });
    }
  }

  private merge(items: Conversation[]): void {
    for (const c of items) if (!this.byId.has(c.id)) this.byId.set(c.id, c);
    this.dirty = true;
    this.schedule();
  }

  private onEvent(e: LiveEvent): void {
    const id = typeof e.conversationId === 'string' ? e.conversationId : null;
    if (!id) return;
    // Cheap fields first so the colour and badge move at once; the re-read brings the rest.
    if (e.type === 'satisfaction.changed' && typeof e.score === 'number')
      this.patch(id, { satisfactionScore: e.score, satisfactionLevel: e.level as Conversation['satisfactionLevel'] });
    if (e.type === 'conversation.updated' && typeof e.unreadCount === 'number') this.patch(id, { unreadCount: e.unreadCount });
    this.refresh(id);
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    const gen = this.generation;
    await Promise.all(
      ids.map(async (id) => {
        try {
          const { conversation } = await api.get<{ conversation: Conversation }>(`/api/conversations/${id}?messages=0`);
          if (gen === this.generation) this.upsert(conversation);
        } catch {
          // Gone or not ours: drop it from the list.
          if (this.byId.delete(id)) {
            this.dirty = true;
            this.schedule();
          }
        }
      }),
    );
  }

  private set(fields: Partial<InboxSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...fields };
    this.schedule();
  }

  private schedule(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      if (this.dirty) {
        this.dirty = false;
        this.snapshot = { ...this.snapshot, items: [...this.byId.values()].sort(byLastMessage) };
      }
      this.listeners.forEach((l) => l());
    });
  }
}

export const inbox = new InboxStore();
