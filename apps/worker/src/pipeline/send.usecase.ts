import { audit } from '@hub/db';
import { outboundFactories, SendError, type Platform, type OutboundAdapter } from '@hub/messengers';
import type { SendJob } from '@hub/queue';
import type { PipelineDeps } from './deps';
import { acquireSendSlot } from './rate-limiter';

export type SendOutcome =
  | { status: 'sent'; externalIds: string[] }
  | { status: 'already_done' }
  | { status: 'wait'; ms: number; reason: string }
  | { status: 'failed'; code: string; reason: string };

const NOT_DELIVERABLE = new Set(['window_closed', 'template_required', 'not_deliverable']);

/** Senders are cached per account so telegraf / LINE clients and their keep-alive agents are reused. */
const senderCache = new Map<string, { key: unknown; sender: OutboundAdapter }>();

/**
 * Sends one stored reply through the clinic's own account. Replies of a conversation go out in order:
 * a reply waits while an earlier one of the same conversation is still pending.
 * Failure kinds: transient → SendError rethrown (BullMQ retries, honouring the platform's wait);
 * auth → account marked disconnected, message failed, clinic alerted; permanent → message failed.
 */
export async function sendReply(deps: PipelineDeps, job: SendJob, isLastAttempt: boolean): Promise<SendOutcome> {
  const { db } = deps;
  const msg = await db.message.findUnique({
    where: { id: job.messageId },
    include: { conversation: { include: { customer: true, messengerAccount: true } } },
  });
  if (!msg || msg.clinicId !== job.clinicId) return { status: 'failed', code: 'not_found', reason: 'message not found' };
  if (msg.deliveryStatus !== 'pending' && msg.deliveryStatus !== 'sending') return { status: 'already_done' };

  const earlier = await db.message.findFirst({
    where: { conversationId: msg.conversationId, senderType: { in: ['ai', 'staff'] }, deliveryStatus: { in: ['pending', 'sending'] }, seq: { lt: msg.seq } },
    select: { id: true },
  });
  if (earlier) return { status: 'wait', ms: 250, reason: 'earlier reply pending' };

  const account = msg.conversation.messengerAccount;
  const platform = account.messengerType as Platform;
  const wait = await acquireSendSlot(deps.redis, account.id, platform);
  if (wait > 0) return { status: 'wait', ms: wait, reason: 'rate_limited_locally' };

  const ctx = (msg.platformContext ?? {}) as { replyToken?: string; replyTokenExpiresAt?: string; callbackUrl?: string; callbackExpiresAt?: string };
  const now = Date.now();
  try {
    // Inside the try: stored credentials that fail the sender's schema are an auth failure
    // (SendError 'credentials_invalid') and must disconnect the account like a revoked token.
    const cacheKey = `${account.id}:${account.updatedAt.getTime()}`;
    let cached = senderCache.get(account.id);
    if (!cached || cached.key !== cacheKey) {
      cached = { key: cacheKey, sender: outboundFactories[platform](deps.keyring.decrypt(account.credentials), deps.outbound) };
      senderCache.set(account.id, cached);
    }
    await db.message.update({ where: { id: msg.id }, data: { deliveryStatus: 'sending', deliveryAttempts: { increment: 1 } } });
    const result = await cached.sender.send({
      to: msg.conversation.customer.messengerUserId,
      // Staff write Korean (content) and the customer gets the translation; AI replies are written in the customer's language.
      text: msg.senderType === 'staff' ? (msg.translatedContent ?? msg.content) : msg.content,
      idempotencyKey: msg.id,
      replyToken: ctx.replyToken && ctx.replyTokenExpiresAt && Date.parse(ctx.replyTokenExpiresAt) > now ? ctx.replyToken : undefined,
      callbackUrl: ctx.callbackUrl && ctx.callbackExpiresAt && Date.parse(ctx.callbackExpiresAt) > now ? ctx.callbackUrl : undefined,
      lastCustomerMessageAt: msg.conversation.lastCustomerMessageAt ?? undefined,
      fromStaff: msg.senderType === 'staff',
    });
    // Telegram message ids are unique per chat only: qualify them so the (clinic, platform, id) key holds.
    const ids = result.externalIds.map((id) => (platform === 'telegram' ? `${msg.conversation.customer.messengerUserId}:${id}` : id));
    await db.message.update({
      where: { id: msg.id },
      data: { deliveryStatus: 'sent', sentAt: new Date(), messengerType: platform, messengerMessageId: ids[0] ?? null, messengerMessageIds: ids, deliveryError: null },
    });
    await deps.live.publish({ type: 'message.updated', clinicId: msg.clinicId, data: { conversationId: msg.conversationId, messageId: msg.id, deliveryStatus: 'sent' } });
    return { status: 'sent', externalIds: ids };
  } catch (err) {
    if (!(err instanceof SendError)) {
      await db.message.update({ where: { id: msg.id }, data: { deliveryStatus: 'pending', deliveryError: (err as Error).message } });
      throw err;
    }
    if (err.kind === 'transient' && !isLastAttempt) {
      await db.message.update({ where: { id: msg.id }, data: { deliveryStatus: 'pending', deliveryError: `${err.code}: ${err.message}` } });
      throw err;
    }
    const status = NOT_DELIVERABLE.has(err.code) ? 'not_deliverable' : 'failed';
    const reason = `${err.code}: ${err.message}`;
    await db.message.update({ where: { id: msg.id }, data: { deliveryStatus: status, deliveryError: reason } });
    if (err.kind === 'auth') {
      await db.messengerAccount.update({ where: { id: account.id }, data: { isConnected: false, connectionError: reason } });
      await audit(db, { clinicId: msg.clinicId, actorType: 'system', action: 'messenger_account.disconnected', entityType: 'messenger_account', entityId: account.id, after: { reason: err.code } });
      await db.notification.create({
        data: { clinicId: msg.clinicId, audience: 'admin', kind: 'account_disconnected', title: `${platform} 계정 연결 끊김`, body: reason, data: { accountId: account.id } },
      });
      await deps.live.publish({ type: 'account.disconnected', clinicId: msg.clinicId, data: { accountId: account.id, platform, reason } });
    }
    await db.notification.create({
      data: {
        clinicId: msg.clinicId,
        audience: 'staff',
        kind: status === 'not_deliverable' ? 'not_deliverable' : 'send_failed',
        title: err.code === 'template_required' ? 'WhatsApp 24시간 창 종료: 템플릿 메시지가 필요합니다' : '메시지 전송 실패',
        body: reason,
        data: { conversationId: msg.conversationId, messageId: msg.id },
      },
    });
    await deps.live.publish({ type: 'send.failed', clinicId: msg.clinicId, data: { conversationId: msg.conversationId, messageId: msg.id, status, reason } });
    return { status: 'failed', code: err.code, reason };
  }
}
