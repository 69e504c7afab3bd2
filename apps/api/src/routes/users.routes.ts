import { z } from 'zod';
import { audit, Prisma } from '@hub/db';
import { route, type RouteDef } from '../http/route-table';
import { User, listOf } from '../http/responses';
import { badRequest, conflict } from '../http/errors';
import { ensureNotLimited, redisLimiter, spend } from '../http/limits';
import { hashPassword } from '../auth/password';
import { ClinicRoleSchema } from '../auth/permissions';
import type { RouteServices } from './context';
import { IdParams, defined, found } from './helpers';
import { PasswordSchema } from './auth.routes';
import { pickChanged } from './clinics.routes';

export const PUBLIC_USER = {
  id: true,
  clinicId: true,
  email: true,
  name: true,
  role: true,
  phone: true,
  isActive: true,
  lastLoginAt: true,
  failedLoginCount: true,
  lockedUntil: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function userRoutes(s: RouteServices): RouteDef[] {
  const { db } = s.deps;
  // users.email is unique across the platform (sign-in is by email alone), so an email in use anywhere
  // cannot be added. The answer never says where (one generic 409 for every clinic), each refusal is
  // audited, and an admin who keeps hitting emails in use is stopped: enumeration costs an hour per few tries.
  const conflicts = redisLimiter(s.deps.redis, `${s.deps.livePrefix ?? 'hub'}:rl:user-create-conflict`, s.deps.settings.userCreateConflictLimitPerHour, 3600);
  const probingMessage = 'too many new users refused for an email in use; retry later';
  const load = async (clinicId: string, id: string) => found(await db.user.findFirst({ where: { id, clinicId }, select: PUBLIC_USER }), 'user');
  return [
    route({
      method: 'get',
      path: '/api/users',
      tag: 'users',
      summary: "My clinic's users",
      action: 'users.read',
      query: z.object({ role: ClinicRoleSchema.optional(), active: z.enum(['true', 'false']).optional() }),
      response: listOf(User),
      handler: async ({ clinicId, query }) => ({
        items: await db.user.findMany({
          where: { clinicId, ...(query.role ? { role: query.role } : {}), ...(query.active ? { isActive: query.active === 'true' } : {}) },
          select: PUBLIC_USER,
          orderBy: { createdAt: 'asc' },
        }),
      }),
    }),
    route({
      method: 'post',
      path: '/api/users',
      tag: 'users',
      summary: 'Add a user to my clinic',
      action: 'users.manage',
      status: 201,
      body: z.object({
        email: z.string().email().max(200),
        name: z.string().min(1).max(100),
        role: ClinicRoleSchema,
        password: PasswordSchema,
        phone: z.string().max(20).optional(),
      }),
      example: { email: 'staff3@daybeau.kr', name: '김상담', role: 'staff', password: 'change-me-please' },
      response: User,
      handler: async ({ clinicId, body, auth, ip }) => {
        await ensureNotLimited(conflicts, auth.userId, probingMessage);
        try {
          const user = await db.user.create({
            data: {
              clinicId,
              email: body.email.toLowerCase(),
              name: body.name,
              role: body.role,
              phone: body.phone ?? null,
              passwordHash: await hashPassword(body.password),
            },
            select: PUBLIC_USER,
          });
          await audit(db, {
            clinicId,
            actorUserId: auth.userId,
            action: 'user.created',
            entityType: 'user',
            entityId: user.id,
            after: { email: user.email, role: user.role },
            ip,
          });
          return user;
        } catch (err) {
          if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
        }
        await audit(db, {
          clinicId,
          actorUserId: auth.userId,
          action: 'user.create_rejected',
          entityType: 'user',
          metadata: { reason: 'email_unavailable' },
          ip,
        });
        await spend(conflicts, auth.userId, probingMessage);
        throw conflict('email_unavailable', 'this email address cannot be used for a new user; use another one');
      },
    }),
    route({
      method: 'get',
      path: '/api/users/:id',
      tag: 'users',
      summary: 'One user of my clinic',
      action: 'users.read',
      params: IdParams,
      response: User,
      handler: ({ clinicId, params }) => load(clinicId, params.id),
    }),
    route({
      method: 'patch',
      path: '/api/users/:id',
      tag: 'users',
      summary: 'Change a user (role, name, activation, password reset); deactivation and resets end their sessions',
      action: 'users.manage',
      params: IdParams,
      body: z.object({
        name: z.string().min(1).max(100).optional(),
        role: ClinicRoleSchema.optional(),
        phone: z.string().max(20).nullable().optional(),
        isActive: z.boolean().optional(),
        password: PasswordSchema.optional(),
      }),
      example: { role: 'supervisor' },
      response: User,
      handler: async ({ clinicId, params, body, auth, ip }) => {
        const before = await load(clinicId, params.id);
        if (before.id === auth.userId && (body.isActive === false || (body.role && body.role !== before.role))) {
          throw badRequest('cannot_change_self', 'you cannot deactivate yourself or change your own role');
        }
        const { password, ...rest } = body;
        const user = await db.user.update({
          where: { id: before.id },
          data: { ...defined(rest), ...(password ? { passwordHash: await hashPassword(password), failedLoginCount: 0, lockedUntil: null } : {}) },
          select: PUBLIC_USER,
        });
        if (password || body.isActive === false || (body.role && body.role !== before.role)) {
          await db.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: s.now() } });
          await s.revocations.revoke(user.id, body.isActive === false ? 'deactivated' : 'sessions_revoked');
        }
        await audit(db, {
          clinicId,
          actorUserId: auth.userId,
          action: 'user.updated',
          entityType: 'user',
          entityId: user.id,
          before: pickChanged(before, rest),
          after: pickChanged(user, rest),
          metadata: password ? { passwordReset: true } : {},
          ip,
        });
        return user;
      },
    }),
    route({
      method: 'post',
      path: '/api/users/:id/unlock',
      tag: 'users',
      summary: 'Lift a login lockout',
      action: 'users.manage',
      params: IdParams,
      response: User,
      handler: async ({ clinicId, params, auth, ip }) => {
        const before = await load(clinicId, params.id);
        const user = await db.user.update({ where: { id: before.id }, data: { failedLoginCount: 0, lockedUntil: null }, select: PUBLIC_USER });
        await audit(db, {
          clinicId,
          actorUserId: auth.userId,
          action: 'user.unlocked',
          entityType: 'user',
          entityId: user.id,
          before: { lockedUntil: before.lockedUntil },
          after: { lockedUntil: null },
          ip,
        });
        return user;
      },
    }),
  ];
}
