import { batchedStatement } from '../batch';
import { lockInIdOrder } from './fragments';

/**
 * A customer message's translation, written after the inbound store (store.ts) inserted the message:
 * its language, its Korean text and, while it is still its conversation's last message, the preview.
 *
 * Invariants:
 * - The store marks such a message `translationPending` (a key of its platform context); this removes
 *   it. While it is there the turn's claim leaves the message for a later turn (claim.ts), and a
 *   redelivery finds it untranslated (findStoredMessage).
 * - The preview is written only over the one the store wrote (`storedPreview`) and only while no later
 *   message of the conversation exists: a later message or reply keeps its own preview.
 * - Conversations whose preview changes are locked in id order (lockInIdOrder) before any message row
 *   is written (an InitPlan, evaluated before the first row), so the statement takes its locks in the
 *   order the store and the commit take theirs (conversation, then message).
 */

/** The platform-context key of a customer message stored before its translation was written. */
export const TRANSLATION_PENDING = 'translationPending';

/** One stored message's translation. */
export interface MessageTranslation {
  messageId: string;
  conversationId: string;
  language: string | null;
  korean: string | null;
  /** The preview the store wrote, and the one to write instead (null: unchanged). */
  storedPreview: string;
  preview: string | null;
}

const WRITE_TRANSLATION = `
  WITH req AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("messageId" uuid, "conversationId" uuid, language text, korean text,
      "storedPreview" text, preview text)
  ), locked AS MATERIALIZED (${lockInIdOrder(`
    SELECT c.id FROM conversations c WHERE c.id IN (SELECT "conversationId" FROM req WHERE preview IS NOT NULL AND preview <> "storedPreview")`)}
  ), msg AS (
    UPDATE messages m SET original_language = req.language, translated_content = req.korean,
      translated_language = CASE WHEN req.korean IS NOT NULL THEN 'ko' END,
      platform_context = m.platform_context - '${TRANSLATION_PENDING}'
    FROM req
    WHERE m.id = req."messageId" AND (SELECT count(*) FROM locked) >= 0
    RETURNING m.id, m.conversation_id, m.seq
  ), upd AS (
    UPDATE conversations v SET last_message_preview = req.preview
    FROM req JOIN locked ON locked.id = req."conversationId" JOIN msg ON msg.id = req."messageId"
    WHERE v.id = req."conversationId" AND v.last_message_preview = req."storedPreview"
      AND NOT EXISTS (SELECT 1 FROM messages l WHERE l.conversation_id = msg.conversation_id AND l.seq > msg.seq)
    RETURNING req."messageId"
  )
  SELECT msg.id, upd."messageId" IS NOT NULL AS preview_written FROM msg LEFT JOIN upd ON upd."messageId" = msg.id`;

/** What the write changed: whether the message was found and whether its preview became the conversation's. */
export interface WrittenTranslation {
  written: boolean;
  previewWritten: boolean;
}

/** Writes one message's translation (WRITE_TRANSLATION); concurrent writes share one statement (batchedStatement). */
export const writeTranslation = batchedStatement<MessageTranslation, WrittenTranslation>(async (sql, items) => {
  const rows = await sql.query<{ id: string; preview_written: boolean }>(WRITE_TRANSLATION, [JSON.stringify(items)]);
  const byId = new Map(rows.map((row) => [row.id, row.preview_written]));
  return items.map((item) => ({ written: byId.has(item.messageId), previewWritten: byId.get(item.messageId) ?? false }));
});
