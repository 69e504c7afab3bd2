import { randomUUID } from 'node:crypto';
import { InboundEventSchema, type InboundEvent } from '@hub/messengers';
import type { InboundJob, LiveEvent } from '@hub/queue';
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

  const { customer, conversation } = await upsertCustomerAndConversation(deps, event, language);
  const messageId = randomUUID();
  const sentAt = new Date(event.sentAt);
  const platformContext: Record<string, unknown> = { receivedAt: job.receivedAt, requestId: job.requestId };
  if (event.replyToken) platformContext.replyToken = event.replyToken;
  if (event.callbackUrl) platformContext.callbackUrl = event.callbackUrl;
  if (event.postbackData) platformContext.postbackData = event.postbackData;

  // One statement: the message insert (a redelivery hits the unique platform id and inserts nothing)
  // and, only when a row was inserted, the conversation's last message, preview, unread count and
  // reopening. A single statement is atomic without a transaction's extra round trips.
  const [row] = await sqlOf(deps)<StoredRow>`
    WITH msg AS (
      INSERT INTO messages (id, conversation_id, clinic_id, sender_type, sender_id, content, content_type, original_language,
                            translated_content, translated_language, messenger_type, messenger_message_id, platform_sent_at,
                            attachments, platform_context, delivery_status)
      VALUES (${messageId}::uuid, ${conversation.id}::uuid, ${event.clinicId}::uuid, 'customer', ${customer.id}::uuid, ${content}, ${contentType},
              ${language ?? null}, ${translation.korean}, ${translation.korean ? 'ko' : null}, ${event.platform}, ${event.externalMessageId},
              ${sentAt}::timestamptz, ${JSON.stringify(event.attachments)}::jsonb, ${JSON.stringify(platformContext)}::jsonb, 'received')
      ON CONFLICT (clinic_id, messenger_type, messenger_message_id) DO NOTHING
      RETURNING id
    ), upd AS (
      UPDATE conversations SET
        last_message_at = now(),
        last_message_preview = ${previewOf(translation.korean ?? content)},
        unread_count = unread_count + 1,
        last_customer_message_at = CASE WHEN last_customer_message_at IS NULL OR last_customer_message_at <= ${sentAt}::timestamptz THEN ${sentAt}::timestamptz ELSE last_customer_message_at END,
        status = CASE WHEN status IN ('resolved', 'archived') THEN 'active' ELSE status END
      WHERE id = ${conversation.id}::uuid AND EXISTS (SELECT 1 FROM msg)
      RETURNING id, status, ai_mode, last_message_at, last_message_preview, unread_count
    )
    SELECT (SELECT id FROM msg) AS message_id, upd.status, upd.ai_mode, upd.last_message_at, upd.last_message_preview, upd.unread_count
    FROM (SELECT 1) AS one LEFT JOIN upd ON true`;
  const stored = row?.message_id != null;

  let id: string = messageId;
  let conv = { id: conversation.id, aiMode: conversation.aiMode, status: conversation.status };
  if (stored) {
    conv = { id: conversation.id, aiMode: row!.ai_mode!, status: row!.status! };
  } else {
    // A redelivery: the message (and so its follow-up jobs) already exists.
    const [existing] = await sqlOf(deps)<{ id: string; ai_mode: boolean; status: string }>`
      SELECT m.id, c.ai_mode, c.status FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.clinic_id = ${event.clinicId}::uuid AND m.messenger_type = ${event.platform} AND m.messenger_message_id = ${event.externalMessageId}`;
    if (!existing) throw new Error(`message ${event.externalMessageId} neither inserted nor found`);
    id = existing.id;
    conv = { id: conversation.id, aiMode: existing.ai_mode, status: existing.status };
  }

  // Follow-up jobs have ids derived from the message, so re-running after a crash adds nothing twice.
  // Independent Redis commands go out together (one connection keeps their order).
  const follow: Promise<unknown>[] = [];
  if (conv.aiMode && conv.status !== 'waiting') follow.push(producers.addTurn({ clinicId: event.clinicId, conversationId: conv.id, requestId: job.requestId }, deps.turnWindowMs));
  // Satisfaction: scored inline for a newly stored message (one job less per message); a redelivery, a
  // worker without an inline scorer, or a scoring error hands it to the satisfaction queue (retried there).
  const satisfactionJob = { clinicId: event.clinicId, conversationId: conv.id, messageId: id };
  if (!stored || !deps.scoreSatisfaction) follow.push(producers.addSatisfaction(satisfactionJob));
  if (event.attachments.some((a) => a.mediaId || a.url)) follow.push(producers.addMedia({ clinicId: event.clinicId, messageId: id }));
  await Promise.all(follow);
  if (!stored) return { status: 'duplicate', messageId: id };

  // The console's live events for this message, its conversation and (scored inline) its satisfaction
  // go out together: one round trip.
  const events: LiveEvent[] = [
    { type: 'message.created', clinicId: event.clinicId, data: { conversationId: conv.id, messageId: id, senderType: 'customer' } },
    {
      type: 'conversation.updated',
      clinicId: event.clinicId,
      data: { conversationId: conv.id, lastMessageAt: row!.last_message_at, preview: row!.last_message_preview, unreadCount: row!.unread_count, status: row!.status },
    },
  ];
  if (deps.scoreSatisfaction) {
    try {
      await deps.scoreSatisfaction(satisfactionJob, { publish: async (e) => (events.push(e), '') });
    } catch (err) {
      deps.logger.warn({ messageId: id, err: (err as Error).message }, 'inline satisfaction scoring failed; queued');
      await producers.addSatisfaction(satisfactionJob);
    }
  }
  await live.publishMany(events);
  return { status: 'stored', messageId: id };
}

