import { randomUUID } from 'node:crypto';
import { InboundEventSchema, type InboundEvent } from '@hub/messengers';
import { QUEUES, chatOrderKey, earlierPending, inboundJobId, isOrdered, recordStored, type InboundJob, type LiveEvent } from '@hub/queue';
import { findStoredMessage, storeMessage, type FoundMessage, type StoreItem, type StoredMessage } from '@hub/db';
import type { PipelineDeps } from './deps';
import { countryForLanguage, normalizeLanguageHint, previewOf } from './language';
import { PipelineError } from './errors';

const RECEIPT_KINDS = new Set(['delivery', 'read', 'echo']);
/** In-process polls (and their gap) for an earlier message of the chat before the job is delayed. */
const CHAT_WAIT_POLLS = 20;
const CHAT_WAIT_POLL_MS = 10;

function contentOf(e: InboundEvent): { content: string; contentType: string } {
  if (e.kind === 'text' || e.kind === 'postback') return { content: e.text ?? e.postbackData ?? '', contentType: e.kind === 'postback' ? 'postback' : 'text' };
  const a = e.attachments[0];
  if (e.kind === 'location' && a) return { content: e.text ?? a.title ?? `📍 ${a.latitude},${a.longitude}`, contentType: 'location' };
  const type = e.kind === 'image' || e.kind === 'sticker' ? e.kind : 'file';
  return { content: e.text ?? `[${e.kind}]`, contentType: type };
}

/**
 * Stores one platform event. The message row's unique platform id (per messenger account: ids are
 * unique per bot, not per clinic) makes a redelivery a no-op; the
 * follow-up jobs (turn, satisfaction, media) are enqueued after the commit with ids derived from the
 * message, so re-running this after a crash between commit and enqueue finishes the work once.
 */
