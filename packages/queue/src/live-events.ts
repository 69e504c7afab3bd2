import type { Redis } from 'ioredis';

// Live updates for the console. Each clinic has a Redis stream (resumable: the stream id is the SSE
// event id, so Last-Event-ID replays what a reconnecting client missed) and a pub/sub channel that
// wakes every API replica holding an SSE connection for that clinic.

import type { LiveEvent, LiveEventType, StoredLiveEvent } from '@hub/contracts';

export { LIVE_EVENT_TYPES, type LiveEvent, type LiveEventType, type StoredLiveEvent } from '@hub/contracts';

export const liveStreamKey = (clinicId: string, prefix = 'hub') => `${prefix}:live:${clinicId}`;
export const liveChannel = (clinicId: string, prefix = 'hub') => `${prefix}:live-ch:${clinicId}`;

const MAX_LEN = 10_000;

// XADD, then PUBLISH of the event with its new stream id, as one script: one round trip for all the
// events a step produces, and no event is published without being in the stream. Per event, ARGV holds
// its stream JSON and its JSON without the opening brace, so the published message is
// {"id":…,"type":…,"clinicId":…,"data":…}.
const PUBLISH_SCRIPT = `
local ids = {}
for i = 2, #ARGV, 2 do
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i])
  redis.call('PUBLISH', KEYS[2], '{"id":"' .. id .. '",' .. ARGV[i + 1])
  ids[#ids + 1] = id
end
return ids`;

type WithLivePublish = Redis & { hubLivePublish(stream: string, channel: string, maxLen: string, ...events: string[]): Promise<string[]> };

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
    return (await this.publishMany([event]))[0]!;
  }

  /** Several events in order, one round trip per clinic; returns their stream ids. */
  async publishMany(events: LiveEvent[]): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < events.length;) {
      const clinicId = events[i]!.clinicId;
      const args: string[] = [];
      for (; i < events.length && events[i]!.clinicId === clinicId; i++) {
        const e = events[i]!;
        args.push(JSON.stringify({ type: e.type, data: e.data }), JSON.stringify({ type: e.type, clinicId: e.clinicId, data: e.data }).slice(1));
      }
      ids.push(...(await this.redis.hubLivePublish(liveStreamKey(clinicId, this.prefix), liveChannel(clinicId, this.prefix), String(MAX_LEN), ...args)));
    }
    return ids;
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
