import { batchedStatement } from '../batch';
import type { ClaimedTurn } from './claim';
import { LOCK_REQUESTED_CONVERSATIONS, earlierReplyPending } from './fragments';
import type { SendableReply } from './send-claim';

/**
 * The turn's commit: the reply, the "answered" marks, the conversation's last message and the lease
 * release, in one statement.
 *
 * Invariants:
 * - The conversation UPDATE is the check: it matches only while this turn holds the lease and the
 *   conversation is unchanged (same version, still AI mode, not waiting for staff); its row lock orders
 *   it against a concurrent takeover. No match: nothing is inserted and the caller gets nothing.
 * - Conversations are locked in id order first (LOCK_REQUESTED_CONVERSATIONS).
 * - The reply is stored already claimed for sending ('sending', attempt 1) only when asked and no reply
 *   of the conversation is pending or sending (earlierReplyPending), evaluated once per reply.
 * - Each answered customer message is marked once (only while unanswered).
 */

/** One turn's reply to commit. */
export interface TurnCommit {
  conversationId: string;
  clinicId: string;
  leaseId: string;
  version: number;
  replyId: string;
  content: string;
  language: string;
  translated: string | null;
  translatedLanguage: string | null;
  aiMetadata: Record<string, unknown>;
  platformContext: Record<string, unknown>;
  preview: string;
  /** Store it claimed for sending ('sending', attempt counted) unless an earlier reply is unsent. */
  claim: boolean;
  /** The customer messages it answers. */
  answered: string[];
}

export interface CommittedReply {
  replyId: string;
  /** Stored claimed for sending: the committing turn sends it (see sendableCommitted). */
  claimed: boolean;
}

const COMMIT = `
  WITH req AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("conversationId" uuid, "clinicId" uuid, "leaseId" uuid, version int, "replyId" uuid,
      content text, language text, translated text, "translatedLanguage" text, "aiMetadata" jsonb, "platformContext" jsonb, preview text,
      claim boolean, answered uuid[])
  ), locked AS MATERIALIZED (${LOCK_REQUESTED_CONVERSATIONS}
  ), c AS (
    UPDATE conversations v SET last_message_at = now(), last_message_preview = req.preview, turn_lease_id = NULL, turn_lease_until = NULL
    FROM req JOIN locked ON locked.id = req."conversationId"
    WHERE v.id = req."conversationId" AND v.turn_lease_id = req."leaseId" AND v.version = req.version AND v.ai_mode AND v.status <> 'waiting'
    RETURNING v.id, req."replyId" AS reply_id
  ), reply AS (
    INSERT INTO messages (id, conversation_id, clinic_id, sender_type, content, content_type, original_language, translated_content,
                          translated_language, ai_metadata, platform_context, delivery_status, delivery_attempts)
    SELECT req."replyId", c.id, req."clinicId", 'ai', req.content, 'text', req.language, req.translated, req."translatedLanguage",
           req."aiMetadata", req."platformContext", CASE WHEN s.now THEN 'sending' ELSE 'pending' END, CASE WHEN s.now THEN 1 ELSE 0 END
    FROM c JOIN req ON req."replyId" = c.reply_id
    CROSS JOIN LATERAL (
      SELECT req.claim AND NOT ${earlierReplyPending('c.id')} AS now
      OFFSET 0 -- evaluated once per reply (inlined, each use of s.now would run the check again)
    ) s
    RETURNING id, seq, delivery_status = 'sending' AS claimed
  ), marked AS (
    UPDATE messages m SET answered_by_id = reply.id
    FROM reply JOIN req ON req."replyId" = reply.id
    WHERE m.id = ANY(req.answered) AND m.answered_by_id IS NULL
    RETURNING m.id
  )
  SELECT reply.id AS reply_id, reply.seq, reply.claimed FROM reply`; // `marked` runs all the same: a data-modifying CTE always does

/** Commits a turn's reply; undefined when the conversation did not match (lease lost or taken over). Shared with concurrent commits (batchedStatement). */
export const commitTurn = batchedStatement<TurnCommit, CommittedReply | undefined>(async (sql, reqs) => {
  const rows = await sql.query<{ reply_id: string; claimed: boolean }>(COMMIT, [JSON.stringify(reqs)]);
  const byReply = new Map(rows.map((row) => [row.reply_id, { replyId: row.reply_id, claimed: row.claimed }]));
  return reqs.map((r) => byReply.get(r.replyId));
});

/** The reply a commit stored claimed (`claimed`), as the send sees it: 'sending', attempt 1, nothing sent yet. */
export function sendableCommitted(turn: ClaimedTurn, reply: TurnCommit): SendableReply {
  return {
    id: reply.replyId,
    clinicId: turn.clinicId,
    conversationId: turn.id,
    senderType: 'ai',
    content: reply.content,
    translatedContent: reply.translated,
    platformContext: reply.platformContext,
    deliveryStatus: 'sending',
    partsSent: 0,
    attempts: 1,
    interrupted: false,
    recipient: turn.recipient,
    lastCustomerMessageAt: turn.lastCustomerMessageAt,
    accountId: turn.accountId,
    platform: turn.platform,
    credentials: turn.credentials,
    accountUpdatedAt: turn.accountUpdatedAt,
    earlierPending: false,
  };
}
