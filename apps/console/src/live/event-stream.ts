import { api } from '../api/api-client';
import { LIVE_EVENT_TYPES, type LiveEvent } from '../api/api.types';

export type LiveStatus = 'connecting' | 'open' | 'closed';
type Listener = (e: LiveEvent) => void;

/**
 * The clinic's SSE stream. EventSource cannot send headers, so the token rides in the query; when the
 * server refuses a reconnect (expired token) the stream is reopened with a fresh token and the last
 * event id, so nothing published in between is lost (the API replays from Redis).
 */
export class LiveStream {
  private source: EventSource | null = null;
  private lastEventId: string | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private stopped = true;
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<(s: LiveStatus) => void>();
  private readonly resyncListeners = new Set<() => void>();
  status: LiveStatus = 'closed';

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.source?.close();
    this.source = null;
    this.lastEventId = null;
    this.setStatus('closed');
  }

  on(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  onStatus(l: (s: LiveStatus) => void): () => void {
    this.statusListeners.add(l);
    return () => this.statusListeners.delete(l);
  }

  /** Called after a reconnect that may have missed events (replay is best effort). */
  onResync(l: () => void): () => void {
    this.resyncListeners.add(l);
    return () => this.resyncListeners.delete(l);
  }

  private open(): void {
    this.setStatus('connecting');
    const q = this.lastEventId ? `/api/events?lastEventId=${encodeURIComponent(this.lastEventId)}` : '/api/events';
    const es = new EventSource(api.withToken(q));
    this.source = es;
    const reopened = this.attempts > 0;
    es.onopen = () => {
      this.attempts = 0;
      this.setStatus('open');
      if (reopened) this.resyncListeners.forEach((l) => l());
    };
    const handle = (ev: MessageEvent<string>) => {
      if (ev.lastEventId) this.lastEventId = ev.lastEventId;
      let data: LiveEvent;
      try {
        data = JSON.parse(ev.data) as LiveEvent;
      } catch {
        return;
      }
      this.listeners.forEach((l) => l(data));
    };
    for (const type of LIVE_EVENT_TYPES) es.addEventListener(type, handle as EventListener);
    es.onerror = () => {
      if (es.readyState === EventSource.CONNECTING) {
        this.setStatus('connecting');
        return;
      }
      // CLOSED: the server refused (often an expired token). Refresh and reopen with backoff.
      es.close();
      if (this.source !== es || this.stopped) return;
      this.setStatus('closed');
      this.attempts++;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(this.attempts, 6));
      this.retry = setTimeout(() => {
        void api.refresh().finally(() => {
          if (!this.stopped) this.open();
        });
      }, delay);
    };
  }

  private setStatus(s: LiveStatus): void {
    if (this.status === s) return;
    this.status = s;
    this.statusListeners.forEach((l) => l(s));
  }
}

export const live = new LiveStream();
