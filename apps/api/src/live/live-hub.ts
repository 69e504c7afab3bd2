import type { Redis } from 'ioredis';
import { liveChannel, type StoredLiveEvent } from '@hub/queue';
import { sessionsChannel, type RevocationMessage, type RevocationReason } from '../auth/session-revocations';

export type LiveListener = (event: StoredLiveEvent) => void;
export type RevocationListener = (reason: RevocationReason) => void;

interface Logger {
  warn(obj: object, msg?: string): void;
}

/**
 * One Redis subscriber per API process, fanned out to every SSE connection of a clinic. A clinic's
 * channel is subscribed while at least one of its clients is connected, so any number of replicas
 * each hear exactly the clinics they serve.
 */
export class LiveHub {
  private sub: Redis | undefined;
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly subscribed = new Set<string>();
  private readonly userWatchers = new Map<string, Set<RevocationListener>>();
  private sessionsSubscribed: Promise<unknown> | undefined;
  private ops: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the clinic's channel is subscribed; the returned function detaches the listener. */
  async subscribe(clinicId: string, listener: LiveListener): Promise<() => void> {
    let set = this.listeners.get(clinicId);
    if (!set) this.listeners.set(clinicId, (set = new Set()));
    set.add(listener);
    await this.sync(clinicId);
    return () => {
      const s = this.listeners.get(clinicId);
      if (!s) return;
      s.delete(listener);
      if (s.size === 0) {
        this.listeners.delete(clinicId);
        void this.sync(clinicId).catch((err: Error) => this.logger.warn({ err }, 'live unsubscribe failed'));
      }
    };
  }

  /**
   * Calls listener when the user's sessions are revoked on any replica (SessionRevocations publishes);
   * resolves once this process is listening. The returned function stops watching.
   */
  async watchUser(userId: string, listener: RevocationListener): Promise<() => void> {
    let set = this.userWatchers.get(userId);
    if (!set) this.userWatchers.set(userId, (set = new Set()));
    set.add(listener);
    // One channel for every user, subscribed for the life of the process (a message per revocation is rare).
    this.sessionsSubscribed ??= this.connection()
      .subscribe(sessionsChannel(this.prefix))
      .catch((err: Error) => {
        this.sessionsSubscribed = undefined;
        throw err;
      });
    await this.sessionsSubscribed;
    return () => {
      const s = this.userWatchers.get(userId);
      s?.delete(listener);
      if (s?.size === 0) this.userWatchers.delete(userId);
    };
  }

  connections(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.userWatchers.clear();
    await this.ops.catch(() => undefined);
    this.sub?.disconnect();
    this.sub = undefined;
  }

  // Subscribe/unsubscribe calls run one at a time and look at the current listener count, so a
  // client leaving while another arrives can never leave the channel unsubscribed.
  private sync(clinicId: string): Promise<void> {
    const op = this.ops.then(async () => {
      const wanted = (this.listeners.get(clinicId)?.size ?? 0) > 0;
      const channel = liveChannel(clinicId, this.prefix);
      if (wanted && !this.subscribed.has(clinicId)) {
        await this.connection().subscribe(channel);
        this.subscribed.add(clinicId);
      } else if (!wanted && this.subscribed.has(clinicId)) {
        this.subscribed.delete(clinicId);
        await this.connection().unsubscribe(channel);
      }
    });
    this.ops = op.catch(() => undefined);
    return op;
  }

  private connection(): Redis {
    if (this.sub) return this.sub;
    const sub = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    sub.on('error', (err: Error) => this.logger.warn({ err }, 'live subscriber error'));
    const channelPrefix = liveChannel('', this.prefix);
    const revocations = sessionsChannel(this.prefix);
    sub.on('message', (channel: string, raw: string) => {
      if (channel === revocations) {
        let msg: RevocationMessage;
        try {
          msg = JSON.parse(raw) as RevocationMessage;
        } catch {
          return;
        }
        for (const l of [...(this.userWatchers.get(msg.userId) ?? [])]) l(msg.reason);
        return;
      }
      if (!channel.startsWith(channelPrefix)) return;
      const clinicId = channel.slice(channelPrefix.length);
      let event: StoredLiveEvent;
      try {
        event = JSON.parse(raw) as StoredLiveEvent;
      } catch {
        return;
      }
      // The channel names the clinic; an event claiming another clinic is dropped, never forwarded.
      if (event.clinicId !== clinicId || typeof event.id !== 'string') return;
      for (const l of this.listeners.get(clinicId) ?? []) l(event);
    });
    this.sub = sub;
    return sub;
  }
}

/** Redis stream ids "ms-seq" in order. */
export function compareStreamIds(a: string, b: string): number {
  const [am = '0', as = '0'] = a.split('-');
  const [bm = '0', bs = '0'] = b.split('-');
  const d = BigInt(am) - BigInt(bm) || BigInt(as) - BigInt(bs);
  return d === 0n ? 0 : d > 0n ? 1 : -1;
}

export const STREAM_ID_RE = /^\d{1,20}-\d{1,20}$/;