export async function handleInboundEvent(
  deps: PipelineDeps,
  job: InboundJob,
  opts: { retried?: boolean } = {},
): Promise<{ status: 'stored' | 'duplicate' | 'receipt' | 'profile' | 'wait'; messageId?: string }> {
  const { db, producers, live, translator } = deps;
  const event = InboundEventSchema.parse({ ...job.event, clinicId: job.clinicId, accountId: job.accountId });

  if (RECEIPT_KINDS.has(event.kind)) {
    await applyReceipt(deps, event);
    return { status: 'receipt' };
  }

  // In arrival order per chat: an earlier message of this chat not stored yet (its job stuck on a killed
  // worker, say) goes first; this job waits for it without spending an attempt.
  const order = isOrdered(job.event)
    ? { key: chatOrderKey(producers.opts.prefix ?? 'hub', job.accountId, event.externalUserId), id: inboundJobId(job.accountId, event.externalMessageId) }
    : undefined;
  if (order) {
    // Usually the earlier message is being stored this very moment: wait a little here before the
    // queue's coarser delay.
    const jobKey = (id: string) => `${producers.opts.prefix ?? 'hub'}:${QUEUES.inbound}:${id}`;
    let blocked = await earlierPending(deps.redis, order.key, order.id, jobKey);
    for (let i = 0; blocked && i < CHAT_WAIT_POLLS; i++) {
      await new Promise((r) => setTimeout(r, CHAT_WAIT_POLL_MS));
      blocked = await earlierPending(deps.redis, order.key, order.id, jobKey);
    }
    if (blocked) return { status: 'wait' };
  }
  const releaseChat = order ? () => recordStored(deps.redis, order.key, order.id) : undefined;

  // A job run again (after a crash or an outage) may have stored its message already: found, it is not
  // translated again (the only costly step); only the rest of the first run is done.
  if (opts.retried && event.kind !== 'follow' && event.kind !== 'unfollow') {
    const existing = await findStored(deps, event);
    if (existing) return finishRedelivery(deps, event, job, existing, releaseChat);
  }

  const hint = normalizeLanguageHint(event.languageHint);
  const { content, contentType } = contentOf(event);
  const hasText = event.kind === 'text' || event.kind === 'postback' || !!event.text;
  const translation =
    hasText && content ? await translator.toKorean(event.clinicId, content, hint) : { language: hint ?? 'und', korean: null, translated: false };
  const language = translation.language !== 'und' ? translation.language : hint;

  if (event.kind === 'follow' || event.kind === 'unfollow') {
    // Rare profile events: the customer only, no conversation.
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
    await db.customer.update({
      where: { id: customer.id },
      data: {
        tags: event.kind === 'unfollow' ? { set: [...new Set([...customer.tags, 'unfollowed'])] } : { set: customer.tags.filter((t) => t !== 'unfollowed') },
      },
    });
    return { status: 'profile' };
  }

  const messageId = randomUUID();
  const sentAt = new Date(event.sentAt);
  const platformContext: Record<string, unknown> = { receivedAt: job.receivedAt, requestId: job.requestId };
  if (event.replyToken) platformContext.replyToken = event.replyToken;
  if (event.callbackUrl) platformContext.callbackUrl = event.callbackUrl;
  if (event.postbackData) platformContext.postbackData = event.postbackData;

  const row = await store(deps, event, language, {
    messageId,
    content,
    contentType,
    korean: translation.korean,
    sentAt,
    preview: previewOf(translation.korean ?? content),
    platformContext,
  });
  await learnCustomerProfile(deps, row, event, language);
  if (!row.inserted) {
    // A redelivery: the message (and so its follow-up jobs) already exists.
    const existing = await findStored(deps, event);
    if (!existing) throw new PipelineError('transient', 'message_not_found', `message ${event.externalMessageId} neither inserted nor found`);
    return finishRedelivery(deps, event, job, existing, releaseChat);
  }
  const id: string = messageId;
  const conv = row.conversation!;
  const follow = followUps(deps, event, job, { ...conv, messageId: id }, !!deps.scoreSatisfaction, releaseChat);
  const satisfactionJob = { clinicId: event.clinicId, conversationId: conv.id, messageId: id };

  // The console's live events for this message, its conversation and (scored inline) its satisfaction.
  const events: LiveEvent[] = [
    { type: 'message.created', clinicId: event.clinicId, data: { conversationId: conv.id, messageId: id, senderType: 'customer' } },
    {
      type: 'conversation.updated',
      clinicId: event.clinicId,
      data: {
        conversationId: conv.id,
        lastMessageAt: conv.lastMessageAt,
        preview: conv.lastMessagePreview,
        unreadCount: conv.unreadCount,
        status: conv.status,
      },
    },
  ];
  if (deps.scoreSatisfaction) {
    try {
      // The statement that stored the message read what the scorer reads: no second read.
      await deps.scoreSatisfaction(satisfactionJob, { publish: async (e) => (events.push(e), '') }, row.scoring);
    } catch (err) {
      deps.logger.warn({ messageId: id, err }, 'inline satisfaction scoring failed; queued');
      follow.push(() => producers.addSatisfaction(satisfactionJob));
    }
  }
  // The follow-up jobs and the live events are issued together (in this order on one connection), not
  // one round trip after another. Until they are queued the job is not done, so a crash before this
  // point re-runs it and the redelivery path above queues them.
  await Promise.all([...follow.map((f) => f()), live.publishMany(events)]);
  return { status: 'stored', messageId: id };
}

/** The stored message of a platform event (per messenger account), if any. */
function findStored(deps: PipelineDeps, event: InboundEvent): Promise<FoundMessage | undefined> {
  return findStoredMessage(deps.sql, event);
}

/**
 * The follow-up jobs of a stored message. Their ids derive from the message, so queuing them again after
 * a crash adds nothing twice. Satisfaction is scored inline for a newly stored message (one job less);
 * a redelivery, a worker without an inline scorer, or a scoring error hands it to the satisfaction queue.
 */
function followUps(
  deps: PipelineDeps,
  event: InboundEvent,
  job: InboundJob,
  m: { id: string; aiMode: boolean; status: string; messageId: string },
  scoredInline: boolean,
  releaseChat: (() => Promise<unknown>) | undefined,
): (() => Promise<unknown>)[] {
  const { producers } = deps;
  const follow: (() => Promise<unknown>)[] = [];
  if (m.aiMode && m.status !== 'waiting')
    follow.push(() => producers.addTurn({ clinicId: event.clinicId, conversationId: m.id, requestId: job.requestId }, deps.turnWindowMs));
  const satisfactionJob = { clinicId: event.clinicId, conversationId: m.id, messageId: m.messageId };
  if (!scoredInline) follow.push(() => producers.addSatisfaction(satisfactionJob));
  if (event.attachments.some((a) => a.mediaId || a.url)) follow.push(() => producers.addMedia({ clinicId: event.clinicId, messageId: m.messageId }));
  // The summary is a convenience for staff: failing to queue it never fails the message.
  const summaryWindow = deps.summaryWindowMs;
  if (summaryWindow !== undefined)
    follow.push(() =>
      producers
        .addSummary({ clinicId: event.clinicId, conversationId: m.id }, summaryWindow)
        .catch((err: unknown) => deps.logger.warn({ conversationId: m.id, err }, 'summary not queued')),
    );
  if (releaseChat) follow.push(releaseChat);
  return follow;
}

