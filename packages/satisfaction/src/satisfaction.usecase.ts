import { randomUUID } from 'node:crypto';
import { AppError } from '@hub/contracts';
import { Prisma, batchedStatement, prismaSql, type Db, type Sql } from '@hub/db';
import type { LiveEventPublisher, SatisfactionJob } from '@hub/queue';
import { judgeOrLocal, type SatisfactionJudge } from './satisfaction.judge';
import { LEVELS, levelOf, levelRank, scoreTurn, type Level, type ScoreResult, type ScorerMessage, type Sender, type Signal } from './satisfaction.scorer';

export interface ScoreMessageDeps {
  db: Db;
  /** The read as a named prepared statement on Prisma's pool (createDbAndSql); Prisma's raw query when absent. */
  sql?: Sql;
  live: Pick<LiveEventPublisher, 'publish'>;
  /** How far a computed score may move from a supervisor's override before the override stops driving. */
  overrideMargin: number;
  /** The LLM judge (clinics on a remote provider); the local scorer alone when absent or failing. */
  judge?: SatisfactionJudge;
  /** How long scoring waits for the judge before keeping the local score (default 4 s). */
  judgeTimeoutMs?: number;
  logger?: { warn(obj: object, msg: string): void };
  now?: () => Date;
}

export type ScoreMessageOutcome =
  | { status: 'missing' }
  | { status: 'not_customer' }
  | { status: 'duplicate' }
  | {
      status: 'scored';
      scoreId: string;
      computed: { score: number; level: Level };
      effective: { score: number; level: Level; source: 'computed' | 'override' };
      alerted: boolean;
    };

/** The scorer's window: the message scored and the ones before it. */
export const SATISFACTION_WINDOW = 20;

/** levelOf and levelRank as tables, so the write statement derives levels exactly as the scorer does. */
const LEVEL_NAMES: string[] = [...LEVELS];
const RANK_OF_SCORE: number[] = Array.from({ length: 101 }, (_, score) => levelRank(levelOf(score)));
const ORANGE = levelRank('orange');

/** One message of the scorer's window; `at` in epoch milliseconds. */
export interface SatisfactionWindowMessage {
  id: string;
  sender: string;
  text: string;
  language: string | null;
  at: number;
  answeredById: string | null;
}

/** What scoring reads about a message: its sender, whether it was scored, its conversation, the window. */
export interface SatisfactionRead {
  sender_type: string;
  scored: boolean;
  conversation_found: boolean;
  status: string | null;
  handoff_reason: string | null;
  /** The window, oldest first. */
  history: SatisfactionWindowMessage[] | null;
  previous_score: number | null;
}

interface WriteRow {
  /** The score row this result is for (one per item of the statement). */
  score_id: string;
  /** The conversation exists in the clinic (and is now locked). */
  found: boolean;
  /** The statement's snapshot already saw the locked version of the conversation (see writeScore). */
  fresh: boolean;
  inserted: boolean;
  score: number | null;
  overridden: boolean | null;
  alerted: boolean | null;
}

/**
 * Scores the conversation after one customer message. The score row is keyed by the message, so a
 * retried job is a no-op. The conversation's effective level (the computed one, or a supervisor's
 * override while the computed score stays within the margin) and the alert decision are written under
 * a row lock on the conversation: concurrent jobs for the same conversation alert once.
 *
 * Two statements on the common path: one read (message, duplicate check, conversation, window,
 * previous score) and one write (lock, insert, override, alert decision, conversation, notification).
 * `preread`: the read, done by the caller's own statement (the worker's inbound step reads it while
 * storing the message); the window must end with the message itself.
 */
