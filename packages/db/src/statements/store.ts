import { batchedStatement } from '../batch';
import type { Sql } from '../client';
import { SATISFACTION_WINDOW, lockInIdOrder, previousScore, satisfactionWindow } from './fragments';
import type { ScoringRead } from './score-read';

/**
 * The inbound store: one statement stores customer messages, each: finds or creates the customer (per
 * clinic, platform and platform user) and the conversation (per customer and messenger account),
 * inserts the message and, only when it was inserted, updates the conversation's last message, preview,
 * unread count and reopens it. A new conversation is inserted with those already set. It also reads
 * what the satisfaction scorer reads (score-read.ts), with the same fragments.
 *
 * Invariants:
 * - A redelivery hits the unique platform id (per messenger account) and inserts nothing (`inserted`
 *   false); the conversation is then left untouched.
 * - INSERT … ON CONFLICT DO NOTHING leaves existing rows untouched; when another transaction inserted
 *   the same customer or conversation concurrently, the statement's snapshot cannot see it and nothing
 *   is written for that message (no conversation): the caller runs it again.
 * - A customer appears at most once per statement (storeMessage's distinctBy), so a customer, a
 *   conversation and its row lock appear once. Existing conversations are locked in id order
 *   (lockInIdOrder) and rows are inserted in key order, so two such statements wait on each other in one
 *   order.
 * - The scorer's window ends with the new message (the statement's snapshot cannot see it: the mapper
 *   appends it); the previous score follows previousScore's rule.
 */

/** One customer message to store; STORE gets it with `k`, its place in the statement. */
export interface StoreItem {
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
  /** ISO time. */
  sentAt: string;
  preview: string;
  attachments: unknown;
  platformContext: Record<string, unknown>;
}

/** What a store wrote and read. */
export interface StoredMessage {
  customer: { id: string; displayName: string | null; languageCode: string | null; countryCode: string | null };
  /** Undefined: the customer or conversation was being inserted concurrently; nothing was written (store again). */
  conversation?: {
    id: string;
    status: string;
    aiMode: boolean;
    /** Set when this message was inserted (not on a redelivery). */
    lastMessageAt: Date | null;
    lastMessagePreview: string | null;
    unreadCount: number | null;
  };
  /** False: a redelivery (the platform id is stored already). */
  inserted: boolean;
  /** The satisfaction scorer's read of the new message (when inserted). */
  scoring?: ScoringRead;
}

interface StoredRow {
  k: number;
  customer_id: string;
  display_name: string | null;
  language_code: string | null;
  country_code: string | null;
  conversation_id: string | null;
  message_id: string | null;
  status: string | null;
  ai_mode: boolean | null;
  handoff_reason: string | null;
  last_message_at: Date | null;
  last_message_preview: string | null;
  unread_count: number | null;
  history: ScoringRead['window'] | null;
  previous_score: number | null;
}

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
  ), vold AS (${lockInIdOrder(
    `
    SELECT req.k, v.id, v.status, v.ai_mode, v.handoff_reason
    FROM req JOIN cust USING (k) JOIN conversations v ON v.customer_id = cust.id AND v.messenger_account_id = req."accountId"`,
    'v',
  )}
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
    RETURNING id, seq
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
         ${satisfactionWindow('upd.id', 'h.seq < msg.seq', SATISFACTION_WINDOW - 1)} AS history,
         ${previousScore('upd.id', 'msg.seq')} AS previous_score
  FROM req LEFT JOIN cust USING (k) LEFT JOIN conv USING (k) LEFT JOIN vnew USING (k) LEFT JOIN vold USING (k) LEFT JOIN upd USING (k)
  LEFT JOIN msg ON msg.id = req."messageId"`;

function toStored(item: StoreItem, row: StoredRow | undefined): StoredMessage | undefined {
  if (!row) return undefined;
  const customer = { id: row.customer_id, displayName: row.display_name, languageCode: row.language_code, countryCode: row.country_code };
  if (!row.conversation_id) return { customer, inserted: false };
  const conversation = {
    id: row.conversation_id,
    status: row.status!,
    aiMode: row.ai_mode!,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    unreadCount: row.unread_count,
  };
  if (row.message_id == null) return { customer, conversation, inserted: false };
  const message = { id: item.messageId, sender: 'customer', text: item.content, language: item.language, at: Date.parse(item.sentAt), answeredById: null };
  return {
    customer,
    conversation,
    inserted: true,
    scoring: {
      senderType: 'customer',
      scored: false,
      conversationFound: true,
      status: row.status,
      handoffReason: row.handoff_reason,
      window: [...(row.history ?? []), message],
      previousScore: row.previous_score,
    },
  };
}

/**
 * Stores one customer message (STORE). Concurrent stores share one statement (batchedStatement): a
 * customer appears at most once per statement; a second message of the same customer goes in the next
 * statement, after the first.
 */
export const storeMessage = batchedStatement<StoreItem, StoredMessage | undefined>(
  async (sql, items) => {
    const rows = await sql.query<StoredRow>(STORE, [JSON.stringify(items.map((item, k) => ({ ...item, k })))]);
    const byK = new Map(rows.map((row) => [row.k, row]));
    return items.map((item, k) => toStored(item, byK.get(k)));
  },
  { distinctBy: (item) => `${item.clinicId}\u0000${item.platform}\u0000${item.userId}` },
);

/** A message stored already for a platform event (per messenger account), if any. */
export interface FoundMessage {
  id: string;
  conversationId: string;
  aiMode: boolean;
  status: string;
}

/** The stored message of a platform event (per messenger account), if any. */
export async function findStoredMessage(
  sql: Sql,
  event: { accountId: string; externalMessageId: string; clinicId: string },
): Promise<FoundMessage | undefined> {
  const [row] = await sql<{ id: string; conversation_id: string; ai_mode: boolean; status: string }>`
    SELECT m.id, m.conversation_id, c.ai_mode, c.status FROM messages m JOIN conversations c ON c.id = m.conversation_id
    WHERE m.messenger_account_id = ${event.accountId}::uuid AND m.messenger_message_id = ${event.externalMessageId} AND m.clinic_id = ${event.clinicId}::uuid`;
  return row && { id: row.id, conversationId: row.conversation_id, aiMode: row.ai_mode, status: row.status };
}