/** The message exists: queue again what an interrupted first run may not have (no-ops for the jobs that exist). */
async function finishRedelivery(
  deps: PipelineDeps,
  event: InboundEvent,
  job: InboundJob,
  existing: FoundMessage,
  releaseChat: (() => Promise<unknown>) | undefined,
): Promise<{ status: 'duplicate'; messageId: string }> {
  const follow = followUps(
    deps,
    event,
    job,
    { id: existing.conversationId, aiMode: existing.aiMode, status: existing.status, messageId: existing.id },
    false,
    releaseChat,
  );
  await Promise.all(follow.map((f) => f()));
  return { status: 'duplicate', messageId: existing.id };
}

interface NewMessage {
  messageId: string;
  content: string;
  contentType: string;
  korean: string | null;
  sentAt: Date;
  preview: string;
  platformContext: Record<string, unknown>;
}

/**
 * Stores one customer message (storeMessage, shared with concurrent jobs). A message whose customer or
 * conversation another transaction was inserting at the same time gets no conversation and is stored again.
 */
async function store(deps: PipelineDeps, event: InboundEvent, language: string | undefined, m: NewMessage): Promise<StoredMessage> {
  const item: StoreItem = {
    clinicId: event.clinicId,
    platform: event.platform,
    userId: event.externalUserId,
    displayName: event.displayName ?? null,
    language: language ?? null,
    country: countryForLanguage(language) ?? null,
    accountId: event.accountId,
    messageId: m.messageId,
    externalMessageId: event.externalMessageId,
    content: m.content,
    contentType: m.contentType,
    korean: m.korean,
    sentAt: m.sentAt.toISOString(),
    preview: m.preview,
    attachments: event.attachments,
    platformContext: m.platformContext,
  };
  for (let attempt = 0; ; attempt++) {
    const row = await storeMessage(deps.sql, item);
    if (row?.conversation) return row;
    if (attempt >= 5)
      throw new PipelineError(
        'transient',
        'conversation_contended',
        `could not find or create the customer/conversation for ${event.platform} user ${event.externalUserId}`,
      );
  }
}

/** Rare: a new display name, or a language learnt for a customer who had none. */
async function learnCustomerProfile(deps: PipelineDeps, row: StoredMessage, event: InboundEvent, language: string | undefined): Promise<void> {
  const displayName = event.displayName && event.displayName !== row.customer.displayName ? event.displayName : undefined;
  const learnLanguage = !row.customer.languageCode && language ? language : undefined;
  if (!displayName && !learnLanguage) return;
  await deps.db.customer.update({
    where: { id: row.customer.id },
    data: {
      ...(displayName ? { displayName } : {}),
      ...(learnLanguage ? { languageCode: learnLanguage, countryCode: row.customer.countryCode ?? countryForLanguage(learnLanguage) ?? null } : {}),
    },
  });
}

/** Delivery/read receipts and echoes of our own sends update our messages; they are never customer messages. */
async function applyReceipt(deps: PipelineDeps, event: InboundEvent): Promise<void> {
  const ids = (event.receiptFor ?? []).filter((x) => !x.startsWith('watermark:'));
  if (event.kind === 'read' && ids.length) {
    await deps.db.message.updateMany({
      where: { clinicId: event.clinicId, messengerAccountId: event.accountId, messengerMessageId: { in: ids }, senderType: { in: ['ai', 'staff'] } },
      data: { isRead: true, readAt: new Date(event.sentAt) },
    });
  }
  if (event.receiptStatus === 'failed' && ids.length) {
    await deps.db.message.updateMany({
      where: { clinicId: event.clinicId, messengerAccountId: event.accountId, messengerMessageId: { in: ids } },
      data: { deliveryStatus: 'failed', deliveryError: 'platform reported delivery failure' },
    });
  }
}
