import { z } from 'zod';
import { audit } from '@hub/db';
import { passwordProblem } from '@hub/db/password-policy';
import { route, type RouteDef } from '../http/route-table';
import { Me, TokenPair } from '../http/responses';
import { hashPassword, verifyPassword } from '../auth/password';
import { HttpError } from '../http/errors';
import type { RouteServices } from './context';

/** Every place a password is set: at least 10 characters and not a commonly used one (see @hub/db/password-policy). */
export const PasswordSchema = z.string().superRefine((pw, ctx) => {
  const problem = passwordProblem(pw);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { rule: problem.rule } });
});

export function authRoutes(s: RouteServices): RouteDef[] {
  const meta = (req: { ip?: string | undefined; headers: Record<string, unknown> }) => ({
    ip: req.ip ?? null,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  });
  return [
    route({
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      summary:
        'Sign in with email and password (5 failures lock the account for 15 minutes: 423; attempts per IP and per IP + email are limited: 429 with Retry-After)',
      action: 'public',
      before: [s.loginLimiter],
      body: z.object({ email: z.string().email().max(200), password: z.string().min(1).max(200) }),
      example: { email: 'staff1@daybeau.kr', password: 'demo-clinic-2026' },
      response: TokenPair,
      handler: ({ body, req }) => s.auth.login(body.email, body.password, meta(req)),
    }),
    route({
      method: 'post',
      path: '/api/auth/refresh',
      tag: 'auth',
      summary: 'Exchange a refresh token for a new token pair (the old refresh token stops working)',
      action: 'public',
      before: [s.loginLimiter],
      body: z.object({ refreshToken: z.string().min(20).max(200) }),
      example: { refreshToken: 'r3fr3sh-t0ken-from-login-xxxxxxxxxxxx' },
      response: TokenPair,
      handler: ({ body, req }) => s.auth.refresh(body.refreshToken, meta(req)),
    }),
    route({
      method: 'post',
      path: '/api/auth/logout',
      tag: 'auth',
      summary: 'Revoke a refresh token, or every session of the user with all=true',
      action: 'session.self',
      body: z.object({ refreshToken: z.string().max(200).optional(), all: z.boolean().default(false) }),
      example: { all: true },
      response: null,
      handler: async ({ body, auth }) => {
        await s.auth.logout(body.refreshToken, auth.userId, body.all);
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/api/auth/me',
      tag: 'auth',
      summary: 'The signed-in user',
      action: 'session.self',
      response: Me,
      handler: async ({ auth }) => {
        const clinic = auth.homeClinicId
          ? await s.deps.db.clinic.findUnique({ where: { id: auth.homeClinicId }, select: { id: true, name: true, slug: true, timezone: true } })
          : null;
        return { id: auth.userId, email: auth.email, name: auth.name, role: auth.role, clinicId: auth.homeClinicId, clinic };
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/password',
      tag: 'auth',
      summary: 'Change my password (ends every session of mine, this one included: sign in again)',
      action: 'session.self',
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: PasswordSchema }),
      example: { currentPassword: 'demo-clinic-2026', newPassword: 'a-longer-passphrase' },
      response: null,
      handler: async ({ body, auth, ip }) => {
        const user = await s.deps.db.user.findUniqueOrThrow({ where: { id: auth.userId } });
        if (!(await verifyPassword(user.passwordHash, body.currentPassword))) throw new HttpError(400, 'wrong_password', 'the current password is incorrect');
        await s.deps.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(body.newPassword) } });
        await s.deps.db.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: s.now() } });
        await s.revocations.revoke(user.id, 'sessions_revoked');
        await audit(s.deps.db, { clinicId: user.clinicId, actorUserId: user.id, action: 'user.password_changed', entityType: 'user', entityId: user.id, ip });
        return undefined;
      },
    }),
  ];
}
