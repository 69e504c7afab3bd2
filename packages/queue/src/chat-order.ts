import type { Redis } from 'ioredis';

/**
 * Arrival order per chat, across crashes. The ingress records each accepted customer event in a sorted
 * set per chat (messenger account + platform user), scored by its acceptance time; the inbound job takes
 * it out once the message is stored. A job whose chat still holds an earlier event waits for it (without
 * spending an attempt): a message whose job was stuck on a killed worker is stored, and so answered,
 * before the ones the customer sent after it. Entries older than CHAT_ORDER_HORIZON_MS are ignored, so a
 * job that never finishes cannot hold its chat for longer than that.
 */
export const CHAT_ORDER_HORIZON_MS = 10 * 60_000;
const TTL_S = 24 * 3600;

/** Events that become stored customer messages (receipts and profile events do not wait or hold). */
const ORDERED_KINDS = new Set(['text', 'image', 'file', 'sticker', 'location', 'video', 'audio', 'postback']);

export function chatOrderKey(prefix: string, accountId: string, externalUserId: string): string {
  return `${prefix}:chat:${accountId}:${externalUserId}`;
}

export function isOrdered(event: Record<string, unknown>): event is Record<string, unknown> & { externalUserId: string } {
  return typeof event.externalUserId === 'string' && ORDERED_KINDS.has(String(event.kind));
}

let tick = 0;
/**
 * Acceptance time in ms with a per-process sub-millisecond counter: the events of one webhook (a LINE or
 * Meta batch, accepted in the same millisecond) keep their order.
 */
export function acceptanceScore(now = Date.now()): number {
  tick = (tick + 1) % 1000;
  return now + tick / 1000;
}

/** Called by the producer as it queues a new inbound job (not for a duplicate). */
export function recordAccepted(redis: Redis, key: string, jobId: string, at = acceptanceScore()): Promise<unknown> {
  return redis.multi().zadd(key, 'NX', at, jobId).expire(key, TTL_S).exec();
}

/** True when an earlier accepted event of the chat is not stored yet (the job should wait for it). */
export async function earlierPending(redis: Redis, key: string, jobId: string, jobKeyOf: (jobId: string) => string, now = Date.now()): Promise<boolean> {
  for (let guard = 0; guard < 5; guard++) {
    const res = await redis
      .multi()
      .zscore(key, jobId)
      .zrangebyscore(key, now - CHAT_ORDER_HORIZON_MS, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
      .exec();
    const mine = res?.[0]?.[1] as string | null | undefined;
    const first = res?.[1]?.[1] as string[] | undefined;
    if (!mine || !first || first.length < 2) return false;
    if (first[0] === jobId || Number(first[1]) >= Number(mine)) return false;
    // An entry whose job is gone or finished (its removal was lost) holds nothing: drop it, look again.
    const [finishedOn, exists] = await Promise.all([redis.hget(jobKeyOf(first[0]!), 'finishedOn'), redis.exists(jobKeyOf(first[0]!))]);
    if (exists && !finishedOn) return true;
    await redis.zrem(key, first[0]!);
  }
  return false;
}

/** The message is stored (or was already): its chat no longer waits for it. */
export function recordStored(redis: Redis, key: string, jobId: string): Promise<unknown> {
  return redis.zrem(key, jobId);
}
