import type { Prisma } from '../generated/prisma/client';

/**
 * The handoff's check, inside its transaction (rare path): the conversation row locked, with what the
 * check compares against the turn's claim.
 *
 * Invariants:
 * - The row stays locked until the caller's transaction ends, so the handoff's writes and a concurrent
 *   takeover or commit are ordered by this lock.
 */
export interface LockedTurnConversation {
  version: number;
  aiMode: boolean;
  status: string;
  /** The lease now held (null: none). */
  leaseId: string | null;
}

/** Locks the conversation (FOR UPDATE) in the caller's transaction; undefined when it does not exist. */
export async function lockTurnConversation(
  tx: Pick<Prisma.TransactionClient, '$queryRaw'>,
  conversationId: string,
): Promise<LockedTurnConversation | undefined> {
  const [row] = await tx.$queryRaw<{ version: number; ai_mode: boolean; status: string; turn_lease_id: string | null }[]>`
      SELECT version, ai_mode, status, turn_lease_id FROM conversations WHERE id = ${conversationId}::uuid FOR UPDATE`;
  return row && { version: row.version, aiMode: row.ai_mode, status: row.status, leaseId: row.turn_lease_id };
}
