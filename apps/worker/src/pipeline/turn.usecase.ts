import { randomUUID } from 'node:crypto';
import {
  audit,
  claimTurn,
  commitTurn,
  lockTurnConversation,
  releaseTurnLease,
  sendableCommitted,
  turnLeaseHolder,
  type ClaimedTurn,
  type SendableReply,
} from '@hub/db';
import { SendError, type Platform } from '@hub/messengers';
import type { LiveEvent, SendJob, TurnJob } from '@hub/queue';
import type { PipelineDeps } from './deps';
import { previewOf } from './language';
import { deliverClaimed } from './send.usecase';
import { acquireSendSlot } from './rate-limiter';

export type TurnOutcome =
  | { status: 'busy' }
  | { status: 'nothing_to_answer' }
  | { status: 'not_ai_mode' }
  | { status: 'replied'; replyId: string; answered: string[] }
  | { status: 'handoff'; reason: string; answered: string[]; noticeId?: string }
  | { status: 'discarded'; reason: string };

const REPLY_TOKEN_TTL_MS = 50_000; // LINE reply tokens: about a minute; keep a margin.
const CALLBACK_TTL_MS = 55_000; // Kakao callback URLs: one minute.

/**
 * One AI turn for one conversation. A lease on the conversation row keeps at most one turn in flight;
 * the customer messages answered are read from PostgreSQL (every stored, unanswered customer message,
 * in platform order), so a burst is answered by one reply and a message stored during the turn is left
 * for the next. The reply and the "answered" marks are written in one transaction that re-checks the
 * lease and the conversation version: a staff takeover during the turn discards the draft. The reply
 * is stored already claimed for sending and the turn delivers it (see sendNow).
 */
