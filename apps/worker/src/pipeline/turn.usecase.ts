import { randomUUID } from 'node:crypto';
import { audit } from '@hub/db';
import type { TurnJob } from '@hub/queue';
import type { PipelineDeps } from './deps';
import { previewOf } from './language';

export type TurnOutcome =
  | { status: 'busy' }
  | { status: 'nothing_to_answer' }
  | { status: 'not_ai_mode' }
  | { status: 'replied'; replyId: string; answered: string[] }
  | { status: 'handoff'; reason: string; answered: string[] }
  | { status: 'discarded'; reason: string };

const REPLY_TOKEN_TTL_MS = 50_000; // LINE reply tokens: about a minute; keep a margin.
const CALLBACK_TTL_MS = 55_000; // Kakao callback URLs: one minute.

/**
 * One AI turn for one conversation. A lease on the conversation row keeps at most one turn in flight;
 * the customer messages answered are read from PostgreSQL (every stored, unanswered customer message,
 * in platform order), so a burst is answered by one reply and a message stored during the turn is left
 * for the next. The reply and the "answered" marks are written in one transaction that re-checks the
 * lease and the conversation version: a staff takeover during the turn discards the draft.
 */
export async function runTurn(deps: PipelineDeps, job: TurnJob): Promise<TurnOutcome> {
  const { db, logger } = deps;
  const leaseId = randomUUID();
  const claimed = await db.$executeRaw`
    UPDATE conversations SET turn_lease_id = ${leaseId}::uuid, turn_lease_until = now() + (${deps.turnLeaseMs}::int * interval '1 millisecond')
    WHERE id = ${job.conversationId}::uuid AND clinic_id = ${job.clinicId}::uuid AND (turn_lease_until IS NULL OR turn_lease_until < now())`;
  if (claimed === 0) return { status: 'busy' };

  try {
    await flushPendingReplies(deps, job);
    const conv = await db.conversation.findUniqueOrThrow({ where: { id: job.conversationId } });
    if (!conv.aiMode || conv.status === 'waiting') return { status: 'not_ai_mode' };

    const pending = await db.message.findMany({
      where: { conversationId: conv.id, senderType: 'customer', answeredById: null, isDeleted: false },
      orderBy: [{ platformSentAt: 'asc' }, { seq: 'asc' }],
      select: { id: true, content: true, translatedContent: true, originalLanguage: true, platformContext: true, contentType: true },
    });
    if (pending.length === 0) return { status: 'nothing_to_answer' };

    const out = await deps.consultant.reply({
      clinicId: conv.clinicId,
      conversationId: conv.id,
      customerId: conv.customerId,
      messages: pending.map((m) => ({ id: m.id, content: m.content, translatedContent: m.translatedContent, originalLanguage: m.originalLanguage })),
    });

    const answered = pending.map((m) => m.id);
    const latest = pending[pending.length - 1]!.platformContext as { replyToken?: string; callbackUrl?: string; receivedAt?: string } | null;
    const receivedAt = latest?.receivedAt ? Date.parse(latest.receivedAt) : 0;
    const platformContext: Record<string, unknown> = {};
    if (latest?.replyToken) platformContext.replyToken = latest.replyToken;
    if (latest?.callbackUrl) platformContext.callbackUrl = latest.callbackUrl;
    if (receivedAt) {
      platformContext.replyTokenExpiresAt = new Date(receivedAt + REPLY_TOKEN_TTL_MS).toISOString();
      platformContext.callbackExpiresAt = new Date(receivedAt + CALLBACK_TTL_MS).toISOString();
    }

    const result = await db.$transaction(async (tx) => {
      const [current] = await tx.$queryRaw<{ version: number; ai_mode: boolean; status: string; turn_lease_id: string | null }[]>`
        SELECT version, ai_mode, status, turn_lease_id FROM conversations WHERE id = ${conv.id}::uuid FOR UPDATE`;
      if (!current || current.turn_lease_id !== leaseId) return { status: 'discarded' as const, reason: 'lease_lost' };
      if (current.version !== conv.version || !current.ai_mode || current.status === 'waiting') return { status: 'discarded' as const, reason: 'taken_over' };

      if (out.handoff) {
        await tx.conversation.update({
          where: { id: conv.id },
          data: { status: 'waiting', handoffReason: out.handoff.reason, version: { increment: 1 } },
        });
        await tx.notification.create({
          data: {
            clinicId: conv.clinicId,
            audience: 'staff',
            kind: 'handoff',
            title: '상담원 연결 필요',
            body: out.handoff.reason,
            data: { conversationId: conv.id, messageIds: answered },
          },
        });
        await audit(tx, {
          clinicId: conv.clinicId,
          actorType: 'ai',
          action: 'conversation.handoff',
          entityType: 'conversation',
          entityId: conv.id,
          before: { status: conv.status },
          after: { status: 'waiting', reason: out.handoff.reason },
        });
        return { status: 'handoff' as const, reason: out.handoff.reason, answered };
      }

      const reply = await tx.message.create({
        data: {
          conversationId: conv.id,
          clinicId: conv.clinicId,
          senderType: 'ai',
          content: out.text,
          contentType: 'text',
          originalLanguage: out.language,
          translatedContent: out.translatedKo ?? null,
          translatedLanguage: out.translatedKo ? 'ko' : null,
          aiMetadata: { ...out.aiMetadata, answers: answered } as object,
          platformContext: platformContext as object,
          deliveryStatus: 'pending',
        },
      });
      await tx.message.updateMany({ where: { id: { in: answered }, answeredById: null }, data: { answeredById: reply.id } });
      await tx.conversation.update({
        where: { id: conv.id },
        data: { lastMessageAt: new Date(), lastMessagePreview: previewOf(out.translatedKo ?? out.text) },
      });
      return { status: 'replied' as const, replyId: reply.id, answered };
    });

    if (result.status === 'replied') {
      await deps.producers.addSend({ clinicId: conv.clinicId, messageId: result.replyId, requestId: job.requestId });
      await deps.live.publish({ type: 'message.created', clinicId: conv.clinicId, data: { conversationId: conv.id, messageId: result.replyId, senderType: 'ai' } });
    } else if (result.status === 'handoff') {
      await deps.live.publish({ type: 'alert', clinicId: conv.clinicId, data: { kind: 'handoff', conversationId: conv.id, reason: result.reason } });
      await deps.live.publish({ type: 'conversation.updated', clinicId: conv.clinicId, data: { conversationId: conv.id, status: 'waiting' } });
    } else {
      logger.info({ conversationId: conv.id, reason: result.reason }, 'AI draft discarded');
    }
    return result;
  } finally {
    await db.$executeRaw`UPDATE conversations SET turn_lease_id = NULL, turn_lease_until = NULL WHERE id = ${job.conversationId}::uuid AND turn_lease_id = ${leaseId}::uuid`;
  }
}

/** Outbox recovery: replies stored but never handed to the send queue (a crash in between) are enqueued. */
async function flushPendingReplies(deps: PipelineDeps, job: TurnJob): Promise<void> {
  const pending = await deps.db.message.findMany({
    where: { conversationId: job.conversationId, senderType: { in: ['ai', 'staff'] }, deliveryStatus: 'pending' },
    select: { id: true },
    orderBy: { seq: 'asc' },
  });
  for (const m of pending) await deps.producers.addSend({ clinicId: job.clinicId, messageId: m.id });
}
