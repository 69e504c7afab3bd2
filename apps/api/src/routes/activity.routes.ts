import { z } from 'zod';
import type { Prisma } from '@hub/db';
import { audiencesFor } from '../auth/permissions';
import { route, type AuthContext, type RouteDef } from '../http/route-table';
import { AuditEntry, Notification, pageOf } from '../http/responses';
import { badRequest } from '../http/errors';
import type { RouteServices } from './context';
import { IdParams, boolQuery, found } from './helpers';

export function activityRoutes(s: RouteServices): RouteDef[] {
  const { db } = s.deps;
  const visible = (clinicId: string, auth: AuthContext): Prisma.NotificationWhereInput => ({
    clinicId,
    OR: [{ userId: auth.userId }, { userId: null, audience: { in: audiencesFor(auth.role) } }],
  });

  return [
    route({
      method: 'get',
      path: '/api/notifications',
      tag: 'notifications',
      summary: 'My notifications (mine and those for my role), newest first',
      action: 'notifications.read',
      query: z.object({ unread: boolQuery.optional(), cursor: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }),
      response: pageOf(Notification).extend({ unread: z.number().int() }),
      handler: async ({ clinicId, auth, query }) => {
        const where: Prisma.NotificationWhereInput = { AND: [visible(clinicId, auth), query.unread ? { readAt: null } : {}] };
        if (query.cursor && !(await db.notification.findFirst({ where: { id: query.cursor, clinicId }, select: { id: true } }))) {
          throw badRequest('bad_cursor', 'cursor does not name a notification of this clinic');
        }
        const rows = await db.notification.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: query.limit + 1,
          ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
        });
        const items = rows.slice(0, query.limit);
        const unread = await db.notification.count({ where: { AND: [visible(clinicId, auth), { readAt: null }] } });
        return { items, unread, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
      },
    }),
    route({
      method: 'post',
      path: '/api/notifications/:id/read',
      tag: 'notifications',
      summary: 'Mark one notification read',
      action: 'notifications.read',
      params: IdParams,
      response: Notification,
      handler: async ({ clinicId, auth, params }) => {
        const n = found(await db.notification.findFirst({ where: { AND: [{ id: params.id }, visible(clinicId, auth)] } }), 'notification');
        return n.readAt ? n : db.notification.update({ where: { id: n.id }, data: { readAt: s.now() } });
      },
    }),
    route({
      method: 'post',
      path: '/api/notifications/read-all',
      tag: 'notifications',
      summary: 'Mark all my notifications read',
      action: 'notifications.read',
      response: z.strictObject({ marked: z.number().int() }),
      handler: async ({ clinicId, auth }) => {
        const { count } = await db.notification.updateMany({ where: { AND: [visible(clinicId, auth), { readAt: null }] }, data: { readAt: s.now() } });
        return { marked: count };
      },
    }),
    route({
      method: 'get',
      path: '/api/audit-logs',
      tag: 'audit',
      summary: "My clinic's audit log: who did what, when, from → to",
      action: 'audit.read',
      query: z.object({
        entityType: z.string().max(40).optional(),
        entityId: z.uuid().optional(),
        action: z.string().max(60).optional(),
        actorUserId: z.uuid().optional(),
        cursor: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: pageOf(AuditEntry),
      handler: async ({ clinicId, query }) => {
        const where: Prisma.AuditLogWhereInput = {
          clinicId,
          ...(query.entityType ? { entityType: query.entityType } : {}),
          ...(query.entityId ? { entityId: query.entityId } : {}),
          ...(query.action ? { action: query.action } : {}),
          ...(query.actorUserId ? { actorUserId: query.actorUserId } : {}),
        };
        if (query.cursor && !(await db.auditLog.findFirst({ where: { id: query.cursor, clinicId }, select: { id: true } }))) {
          throw badRequest('bad_cursor', 'cursor does not name an audit entry of this clinic');
        }
        const rows = await db.auditLog.findMany({
          where,
          include: { actor: { select: { id: true, name: true, role: true } } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: query.limit + 1,
          ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
        });
        const items = rows.slice(0, query.limit);
        return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
      },
    }),
  ];
}
