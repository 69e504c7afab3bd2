import { batchedStatement } from '../batch';
import type { Sql } from '../client';

/**
 * What a send records of the platform's acceptances.
 *
 * Invariants:
 * - A part is recorded only from the part before it (`delivery_parts_sent = part`), so a repeat changes
 *   nothing and parts are never skipped.
 * - The first id becomes the unique messenger_message_id unless `idsOnly` (the id collided with a stored
 *   one); every id goes to messenger_message_ids.
 * - Only the last part marks the reply 'sent' (sent_at, no error); the account and platform are filled
 *   only when empty.
 */

/** One accepted platform call of a reply. */
export interface AcceptedMark {
  id: string;
  at: Date;
  accountId: string;
  platform: string;
  /** The platform call accepted (0-based) and whether it was the reply's last. */
  part: number;
  last: boolean;
  /** The platform's message ids of that call. */
  ids: string[];
  /** Record the ids only in messenger_message_ids (not the unique messenger_message_id). */
  idsOnly?: boolean;
}

const MARK_ACCEPTED = `
    UPDATE messages m SET delivery_parts_sent = v.part + 1,
      messenger_message_ids = m.messenger_message_ids || v.ids,
      messenger_message_id = CASE WHEN v."idsOnly" THEN m.messenger_message_id ELSE coalesce(m.messenger_message_id, v.ids[1]) END,
      messenger_account_id = coalesce(m.messenger_account_id, v."accountId"), messenger_type = coalesce(m.messenger_type, v.platform),
      delivery_status = CASE WHEN v.last THEN 'sent' ELSE m.delivery_status END,
      sent_at = CASE WHEN v.last THEN v.at ELSE m.sent_at END,
      delivery_error = CASE WHEN v.last THEN NULL ELSE m.delivery_error END
    FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, at timestamptz, "accountId" uuid, platform text, part int, last boolean, ids text[], "idsOnly" boolean)
    WHERE m.id = v.id AND m.delivery_parts_sent = v.part
    RETURNING m.id`;

/**
 * Records one accepted platform call; true when this call recorded it (false: recorded already).
 * Concurrent sends' marks share one statement (batchedStatement): under load the 'sent' mark is one of
 * the few statements each message costs.
 */
export const markAccepted = batchedStatement<AcceptedMark, boolean>(async (sql, marks) => {
  const rows = await sql.query<{ id: string }>(MARK_ACCEPTED, [JSON.stringify(marks)]);
  const marked = new Set(rows.map((r) => r.id));
  return marks.map((m) => marked.has(m.id));
});

/** Every call of the reply was accepted and recorded by earlier attempts: marks it 'sent' if it is still pending or sending. */
export async function markWhollySent(sql: Sql, messageId: string): Promise<void> {
  await sql.exec`UPDATE messages SET delivery_status = 'sent', sent_at = now(), delivery_error = NULL
        WHERE id = ${messageId}::uuid AND delivery_status IN ('pending', 'sending')`;
}
