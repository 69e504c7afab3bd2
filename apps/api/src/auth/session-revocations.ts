import type { Redis } from 'ioredis';

export type RevocationReason = 'deactivated' | 'sessions_revoked';

/** Every API replica's live hub listens here and closes the named user's SSE streams. */
export const sessionsChannel = (prefix: string) => `${prefix}:live-sessions`;

export interface RevocationMessage {
  userId: string;
  reason: RevocationReason;
}

/**
 * Ending a user's sessions (deactivation, role change, password change or reset, "sign out everywhere",
 * a reused refresh token): access tokens issued before that second stop working on every replica, and
 * open SSE streams close at once. Kept in Redis for as long as an access token can live.
 */
export class SessionRevocations {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly accessTokenTtlSeconds: number,
  ) {}

  private key(userId: string): string {
    return `${this.prefix}:revoked-before:${userId}`;
  }

  async revoke(userId: string, reason: RevocationReason): Promise<void> {
    // The wall clock tokens are signed with (not the app's injectable one).
    const at = Date.now();
    const message: RevocationMessage = { userId, reason };
    await this.redis
      .multi()
      .set(this.key(userId), String(at), 'EX', this.accessTokenTtlSeconds + 60)
      .publish(sessionsChannel(this.prefix), JSON.stringify(message))
      .exec();
  }

  /** True when a token signed at issuedAtMs predates the user's last revocation. */
  async isRevoked(userId: string, issuedAtMs: number): Promise<boolean> {
    const v = await this.redis.get(this.key(userId));
    return v !== null && issuedAtMs <= Number(v);
  }
}
