import type { Queue } from 'bullmq';
import { ruleFor } from './alert-rules.store';
import { personalDeliveries, recordAndQueue } from './dispatch';
import { EscalateJobSchema, escalateJobId, type EscalateJob } from './jobs';
import type { AlertsDeps } from './types';

export type EscalateOutcome = { status: 'acknowledged' } | { status: 'escalated'; step: number; userIds: string[]; final: boolean } | { status: 'already' };

/**
 * An urgent alert nobody acknowledged: step n goes to the n-th person of the rota not reached at first,
 * the step after the rota to the clinic's admins, and then it stops. Every step is cancelled by an
 * acknowledgement (checked here, under the alert's row lock).
 */
export async function escalateAlert(deps: AlertsDeps, queue: Queue, raw: EscalateJob): Promise<EscalateOutcome> {
  const job = EscalateJobSchema.parse(raw);
  const cfg = deps.config;
  const out = await deps.db.$transaction(async (tx) => {
    const [n] = await tx.$queryRaw<{ id: string; clinic_id: string; kind: string; acknowledged_at: Date | null; escalation_step: number }[]>`
      SELECT id, clinic_id, kind, acknowledged_at, escalation_step FROM notifications WHERE id = ${job.notificationId}::uuid AND clinic_id = ${job.clinicId}::uuid FOR UPDATE`;
    if (!n) return { status: 'already' as const };
    if (n.acknowledged_at) return { status: 'acknowledged' as const };
    if (n.escalation_step >= job.step) return { status: 'already' as const };
    const rule = await ruleFor(tx, n.clinic_id, n.kind);
    const reached = new Set(
      (await tx.alertDelivery.findMany({ where: { notificationId: n.id, step: 0, userId: { not: null } }, select: { userId: true } })).map((d) => d.userId!),
    );
    const rota = await tx.alertRotaEntry.findMany({
      where: { clinicId: n.clinic_id, user: { isActive: true } },
      orderBy: { position: 'asc' },
      select: { userId: true },
    });
    const next = rota.map((r) => r.userId).filter((u) => !reached.has(u));
    const final = job.step > next.length;
    const userIds = final
      ? (await tx.user.findMany({ where: { clinicId: n.clinic_id, isActive: true, role: 'admin' }, select: { id: true } })).map((u) => u.id)
      : [next[job.step - 1]!];
    // Escalation is urgent: quiet hours do not hold it.
    const planned = await personalDeliveries(tx, cfg, n.clinic_id, userIds, rule, { urgent: true, exclude: new Set(), now: new Date() });
    await recordAndQueue(tx, queue, { id: n.id, clinicId: n.clinic_id }, planned, job.step);
    await tx.notification.update({ where: { id: n.id }, data: { escalationStep: job.step } });
    return { status: 'escalated' as const, step: job.step, userIds, final, after: rule.escalateAfterSec };
  });
  if (out.status !== 'escalated') return out;
  if (!out.final && out.after) {
    await queue.add(
      'escalate',
      { clinicId: job.clinicId, notificationId: job.notificationId, step: job.step + 1 },
      {
        jobId: escalateJobId(job.notificationId, job.step + 1),
        delay: out.after * 1000,
        attempts: 5,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: true,
      },
    );
  }
  deps.logger.info({ notificationId: job.notificationId, step: out.step, users: out.userIds.length, final: out.final }, 'alert escalated');
  return { status: 'escalated', step: out.step, userIds: out.userIds, final: out.final };
}