interface StoredRow {
  message_id: string | null;
  status: string | null;
  ai_mode: boolean | null;
  last_message_at: Date | null;
  last_message_preview: string | null;
  unread_count: number | null;
}

interface CustomerRow {
  customer_id: string;
  tags: string[] | null;
  display_name: string | null;
  language_code: string | null;
  country_code: string | null;
  conversation_id: string | null;
  status: string | null;
  ai_mode: boolean | null;
}

/**
 * Finds or creates the customer (per clinic, platform and platform user) and the conversation (per
 * customer and messenger account) in one statement. INSERT … ON CONFLICT DO NOTHING leaves existing rows
 * untouched (no needless row versions or updated_at bumps); the existing row is read in the same
 * statement. When another transaction inserted the same customer or conversation concurrently, this
 * statement's snapshot cannot see it yet: the statement is simply run again.
 */
async function upsertCustomerAndConversation(deps: PipelineDeps, event: InboundEvent, language: string | undefined) {
  const { db } = deps;
  for (let attempt = 0; ; attempt++) {
    const [row] = await sqlOf(deps)<CustomerRow>`
      WITH cins AS (
        INSERT INTO customers (clinic_id, messenger_type, messenger_user_id, display_name, name, language_code, country_code)
        VALUES (${event.clinicId}::uuid, ${event.platform}, ${event.externalUserId}, ${event.displayName ?? null}, ${event.displayName ?? null},
                ${language ?? null}, ${countryForLanguage(language) ?? null})
        ON CONFLICT (clinic_id, messenger_type, messenger_user_id) DO NOTHING
        RETURNING id, tags, display_name, language_code, country_code
      ), cust AS (
        SELECT id, tags, display_name, language_code, country_code FROM cins
        UNION ALL
        SELECT id, tags, display_name, language_code, country_code FROM customers
        WHERE clinic_id = ${event.clinicId}::uuid AND messenger_type = ${event.platform} AND messenger_user_id = ${event.externalUserId}
          AND NOT EXISTS (SELECT 1 FROM cins)
      ), vins AS (
        INSERT INTO conversations (clinic_id, customer_id, messenger_account_id)
        SELECT ${event.clinicId}::uuid, cust.id, ${event.accountId}::uuid FROM cust
        ON CONFLICT (customer_id, messenger_account_id) DO NOTHING
        RETURNING id, status, ai_mode
      ), conv AS (
        SELECT id, status, ai_mode FROM vins
        UNION ALL
        SELECT v.id, v.status, v.ai_mode FROM conversations v, cust
        WHERE v.customer_id = cust.id AND v.messenger_account_id = ${event.accountId}::uuid AND NOT EXISTS (SELECT 1 FROM vins)
      )
      SELECT cust.id AS customer_id, cust.tags, cust.display_name, cust.language_code, cust.country_code,
             conv.id AS conversation_id, conv.status, conv.ai_mode
      FROM cust LEFT JOIN conv ON true`;
    if (!row?.conversation_id) {
      if (attempt < 5) continue;
      throw new Error(`could not find or create the customer/conversation for ${event.platform} user ${event.externalUserId}`);
    }
    // Rare: a new display name, or a language learnt for a customer who had none.
    const displayName = event.displayName && event.displayName !== row.display_name ? event.displayName : undefined;
    const learnLanguage = !row.language_code && language ? language : undefined;
    if (displayName || learnLanguage) {
      await db.customer.update({
        where: { id: row.customer_id },
        data: {
          ...(displayName ? { displayName } : {}),
          ...(learnLanguage ? { languageCode: learnLanguage, countryCode: row.country_code ?? countryForLanguage(learnLanguage) ?? null } : {}),
        },
      });
    }
    return {
      customer: { id: row.customer_id, tags: row.tags ?? [] },
      conversation: { id: row.conversation_id, status: row.status!, aiMode: row.ai_mode! },
    };
  }
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
