import type { Redis } from 'ioredis';
import { registryView, type Platform } from '@hub/messengers';

/** Documented send limits per account (messages per second), from each platform's registry entry. */
export const SEND_LIMITS: Record<Platform, number> = registryView((p) => p.sendLimitPerSecond);

/**
 * Fixed one-second window per account, shared by every worker of one hub (keys under its QUEUE_PREFIX)
 * through Redis. Returns 0 when the send may go now, otherwise the milliseconds to wait.
 */
export async function acquireSendSlot(redis: Redis, accountId: string, platform: Platform, prefix = 'hub', now = Date.now()): Promise<number> {
  const second = Math.floor(now / 1000);
  const key = `${prefix}:rl:${accountId}:${second}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.pexpire(key, 2000);
  if (n <= SEND_LIMITS[platform]) return 0;
  return (second + 1) * 1000 - now + Math.floor(Math.random() * 50);
}
