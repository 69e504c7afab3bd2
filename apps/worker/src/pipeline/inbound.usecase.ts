import { randomUUID } from 'node:crypto';
import { InboundEventSchema, type InboundEvent } from '@hub/messengers';
import { QUEUES, chatOrderKey, earlierPending, inboundJobId, isOrdered, recordStored, type InboundJob, type LiveEvent } from '@hub/queue';
import { SATISFACTION_WINDOW, type SatisfactionWindowMessage } from '@hub/satisfaction';
import { batchedStatement, type Sql } from '@hub/db';
import { sqlOf, type PipelineDeps } from './deps';
import { countryForLanguage, normalizeLanguageHint, previewOf } from './language';

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

  if (!stored) {
    // A redelivery: the message (and so its follow-up jobs) already exists.
    const existing = await findStored(deps, event);
    if (!existing) throw new Error(`message ${event.externalMessageId} neither inserted nor found`);
    return finishRedelivery(deps, event, job, existing, releaseChat);
  }
  const id: string = messageId;
  const conv = { id: row.conversation_id!, aiMode: row.ai_mode!, status: row.status! };
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
        lastMessageAt: row.last_message_at,
        preview: row.last_message_preview,
        unreadCount: row.unread_count,
        status: row.status,
      },
    },
  ];
  if (deps.scoreSatisfaction) {
    try {
      // The statement that stored the message read the scorer's window too: no second read.
      const window = [...(row.history ?? []), { id, sender: 'customer', text: content, language: language ?? null, at: sentAt.getTime(), answeredById: null }];
      const preread = {
        sender_type: 'customer',
        scored: false,
        conversation_found: true,
        status: row.status,
        handoff_reason: row.handoff_reason,
        history: window,
        previous_score: row.previous_score,
      };
      await deps.scoreSatisfaction(satisfactionJob, { publish: async (e) => (events.push(e), '') }, preread);
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

interface Existing {
  id: string;
  conversationId: string;
  aiMode: boolean;
  status: string;
}

/** The stored message of a platform event (per messenger account), if any. */
async function findStored(deps: PipelineDeps, event: InboundEvent): Promise<Existing | undefined> {
  const [row] = await sqlOf(deps)<{ id: string; conversation_id: string; ai_mode: boolean; status: string }>`
    SELECT m.id, m.conversation_id, c.ai_mode, c.status FROM messages m JOIN conversations c ON c.id = m.conversation_id
    WHERE m.messenger_account_id = ${event.accountId}::uuid AND m.messenger_message_id = ${event.externalMessageId} AND m.clinic_id = ${event.clinicId}::uuid`;
  return row && { id: row.id, conversationId: row.conversation_id, aiMode: row.ai_mode, status: row.status };
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
  existing: Existing,
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

/** One customer message to store (storeMessage); STORE gets it with `k`, its place in the statement. */
interface StoreItem {
  clinicId: string;
  platform: string;
  userId: string;
  displayName: string | null;
  language: string | null;
  country: string | null;
  accountId: string;
  messageId: string;
  externalMessageId: string;
  content: string;
  contentType: string;
  korean: string | null;
  sentAt: string;
  preview: string;
  attachments: unknown;
  platformContext: Record<string, unknown>;
}

/**
 * One statement stores customer messages, each: finds or creates the customer (per clinic, platform and
 * platform user) and the conversation (per customer and messenger account), inserts the message (a
 * redelivery hits the unique platform id and inserts nothing) and, only when it was inserted, updates
 * the conversation's last message, preview, unread count and reopens it. A new conversation is inserted
 * with those already set. It also reads what the satisfaction scorer needs (the window of earlier
 * messages and the previous score). INSERT … ON CONFLICT DO NOTHING leaves existing rows untouched;
 * when another transaction inserted the same customer or conversation concurrently, the statement's
 * snapshot cannot see it and nothing is written for that message (no conversation_id): it is run again.
 *
 * Set-based over the items (jsonb_to_recordset), with a customer at most once per statement, so a
 * customer, a conversation and its row lock appear once. Existing conversations are locked in id order
 * and rows are inserted in key order, so two such statements wait on each other in one order.
 */
const STORE = `
  WITH req AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(k int, "clinicId" uuid, platform text, "userId" text, "displayName" text,
      language text, country text, "accountId" uuid, "messageId" uuid, "externalMessageId" text, content text, "contentType" text,
      korean text, "sentAt" timestamptz, preview text, attachments jsonb, "platformContext" jsonb)
  ), cins AS (
    INSERT INTO customers (clinic_id, messenger_type, messenger_user_id, display_name, name, language_code, country_code)
    SELECT "clinicId", platform, "userId", "displayName", "displayName", language, country FROM req
    ORDER BY "clinicId", platform, "userId"
    ON CONFLICT (clinic_id, messenger_type, messenger_user_id) DO NOTHING
    RETURNING id, clinic_id, messenger_type, messenger_user_id, display_name, language_code, country_code
  ), cust AS (
    -- The snapshot cannot see the rows cins inserted: a customer comes from one side or the other.
    SELECT req.k, x.id, x.display_name, x.language_code, x.country_code
    FROM req JOIN cins x ON x.clinic_id = req."clinicId" AND x.messenger_type = req.platform AND x.messenger_user_id = req."userId"
    UNION ALL
    SELECT req.k, x.id, x.display_name, x.language_code, x.country_code
    FROM req JOIN customers x ON x.clinic_id = req."clinicId" AND x.messenger_type = req.platform AND x.messenger_user_id = req."userId"
  ), vins AS (
    INSERT INTO conversations (clinic_id, customer_id, messenger_account_id, last_message_at, last_message_preview, unread_count, last_customer_message_at)
    SELECT req."clinicId", cust.id, req."accountId", now(), req.preview, 1, req."sentAt" FROM req JOIN cust USING (k)
    ORDER BY cust.id, req."accountId"
    ON CONFLICT (customer_id, messenger_account_id) DO NOTHING
    RETURNING id, customer_id, messenger_account_id, status, ai_mode, handoff_reason, last_message_at, last_message_preview, unread_count
  ), vnew AS (
    SELECT req.k, vins.* FROM req JOIN cust USING (k) JOIN vins ON vins.customer_id = cust.id AND vins.messenger_account_id = req."accountId"
  ), vold AS (
    SELECT req.k, v.id, v.status, v.ai_mode, v.handoff_reason
    FROM req JOIN cust USING (k) JOIN conversations v ON v.customer_id = cust.id AND v.messenger_account_id = req."accountId"
    ORDER BY v.id
    FOR UPDATE OF v
  ), conv AS (
    SELECT k, id FROM vnew UNION ALL SELECT k, id FROM vold
  ), msg AS (
    INSERT INTO messages (id, conversation_id, clinic_id, sender_type, sender_id, content, content_type, original_language,
                          translated_content, translated_language, messenger_type, messenger_account_id, messenger_message_id,
                          platform_sent_at, attachments, platform_context, delivery_status)
    SELECT req."messageId", conv.id, req."clinicId", 'customer', cust.id, req.content, req."contentType", req.language, req.korean,
           CASE WHEN req.korean IS NOT NULL THEN 'ko' END, req.platform, req."accountId", req."externalMessageId", req."sentAt",
           req.attachments, req."platformContext", 'received'
    FROM req JOIN conv USING (k) JOIN cust USING (k)
    ORDER BY req."accountId", req."externalMessageId"
    ON CONFLICT (messenger_account_id, messenger_message_id) DO NOTHING
    RETURNING id
  ), upd AS (
    UPDATE conversations v SET
      last_message_at = now(),
      last_message_preview = req.preview,
      unread_count = v.unread_count + 1,
      last_customer_message_at = CASE WHEN v.last_customer_message_at IS NULL OR v.last_customer_message_at <= req."sentAt" THEN req."sentAt" ELSE v.last_customer_message_at END,
      status = CASE WHEN v.status IN ('resolved', 'archived') THEN 'active' ELSE v.status END
    FROM req JOIN vold USING (k) JOIN msg ON msg.id = req."messageId"
    WHERE v.id = vold.id
    RETURNING req.k, v.id, v.status, v.ai_mode, v.handoff_reason, v.last_message_at, v.last_message_preview, v.unread_count
  )
  SELECT req.k, cust.id AS customer_id, cust.display_name, cust.language_code, cust.country_code, conv.id AS conversation_id,
         msg.id AS message_id,
         coalesce(vnew.status, upd.status, vold.status) AS status, coalesce(vnew.ai_mode, upd.ai_mode, vold.ai_mode) AS ai_mode,
         CASE WHEN vnew.id IS NOT NULL THEN vnew.handoff_reason WHEN upd.id IS NOT NULL THEN upd.handoff_reason ELSE vold.handoff_reason END AS handoff_reason,
         coalesce(vnew.last_message_at, upd.last_message_at) AS last_message_at,
         coalesce(vnew.last_message_preview, upd.last_message_preview) AS last_message_preview,
         coalesce(vnew.unread_count, upd.unread_count) AS unread_count,
         (SELECT json_agg(json_build_object(
                   'id', w.id, 'sender', w.sender_type, 'text', w.content, 'language', w.original_language,
                   'at', floor(extract(epoch FROM coalesce(w.platform_sent_at, w.created_at)) * 1000), 'answeredById', w.answered_by_id)
                 ORDER BY w.seq)
            FROM (SELECT h.id, h.seq, h.sender_type, h.content, h.original_language, h.platform_sent_at, h.created_at, h.answered_by_id
                  FROM messages h WHERE h.conversation_id = upd.id AND NOT h.is_deleted
                  ORDER BY h.seq DESC LIMIT ${SATISFACTION_WINDOW - 1}) w) AS history,
         (SELECT s.score FROM satisfaction_scores s WHERE s.conversation_id = upd.id ORDER BY s.created_at DESC LIMIT 1) AS previous_score
  FROM req LEFT JOIN cust USING (k) LEFT JOIN conv USING (k) LEFT JOIN vnew USING (k) LEFT JOIN vold USING (k) LEFT JOIN upd USING (k)
  LEFT JOIN msg ON msg.id = req."messageId"`;

/** Runs STORE for items of distinct customers; one row per item, in item order. */
async function runStore(sql: Sql, items: readonly StoreItem[]): Promise<(StoredRow | undefined)[]> {
  const rows = await sql.query<StoredRow & { k: number }>(STORE, [JSON.stringify(items.map((item, k) => ({ ...item, k })))]);
  const byK = new Map(rows.map((row) => [row.k, row]));
  return items.map((_, k) => byK.get(k));
}

/**
 * Concurrent inbound jobs' stores share one statement (batchedStatement): a customer appears at most once
 * per statement; a second message of the same customer goes in the next statement, after the first.
 */
const storeBatched = batchedStatement<StoreItem, StoredRow | undefined>((sql, items) => runStore(sql, items), {
  distinctBy: (item) => `${item.clinicId}\u0000${item.platform}\u0000${item.userId}`,
});

/**
 * Stores one customer message (STORE): on the hot path's runner shared with concurrent jobs, otherwise
 * alone. A message whose customer or conversation another transaction was inserting at the same time
 * gets no conversation_id and is stored again.
 */
async function storeMessage(deps: PipelineDeps, event: InboundEvent, language: string | undefined, m: NewMessage): Promise<StoredRow> {
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
    const row = deps.sql ? await storeBatched(deps.sql, item) : (await runStore(sqlOf(deps), [item]))[0];
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
