import { randomUUID } from 'node:crypto';
import { audit, batchedStatement } from '@hub/db';
import { SendError, type Platform } from '@hub/messengers';
import type { LiveEvent, SendJob, TurnJob } from '@hub/queue';
import { sqlOf, type PipelineDeps } from './deps';
import { previewOf } from './language';
import { deliverClaimed, type SendRow } from './send.usecase';
import { acquireSendSlot } from './rate-limiter';

export type TurnOutcome =
  | { status: 'busy' }
  | { status: 'nothing_to_answer' }
  | { status: 'not_ai_mode' }
  | { status: 'replied'; replyId: string; answered: string[] }
  | { status: 'handoff'; reason: string; answered: string[]; noticeId?: string }
  | { status: 'discarded'; reason: string };

const REPLY_TOKEN_TTL_MS = 50_000; // LINE reply tokens: about a minute; keep a margin.
const CALLBACK_TTL_MS = 55_000; // Kakao callback URLs: one minute.
/** Earlier messages handed to the consultant as conversation history. */
const HISTORY_LIMIT = 10;

/**
 * One AI turn for one conversation. A lease on the conversation row keeps at most one turn in flight;
 * the customer messages answered are read from PostgreSQL (every stored, unanswered customer message,
 * in platform order), so a burst is answered by one reply and a message stored during the turn is left
 * for the next. The reply and the "answered" marks are written in one transaction that re-checks the
 * lease and the conversation version: a staff takeover during the turn discards the draft. The reply
 * is stored already claimed for sending and the turn delivers it (see sendNow).
 */
export async function runTurn(deps: PipelineDeps, job: TurnJob): Promise<TurnOutcome> {
  const { logger } = deps;
  const leaseId = randomUUID();
  // One statement (shared with concurrent turns): take the lease and read what the turn needs.
  const conv = await claimTurn(sqlOf(deps), { conversationId: job.conversationId, clinicId: job.clinicId, leaseId, leaseMs: deps.turnLeaseMs });
  if (!conv) return { status: 'busy' };

  let released = false;
  try {
    // Outbox recovery: replies stored but not sent — a crash between the commit and the send queue, or
    // during the turn's own send ('sending') — go to the send queue. Its job id is the message's, so a
    // reply already queued or being sent by a send job is not queued twice.
    const account = { accountId: conv.messenger_account_id, platform: conv.messenger_type };
    await Promise.all(conv.unsent.map((id) => deps.producers.addSend({ clinicId: job.clinicId, messageId: id, ...account })));
    if (!conv.ai_mode || conv.status === 'waiting') return { status: 'not_ai_mode' };

    const pending = conv.pending;
    if (pending.length === 0) return { status: 'nothing_to_answer' };

    const out = await deps.consultant.reply({
      clinicId: conv.clinic_id,
      conversationId: conv.id,
      customerId: conv.customer_id,
      messages: pending.map((m) => ({ id: m.id, content: m.content, translatedContent: m.translatedContent, originalLanguage: m.originalLanguage })),
      customer: conv.customer,
      history: conv.history,
    });

    const answered = pending.map((m) => m.id);
    const latest = pending[pending.length - 1]!.platformContext as { replyToken?: string; callbackUrl?: string; receivedAt?: string } | null;
    const receivedAt = latest?.receivedAt ? Date.parse(latest.receivedAt) : 0;
    const platformContext: Record<string, unknown> = {};
    if (latest?.replyToken) platformContext.replyToken = latest.replyToken;
    if (latest?.callbackUrl) platformContext.callbackUrl = latest.callbackUrl;
    if (receivedAt) {
      platformContext.replyTokenExpiresAt = new Date(receivedAt + REPLY_TOKEN_TTL_MS).toISOString();
      platformContext.callbackExpiresAt = new Date(receivedAt + CALLBACK_TTL_MS).toISOString();
    }

    // The turn sends its own reply: the rate limiter is asked before the commit, which then stores the
    // reply already claimed for sending ('sending', attempt counted) unless an earlier reply is unsent.
    const wait = out.handoff ? 0 : await acquireSendSlot(deps.redis, conv.messenger_account_id, conv.messenger_type as Platform, deps.producers?.opts.prefix);
    const result = out.handoff
      ? await commitHandoff(deps, conv, leaseId, out, platformContext, answered)
      : await commitReply(deps, conv, leaseId, out, platformContext, answered, wait === 0);
    if (result.status === 'replied') {
      released = true; // the commit statement released the lease
      const send = { clinicId: conv.clinic_id, messageId: result.replyId, requestId: job.requestId, ...account };
      const created: LiveEvent = {
        type: 'message.created',
        clinicId: conv.clinic_id,
        data: { conversationId: conv.id, messageId: result.replyId, senderType: 'ai' },
      };
      if (result.claimed) {
        // The console learns of the reply together with its delivery (one Redis call).
        await sendNow(deps, send, [created], {
          id: result.replyId,
          clinic_id: conv.clinic_id,
          conversation_id: conv.id,
          sender_type: 'ai',
          content: out.text,
          translated_content: out.translatedKo ?? null,
          platform_context: platformContext,
          seq: result.seq,
          delivery_status: 'sending',
          delivery_parts_sent: 0,
          delivery_attempts: 1,
          interrupted: false,
          messenger_user_id: conv.messenger_user_id,
          last_customer_message_at: conv.last_customer_message_at,
          account_id: conv.messenger_account_id,
          messenger_type: conv.messenger_type,
          credentials: conv.credentials,
          account_updated_at: conv.account_updated_at,
          earlier_pending: false,
        });
      } else {
        // The event goes out first (one Redis connection keeps the order), then the queued send.
        await Promise.all([deps.live.publish(created), deps.producers.addSend(send, wait > 0 ? { delay: wait } : {})]);
      }
    } else if (result.status === 'handoff') {
      const urgent = !!out.handoff?.urgent;
      const events: LiveEvent[] = [
        { type: 'alert', clinicId: conv.clinic_id, data: { kind: urgent ? 'emergency' : 'handoff', urgent, conversationId: conv.id, reason: result.reason } },
        { type: 'conversation.updated', clinicId: conv.clinic_id, data: { conversationId: conv.id, status: 'waiting' } },
      ];
      if (result.noticeId)
        events.push({ type: 'message.created', clinicId: conv.clinic_id, data: { conversationId: conv.id, messageId: result.noticeId, senderType: 'ai' } });
      await deps.live.publishMany(events);
      // The customer is told at once (the notice is a reply like any other: ordered, retried, recorded).
      if (result.noticeId) await deps.producers.addSend({ clinicId: conv.clinic_id, messageId: result.noticeId, requestId: job.requestId, ...account });
    } else {
      logger.info({ conversationId: conv.id, reason: result.reason }, 'AI draft discarded');
    }
    return result;
  } finally {
    if (!released)
      await sqlOf(deps)
        .exec`UPDATE conversations SET turn_lease_id = NULL, turn_lease_until = NULL WHERE id = ${job.conversationId}::uuid AND turn_lease_id = ${leaseId}::uuid`;
  }
}

