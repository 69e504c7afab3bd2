import { randomUUID } from 'node:crypto';
import { InboundEventSchema, type InboundEvent } from '@hub/messengers';
import type { InboundJob } from '@hub/queue';
import type { PipelineDeps } from './deps';
import { countryForLanguage, normalizeLanguageHint, previewOf } from './language';

const RECEIPT_KINDS = new Set(['delivery', 'read', 'echo']);

function contentOf(e: InboundEvent): { content: string; contentType: string } {
  if (e.kind === 'text' || e.kind === 'postback') return { content: e.text ?? e.postbackData ?? '', contentType: e.kind === 'postback' ? 'postback' : 'text' };
  const a = e.attachments[0];
  if (e.kind === 'location' && a) return { content: e.text ?? a.title ?? `📍 ${a.latitude},${a.longitude}`, contentType: 'location' };
  const type = e.kind === 'image' || e.kind === 'sticker' ? e.kind : 'file';
  return { content: e.text ?? `[${e.kind}]`, contentType: type };
}

/**
 * Stores one platform event. The message row's unique platform id makes a redelivery a no-op; the
 * follow-up jobs (turn, satisfaction, media) are enqueued after the commit with ids derived from the
 * message, so re-running this after a crash between commit and enqueue finishes the work once.
 */
export async function handleInboundEvent(deps: PipelineDeps, job: InboundJob): Promise<{ status: 'stored' | 'duplicate' | 'receipt' | 'profile'; messageId?: string }> {
  const { db, producers, live, translator } = deps;
  const event = InboundEventSchema.parse({ ...job.event, clinicId: job.clinicId, accountId: job.accountId });

  if (RECEIPT_KINDS.has(event.kind)) {
    await applyReceipt(deps, event);
    return { status: 'receipt' };
  }

  const hint = normalizeLanguageHint(event.languageHint);
  const { content, contentType } = contentOf(event);
  const hasText = event.kind === 'text' || event.kind === 'postback' || !!event.text;
  const translation = hasText && content ? await translator.toKorean(event.clinicId, content, hint) : { language: hint ?? 'und', korean: null, translated: false };
  const language = translation.language !== 'und' ? translation.language : hint;

  const customer = await db.customer.upsert({
    where: { clinicId_messengerType_messengerUserId: { clinicId: event.clinicId, messengerType: event.platform, messengerUserId: event.externalUserId } },
    create: {
      clinicId: event.clinicId,
      messengerType: event.platform,
      messengerUserId: event.externalUserId,
      displayName: event.displayName ?? null,
      name: event.displayName ?? null,
      languageCode: language ?? null,
      countryCode: countryForLanguage(language) ?? null,
    },
    update: event.displayName ? { displayName: event.displayName } : {},
  });
  if (!customer.languageCode && language) {
    await db.customer.update({ where: { id: customer.id }, data: { languageCode: language, countryCode: customer.countryCode ?? countryForLanguage(language) ?? null } });
  }

  if (event.kind === 'follow' || event.kind === 'unfollow') {
    await db.customer.update({
      where: { id: customer.id },
      data: { tags: event.kind === 'unfollow' ? { set: [...new Set([...customer.tags, 'unfollowed'])] } : { set: customer.tags.filter((t) => t !== 'unfollowed') } },
    });
    return { status: 'profile' };
  }

  const conversation = await db.conversation.upsert({
    where: { customerId_messengerAccountId: { customerId: customer.id, messengerAccountId: event.accountId } },
    create: { clinicId: event.clinicId, customerId: customer.id, messengerAccountId: event.accountId },
    update: {},
  });

  const messageId = randomUUID();
  const sentAt = new Date(event.sentAt);
  const platformContext: Record<string, unknown> = { receivedAt: job.receivedAt, requestId: job.requestId };
  if (event.replyToken) platformContext.replyToken = event.replyToken;
  if (event.callbackUrl) platformContext.callbackUrl = event.callbackUrl;
  if (event.postbackData) platformContext.postbackData = event.postbackData;

  const stored = await db.$transaction(async (tx) => {
    const inserted = await tx.message.createMany({
      data: [
        {
          id: messageId,
          conversationId: conversation.id,
          clinicId: event.clinicId,
          senderType: 'customer',
          senderId: customer.id,
          content,
          contentType,
          originalLanguage: language ?? null,
          translatedContent: translation.korean,
          translatedLanguage: translation.korean ? 'ko' : null,
          messengerType: event.platform,
          messengerMessageId: event.externalMessageId,
          platformSentAt: sentAt,
          attachments: event.attachments,
          platformContext: platformContext as object,
          deliveryStatus: 'received',
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return null;
    const updated = await tx.conversation.update({
      where: { id: conversation.id },
      data: {
        lastMessageAt: new Date(),
        lastMessagePreview: previewOf(translation.korean ?? content),
        unreadCount: { increment: 1 },
        lastCustomerMessageAt: conversation.lastCustomerMessageAt && conversation.lastCustomerMessageAt > sentAt ? undefined : sentAt,
        // A resolved or archived conversation reopens on a new message.
        ...(conversation.status === 'resolved' || conversation.status === 'archived' ? { status: 'active' } : {}),
      },
    });
    return updated;
  });

  const id =
    stored !== null
      ? messageId
      : (
          await db.message.findUniqueOrThrow({
            where: { clinicId_messengerType_messengerMessageId: { clinicId: event.clinicId, messengerType: event.platform, messengerMessageId: event.externalMessageId } },
            select: { id: true },
          })
        ).id;

  const conv = stored ?? (await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } }));
  if (conv.aiMode && conv.status !== 'waiting') await producers.addTurn({ clinicId: event.clinicId, conversationId: conv.id, requestId: job.requestId }, deps.turnWindowMs);
  await producers.addSatisfaction({ clinicId: event.clinicId, conversationId: conv.id, messageId: id });
  if (event.attachments.some((a) => a.mediaId || a.url)) await producers.addMedia({ clinicId: event.clinicId, messageId: id });

  if (stored) {
    await live.publish({ type: 'message.created', clinicId: event.clinicId, data: { conversationId: conv.id, messageId: id, senderType: 'customer' } });
    await live.publish({
      type: 'conversation.updated',
      clinicId: event.clinicId,
      data: { conversationId: conv.id, lastMessageAt: conv.lastMessageAt, preview: conv.lastMessagePreview, unreadCount: conv.unreadCount, status: conv.status },
    });
  }
  return { status: stored ? 'stored' : 'duplicate', messageId: id };
}

/** Delivery/read receipts and echoes of our own sends update our messages; they are never customer messages. */
async function applyReceipt(deps: PipelineDeps, event: InboundEvent): Promise<void> {
  const ids = (event.receiptFor ?? []).filter((x) => !x.startsWith('watermark:'));
  if (event.kind === 'read' && ids.length) {
    await deps.db.message.updateMany({
      where: { clinicId: event.clinicId, messengerType: event.platform, messengerMessageId: { in: ids }, senderType: { in: ['ai', 'staff'] } },
      data: { isRead: true, readAt: new Date(event.sentAt) },
    });
  }
  if (event.receiptStatus === 'failed' && ids.length) {
    await deps.db.message.updateMany({
      where: { clinicId: event.clinicId, messengerType: event.platform, messengerMessageId: { in: ids } },
      data: { deliveryStatus: 'failed', deliveryError: 'platform reported delivery failure' },
    });
  }
}
