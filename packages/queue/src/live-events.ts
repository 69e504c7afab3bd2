import type { Redis } from 'ioredis';

// Live updates for the console. Each clinic has a Redis stream (resumable: the stream id is the SSE
// event id, so Last-Event-ID replays what a reconnecting client missed) and a pub/sub channel that
// wakes every API replica holding an SSE connection for that clinic.

export const LIVE_EVENT_TYPES = [
  'message.created',
  'message.updated',
  'conversation.updated',
  'conversation.takeover',
  'satisfaction.changed',
  'alert',
  'send.failed',
  'account.disconnected',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export interface LiveEvent {
  type: LiveEventType;
  clinicId: string;
  data: Record<string, unknown>;
}

export interface StoredLiveEvent extends LiveEvent {
  id: string;
}

export const liveStreamKey = (clinicId: string, prefix = 'hub') => `${prefix}:live:${clinicId}`;
export const liveChannel = (clinicId: string, prefix = 'hub') => `${prefix}:live-ch:${clinicId}`;

const MAX_LEN = 10_000;

export class LiveEventPublisher {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'hub',
  ) {}

  async publish(event: LiveEvent): Promise<string> {
    const payload = JSON.stringify({ type: event.type, data: event.data });
    const id = (await this.redis.xadd(liveStreamKey(event.clinicId, this.prefix), 'MAXLEN', '~', String(MAX_LEN), '*', 'e', payload)) as string;
    await this.redis.publish(liveChannel(event.clinicId, this.prefix), JSON.stringify({ id, ...event }));
    return id;
  }
}

/** Events after `lastId` (exclusive) from the clinic's stream, oldest first. */
export async function readLiveEventsSince(redis: Redis, clinicId: string, lastId: string, prefix = 'hub', count = 500): Promise<StoredLiveEvent[]> {
  const rows = await redis.xrange(liveStreamKey(clinicId, prefix), `(${lastId}`, '+', 'COUNT', count);
  return rows.map(([id, fields]) => {
    const parsed = JSON.parse(fields[1] ?? '{}') as { type: LiveEventType; data: Record<string, unknown> };
    return { id, clinicId, type: parsed.type, data: parsed.data };
  });
}
