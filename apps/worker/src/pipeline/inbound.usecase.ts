import { randomUUID } from 'node:crypto';
import { InboundEventSchema, type InboundEvent } from '@hub/messengers';
import type { InboundJob, LiveEvent } from '@hub/queue';
import { SATISFACTION_WINDOW, type SatisfactionWindowMessage } from '@hub/satisfaction';
import { sqlOf, type PipelineDeps } from './deps';
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
      data: { tags: event.kind === 'unfollow' ? { set: [...new Set([...customer.tags, 'unfollowed'])] } : { set: customer.tags.filter((t) => t !== 'unfollowed') } },
    });
    return { status: 'profile' };
  }

  const messageId = randomUUID();
  const sentAt = new Date(event.sentAt);
  const platformContext: Record<string, unknown> = { receivedAt: job.receivedAt, requestId: job.requestId };
  if (event.replyToken) platformContext.replyToken = event.replyToken;
  if (event.callbackUrl) platformContext.callbackUrl = event.callbackUrl;
  if (event.postbackData) platformContext.postbackData = event.postbackData;

  const row = await storeMessage(deps, event, language, {
    messageId,
    content,
    contentType,
    korean: translation.korean,
    sentAt,
    preview: previewOf(translation.korean ?? content),
    platformContext,
  });
  await learnCustomerProfile(deps, row, event, language);
  const stored = row.message_id != null;

  let id: string = messageId;
  let conv = { id: row.conversation_id!, aiMode: row.ai_mode!, status: row.status! };
  if (!stored) {
    // A redelivery: the message (and so its follow-up jobs) already exists.
    const [existing] = await sqlOf(deps)<{ id: string; conversation_id: string; ai_mode: boolean; status: string }>`
      SELECT m.id, m.conversation_id, c.ai_mode, c.status FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.clinic_id = ${event.clinicId}::uuid AND m.messenger_type = ${event.platform} AND m.messenger_message_id = ${event.externalMessageId}`;
    if (!existing) throw new Error(`message ${event.externalMessageId} neither inserted nor found`);
    id = existing.id;
    conv = { id: existing.conversation_id, aiMode: existing.ai_mode, status: existing.status };
  }

  // Follow-up jobs have ids derived from the message, so re-running after a crash adds nothing twice.
  const follow: (() => Promise<unknown>)[] = [];
  if (conv.aiMode && conv.status !== 'waiting') follow.push(() => producers.addTurn({ clinicId: event.clinicId, conversationId: conv.id, requestId: job.requestId }, deps.turnWindowMs));
  // Satisfaction: scored inline for a newly stored message (one job less per message); a redelivery, a
  // worker without an inline scorer, or a scoring error hands it to the satisfaction queue (retried there).
  const satisfactionJob = { clinicId: event.clinicId, conversationId: conv.id, messageId: id };
  if (!stored || !deps.scoreSatisfaction) follow.push(() => producers.addSatisfaction(satisfactionJob));
  if (event.attachments.some((a) => a.mediaId || a.url)) follow.push(() => producers.addMedia({ clinicId: event.clinicId, messageId: id }));
  if (!stored) {
    // Queued again: a no-op for the jobs that exist, the rest of an interrupted first run otherwise.
    await Promise.all(follow.map((f) => f()));
    return { status: 'duplicate', messageId: id };
  }

  // The console's live events for this message, its conversation and (scored inline) its satisfaction.
  const events: LiveEvent[] = [
    { type: 'message.created', clinicId: event.clinicId, data: { conversationId: conv.id, messageId: id, senderType: 'customer' } },
    {
      type: 'conversation.updated',
      clinicId: event.clinicId,
      data: { conversationId: conv.id, lastMessageAt: row.last_message_at, preview: row.last_message_preview, unreadCount: row.unread_count, status: row.status },
    },
  ];
  if (deps.scoreSatisfaction) {
    try {
      // The statement that stored the message read the scorer's window too: no second read.
      const window = [...(row.history ?? []), { id, sender: 'customer', text: content, language: language ?? null, at: sentAt.getTime(), answeredById: null }];
      const preread = { sender_type: 'customer', scored: false, conversation_found: true, status: row.status, handoff_reason: row.handoff_reason, history: window, previous_score: row.previous_score };
      await deps.scoreSatisfaction(satisfactionJob, { publish: async (e) => (events.push(e), '') }, preread);
    } catch (err) {
      deps.logger.warn({ messageId: id, err: (err as Error).message }, 'inline satisfaction scoring failed; queued');
      follow.push(() => producers.addSatisfaction(satisfactionJob));
    }
  }
  // The follow-up jobs and the live events are issued together (in this order on one connection), not
  // one round trip after another. Until they are queued the job is not done, so a crash before this
  // point re-runs it and the redelivery path above queues them.
  await Promise.all([...follow.map((f) => f()), live.publishMany(events)]);
  return { status: 'stored', messageId: id };
}

