import type { Job } from 'bullmq';
import { audit } from '@hub/db';
import { QUEUES, chatOrderKey, inboundJobId, isOrdered, recordStored } from '@hub/queue';
import type { PipelineDeps } from './deps';

export interface DeadJob {
  queue: string;
  jobId: string;
  name: string;
  data: unknown;
  attemptsMade: number;
  error: string;
}

export const deadJobOf = (queue: string, job: Job, error: string): DeadJob => ({
  queue,
  jobId: String(job.id),
  name: job.name,
  data: job.data,
  attemptsMade: job.attemptsMade,
  error,
});

const clinicOf = (data: unknown): string | null => {
  const id = (data as { clinicId?: unknown } | null)?.clinicId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
};

/**
 * A job ended on a permanent, data-level error (infrastructure failures never end one): it becomes a
 * dead letter that staff see and can re-drive from the API, clinic admins are notified and the console
 * alerted. A turn that could not run hands its conversation to staff, so the customer's messages are
 * answered by a person rather than left waiting. Recording twice (the failed event and the sweep) keeps
 * one row; a re-driven job that fails again opens its row again.
 * Returns false when the row was already open (nothing new to tell).
 */
export async function recordDeadLetter(
  deps: Pick<PipelineDeps, 'db' | 'live' | 'logger'> & Partial<Pick<PipelineDeps, 'redis' | 'producers'>>,
  dead: DeadJob,
): Promise<boolean> {
  const { db } = deps;
  // A dead inbound event must not hold its chat's later messages (chat-order.ts).
  const inbound = dead.queue === QUEUES.inbound ? (dead.data as { accountId?: string; event?: Record<string, unknown> } | null) : null;
  if (inbound?.accountId && inbound.event && isOrdered(inbound.event) && deps.redis && typeof inbound.event.externalMessageId === 'string') {
    const key = chatOrderKey(deps.producers?.opts.prefix ?? 'hub', inbound.accountId, inbound.event.externalUserId);
    await recordStored(deps.redis, key, inboundJobId(inbound.accountId, inbound.event.externalMessageId)).catch(() => undefined);
  }
  const clinicId = clinicOf(dead.data);
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO dead_letters (clinic_id, queue, job_id, job_name, payload, error, attempts_made)
    VALUES (${clinicId}::uuid, ${dead.queue}, ${dead.jobId}, ${dead.name}, ${JSON.stringify(dead.data ?? null)}::jsonb, ${dead.error.slice(0, 4000)}, ${dead.attemptsMade})
    ON CONFLICT (queue, job_id) DO UPDATE SET status = 'open', error = EXCLUDED.error, attempts_made = EXCLUDED.attempts_made, payload = EXCLUDED.payload
      WHERE dead_letters.status <> 'open'
    RETURNING id`;
  const row = rows[0];
  if (!row) return false;
  deps.logger.error({ queue: dead.queue, jobId: dead.jobId, err: dead.error }, 'job dead-lettered');
  if (!clinicId) return true;
  await db.notification.create({
    data: {
      clinicId,
      audience: 'admin',
      kind: 'dead_letter',
      title: '처리하지 못한 작업이 있습니다',
      body: `${dead.queue}: ${dead.error}`.slice(0, 1000),
      data: { deadLetterId: row.id, queue: dead.queue, jobId: dead.jobId },
    },
  });
  await deps.live.publish({ type: 'alert', clinicId, data: { kind: 'dead_letter', deadLetterId: row.id, queue: dead.queue, reason: dead.error } });
  if (dead.queue === QUEUES.turn) await handOffAfterFailedTurn(deps, clinicId, (dead.data as { conversationId?: string }).conversationId, dead.error);
  // A reply whose send ended must not stay pending: it would hold every later reply of its conversation.
  const messageId = dead.queue === QUEUES.send ? (dead.data as { messageId?: unknown }).messageId : undefined;
  if (typeof messageId === 'string') {
    await db.message.updateMany({
      where: { id: messageId, clinicId, deliveryStatus: { in: ['pending', 'sending'] } },
      data: { deliveryStatus: 'failed', deliveryError: dead.error.slice(0, 1000) },
    });
  }
  return true;
}

/** The AI could not answer: the conversation waits for staff (a handoff the console shows), unless it already does. */
async function handOffAfterFailedTurn(
  deps: Pick<PipelineDeps, 'db' | 'live'>,
  clinicId: string,
  conversationId: string | undefined,
  error: string,
): Promise<void> {
  if (!conversationId) return;
  const { count } = await deps.db.conversation.updateMany({
    where: { id: conversationId, clinicId, status: { not: 'waiting' } },
    data: { status: 'waiting', handoffReason: 'ai_turn_failed', version: { increment: 1 }, turnLeaseId: null, turnLeaseUntil: null },
  });
  if (!count) return;
  await deps.db.notification.create({
    data: { clinicId, audience: 'staff', kind: 'handoff', title: '상담원 연결 필요', body: 'AI가 답변하지 못했습니다', data: { conversationId } },
  });
  await audit(deps.db, {
    clinicId,
    actorType: 'system',
    action: 'conversation.handoff',
    entityType: 'conversation',
    entityId: conversationId,
    after: { status: 'waiting', reason: 'ai_turn_failed', error: error.slice(0, 300) },
  });
  await deps.live.publish({ type: 'alert', clinicId, data: { kind: 'handoff', conversationId, reason: 'ai_turn_failed' } });
  await deps.live.publish({ type: 'conversation.updated', clinicId, data: { conversationId, status: 'waiting' } });
}
