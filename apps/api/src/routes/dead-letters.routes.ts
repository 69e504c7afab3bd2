import { z } from 'zod';
import { audit, type Prisma } from '@hub/db';
import { QUEUES, sendJobId } from '@hub/queue';
import { route, type RouteDef } from '../http/route-table';
import { DeadLetter, RedrivenDeadLetter } from '../http/responses';
import { conflict } from '../http/errors';
import type { RouteServices } from './context';
import { IdParams, found, publish } from './helpers';

const STATUSES = ['open', 'redriven', 'dismissed'] as const;

/**
 * Jobs that ended on a permanent, data-level error (the worker never ends a job for an infrastructure
 * failure). Leads see them and re-drive them once the cause is fixed, or dismiss them.
 */
export function deadLetterRoutes(s: RouteServices): RouteDef[] {
  const { db, producers } = s.deps;
  return [
    route({
      method: 'get',
      path: '/api/dead-letters',
      tag: 'dead-letters',
      summary: 'Jobs that failed for good (newest first), open ones by default',
      action: 'dead_letters.read',
      query: z.object({
        status: z.enum(STATUSES).default('open'),
        queue: z.enum(Object.values(QUEUES) as [string, ...string[]]).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: z.strictObject({ items: z.array(DeadLetter), open: z.number().int() }),
      handler: async ({ clinicId, query }) => {
        const where: Prisma.DeadLetterWhereInput = { clinicId, status: query.status, ...(query.queue ? { queue: query.queue } : {}) };
        const [items, open] = await Promise.all([
          db.deadLetter.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit }),
          db.deadLetter.count({ where: { clinicId, status: 'open' } }),
        ]);
        return { items, open };
      },
    }),
    route({
      method: 'post',
      path: '/api/dead-letters/:id/redrive',
      tag: 'dead-letters',
      summary: 'Run a dead-lettered job again (BullMQ retry of the kept job, or its payload queued anew)',
      action: 'dead_letters.redrive',
      params: IdParams,
      response: RedrivenDeadLetter,
      handler: async ({ clinicId, params, auth, ip }) => {
        const dl = found(await db.deadLetter.findFirst({ where: { id: params.id, clinicId } }), 'dead letter');
        if (dl.status !== 'open') throw conflict('not_open', `only open dead letters can be re-driven (this one is ${dl.status})`);
        // A reply that failed for good is made sendable again first, or its send would find it done.
        if (dl.queue === QUEUES.send) {
          const messageId = (dl.payload as { messageId?: string }).messageId;
          if (messageId)
            await db.message.updateMany({
              where: { id: messageId, clinicId, deliveryStatus: 'failed' },
              data: { deliveryStatus: 'pending', deliveryError: null },
            });
        }
        const { count } = await db.deadLetter.updateMany({
          where: { id: dl.id, status: 'open' },
          data: { status: 'redriven', redriveCount: { increment: 1 }, redrivenAt: s.now(), redrivenById: auth.userId },
        });
        if (count !== 1) throw conflict('not_open', 'the dead letter changed while you acted; reload');
        let result: { how: string; jobId: string };
        try {
          result = await producers.redrive(dl.queue, dl.jobId, dl.jobName, dl.payload);
        } catch (err) {
          await db.deadLetter.update({ where: { id: dl.id }, data: { status: 'open' } });
          throw err;
        }
        await audit(db, {
          clinicId,
          actorUserId: auth.userId,
          action: 'dead_letter.redrive',
          entityType: 'dead_letter',
          entityId: dl.id,
          before: { status: 'open' },
          after: { status: 'redriven', ...result },
          ip,
        });
        await publish(s, { type: 'dead_letter.updated', clinicId, data: { deadLetterId: dl.id, status: 'redriven' } });
        return {
          ...(await db.deadLetter.findUniqueOrThrow({ where: { id: dl.id } })),
          redrive: result,
          ...(dl.queue === QUEUES.send ? { sendJobId: sendJobId(String((dl.payload as { messageId?: string }).messageId)) } : {}),
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/dead-letters/:id/dismiss',
      tag: 'dead-letters',
      summary: 'Close a dead letter without running it again',
      action: 'dead_letters.redrive',
      params: IdParams,
      response: DeadLetter,
      handler: async ({ clinicId, params, auth, ip }) => {
        const dl = found(await db.deadLetter.findFirst({ where: { id: params.id, clinicId } }), 'dead letter');
        if (dl.status !== 'open') throw conflict('not_open', `only open dead letters can be dismissed (this one is ${dl.status})`);
        const row = await db.deadLetter.update({ where: { id: dl.id }, data: { status: 'dismissed' } });
        await audit(db, {
          clinicId,
          actorUserId: auth.userId,
          action: 'dead_letter.dismiss',
          entityType: 'dead_letter',
          entityId: dl.id,
          before: { status: 'open' },
          after: { status: 'dismissed' },
          ip,
        });
        return row;
      },
    }),
  ];
}
