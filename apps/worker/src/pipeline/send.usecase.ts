import {
  audit,
  claimAndRead,
  claimForSend,
  isInfrastructureError,
  markAccepted,
  markWhollySent,
  readForSend,
  type AcceptedMark,
  type SendableReply,
} from '@hub/db';
import { outboundFactories, platformOf, PlatformSchema, SendError, type Platform, type OutboundAdapter } from '@hub/messengers';
import type { LiveEvent, SendJob } from '@hub/queue';
import type { PipelineDeps } from './deps';
import { acquireSendSlot } from './rate-limiter';

export type SendOutcome =
  | { status: 'sent'; externalIds: string[] }
  | { status: 'already_done' }
  | { status: 'wait'; ms: number; reason: string }
  | { status: 'failed'; code: string; reason: string };

const NOT_DELIVERABLE = new Set(['window_closed', 'template_required', 'not_deliverable']);

/** Senders are cached per account so telegraf / LINE clients and their keep-alive agents are reused. */
const senderCache = new Map<string, { key: unknown; sender: OutboundAdapter }>();

type NotSendable = Extract<SendOutcome, { status: 'failed' | 'already_done' | 'wait' }>;

const EARLIER_PENDING: NotSendable = { status: 'wait', ms: 250, reason: 'earlier reply pending' };

/** Redis hash of a reply's acceptances not yet in PostgreSQL (part → ids), kept while the database is unreachable. */
const journalKey = (deps: PipelineDeps, messageId: string) => `${deps.producers?.opts.prefix ?? 'hub'}:accepted:${messageId}`;
const JOURNAL_TTL_S = 14 * 24 * 3600;

/** How long the fast journal entry (written with every acceptance) lives: a crashed send is retried well within it. */
const FAST_JOURNAL_TTL_S = 15 * 60;

/**
 * A platform has accepted a call: record it before anything else can fail, and never by sending again.
 * Two records start at once: a Redis journal entry (one round trip, usually the first to land) and the
 * PostgreSQL write (batched with concurrent sends). Either one stops a retry from repeating the call: a
 * retry reads the journal (partsDone). This returns when PostgreSQL has the record; a failed write is
 * retried, never the send, and while it fails the journal entry is kept for longer, so a worker killed
 * while PostgreSQL is unreachable leaves it for the next attempt. A data-level failure of the write (the
 * platform id colliding with a stored one) records the ids without the unique column rather than fail.
 */
