import { audit, type Db } from '@hub/db';
import { HttpError, unauthorized } from '../http/errors';
import { burnPasswordCheck, verifyPassword } from './password';
import { RoleSchema } from './permissions';
import { AccessTokens, hashRefreshToken, newRefreshToken } from './tokens';
import type { SessionRevocations } from './session-revocations';

export interface AuthPolicy {
  maxFailedLogins: number;
  lockMinutes: number;
  refreshTtlDays: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailedLogins: 5, lockMinutes: 15, refreshTtlDays: 30 };

export interface SessionMeta {
  ip?: string | null;
  userAgent?: string | null;
}

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  user: { id: string; email: string; name: string; role: string; clinicId: string | null };
}

const BAD_CREDENTIALS = 'email or password is incorrect';

/** Login with lockout, refresh with rotation (reuse revokes every session of the user), logout. */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokens,
    private readonly revocations: SessionRevocations,
    private readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(emailInput: string, password: string, meta: SessionMeta): Promise<TokenPair> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.db.user.findUnique({ where: { email } });
    if (!user || !user.isActive) {
      await burnPasswordCheck(password);
      throw unauthorized(BAD_CREDENTIALS);
    }
    const now = this.now();
    if (user.lockedUntil && user.lockedUntil > now) throw this.locked(user.lockedUntil);

    if (!(await verifyPassword(user.passwordHash, password))) {
      // One atomic UPDATE: parallel wrong guesses cannot slip past the limit.
      const lockUntil = new Date(now.getTime() + this.policy.lockMinutes * 60_000);
      const [row] = await this.db.$queryRaw<{ failed_login_count: number; locked_until: Date | null }[]>`
        UPDATE users SET
          failed_login_count = CASE WHEN failed_login_count + 1 >= ${this.policy.maxFailedLogins} THEN 0 ELSE failed_login_count + 1 END,
          locked_until = CASE WHEN failed_login_count + 1 >= ${this.policy.maxFailedLogins} THEN ${lockUntil}::timestamptz ELSE locked_until END
        WHERE id = ${user.id}::uuid
        RETURNING failed_login_count, locked_until`;
      const lockedNow = !!row?.locked_until && row.locked_until.getTime() === lockUntil.getTime();
      await audit(this.db, {
        clinicId: user.clinicId,
        actorUserId: user.id,
        action: lockedNow ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        ip: meta.ip ?? null,
      });
      if (lockedNow) throw this.locked(lockUntil);
      throw unauthorized(BAD_CREDENTIALS);
    }

    await this.db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
    await audit(this.db, { clinicId: user.clinicId, actorUserId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, ip: meta.ip ?? null });
    return this.issue(user, meta);
  }

  async refresh(refreshToken: string, meta: SessionMeta): Promise<TokenPair> {
    const hash = hashRefreshToken(refreshToken);
    const session = await this.db.userSession.findUnique({ where: { refreshTokenHash: hash }, include: { user: true } });
    if (!session) throw unauthorized('refresh token is not valid');
    const now = this.now();
    if (session.revokedAt) {
      // A rotated token came back: someone holds a copy. End every session of this user.
      await this.db.userSession.updateMany({ where: { userId: session.userId, revokedAt: null }, data: { revokedAt: now } });
      await this.revocations.revoke(session.userId, 'sessions_revoked');
      await audit(this.db, {
        clinicId: session.user.clinicId,
        actorUserId: session.userId,
        action: 'auth.refresh_reuse',
        entityType: 'user_session',
        entityId: session.id,
        ip: meta.ip ?? null,
      });
      throw unauthorized('refresh token was already used; all sessions were signed out');
    }
    if (session.expiresAt <= now || !session.user.isActive) throw unauthorized('refresh token is not valid');
    // Conditional revoke: of two parallel refreshes with the same token exactly one rotates.
    const { count } = await this.db.userSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now } });
    if (count !== 1) throw unauthorized('refresh token was already used');
    return this.issue(session.user, meta);
  }

  async logout(refreshToken: string | undefined, userId: string, all: boolean): Promise<number> {
    const now = this.now();
    if (all) {
      const { count } = await this.db.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
      await this.revocations.revoke(userId, 'sessions_revoked');
      return count;
    }
    if (!refreshToken) return 0;
    const { count } = await this.db.userSession.updateMany({
      where: { userId, refreshTokenHash: hashRefreshToken(refreshToken), revokedAt: null },
      data: { revokedAt: now },
    });
    return count;
  }

  private async issue(user: { id: string; email: string; name: string; role: string; clinicId: string | null }, meta: SessionMeta): Promise<TokenPair> {
    const role = RoleSchema.parse(user.role);
    const { token, hash } = newRefreshToken();
    const expiresAt = new Date(this.now().getTime() + this.policy.refreshTtlDays * 86_400_000);
    await this.db.userSession.create({
      data: { userId: user.id, refreshTokenHash: hash, expiresAt, userAgent: meta.userAgent?.slice(0, 300) ?? null },
    });
    return {
      accessToken: await this.tokens.sign({ userId: user.id, role, clinicId: user.clinicId }),
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      refreshToken: token,
      refreshExpiresAt: expiresAt.toISOString(),
      user: { id: user.id, email: user.email, name: user.name, role: user.role, clinicId: user.clinicId },
    };
  }

  private locked(until: Date): HttpError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - this.now().getTime()) / 60_000));
    return new HttpError(423, 'account_locked', `too many failed logins: the account is locked for ${minutes} more minute(s)`, {
      lockedUntil: until.toISOString(),
    });
  }
}
