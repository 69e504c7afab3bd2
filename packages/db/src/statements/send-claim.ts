import type { Sql } from '../client';
import { earlierReplyPending } from './fragments';

/**
 * The send's read and claim (messages ⋈ conversations ⋈ customers ⋈ messenger_accounts).
 *
 * Invariants:
 * - A reply is claimed ('sending', delivery_attempts + 1) only while it is 'pending' or 'sending' and no
 *   earlier ai/staff reply of its conversation is (earlierReplyPending): replies go out in order.
 * - 'sending' is claimable again: a worker killed mid-send leaves it so, and the retried job re-sends it
 *   (`interrupted` says so); `attempts` counts this attempt.
 * - Every read is scoped to the job's clinic; the one-statement claim also requires the job's account to
 *   be the conversation's (a job naming another claims nothing).
 */

/** A reply with everything its send needs. */
export interface SendableReply {
  id: string;
  clinicId: string;
  conversationId: string;
  senderType: string;
  content: string;
  translatedContent: string | null;
  platformContext: unknown;
  deliveryStatus: string;
  /** Platform calls of this reply already accepted (recorded before the next call was made). */
  partsSent: number;
  /** Attempts counted so far, this one included: above 1, a journal of acceptances may hold more parts. */
  attempts: number;
  /** The previous attempt was cut off mid-send (the reply was still 'sending' when claimed): a crash. */
  interrupted: boolean;
  /** The customer's id on the platform. */
  recipient: string;
  lastCustomerMessageAt: Date | null;
  accountId: string;
  platform: string;
  /** The account's encrypted credentials and when they last changed (the sender cache's key). */
  credentials: unknown;
  accountUpdatedAt: Date;
  /** An earlier ai/staff reply of the same conversation is still pending or sending. */
  earlierPending: boolean;
}

interface SendRow {
  id: string;
  clinic_id: string;
  conversation_id: string;
  sender_type: string;
  content: string;
  translated_content: string | null;
  platform_context: unknown;
  delivery_status: string;
  delivery_parts_sent: number;
  delivery_attempts: number;
  interrupted: boolean;
  messenger_user_id: string;
  last_customer_message_at: Date | null;
  account_id: string;
  messenger_type: string;
  credentials: unknown;
  account_updated_at: Date;
  earlier_pending: boolean;
}

function toSendable(row: SendRow | undefined): SendableReply | undefined {
  return (
    row && {
      id: row.id,
      clinicId: row.clinic_id,
      conversationId: row.conversation_id,
      senderType: row.sender_type,
      content: row.content,
      translatedContent: row.translated_content,
      platformContext: row.platform_context,
      deliveryStatus: row.delivery_status,
      partsSent: row.delivery_parts_sent,
      attempts: row.delivery_attempts,
      interrupted: row.interrupted,
      recipient: row.messenger_user_id,
      lastCustomerMessageAt: row.last_customer_message_at,
      accountId: row.account_id,
      platform: row.messenger_type,
      credentials: row.credentials,
      accountUpdatedAt: row.account_updated_at,
      earlierPending: row.earlier_pending,
    }
  );
}

const READ_FOR_SEND = `
    SELECT m.id, m.clinic_id, m.conversation_id, m.sender_type, m.content, m.translated_content, m.platform_context, m.seq, m.delivery_status,
           m.delivery_parts_sent, m.delivery_attempts + 1 AS delivery_attempts, m.delivery_status = 'sending' AS interrupted, cu.messenger_user_id, c.last_customer_message_at,
           a.id AS account_id, a.messenger_type, a.credentials, a.updated_at AS account_updated_at,
           CASE WHEN m.delivery_status IN ('pending', 'sending') THEN ${earlierReplyPending('m.conversation_id', 'm.seq')} ELSE false END AS earlier_pending
    FROM messages m
    JOIN conversations c ON c.id = m.conversation_id
    JOIN customers cu ON cu.id = c.customer_id
    JOIN messenger_accounts a ON a.id = c.messenger_account_id
    WHERE m.id = $1::uuid AND m.clinic_id = $2::uuid`;

/** The reply (scoped to its clinic) with everything the send needs, and the ordering flag; nothing claimed. */
export async function readForSend(sql: Sql, job: { messageId: string; clinicId: string }): Promise<SendableReply | undefined> {
  return toSendable((await sql.query<SendRow>(READ_FOR_SEND, [job.messageId, job.clinicId]))[0]);
}

const CLAIM_FOR_SEND = `
      UPDATE messages m SET delivery_status = 'sending', delivery_attempts = m.delivery_attempts + 1
      WHERE m.id = $1::uuid AND m.delivery_status IN ('pending', 'sending')
        AND NOT ${earlierReplyPending('m.conversation_id', 'm.seq')}
      RETURNING m.id`;

/** Claims a reply read by readForSend; false when it is no longer claimable (sent, failed, deleted, or an earlier reply pending). */
export async function claimForSend(sql: Sql, messageId: string): Promise<boolean> {
  return (await sql.query(CLAIM_FOR_SEND, [messageId])).length > 0;
}

const CLAIM_AND_READ = `
    WITH claimed AS (
      UPDATE messages m SET delivery_status = 'sending', delivery_attempts = m.delivery_attempts + 1
      FROM (SELECT delivery_status AS was FROM messages WHERE id = $1::uuid) prev
      WHERE m.id = $1::uuid AND m.clinic_id = $2::uuid AND m.delivery_status IN ('pending', 'sending')
        AND NOT ${earlierReplyPending('m.conversation_id', 'm.seq')}
        AND EXISTS (SELECT 1 FROM conversations c WHERE c.id = m.conversation_id AND c.messenger_account_id = $3::uuid)
      RETURNING m.id, m.clinic_id, m.conversation_id, m.sender_type, m.content, m.translated_content, m.platform_context, m.seq, m.delivery_status,
        m.delivery_parts_sent, m.delivery_attempts, prev.was = 'sending' AS interrupted
    )
    SELECT m.*, cu.messenger_user_id, c.last_customer_message_at,
           a.id AS account_id, a.messenger_type, a.credentials, a.updated_at AS account_updated_at, false AS earlier_pending
    FROM claimed m
    JOIN conversations c ON c.id = m.conversation_id
    JOIN customers cu ON cu.id = c.customer_id
    JOIN messenger_accounts a ON a.id = c.messenger_account_id`;

/**
 * The claim and the read in one statement, for jobs that name their account (the limiter was asked
 * already): the same guard as claimForSend, returning what the send needs; nothing when not claimed.
 */
export async function claimAndRead(sql: Sql, job: { messageId: string; clinicId: string; accountId: string }): Promise<SendableReply | undefined> {
  return toSendable((await sql.query<SendRow>(CLAIM_AND_READ, [job.messageId, job.clinicId, job.accountId]))[0]);
}