async function recordAcceptance(deps: PipelineDeps, mark: AcceptedMark): Promise<void> {
  const key = journalKey(deps, mark.id);
  const journal = (ttl: number) =>
    deps.redis
      .multi()
      .hset(key, String(mark.part), JSON.stringify(mark.ids))
      .expire(key, ttl)
      .exec()
      .then(
        () => true,
        () => false,
      );
  const fast = journal(FAST_JOURNAL_TTL_S);
  let kept = false;
  for (let attempt = 0; ; attempt++) {
    try {
      await markAccepted(deps.sql, mark);
      await fast;
      return;
    } catch (err) {
      if (!isInfrastructureError(err)) {
        if (mark.idsOnly) {
          // Not a passing fault: keep the journal (the next attempt reads it and sends nothing) and fail.
          await journal(JOURNAL_TTL_S);
          throw err;
        }
        deps.logger.error({ messageId: mark.id, part: mark.part, err }, 'recording an accepted send failed; recorded without its platform id');
        mark = { ...mark, idsOnly: true };
        continue;
      }
      if (!kept) kept = await journal(JOURNAL_TTL_S);
      if (attempt % 20 === 0)
        deps.logger.warn({ messageId: mark.id, part: mark.part, err }, 'recording an accepted send failed; retrying the record, not the send');
      await sleep(Math.min(250 * 2 ** attempt, 5000));
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every call of the reply was accepted and recorded by earlier attempts: only the 'sent' mark is left (retried while the database is unreachable). */
async function markWhollySentRetrying(deps: PipelineDeps, messageId: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await markWhollySent(deps.sql, messageId);
    } catch (err) {
      if (!isInfrastructureError(err)) throw err;
      await sleep(Math.min(250 * 2 ** attempt, 5000));
    }
  }
}

/**
 * Parts a retried send finds in the journal (accepted, not yet in PostgreSQL) are recorded first; returns
 * how many platform calls of the reply are done. Only retries read it (a first attempt has no journal).
 */
async function partsDone(deps: PipelineDeps, msg: SendableReply): Promise<number> {
  let done = msg.partsSent;
  if (msg.attempts <= 1) return done;
  const journal = await deps.redis.hgetall(journalKey(deps, msg.id));
  for (; journal[String(done)] !== undefined; done++) {
    // `last` is unknown here: the send after it finds no call left and marks the reply sent.
    await recordAcceptance(deps, {
      id: msg.id,
      at: new Date(),
      accountId: msg.accountId,
      platform: msg.platform,
      part: done,
      last: false,
      ids: JSON.parse(journal[String(done)]!) as string[],
    });
  }
  return done;
}

/** Today's precedence: not found → already done → an earlier reply first. Undefined: sendable. */
function notSendable(row: SendableReply | undefined): NotSendable | undefined {
  if (!row) return { status: 'failed', code: 'not_found', reason: 'message not found' };
  if (row.deliveryStatus !== 'pending' && row.deliveryStatus !== 'sending') return { status: 'already_done' };
  if (row.earlierPending) return EARLIER_PENDING;
  return undefined;
}

/**
 * Sends one stored reply through the clinic's own account. Replies of a conversation go out in order:
 * a reply waits while an earlier one of the same conversation is still pending.
 * Failure kinds: transient → SendError rethrown (BullMQ retries, honouring the platform's wait);
 * auth → account marked disconnected, message failed, clinic alerted; permanent → message failed.
 *
 * Round trips on the success path. Jobs from the turn name the conversation's account and platform:
 * the rate limiter (Redis) is asked first, then claimAndRead marks the message 'sending' (attempts + 1,
 * only if no earlier reply is pending) and reads what the send needs in one statement, then 'sent':
 * 2 statements. Jobs without them (staff replies from the API) read first (readForSend: the account and
 * the not-found / done / earlier-reply outcomes), ask the limiter, claim, send, mark sent: 3. The
 * limiter always runs before the claim, so a rate-limited reply stays pending with its attempt
 * uncounted; the claim always runs before the platform call, so a worker killed mid-send leaves the
 * reply 'sending' with the attempt counted.
 * Crash recovery: a message left 'sending' blocks later replies of its conversation, is claimable
 * again by the retried (stalled) send job, and is re-sent with the same idempotency key (msg.id:
 * LINE's X-Line-Retry-Key, so LINE answers 409 instead of delivering twice).
 */
export async function sendReply(deps: PipelineDeps, job: SendJob, isLastAttempt: boolean): Promise<SendOutcome> {
  let msg: SendableReply;
  // A job naming an unknown platform takes the two-step path, which reads the account's own.
  if (job.accountId && job.platform && PlatformSchema.safeParse(job.platform).success) {
    // The job names the account: ask the limiter first, then claim and read in one statement (2 round
    // trips on the success path). The claim's guard is the one below; nothing claimed → read the reason.
    const wait = await acquireSendSlot(deps.redis, job.accountId, job.platform as Platform, deps.producers?.opts.prefix);
    if (wait > 0) return { status: 'wait', ms: wait, reason: 'rate_limited_locally' };
    const row = await claimAndRead(deps.sql, { messageId: job.messageId, clinicId: job.clinicId, accountId: job.accountId });
    // Nothing claimed (not found, done, an earlier reply first, or the job's account is not the
    // conversation's): the two-step path names the outcome, or sends if the reply is sendable after all.
    if (!row) return sendReply(deps, { clinicId: job.clinicId, messageId: job.messageId, requestId: job.requestId }, isLastAttempt);
    msg = row;
  } else {
    const row = await readForSend(deps.sql, job);
    const skip = notSendable(row);
    if (skip) return skip;
    msg = row!;
    const wait = await acquireSendSlot(deps.redis, msg.accountId, msg.platform as Platform, deps.producers?.opts.prefix);
    if (wait > 0) return { status: 'wait', ms: wait, reason: 'rate_limited_locally' };
    const claimed = await claimForSend(deps.sql, msg.id);
    // Rare path: since the read the reply was sent, failed or deleted elsewhere, or an earlier reply became
    // pending; a second read names the outcome (sendable again by then: retry shortly, like an earlier reply).
    if (!claimed) return notSendable(await readForSend(deps.sql, job)) ?? EARLIER_PENDING;
  }
  return deliverClaimed(deps, msg, isLastAttempt);
}

/**
 * Sends a reply this caller has claimed ('sending', attempt counted) and records the outcome: 'sent'
 * with the platform's ids; on a transient error (not the last attempt) the reply is pending again and
 * the SendError is rethrown for the caller to retry; auth → account disconnected + message failed in one
 * transaction, clinic alerted; permanent → message failed (or not deliverable), staff told.
 */
export async function deliverClaimed(deps: PipelineDeps, msg: SendableReply, isLastAttempt: boolean, earlier: LiveEvent[] = []): Promise<SendOutcome> {
  const { db } = deps;
  // `earlier`: the caller's live events, sent in the same Redis call as this send's first event (and
  // removed from the array once sent: when this throws first, the caller still has them to publish).
  const publish = (e: LiveEvent) => deps.live.publishMany(earlier.splice(0).concat(e));
  const platform = msg.platform as Platform;
  const accountId = msg.accountId;

  const ctx = (msg.platformContext ?? {}) as { replyToken?: string; replyTokenExpiresAt?: string; callbackUrl?: string; callbackExpiresAt?: string };
  const now = Date.now();
  let externalIds: string[];
  try {
    // Inside the try: stored credentials that fail the sender's schema are an auth failure
    // (SendError 'credentials_invalid') and must disconnect the account like a revoked token.
    const cacheKey = `${accountId}:${msg.accountUpdatedAt.getTime()}`;
    let cached = senderCache.get(accountId);
    if (!cached || cached.key !== cacheKey) {
      cached = { key: cacheKey, sender: await outboundFactories[platform](deps.keyring.decrypt(msg.credentials, accountId), deps.outbound) };
      senderCache.set(accountId, cached);
    }
    const done = await partsDone(deps, msg);
    const { qualifyMessageId } = platformOf(platform);
    const qualify = (ids: string[]) => (qualifyMessageId ? ids.map((id) => qualifyMessageId(id, msg.recipient)) : ids);
    const result = await cached.sender.send({
      partsDone: done,
      // Each accepted call is recorded before the next is made or anything else can fail.
      onPartAccepted: (part) =>
        recordAcceptance(deps, { id: msg.id, at: new Date(), accountId, platform, part: part.index, last: part.last, ids: qualify(part.externalIds) }),
      to: msg.recipient,
      // Staff write Korean (content) and the customer gets the translation; AI replies are written in the customer's language.
      text: msg.senderType === 'staff' ? (msg.translatedContent ?? msg.content) : msg.content,
      idempotencyKey: msg.id,
      replyToken: ctx.replyToken && ctx.replyTokenExpiresAt && Date.parse(ctx.replyTokenExpiresAt) > now ? ctx.replyToken : undefined,
      // A retry offers the callback even when it looks expired: Kakao's "already used" then proves an
      // earlier attempt (one that timed out or was cut off) delivered it, and nothing is sent again.
      callbackUrl: ctx.callbackUrl && (msg.attempts > 1 || (ctx.callbackExpiresAt && Date.parse(ctx.callbackExpiresAt) > now)) ? ctx.callbackUrl : undefined,
      lastCustomerMessageAt: msg.lastCustomerMessageAt ?? undefined,
      fromStaff: msg.senderType === 'staff',
      previousAttemptInterrupted: msg.interrupted || msg.attempts > 1,
    });
    // Unique per account (Telegram's ids are unique per chat only: see the platform's qualifyMessageId).
    externalIds = qualify(result.externalIds);
    // Every call was accepted by an earlier attempt (its record survived, the 'sent' mark did not).
    if (done >= result.parts) await markWhollySentRetrying(deps, msg.id);
  } catch (err) {
    if (!(err instanceof SendError)) {
      // On the last attempt a failure of ours (not the platform's) fails the reply: left pending, it would
      // hold every later reply of the conversation. Infrastructure failures never reach a last attempt.
      const last = isLastAttempt && !isInfrastructureError(err);
      await db.message.update({ where: { id: msg.id }, data: { deliveryStatus: last ? 'failed' : 'pending', deliveryError: (err as Error).message } });
      throw err;
    }
    // A rate limit is never final: the send waits as long as the platform says (processors.ts).
    if (err.kind === 'transient' && (!isLastAttempt || err.code === 'rate_limited')) {
      await db.message.update({ where: { id: msg.id }, data: { deliveryStatus: 'pending', deliveryError: `${err.code}: ${err.message}` } });
      throw err;
    }
    const status = NOT_DELIVERABLE.has(err.code) ? 'not_deliverable' : 'failed';
    const reason = `${err.code}: ${err.message}`;
    // An auth failure disconnects the account in the same transaction that fails the message: whoever
    // sees the failed reply (console, API) also sees the disconnected account, and the other way round.
    const failMessage = db.message.update({ where: { id: msg.id }, data: { deliveryStatus: status, deliveryError: reason } });
    if (err.kind === 'auth') {
      await db.$transaction([db.messengerAccount.update({ where: { id: accountId }, data: { isConnected: false, connectionError: reason } }), failMessage]);
      await audit(db, {
        clinicId: msg.clinicId,
        actorType: 'system',
        action: 'messenger_account.disconnected',
        entityType: 'messenger_account',
        entityId: accountId,
        after: { reason: err.code },
      });
      await db.notification.create({
        data: {
          clinicId: msg.clinicId,
          audience: 'admin',
          kind: 'account_disconnected',
          title: `${platform} 계정 연결 끊김`,
          body: reason,
          data: { accountId },
        },
      });
      await publish({ type: 'account.disconnected', clinicId: msg.clinicId, data: { accountId, platform, reason } });
    } else {
      await failMessage;
    }
    await db.notification.create({
      data: {
        clinicId: msg.clinicId,
        audience: 'staff',
        kind: status === 'not_deliverable' ? 'not_deliverable' : 'send_failed',
        title: err.code === 'template_required' ? 'WhatsApp 24시간 창 종료: 템플릿 메시지가 필요합니다' : '메시지 전송 실패',
        body: reason,
        data: { conversationId: msg.conversationId, messageId: msg.id },
      },
    });
    await publish({ type: 'send.failed', clinicId: msg.clinicId, data: { conversationId: msg.conversationId, messageId: msg.id, status, reason } });
    return { status: 'failed', code: err.code, reason };
  }
  // Sent and recorded. Outside the try: a failed live publish must not make the reply pending again
  // (it would go out twice); the job fails and its retry finds the reply already sent.
  await publish({ type: 'message.updated', clinicId: msg.clinicId, data: { conversationId: msg.conversationId, messageId: msg.id, deliveryStatus: 'sent' } });
  return { status: 'sent', externalIds };
}