/**
 * The turn sends its reply itself (one queued job less per message), claimed by the commit. Whatever
 * this one attempt does not finish goes to the send queue, which owns retries: after a transient
 * platform error the reply is pending again and the send job retries it after the platform's
 * retry-after. A permanent or auth failure is recorded by deliverClaimed (failed, staff told).
 * A crash mid-send leaves the reply 'sending': the turn job, found stalled, runs again and its claim
 * queues the reply (see `unsent`); the send job re-sends it with the same idempotency key.
 */
async function sendNow(deps: PipelineDeps, send: SendJob, events: LiveEvent[], claimed: SendRow): Promise<void> {
  try {
    await deliverClaimed(deps, claimed, false, events);
  } catch (err) {
    const delay = err instanceof SendError && err.retryAfterMs !== undefined ? Math.max(err.retryAfterMs, 100) : 1000;
    deps.logger.warn({ messageId: send.messageId, err, retryInMs: delay }, 'reply not sent by the turn; queued');
    // Events deliverClaimed did not get to publish (it threw first) go out now.
    await Promise.all([events.length ? deps.live.publishMany(events) : undefined, deps.producers.addSend(send, { delay })]);
  }
}

export interface ClaimRequest {
  conversationId: string;
  clinicId: string;
  leaseId: string;
  leaseMs: number;
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
           ORDER BY m.seq DESC LIMIT ${HISTORY_LIMIT}) h) AS history
  FROM claim JOIN messenger_accounts a ON a.id = claim.messenger_account_id JOIN customers cu ON cu.id = claim.customer_id`;

/**
 * Every statement that writes several conversation rows locks them in id order first (the inbound store,
 * the score write, the claim and the commit run concurrently on overlapping conversations): taken in
 * the UPDATE's own join order, two such statements could each hold a row the other wants (deadlock,
 * seen in the load test between a store and a commit: PostgreSQL aborts one after a second).
 */
const LOCK_IN_ID_ORDER = `
    SELECT c.id FROM conversations c WHERE c.id IN (SELECT "conversationId" FROM req) ORDER BY c.id FOR UPDATE OF c`;

/**
 * Claims in one statement. Two requests for one conversation (a retried turn racing its stalled twin)
 * update its row once: the lease id it returns says which request won.
 */
const CLAIM = `
  WITH req AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("conversationId" uuid, "clinicId" uuid, "leaseId" uuid, "leaseMs" int)
  ), locked AS MATERIALIZED (${LOCK_IN_ID_ORDER}
  ), claim AS (
    UPDATE conversations c SET turn_lease_id = req."leaseId", turn_lease_until = now() + (req."leaseMs" * interval '1 millisecond')
    FROM req JOIN locked ON locked.id = req."conversationId"
    WHERE c.id = req."conversationId" AND c.clinic_id = req."clinicId" AND (c.turn_lease_until IS NULL OR c.turn_lease_until < now())
    RETURNING c.id, c.clinic_id, c.customer_id, c.messenger_account_id, c.ai_mode, c.status, c.version, c.last_customer_message_at, c.turn_lease_id
  )${CLAIM_READ}`;

/**
 * Takes the conversation's turn lease (unless another turn holds it) and reads, in the same statement,
 * the conversation, its unanswered customer messages in platform order, replies stored but not sent,
 * the customer and the account. Concurrent turns' claims share one statement (batchedStatement); each
 * gets the row its own lease won, or nothing (busy).
 */
export const claimTurn = batchedStatement<ClaimRequest, ClaimRow | undefined>(async (sql, reqs) => {
  const rows = await sql.query<ClaimRow & { lease_id: string }>(CLAIM, [JSON.stringify(reqs)]);
  const byConversation = new Map(rows.map((row) => [row.id, row]));
  return reqs.map((r) => {
    const row = byConversation.get(r.conversationId);
    return row?.lease_id === r.leaseId ? row : undefined;
  });
});

interface ClaimRow {
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
  pending: { id: string; content: string; translatedContent: string | null; originalLanguage: string | null; platformContext: unknown }[];
  unsent: string[];
  customer: { languageCode: string | null; countryCode: string | null; timezone: string | null } | null;
  history: { senderType: string; content: string }[];
}

type ConsultantOutput = Awaited<ReturnType<PipelineDeps['consultant']['reply']>>;

/** One turn's reply to commit (see commitReply). */
export interface CommitRequest {
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

export interface Committed {
  reply_id: string;
  seq: bigint;
  claimed: boolean;
}

/**
 * Commits in one statement: each conversation row updated only while its turn holds the lease and it is
 * unchanged, each reply inserted only for its updated row, each reply's answered messages marked. A
 * commit whose conversation did not match inserts nothing and gets no row.
 */
const COMMIT = `
  WITH req AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("conversationId" uuid, "clinicId" uuid, "leaseId" uuid, version int, "replyId" uuid,
      content text, language text, translated text, "translatedLanguage" text, "aiMetadata" jsonb, "platformContext" jsonb, preview text,
      claim boolean, answered uuid[])
  ), locked AS MATERIALIZED (${LOCK_IN_ID_ORDER}
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
      SELECT req.claim AND NOT EXISTS (
        SELECT 1 FROM messages e
        WHERE e.conversation_id = c.id AND e.sender_type IN ('ai', 'staff') AND e.delivery_status IN ('pending', 'sending')
      ) AS now
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

/**
 * The reply, the "answered" marks, the conversation's last message and the lease release in one
 * statement, shared with concurrent turns' commits (batchedStatement). The conversation UPDATE is the
 * check: it matches only while this turn holds the lease and the conversation is unchanged (same
 * version, still AI mode, not waiting for staff); the row lock it takes orders it against a concurrent
 * takeover. No match → nothing is inserted (undefined) and the draft is discarded.
 */
export const commitTurn = batchedStatement<CommitRequest, Committed | undefined>(async (sql, reqs) => {
  const rows = await sql.query<Committed>(COMMIT, [JSON.stringify(reqs)]);
  const byReply = new Map(rows.map((row) => [row.reply_id, row]));
  return reqs.map((r) => byReply.get(r.replyId));
});

/** Commits the turn's reply (commitTurn), or names why it was discarded. */
async function commitReply(
  deps: PipelineDeps,
  conv: ClaimRow,
  leaseId: string,
  out: ConsultantOutput,
  platformContext: Record<string, unknown>,
  answered: string[],
  claimForSending: boolean,
): Promise<{ status: 'replied'; replyId: string; answered: string[]; claimed: boolean; seq: bigint } | Extract<TurnOutcome, { status: 'discarded' }>> {
  const committed = await commitTurn(sqlOf(deps), {
    conversationId: conv.id,
    clinicId: conv.clinic_id,
    leaseId,
    version: conv.version,
    replyId: randomUUID(),
    content: out.text,
    language: out.language,
    translated: out.translatedKo ?? null,
    translatedLanguage: out.translatedKo ? 'ko' : null,
    aiMetadata: { ...out.aiMetadata, answers: answered },
    platformContext,
    preview: previewOf(out.translatedKo ?? out.text),
    claim: claimForSending,
    answered,
  });
  if (committed) return { status: 'replied', replyId: committed.reply_id, answered, claimed: committed.claimed, seq: committed.seq };
  const [now] = await sqlOf(deps)<{ turn_lease_id: string | null }>`SELECT turn_lease_id FROM conversations WHERE id = ${conv.id}::uuid`;
  return { status: 'discarded', reason: now?.turn_lease_id === leaseId ? 'taken_over' : 'lease_lost' };
}

/**
 * The AI asked for a human: the conversation waits for staff, the customer's messages are answered by a
 * notice telling them so (stored as a reply, sent like one), with a notification (urgent for a medical
 * emergency) and an audit row, in one transaction that re-checks the lease and version (rare path).
 */
async function commitHandoff(
  deps: PipelineDeps,
  conv: ClaimRow,
  leaseId: string,
  out: ConsultantOutput,
  platformContext: Record<string, unknown>,
  answered: string[],
): Promise<Extract<TurnOutcome, { status: 'handoff' | 'discarded' }>> {
  const reason = out.handoff!.reason;
  const urgent = !!out.handoff!.urgent;
  return deps.db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ version: number; ai_mode: boolean; status: string; turn_lease_id: string | null }[]>`
      SELECT version, ai_mode, status, turn_lease_id FROM conversations WHERE id = ${conv.id}::uuid FOR UPDATE`;
    if (!current || current.turn_lease_id !== leaseId) return { status: 'discarded' as const, reason: 'lease_lost' };
    if (current.version !== conv.version || !current.ai_mode || current.status === 'waiting') return { status: 'discarded' as const, reason: 'taken_over' };
    let noticeId: string | undefined;
    if (out.text.trim()) {
      const notice = await tx.message.create({
        data: {
          clinicId: conv.clinic_id,
          conversationId: conv.id,
          senderType: 'ai',
          content: out.text,
          contentType: 'text',
          originalLanguage: out.language,
          translatedContent: out.translatedKo ?? null,
          translatedLanguage: out.translatedKo ? 'ko' : null,
          aiMetadata: { ...out.aiMetadata, answers: answered } as object,
          platformContext: platformContext as object,
          deliveryStatus: 'pending',
        },
        select: { id: true },
      });
      noticeId = notice.id;
      await tx.message.updateMany({ where: { id: { in: answered }, answeredById: null }, data: { answeredById: noticeId } });
    }
    await tx.conversation.update({
      where: { id: conv.id },
      data: { status: 'waiting', handoffReason: reason, version: { increment: 1 }, turnLeaseId: null, turnLeaseUntil: null, lastMessageAt: new Date() },
    });
    await tx.notification.create({
      data: {
        clinicId: conv.clinic_id,
        audience: 'staff',
        kind: urgent ? 'emergency' : 'handoff',
        title: urgent ? '긴급: 의료 응급 상황 의심 — 즉시 확인하세요' : '상담원 연결 필요',
        body: reason,
        data: { conversationId: conv.id, messageIds: answered, urgent, ...(noticeId ? { noticeId } : {}) },
      },
    });
    await audit(tx, {
      clinicId: conv.clinic_id,
      actorType: 'ai',
      action: 'conversation.handoff',
      entityType: 'conversation',
      entityId: conv.id,
      before: { status: conv.status },
      after: { status: 'waiting', reason, urgent, customerTold: !!noticeId },
    });
    return { status: 'handoff' as const, reason, answered, ...(noticeId ? { noticeId } : {}) };
  });
}
