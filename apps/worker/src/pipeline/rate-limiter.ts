import type { Redis } from 'ioredis';
import type { Platform } from '@hub/messengers';

/** Documented send limits per account (messages per second). */
export const SEND_LIMITS: Record<Platform, number> = {
  telegram: 30, // Bot API: ~30 messages/s per bot
  line: 1000, // Messaging API: 2,000 requests/s per channel for push/reply; keep headroom
  facebook: 200, // Send API: 300 calls/s per Page (200 * pages), conservative
  instagram: 100, // Instagram messaging: 100 calls/s per account
  whatsapp: 80, // Cloud API: 80 messages/s per business phone number by default
  kakao: 100,
};

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