export async function scoreMessage(deps: ScoreMessageDeps, job: SatisfactionJob, preread?: SatisfactionRead): Promise<ScoreMessageOutcome> {
  const { db } = deps;
  const read = preread ?? (await readForScoring(deps, job));
  if (!read) return { status: 'missing' };
  if (read.sender_type !== 'customer') return { status: 'not_customer' };
  if (read.scored) return { status: 'duplicate' };
  if (!read.conversation_found) return { status: 'missing' };

  const messages: ScorerMessage[] = (read.history ?? []).map((m) => ({
    id: m.id,
    sender: m.sender as Sender,
    text: m.text,
    language: m.language,
    at: new Date(m.at),
    answeredById: m.answeredById,
  }));

  const now = deps.now?.() ?? new Date();
  const local = scoreTurn({
    messages,
    currentMessageId: job.messageId,
    now,
    previousScore: read.previous_score,
    handoff: { active: read.status === 'waiting', reason: read.handoff_reason },
  });
  const result = await judgeOrLocal(
    deps.judge,
    { clinicId: job.clinicId, conversationId: job.conversationId, messages, currentMessageId: job.messageId, now, waitingForHuman: read.status === 'waiting' },
    local,
    {
      timeoutMs: deps.judgeTimeoutMs ?? 4000,
      onFailure: (err) => deps.logger?.warn({ err, conversationId: job.conversationId }, 'satisfaction judge failed; local score only'),
    },
  );

  const scoreId = randomUUID();
  let written = await writeScore(db, deps, job, result, scoreId, now);
  if (written.found && !written.fresh) {
    // The conversation changed between the statement's snapshot and its lock (a concurrent job or
    // override committed meanwhile), so the override check may have missed rows: nothing was written.
    // Lock first, then the same statement sees everything committed under the lock.
    written = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM conversations WHERE id = ${job.conversationId}::uuid AND clinic_id = ${job.clinicId}::uuid FOR UPDATE`;
      return writeScore(tx, deps, job, result, scoreId, now);
    });
  }
  if (!written.found) return { status: 'missing' };
  if (!written.fresh)
    throw new AppError({
      kind: 'transient',
      code: 'concurrent_change',
      message: `satisfaction: conversation ${job.conversationId} changed under its row lock`,
    });
  if (!written.inserted) return { status: 'duplicate' };

  const score = written.score!;
  const effective = { score, level: levelOf(score), source: written.overridden ? ('override' as const) : ('computed' as const) };
  const alerted = !!written.alerted;
  await deps.live.publish({
    type: 'satisfaction.changed',
    clinicId: job.clinicId,
    data: {
      conversationId: job.conversationId,
      messageId: job.messageId,
      score: effective.score,
      level: effective.level,
      source: effective.source,
      computedScore: result.score,
      computedLevel: result.level,
    },
  });
  if (alerted) {
    await deps.live.publish({
      type: 'alert',
      clinicId: job.clinicId,
      data: { kind: 'satisfaction_drop', conversationId: job.conversationId, level: effective.level, score: effective.score },
    });
  }
  return { status: 'scored', scoreId, computed: { score: result.score, level: result.level }, effective, alerted };
}

/** The scorer's read: the message, whether it was scored, its conversation, the window, the previous score. */
export async function readForScoring(deps: Pick<ScoreMessageDeps, 'db' | 'sql'>, job: SatisfactionJob): Promise<SatisfactionRead | undefined> {
  const [read] = await (deps.sql ?? prismaSql(deps.db))<SatisfactionRead>`
    SELECT m.sender_type,
      EXISTS (SELECT 1 FROM satisfaction_scores s WHERE s.message_id = m.id) AS scored,
      c.id IS NOT NULL AS conversation_found, c.status, c.handoff_reason,
      (SELECT json_agg(json_build_object(
                'id', w.id, 'sender', w.sender_type, 'text', w.content, 'language', w.original_language,
                'at', floor(extract(epoch FROM coalesce(w.platform_sent_at, w.created_at)) * 1000), 'answeredById', w.answered_by_id)
              ORDER BY w.seq)
         FROM (SELECT h.id, h.seq, h.sender_type, h.content, h.original_language, h.platform_sent_at, h.created_at, h.answered_by_id
               FROM messages h
               -- No clinic condition here: m is already the clinic's, and a clinic_id term makes the planner
               -- AND in a bitmap of the clinic's every message (~1 ms) instead of walking the conversation's index.
               WHERE h.conversation_id = m.conversation_id AND h.seq <= m.seq AND NOT h.is_deleted
               ORDER BY h.seq DESC LIMIT ${SATISFACTION_WINDOW}) w) AS history,
      -- The previous computed score: the latest row for an earlier message (or an override-only row).
      (SELECT s.score FROM satisfaction_scores s LEFT JOIN messages pm ON pm.id = s.message_id
         WHERE s.conversation_id = m.conversation_id AND (pm.seq IS NULL OR pm.seq < m.seq)
         ORDER BY s.created_at DESC LIMIT 1) AS previous_score
    FROM messages m
    LEFT JOIN conversations c ON c.id = m.conversation_id AND c.clinic_id = m.clinic_id
    WHERE m.id = ${job.messageId}::uuid AND m.clinic_id = ${job.clinicId}::uuid AND m.conversation_id = ${job.conversationId}::uuid`;
  return read;
}

/** One score to write (see writeScores). */
interface ScoreWrite {
  conversationId: string;
  clinicId: string;
  messageId: string;
  scoreId: string;
  score: number;
  level: string;
  languageSignals: Signal[];
  behaviorSignals: Signal[];
  flowSignals: Signal[];
  /** alert_sent_at when the write alerts. */
  now: Date;
  /** The notification's body when it alerts. */
  reasons: string;
  /** See ScoreMessageDeps.overrideMargin. */
  margin: number;
}

/**
 * One statement writes the scores of several conversations (one score each): lock the conversations
 * (in id order), insert each score row (ON CONFLICT: a retried job writes nothing), take each active
 * override into account, decide each alert against the locked last_alert_level, update each
 * conversation and, on an alert, flag the row and notify supervisors. Everything after the lock reads
 * from `decision`, which reads the locked rows; a conversation is modified once (by `updated`), and only
 * when its row was inserted.
 *
 * The locks are taken inside the statement, so a wait for one does not refresh the statement's
 * snapshot: score rows and overrides committed while it waited would be invisible to the override
 * check. Their writers always update the conversation too, so `fresh` (the locked version is the one
 * the snapshot saw) proves nothing was missed; where it is false nothing is written for that
 * conversation and the caller retries it with the lock already held.
 */
function writeScoresSql(items: readonly ScoreWrite[]): Prisma.Sql {
  return Prisma.sql`
    WITH req AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS r("conversationId" uuid, "clinicId" uuid, "messageId" uuid, "scoreId" uuid,
        score int, level text, "languageSignals" jsonb, "behaviorSignals" jsonb, "flowSignals" jsonb, now timestamptz, reasons text, margin numeric)
    ), seen AS (
      SELECT c.id, c.xmin FROM conversations c JOIN req ON c.id = req."conversationId" AND c.clinic_id = req."clinicId"
    ), locked AS MATERIALIZED (
      SELECT c.id, c.xmin, c.last_alert_level FROM conversations c JOIN req ON c.id = req."conversationId" AND c.clinic_id = req."clinicId"
      ORDER BY c.id FOR UPDATE OF c
    ), conv AS MATERIALIZED (
      SELECT l.id, l.last_alert_level FROM locked l JOIN seen ON seen.id = l.id AND seen.xmin = l.xmin
    ), decision AS MATERIALIZED (
      SELECT req."scoreId", c.id, c.last_alert_level, e.score, e.overridden, r.rank,
             r.rank >= ${ORANGE} AND coalesce(array_position(${LEVEL_NAMES}::text[], c.last_alert_level::text) - 1, -1) < r.rank AS alert
      FROM conv c JOIN req ON req."conversationId" = c.id
      -- The override still driving the conversation, if any (activeOverrideSql).
      LEFT JOIN LATERAL (${activeOverrideSql(Prisma.raw('c.id'), Prisma.raw('req.margin'), Prisma.raw('req.score'))}
      ) ao ON true
      CROSS JOIN LATERAL (SELECT coalesce(ao.supervisor_override, req.score) AS score, ao.supervisor_override IS NOT NULL AS overridden) e
      CROSS JOIN LATERAL (SELECT (${RANK_OF_SCORE}::int[])[e.score + 1] AS rank) r
    ), inserted AS (
      -- clock_timestamp, not now(): rows are ordered by when they were written under the lock.
      INSERT INTO satisfaction_scores (id, conversation_id, clinic_id, score, level, language_signals, behavior_signals, flow_signals, message_id,
                                       alert_sent, alert_sent_at, created_at)
      SELECT req."scoreId", req."conversationId", req."clinicId", req.score, req.level, req."languageSignals", req."behaviorSignals", req."flowSignals",
             req."messageId", d.alert, CASE WHEN d.alert THEN req.now END, clock_timestamp()
      FROM decision d JOIN req ON req."scoreId" = d."scoreId"
      ON CONFLICT (message_id) DO NOTHING
      RETURNING id
    ), updated AS (
      UPDATE conversations c
      SET satisfaction_score = d.score,
          satisfaction_level = (${LEVEL_NAMES}::text[])[d.rank + 1],
          last_alert_level = CASE WHEN d.rank < ${ORANGE} THEN NULL WHEN d.alert THEN (${LEVEL_NAMES}::text[])[d.rank + 1] ELSE d.last_alert_level END
      FROM decision d JOIN inserted i ON i.id = d."scoreId"
      WHERE c.id = d.id
      RETURNING c.id
    ), notified AS (
      INSERT INTO notifications (clinic_id, audience, kind, title, body, data)
      SELECT req."clinicId", 'supervisor', 'satisfaction_drop',
             format(${ALERT_TITLE}, (${LEVEL_NAMES.map((l) => LEVEL_KO[l as Level])}::text[])[d.rank + 1], d.score),
             req.reasons,
             jsonb_build_object('conversationId', d.id::text, 'messageId', req."messageId"::text, 'scoreId', req."scoreId"::text,
                                'level', (${LEVEL_NAMES}::text[])[d.rank + 1], 'score', d.score)
      FROM decision d JOIN inserted i ON i.id = d."scoreId" JOIN req ON req."scoreId" = d."scoreId"
      WHERE d.alert
      RETURNING id
    )
    SELECT req."scoreId" AS score_id, l.id IS NOT NULL AS found, c.id IS NOT NULL AS fresh, i.id IS NOT NULL AS inserted,
           d.score, d.overridden, d.alert AS alerted
    FROM req LEFT JOIN locked l ON l.id = req."conversationId" LEFT JOIN conv c ON c.id = req."conversationId"
    LEFT JOIN inserted i ON i.id = req."scoreId" LEFT JOIN decision d ON d."scoreId" = req."scoreId"`;
}

/**
 * Concurrent scorings on the hot path share the write statement (batchedStatement): ~6 per statement
 * at the pipeline bench's max rate instead of one each. A conversation appears once per statement (its
 * row is locked and updated once): a second score for it goes in the next statement, which waits for
 * the first's lock and, having waited, finds its snapshot stale and retries under the lock.
 */
const writeScoresBatched = batchedStatement<ScoreWrite, WriteRow>(
  async (sql, items) => {
    const statement = writeScoresSql(items);
    const rows = new Map((await sql.query<WriteRow>(statement.text, statement.values)).map((row) => [row.score_id, row]));
    return items.map((w) => rows.get(w.scoreId) ?? new Error(`satisfaction: no result for score ${w.scoreId}`));
  },
  { distinctBy: (w) => w.conversationId },
);

async function writeScore(q: Tx, deps: ScoreMessageDeps, job: SatisfactionJob, result: ScoreResult, scoreId: string, now: Date): Promise<WriteRow> {
  const item: ScoreWrite = {
    conversationId: job.conversationId,
    clinicId: job.clinicId,
    messageId: job.messageId,
    scoreId,
    score: result.score,
    level: result.level,
    languageSignals: result.languageSignals,
    behaviorSignals: result.behaviorSignals,
    flowSignals: result.flowSignals,
    now,
    reasons: topReasons(result),
    margin: deps.overrideMargin,
  };
  // Outside a transaction, batched on the hot path's runner (named prepared statements) when there is one.
  if (q === deps.db && deps.sql) return writeScoresBatched(deps.sql, item);
  const [row] = await q.$queryRaw<WriteRow[]>(writeScoresSql([item]));
  return row!;
}

const LEVEL_KO: Record<Level, string> = { green: '초록', yellow: '노랑', orange: '주황', red: '빨강' };
/** The notification title, for format(): the level in Korean, then the score. */
const ALERT_TITLE = '만족도 하락: %s (%s점)';

function topReasons(r: ScoreResult): string {
  return [...r.languageSignals, ...r.behaviorSignals, ...r.flowSignals]
    .filter((s) => s.weight < 0 && s.name !== 'carryOver')
    .sort((a, b) => a.weight - b.weight)
    .slice(0, 3)
    .map((s) => `${s.name} ${s.weight}${s.evidence?.length ? ` (${s.evidence.slice(0, 2).join(', ')})` : ''}`)
    .join('; ');
}

type Tx = Pick<Db, '$queryRaw'>;

/**
 * The override still driving the conversation, if any: the latest row carrying a supervisor override,
 * provided no computed score since then (this one included) departed from it by more than the margin.
 * Derived from the rows themselves, so nothing else has to remember when an override lapsed.
 *
 * A query (id, supervisor_override; no row when none is active) over SQL expressions, here columns of
 * the enclosing write. `candidate` is the computed score being written in the same statement, which the
 * statement cannot read back: it counts as a row written after the override.
 */
function activeOverrideSql(conversationId: Prisma.Sql, margin: Prisma.Sql, candidate: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id, o.supervisor_override FROM (
      SELECT id, supervisor_override, created_at FROM satisfaction_scores
      WHERE conversation_id = ${conversationId} AND supervisor_override IS NOT NULL
      ORDER BY created_at DESC LIMIT 1) o
    WHERE NOT EXISTS (
        SELECT 1 FROM satisfaction_scores s
        WHERE s.conversation_id = ${conversationId} AND s.created_at > o.created_at AND s.id <> o.id
          AND abs(s.score - o.supervisor_override) > ${margin})
      AND coalesce(abs(${candidate} - o.supervisor_override) <= ${margin}, true)`;
}
