/**
 * SQL fragments the hot statements share. Each rule is written here once and composed into the
 * statements by string interpolation (the fragments hold no parameters, so a composed statement is
 * still one constant text: one prepared statement per connection).
 */

/**
 * Locks the conversation rows `query` selects (alias `conversation`), in id order: `query` followed by
 * ORDER BY id FOR UPDATE of the conversation alone. Every statement that writes several conversation
 * rows locks them this way first (the inbound store, the score write, the claim and the commit run
 * concurrently on overlapping conversations): taken in an UPDATE's own join order, two such statements
 * could each hold a row the other wants (deadlock, seen in the load test between a store and a commit:
 * PostgreSQL aborts one after a second).
 */
export function lockInIdOrder(query: string, conversation = 'c'): string {
  return `${query}
    ORDER BY ${conversation}.id FOR UPDATE OF ${conversation}`;
}

/** The conversations of a request (`req`, a CTE with a "conversationId" column), locked in id order. */
export const LOCK_REQUESTED_CONVERSATIONS = lockInIdOrder(`
    SELECT c.id FROM conversations c WHERE c.id IN (SELECT "conversationId" FROM req)`);

/**
 * True when an ai/staff reply of conversation `conversation` stored before `seq` is still pending or
 * sending. Replies of a conversation go out in order: a reply is claimed only under
 * `NOT ${earlierReplyPending(…)}`. Without `seq` (a reply not inserted yet) every reply of the
 * conversation counts as earlier.
 */
export function earlierReplyPending(conversation: string, seq?: string): string {
  return `EXISTS (
          SELECT 1 FROM messages e
          WHERE e.conversation_id = ${conversation}${seq ? ` AND e.seq < ${seq}` : ''}
            AND e.sender_type IN ('ai', 'staff') AND e.delivery_status IN ('pending', 'sending')
        )`;
}

/** The scorer's window: the message scored and the ones before it. */
export const SATISFACTION_WINDOW = 20;

/** One message of the scorer's window; `at` in epoch milliseconds. */
export interface SatisfactionWindowMessage {
  id: string;
  sender: string;
  text: string;
  language: string | null;
  at: number;
  answeredById: string | null;
}

/**
 * The satisfaction scorer's window as a json array (SatisfactionWindowMessage, oldest first): the latest
 * `limit` messages of `conversation` that `seqBound` admits (a condition on `h.seq`), deleted ones left
 * out. No clinic condition: the conversation is already the clinic's, and a clinic_id term makes the
 * planner AND in a bitmap of the clinic's every message (~1 ms) instead of walking the conversation's
 * index.
 */
export function satisfactionWindow(conversation: string, seqBound: string, limit: number): string {
  return `(SELECT json_agg(json_build_object(
                'id', w.id, 'sender', w.sender_type, 'text', w.content, 'language', w.original_language,
                'at', floor(extract(epoch FROM coalesce(w.platform_sent_at, w.created_at)) * 1000), 'answeredById', w.answered_by_id)
              ORDER BY w.seq)
         FROM (SELECT h.id, h.seq, h.sender_type, h.content, h.original_language, h.platform_sent_at, h.created_at, h.answered_by_id
               FROM messages h
               WHERE h.conversation_id = ${conversation} AND ${seqBound} AND NOT h.is_deleted
               ORDER BY h.seq DESC LIMIT ${limit}) w)`;
}

/**
 * The previous computed score of the message at `seq` in `conversation`: the latest score row for an
 * earlier message (or an override-only row, which has no message).
 */
export function previousScore(conversation: string, seq: string): string {
  return `(SELECT s.score FROM satisfaction_scores s LEFT JOIN messages pm ON pm.id = s.message_id
         WHERE s.conversation_id = ${conversation} AND (pm.seq IS NULL OR pm.seq < ${seq})
         ORDER BY s.created_at DESC LIMIT 1)`;
}