export async function runTurn(deps: PipelineDeps, job: TurnJob): Promise<TurnOutcome> {
  const { logger } = deps;
  const leaseId = randomUUID();
  // One statement (shared with concurrent turns): take the lease and read what the turn needs.
  const conv = await claimTurn(deps.sql, { conversationId: job.conversationId, clinicId: job.clinicId, leaseId, leaseMs: deps.turnLeaseMs });
  if (!conv) return { status: 'busy' };

  let released = false;
  try {
    // Outbox recovery: replies stored but not sent — a crash between the commit and the send queue, or
    // during the turn's own send ('sending') — go to the send queue. Its job id is the message's, so a
    // reply already queued or being sent by a send job is not queued twice.
    const account = { accountId: conv.accountId, platform: conv.platform };
    await Promise.all(conv.unsent.map((id) => deps.producers.addSend({ clinicId: job.clinicId, messageId: id, ...account })));
    if (!conv.aiMode || conv.status === 'waiting') return { status: 'not_ai_mode' };

    const pending = conv.pending;
    if (pending.length === 0) return { status: 'nothing_to_answer' };

    const out = await deps.consultant.reply({
      clinicId: conv.clinicId,
      conversationId: conv.id,
      customerId: conv.customerId,
      messages: pending.map((m) => ({ id: m.id, content: m.content, translatedContent: m.translatedContent, originalLanguage: m.originalLanguage })),
      customer: conv.customer,
      history: conv.history,
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

    // The turn sends its own reply: the rate limiter is asked before the commit, which then stores the
    // reply already claimed for sending ('sending', attempt counted) unless an earlier reply is unsent.
    const wait = out.handoff ? 0 : await acquireSendSlot(deps.redis, conv.accountId, conv.platform as Platform, deps.producers?.opts.prefix);
    const result = out.handoff
      ? await commitHandoff(deps, conv, leaseId, out, platformContext, answered)
      : await commitReply(deps, conv, leaseId, out, platformContext, answered, wait === 0);
    if (result.status === 'replied') {
      released = true; // the commit statement released the lease
      const send = { clinicId: conv.clinicId, messageId: result.replyId, requestId: job.requestId, ...account };
      const created: LiveEvent = {
        type: 'message.created',
        clinicId: conv.clinicId,
        data: { conversationId: conv.id, messageId: result.replyId, senderType: 'ai' },
      };
      if (result.claimed) {
        // The console learns of the reply together with its delivery (one Redis call).
        await sendNow(deps, send, [created], result.sendable);
      } else {
        // The event goes out first (one Redis connection keeps the order), then the queued send.
        await Promise.all([deps.live.publish(created), deps.producers.addSend(send, wait > 0 ? { delay: wait } : {})]);
      }
    } else if (result.status === 'handoff') {
      const urgent = !!out.handoff?.urgent;
      const events: LiveEvent[] = [
        { type: 'alert', clinicId: conv.clinicId, data: { kind: urgent ? 'emergency' : 'handoff', urgent, conversationId: conv.id, reason: result.reason } },
        { type: 'conversation.updated', clinicId: conv.clinicId, data: { conversationId: conv.id, status: 'waiting' } },
      ];
      if (result.noticeId)
        events.push({ type: 'message.created', clinicId: conv.clinicId, data: { conversationId: conv.id, messageId: result.noticeId, senderType: 'ai' } });
      await deps.live.publishMany(events);
      // The customer is told at once (the notice is a reply like any other: ordered, retried, recorded).
      if (result.noticeId) await deps.producers.addSend({ clinicId: conv.clinicId, messageId: result.noticeId, requestId: job.requestId, ...account });
    } else {
      logger.info({ conversationId: conv.id, reason: result.reason }, 'AI draft discarded');
    }
    return result;
  } finally {
    if (!released) await releaseTurnLease(deps.sql, job.conversationId, leaseId);
  }
}

/**
 * The turn sends its reply itself (one queued job less per message), claimed by the commit. Whatever
 * this one attempt does not finish goes to the send queue, which owns retries: after a transient
 * platform error the reply is pending again and the send job retries it after the platform's
 * retry-after. A permanent or auth failure is recorded by deliverClaimed (failed, staff told).
 * A crash mid-send leaves the reply 'sending': the turn job, found stalled, runs again and its claim
 * queues the reply (see `unsent`); the send job re-sends it with the same idempotency key.
 */
async function sendNow(deps: PipelineDeps, send: SendJob, events: LiveEvent[], claimed: SendableReply): Promise<void> {
  try {
    await deliverClaimed(deps, claimed, false, events);
  } catch (err) {
    const delay = err instanceof SendError && err.retryAfterMs !== undefined ? Math.max(err.retryAfterMs, 100) : 1000;
    deps.logger.warn({ messageId: send.messageId, err, retryInMs: delay }, 'reply not sent by the turn; queued');
    // Events deliverClaimed did not get to publish (it threw first) go out now.
    await Promise.all([events.length ? deps.live.publishMany(events) : undefined, deps.producers.addSend(send, { delay })]);
  }
}

type ConsultantOutput = Awaited<ReturnType<PipelineDeps['consultant']['reply']>>;

/** Commits the turn's reply (commitTurn), or names why it was discarded. */
async function commitReply(
  deps: PipelineDeps,
  conv: ClaimedTurn,
  leaseId: string,
  out: ConsultantOutput,
  platformContext: Record<string, unknown>,
  answered: string[],
  claimForSending: boolean,
): Promise<
  { status: 'replied'; replyId: string; answered: string[]; claimed: boolean; sendable: SendableReply } | Extract<TurnOutcome, { status: 'discarded' }>
> {
  const request = {
    conversationId: conv.id,
    clinicId: conv.clinicId,
    leaseId,
    version: conv.version,
    replyId: randomUUID(),
    content: out.text,
    language: out.language,
    translated: out.translatedKo ?? null,
    translatedLanguage: out.translatedKo ? 'ko' : null,
    aiMetadata: { ...out.aiMetadata, answers: answered },
    platformContext,
    preview: previewOf(out.translatedKo ?? out.text),
    claim: claimForSending,
    answered,
  };
  const committed = await commitTurn(deps.sql, request);
  if (committed) return { status: 'replied', replyId: committed.replyId, answered, claimed: committed.claimed, sendable: sendableCommitted(conv, request) };
  return { status: 'discarded', reason: (await turnLeaseHolder(deps.sql, conv.id)) === leaseId ? 'taken_over' : 'lease_lost' };
}

/**
 * The AI asked for a human: the conversation waits for staff, the customer's messages are answered by a
 * notice telling them so (stored as a reply, sent like one), with a notification (urgent for a medical
 * emergency) and an audit row, in one transaction that re-checks the lease and version (rare path).
 */
async function commitHandoff(
  deps: PipelineDeps,
  conv: ClaimedTurn,
  leaseId: string,
  out: ConsultantOutput,
  platformContext: Record<string, unknown>,
  answered: string[],
): Promise<Extract<TurnOutcome, { status: 'handoff' | 'discarded' }>> {
  const reason = out.handoff!.reason;
  const urgent = !!out.handoff!.urgent;
  return deps.db.$transaction(async (tx) => {
    const current = await lockTurnConversation(tx, conv.id);
    if (!current || current.leaseId !== leaseId) return { status: 'discarded' as const, reason: 'lease_lost' };
    if (current.version !== conv.version || !current.aiMode || current.status === 'waiting') return { status: 'discarded' as const, reason: 'taken_over' };
    let noticeId: string | undefined;
    if (out.text.trim()) {
      const notice = await tx.message.create({
        data: {
          clinicId: conv.clinicId,
          conversationId: conv.id,
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
        select: { id: true },
      });
      noticeId = notice.id;
      await tx.message.updateMany({ where: { id: { in: answered }, answeredById: null }, data: { answeredById: noticeId } });
    }
    await tx.conversation.update({
      where: { id: conv.id },
      data: { status: 'waiting', handoffReason: reason, version: { increment: 1 }, turnLeaseId: null, turnLeaseUntil: null, lastMessageAt: new Date() },
    });
    await tx.notification.create({
      data: {
        clinicId: conv.clinicId,
        audience: 'staff',
        kind: urgent ? 'emergency' : 'handoff',
        title: urgent ? '긴급: 의료 응급 상황 의심 — 즉시 확인하세요' : '상담원 연결 필요',
        body: reason,
        data: { conversationId: conv.id, messageIds: answered, urgent, ...(noticeId ? { noticeId } : {}) },
      },
    });
    await audit(tx, {
      clinicId: conv.clinicId,
      actorType: 'ai',
      action: 'conversation.handoff',
      entityType: 'conversation',
      entityId: conv.id,
      before: { status: conv.status },
      after: { status: 'waiting', reason, urgent, customerTold: !!noticeId },
    });
    return { status: 'handoff' as const, reason, answered, ...(noticeId ? { noticeId } : {}) };
  });
}
