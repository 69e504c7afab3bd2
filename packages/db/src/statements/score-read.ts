import type { Sql } from '../client';
import { SATISFACTION_WINDOW, previousScore, satisfactionWindow, type SatisfactionWindowMessage } from './fragments';

/**
 * The satisfaction scorer's read of one message.
 *
 * Invariants:
 * - The message must be the job's (id, clinic and conversation all match); the conversation must be the
 *   clinic's (`conversationFound`).
 * - The window is the message and the SATISFACTION_WINDOW - 1 before it (satisfactionWindow), oldest
 *   first; the previous score is the latest one for an earlier message or an override-only row
 *   (previousScore). The inbound store reads the same fragments (store.ts): one rule for both.
 */

/** What scoring reads about a message: its sender, whether it was scored, its conversation, the window. */
export interface ScoringRead {
  senderType: string;
  scored: boolean;
  conversationFound: boolean;
  status: string | null;
  handoffReason: string | null;
  /** The window, oldest first, ending with the message scored. */
  window: SatisfactionWindowMessage[];
  previousScore: number | null;
}

interface ScoringReadRow {
  sender_type: string;
  scored: boolean;
  conversation_found: boolean;
  status: string | null;
  handoff_reason: string | null;
  history: SatisfactionWindowMessage[] | null;
  previous_score: number | null;
}

const READ_FOR_SCORING = `
    SELECT m.sender_type,
      EXISTS (SELECT 1 FROM satisfaction_scores s WHERE s.message_id = m.id) AS scored,
      c.id IS NOT NULL AS conversation_found, c.status, c.handoff_reason,
      ${satisfactionWindow('m.conversation_id', 'h.seq <= m.seq', SATISFACTION_WINDOW)} AS history,
      ${previousScore('m.conversation_id', 'm.seq')} AS previous_score
    FROM messages m
    LEFT JOIN conversations c ON c.id = m.conversation_id AND c.clinic_id = m.clinic_id
    WHERE m.id = $1::uuid AND m.clinic_id = $2::uuid AND m.conversation_id = $3::uuid`;

/** The scorer's read: the message, whether it was scored, its conversation, the window, the previous score. */
export async function readForScoring(sql: Sql, job: { messageId: string; clinicId: string; conversationId: string }): Promise<ScoringRead | undefined> {
  const [row] = await sql.query<ScoringReadRow>(READ_FOR_SCORING, [job.messageId, job.clinicId, job.conversationId]);
  return (
    row && {
      senderType: row.sender_type,
      scored: row.scored,
      conversationFound: row.conversation_found,
      status: row.status,
      handoffReason: row.handoff_reason,
      window: row.history ?? [],
      previousScore: row.previous_score,
    }
  );
}