interface StoredRow {
  customer_id: string;
  display_name: string | null;
  language_code: string | null;
  country_code: string | null;
  conversation_id: string | null;
  /** Null: not inserted (a redelivery hit the unique platform id). */
  message_id: string | null;
  status: string | null;
  ai_mode: boolean | null;
  handoff_reason: string | null;
  last_message_at: Date | null;
  last_message_preview: string | null;
  unread_count: number | null;
  /** The conversation's latest messages before this one, oldest first (the satisfaction scorer's window). */
  history: SatisfactionWindowMessage[] | null;
  previous_score: number | null;
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
 * One statement stores a customer message: finds or creates the customer (per clinic, platform and
 * platform user) and the conversation (per customer and messenger account), inserts the message (a
 * redelivery hits the unique platform id and inserts nothing) and, only when it was inserted, updates
 * the conversation's last message, preview, unread count and reopens it. A new conversation is inserted
 * with those already set. It also reads what the satisfaction scorer needs (the window of earlier
 * messages and the previous score). INSERT … ON CONFLICT DO NOTHING leaves existing rows untouched;
 * when another transaction inserted the same customer or conversation concurrently, this statement's
 * snapshot cannot see it and nothing is written: the statement is simply run again.
 */
async function storeMessage(deps: PipelineDeps, event: InboundEvent, language: string | undefined, m: NewMessage): Promise<StoredRow> {
  for (let attempt = 0; ; attempt++) {
    const [row] = await sqlOf(deps)<StoredRow>`
      WITH cins AS (
        INSERT INTO customers (clinic_id, messenger_type, messenger_user_id, display_name, name, language_code, country_code)
        VALUES (${event.clinicId}::uuid, ${event.platform}, ${event.externalUserId}, ${event.displayName ?? null}, ${event.displayName ?? null},
                ${language ?? null}, ${countryForLanguage(language) ?? null})
        ON CONFLICT (clinic_id, messenger_type, messenger_user_id) DO NOTHING
        RETURNING id, display_name, language_code, country_code
      ), cust AS (
        SELECT id, display_name, language_code, country_code FROM cins
        UNION ALL
        SELECT id, display_name, language_code, country_code FROM customers
        WHERE clinic_id = ${event.clinicId}::uuid AND messenger_type = ${event.platform} AND messenger_user_id = ${event.externalUserId}
          AND NOT EXISTS (SELECT 1 FROM cins)
      ), vins AS (
        INSERT INTO conversations (clinic_id, customer_id, messenger_account_id, last_message_at, last_message_preview, unread_count, last_customer_message_at)
        SELECT ${event.clinicId}::uuid, cust.id, ${event.accountId}::uuid, now(), ${m.preview}, 1, ${m.sentAt}::timestamptz FROM cust
        ON CONFLICT (customer_id, messenger_account_id) DO NOTHING
        RETURNING id, status, ai_mode, handoff_reason, last_message_at, last_message_preview, unread_count
      ), vold AS (
        SELECT v.id, v.status, v.ai_mode, v.handoff_reason FROM conversations v, cust
        WHERE v.customer_id = cust.id AND v.messenger_account_id = ${event.accountId}::uuid AND NOT EXISTS (SELECT 1 FROM vins)
      ), conv AS (
        SELECT id FROM vins UNION ALL SELECT id FROM vold
      ), msg AS (
        INSERT INTO messages (id, conversation_id, clinic_id, sender_type, sender_id, content, content_type, original_language,
                              translated_content, translated_language, messenger_type, messenger_message_id, platform_sent_at,
                              attachments, platform_context, delivery_status)
        SELECT ${m.messageId}::uuid, conv.id, ${event.clinicId}::uuid, 'customer', cust.id, ${m.content}, ${m.contentType},
               ${language ?? null}, ${m.korean}, ${m.korean ? 'ko' : null}, ${event.platform}, ${event.externalMessageId},
               ${m.sentAt}::timestamptz, ${JSON.stringify(event.attachments)}::jsonb, ${JSON.stringify(m.platformContext)}::jsonb, 'received'
        FROM conv, cust
        ON CONFLICT (clinic_id, messenger_type, messenger_message_id) DO NOTHING
        RETURNING id
      ), upd AS (
        UPDATE conversations SET
          last_message_at = now(),
          last_message_preview = ${m.preview},
          unread_count = unread_count + 1,
          last_customer_message_at = CASE WHEN last_customer_message_at IS NULL OR last_customer_message_at <= ${m.sentAt}::timestamptz THEN ${m.sentAt}::timestamptz ELSE last_customer_message_at END,
          status = CASE WHEN status IN ('resolved', 'archived') THEN 'active' ELSE status END
        WHERE id = (SELECT id FROM vold) AND EXISTS (SELECT 1 FROM msg)
        RETURNING id, status, ai_mode, handoff_reason, last_message_at, last_message_preview, unread_count
      )
      SELECT cust.id AS customer_id, cust.display_name, cust.language_code, cust.country_code, conv.id AS conversation_id,
             (SELECT id FROM msg) AS message_id,
             coalesce(vins.status, upd.status, vold.status) AS status, coalesce(vins.ai_mode, upd.ai_mode, vold.ai_mode) AS ai_mode,
             CASE WHEN vins.id IS NOT NULL THEN vins.handoff_reason WHEN upd.id IS NOT NULL THEN upd.handoff_reason ELSE vold.handoff_reason END AS handoff_reason,
             coalesce(vins.last_message_at, upd.last_message_at) AS last_message_at,
             coalesce(vins.last_message_preview, upd.last_message_preview) AS last_message_preview,
             coalesce(vins.unread_count, upd.unread_count) AS unread_count,
             (SELECT json_agg(json_build_object(
                       'id', w.id, 'sender', w.sender_type, 'text', w.content, 'language', w.original_language,
                       'at', floor(extract(epoch FROM coalesce(w.platform_sent_at, w.created_at)) * 1000), 'answeredById', w.answered_by_id)
                     ORDER BY w.seq)
                FROM (SELECT h.id, h.seq, h.sender_type, h.content, h.original_language, h.platform_sent_at, h.created_at, h.answered_by_id
                      FROM messages h WHERE h.conversation_id = upd.id AND NOT h.is_deleted
                      ORDER BY h.seq DESC LIMIT ${SATISFACTION_WINDOW - 1}::int) w) AS history,
             (SELECT s.score FROM satisfaction_scores s WHERE s.conversation_id = upd.id ORDER BY s.created_at DESC LIMIT 1) AS previous_score
      FROM cust LEFT JOIN conv ON true LEFT JOIN vins ON true LEFT JOIN upd ON true LEFT JOIN vold ON true`;
    if (row?.conversation_id) return row;
    if (attempt >= 5) throw new Error(`could not find or create the customer/conversation for ${event.platform} user ${event.externalUserId}`);
  }
}

/** Rare: a new display name, or a language learnt for a customer who had none. */
async function learnCustomerProfile(deps: PipelineDeps, row: StoredRow, event: InboundEvent, language: string | undefined): Promise<void> {
  const displayName = event.displayName && event.displayName !== row.display_name ? event.displayName : undefined;
  const learnLanguage = !row.language_code && language ? language : undefined;
  if (!displayName && !learnLanguage) return;
  await deps.db.customer.update({
    where: { id: row.customer_id },
    data: {
      ...(displayName ? { displayName } : {}),
      ...(learnLanguage ? { languageCode: learnLanguage, countryCode: row.country_code ?? countryForLanguage(learnLanguage) ?? null } : {}),
    },
  });
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
