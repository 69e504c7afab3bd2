import { batchedStatement } from '../batch';
import type { Sql } from '../client';
import { LOCK_REQUESTED_CONVERSATIONS } from './fragments';

/**
 * The turn's claim: take the conversation's turn lease and read what the turn needs, in one statement.
 *
 * Invariants:
 * - At most one turn holds a conversation: the lease is taken only when none is held or it expired.
 * - Two requests for one conversation in one statement (a retried turn racing its stalled twin) update
 *   its row once; the lease id returned says which request won, the other gets nothing (busy).
 * - Conversations are locked in id order first (LOCK_REQUESTED_CONVERSATIONS).
 * - `pending` is every stored, unanswered customer message in platform order; `unsent` every ai/staff
 *   reply still pending or sending (the outbox the turn re-queues).
 */

/** Earlier messages handed to the consultant as conversation history. */
export const TURN_HISTORY_LIMIT = 10;

export interface TurnClaim {
  conversationId: string;
  clinicId: string;
  leaseId: string;
  leaseMs: number;
}

/** A conversation whose turn lease this caller holds, with what the turn needs. */
export interface ClaimedTurn {
  id: string;
  clinicId: string;
  customerId: string;
  accountId: string;
  platform: string;
  /** The customer's id on the platform. */
  recipient: string;
  lastCustomerMessageAt: Date | null;
  credentials: unknown;
  accountUpdatedAt: Date;
  aiMode: boolean;
  status: string;
  version: number;
  pending: { id: string; content: string; translatedContent: string | null; originalLanguage: string | null; platformContext: unknown }[];
  unsent: string[];
  customer: { languageCode: string | null; countryCode: string | null; timezone: string | null } | null;
  history: { senderType: string; content: string }[];
}

interface ClaimRow {
  lease_id: string;
  id: string;
  clinic_id: string;
  customer_id: string;
  messenger_account_id: string;
  messenger_type: string;
  messenger_user_id: string;
  last_customer_message_at: Date | null;
  credentials: unknown;
  account_updated_at: Date;
  ai_mode: boolean;
  status: string;
  version: number;
  pending: ClaimedTurn['pending'];
  unsent: string[];
  customer: ClaimedTurn['customer'];
  history: ClaimedTurn['history'];
}

function toClaimedTurn(row: ClaimRow): ClaimedTurn {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    customerId: row.customer_id,
    accountId: row.messenger_account_id,
    platform: row.messenger_type,
    recipient: row.messenger_user_id,
    lastCustomerMessageAt: row.last_customer_message_at,
    credentials: row.credentials,
    accountUpdatedAt: row.account_updated_at,
    aiMode: row.ai_mode,
    status: row.status,
    version: row.version,
    pending: row.pending,
    unsent: row.unsent,
    customer: row.customer,
    history: row.history,
  };
}

/** What a claimed turn reads, from the `claim` CTE (the conversation rows whose lease was taken). */
const CLAIM_READ = `
  SELECT claim.turn_lease_id AS lease_id, claim.id, claim.clinic_id, claim.customer_id, claim.messenger_account_id, claim.ai_mode,
    claim.status, claim.version, claim.last_customer_message_at, a.messenger_type, a.credentials, a.updated_at AS account_updated_at,
    cu.messenger_user_id,
    json_build_object('languageCode', cu.language_code, 'countryCode', cu.country_code, 'timezone', cu.timezone) AS customer,
    (SELECT coalesce(json_agg(json_build_object('id', m.id, 'content', m.content, 'translatedContent', m.translated_content,
                                                'originalLanguage', m.original_language, 'platformContext', m.platform_context)
                              ORDER BY m.platform_sent_at, m.seq), '[]'::json)
     FROM messages m WHERE m.conversation_id = claim.id AND m.sender_type = 'customer' AND m.answered_by_id IS NULL AND NOT m.is_deleted) AS pending,
    (SELECT coalesce(array_agg(m.id ORDER BY m.seq), '{}')
     FROM messages m WHERE m.conversation_id = claim.id AND m.sender_type IN ('ai', 'staff') AND m.delivery_status IN ('pending', 'sending')) AS unsent,
    (SELECT coalesce(json_agg(json_build_object('senderType', h.sender_type, 'content', h.content) ORDER BY h.seq), '[]'::json)
     FROM (SELECT m.sender_type, m.content, m.seq FROM messages m
           WHERE m.conversation_id = claim.id AND NOT m.is_deleted AND m.sender_type IN ('customer', 'ai', 'staff')
             AND NOT (m.sender_type = 'customer' AND m.answered_by_id IS NULL)
           ORDER BY m.seq DESC LIMIT ${TURN_HISTORY_LIMIT}) h) AS history
  FROM claim JOIN messenger_accounts a ON a.id = claim.messenger_account_id JOIN customers cu ON cu.id = claim.customer_id`;

const CLAIM = `
  WITH req AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("conversationId" uuid, "clinicId" uuid, "leaseId" uuid, "leaseMs" int)
  ), locked AS MATERIALIZED (${LOCK_REQUESTED_CONVERSATIONS}
  ), claim AS (
    UPDATE conversations c SET turn_lease_id = req."leaseId", turn_lease_until = now() + (req."leaseMs" * interval '1 millisecond')
    FROM req JOIN locked ON locked.id = req."conversationId"
    WHERE c.id = req."conversationId" AND c.clinic_id = req."clinicId" AND (c.turn_lease_until IS NULL OR c.turn_lease_until < now())
    RETURNING c.id, c.clinic_id, c.customer_id, c.messenger_account_id, c.ai_mode, c.status, c.version, c.last_customer_message_at, c.turn_lease_id
  )${CLAIM_READ}`;

/**
 * Takes the conversation's turn lease (unless another turn holds it) and reads the turn's input.
 * Concurrent turns' claims share one statement (batchedStatement); each gets the row its own lease won,
 * or nothing (busy).
 */
export const claimTurn = batchedStatement<TurnClaim, ClaimedTurn | undefined>(async (sql, reqs) => {
  const rows = await sql.query<ClaimRow>(CLAIM, [JSON.stringify(reqs)]);
  const byConversation = new Map(rows.map((row) => [row.id, row]));
  return reqs.map((r) => {
    const row = byConversation.get(r.conversationId);
    return row?.lease_id === r.leaseId ? toClaimedTurn(row) : undefined;
  });
});

/** Gives the lease back, if this lease still holds it (a turn that did not commit). */
export async function releaseTurnLease(sql: Sql, conversationId: string, leaseId: string): Promise<void> {
  await sql.exec`UPDATE conversations SET turn_lease_id = NULL, turn_lease_until = NULL WHERE id = ${conversationId}::uuid AND turn_lease_id = ${leaseId}::uuid`;
}

/** The lease now held on the conversation (null: none). */
export async function turnLeaseHolder(sql: Sql, conversationId: string): Promise<string | null> {
  const [row] = await sql<{ turn_lease_id: string | null }>`SELECT turn_lease_id FROM conversations WHERE id = ${conversationId}::uuid`;
  return row?.turn_lease_id ?? null;
}
