import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { ipKeyGenerator } from 'express-rate-limit';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { HttpError } from './errors';

/** 429 with Retry-After (seconds) and the JSON error body every route uses. */
export function rateLimited(msBeforeNext: number, message = 'too many requests; slow down and retry later'): HttpError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpError(429, 'rate_limited', message, { retryAfterSeconds });
}

const isRejection = (err: unknown): err is RateLimiterRes => err instanceof RateLimiterRes;

/** A fixed-window counter in Redis (rate-limiter-flexible): every API replica shares it. */
export function redisLimiter(redis: Redis, keyPrefix: string, points: number, durationSeconds: number): RateLimiterRedis {
  return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration: durationSeconds });
}

/** Rejects when key has no points left, without spending one. */
export async function ensureNotLimited(limiter: RateLimiterRedis, key: string, message?: string): Promise<void> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) throw rateLimited(res.msBeforeNext, message);
}

/** Spends one point; throws 429 when none was left. */
export async function spend(limiter: RateLimiterRedis, key: string, message?: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (isRejection(err)) throw rateLimited(err.msBeforeNext, message);
    throw err;
  }
}

/**
 * Login and refresh: one budget per client IP across every email (password spraying), and a smaller
 * one per IP and email (guessing one account's password). Both are spent on each attempt.
 */
export function loginLimits(redis: Redis, prefix: string, opts: { perIpAndEmail: number; perIp: number; windowSeconds: number }): RequestHandler {
  const perIp = redisLimiter(redis, `${prefix}:rl:login-ip`, opts.perIp, opts.windowSeconds);
  const perIpEmail = redisLimiter(redis, `${prefix}:rl:login-ip-email`, opts.perIpAndEmail, opts.windowSeconds);
  return async (req: Request, _res: Response, next: NextFunction) => {
    const ip = ipKeyGenerator(req.ip ?? '');
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase().slice(0, 200) : '';
    const results = await Promise.allSettled([perIp.consume(ip), perIpEmail.consume(`${ip}|${email}`)]);
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    const failure = rejected.find((e) => !isRejection(e));
    if (failure) return next(failure);
    const limits = rejected.filter(isRejection);
    if (limits.length) {
      const wait = Math.max(...limits.map((l) => l.msBeforeNext));
      return next(rateLimited(wait, 'too many sign-in attempts; wait and retry later'));
    }
    next();
  };
}
