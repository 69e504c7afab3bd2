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

// XADD, then PUBLISH of the event with its new stream id, as one script: one round trip per event, and
// no event is published without being in the stream. ARGV[3] is the event's JSON without its opening
// brace, so the published message is {"id":…,"type":…,"clinicId":…,"data":…}.
const PUBLISH_SCRIPT = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2])
redis.call('PUBLISH', KEYS[2], '{"id":"' .. id .. '",' .. ARGV[3])
return id`;

type WithLivePublish = Redis & { hubLivePublish(stream: string, channel: string, maxLen: string, payload: string, event: string): Promise<string> };

export class LiveEventPublisher {
  private readonly redis: WithLivePublish;

  constructor(
    redis: Redis,
    private readonly prefix = 'hub',
  ) {
    if (!('hubLivePublish' in redis)) redis.defineCommand('hubLivePublish', { numberOfKeys: 2, lua: PUBLISH_SCRIPT });
    this.redis = redis as WithLivePublish;
  }

  async publish(event: LiveEvent): Promise<string> {
    const payload = JSON.stringify({ type: event.type, data: event.data });
    const published = JSON.stringify({ type: event.type, clinicId: event.clinicId, data: event.data }).slice(1);
    return this.redis.hubLivePublish(liveStreamKey(event.clinicId, this.prefix), liveChannel(event.clinicId, this.prefix), String(MAX_LEN), payload, published);
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
