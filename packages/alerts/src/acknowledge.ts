import type { Queue } from 'bullmq';
import type { Db } from '@hub/db';
import { escalateJobId } from './jobs';

export const ACK_VIA = ['console', 'push', 'email', 'takeover', 'api'] as const;
export type AckVia = (typeof ACK_VIA)[number];

export type AckResult =
  { status: 'acknowledged' | 'already'; acknowledgedAt: Date; acknowledgedBy: string | null; via: string | null } | { status: 'not_found' };

/**
 * Acknowledges one alert (first acknowledgement wins and is kept: who, when, how); the user's deliveries
 * are marked read. A pending escalation finds the acknowledgement and stops; the queue, when given,
 * also drops its delayed job.
 */
export async function acknowledgeAlert(
  db: Db,
  a: { clinicId: string; notificationId: string; userId: string | null; via: AckVia },
  queue?: Queue,
): Promise<AckResult> {
  const rows = await db.$queryRaw<{ acknowledged_at: Date; acknowledged_by: string | null; ack_via: string | null; fresh: boolean; escalation_step: number }[]>`
    WITH upd AS (
      UPDATE notifications SET acknowledged_at = now(), acknowledged_by = ${a.userId}::uuid, ack_via = ${a.via}, read_at = coalesce(read_at, now())
      WHERE id = ${a.notificationId}::uuid AND clinic_id = ${a.clinicId}::uuid AND acknowledged_at IS NULL
      RETURNING acknowledged_at, acknowledged_by, ack_via, escalation_step
    )
    SELECT acknowledged_at, acknowledged_by, ack_via, true AS fresh, escalation_step FROM upd
    UNION ALL
    SELECT acknowledged_at, acknowledged_by, ack_via, false, escalation_step FROM notifications
    WHERE id = ${a.notificationId}::uuid AND clinic_id = ${a.clinicId}::uuid AND NOT EXISTS (SELECT 1 FROM upd)`;
  const row = rows[0];
  if (!row) return { status: 'not_found' };
  if (a.userId) {
    await db.alertDelivery.updateMany({ where: { notificationId: a.notificationId, userId: a.userId, readAt: null }, data: { readAt: row.acknowledged_at } });
  }
  if (row.fresh && queue) await queue.remove(escalateJobId(a.notificationId, row.escalation_step + 1)).catch(() => undefined);
  return { status: row.fresh ? 'acknowledged' : 'already', acknowledgedAt: row.acknowledged_at, acknowledgedBy: row.acknowledged_by, via: row.ack_via };
}

/** Taking over a conversation acknowledges every open alert about it. */
export async function acknowledgeConversation(
  db: Db,
  a: { clinicId: string; conversationId: string; userId: string; via: AckVia },
  queue?: Queue,
): Promise<number> {
  const open = await db.notification.findMany({
    where: { clinicId: a.clinicId, acknowledgedAt: null, data: { path: ['conversationId'], equals: a.conversationId } },
    select: { id: true },
  });
  for (const n of open) await acknowledgeAlert(db, { clinicId: a.clinicId, notificationId: n.id, userId: a.userId, via: a.via }, queue);
  return open.length;
}
