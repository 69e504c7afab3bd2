import { Prisma } from '../generated/prisma/client';
import { batchedStatement } from '../batch';
import type { Sql } from '../client';
import { lockInIdOrder } from './fragments';

/**
 * The satisfaction score write.
 *
 * Invariants:
 * - The score row is keyed by the message (ON CONFLICT DO NOTHING): a retried job writes nothing.
 * - Conversations are locked in id order (lockInIdOrder) before anything is decided; the override check,
 *   the alert decision (against the locked last_alert_level) and the conversation update all read the
 *   locked rows, and a conversation is modified once, only when its score row was inserted.
 * - `fresh`: the locked version is the one the statement's snapshot saw. Where it is not, nothing is
 *   written for that conversation and the caller retries with the lock already held (writeScoreLocked).
 * - A conversation appears once per statement (distinctBy).
 */

/** The scorer's level scale as the statement needs it (levelOf and levelRank as tables). */
export interface ScoreLevels {
  /** Level names by rank. */
  names: string[];
  /** The rank of each score 0…100. */
  rankOfScore: number[];
  /** The lowest rank that alerts. */
  alertRank: number;
  /** The notification's level words by rank, and its title for format(): the level word, then the score. */
  alertTitles: string[];
  alertTitle: string;
}

/** One score to write. */
export interface ScoreWrite {
  conversationId: string;
  clinicId: string;
  messageId: string;
  scoreId: string;
  score: number;
  level: string;
  languageSignals: unknown[];
  behaviorSignals: unknown[];
  flowSignals: unknown[];
  /** alert_sent_at when the write alerts. */
  now: Date;
  /** The notification's body when it alerts. */
  reasons: string;
  /** How far a computed score may move from a supervisor's override before the override stops driving. */
  margin: number;
}

/** What a score write did. */
export interface ScoreWritten {
  /** The conversation exists in the clinic (and is now locked). */
  found: boolean;
  /** The statement's snapshot already saw the locked version of the conversation. */
  fresh: boolean;
  inserted: boolean;
  /** The effective score (the override's while it drives). */
  score: number | null;
  overridden: boolean | null;
  alerted: boolean | null;
}

interface WriteRow extends ScoreWritten {
  score_id: string;
}

const LOCK_SCORED_CONVERSATIONS = lockInIdOrder(`
      SELECT c.id, c.xmin, c.last_alert_level FROM conversations c JOIN req ON c.id = req."conversationId" AND c.clinic_id = req."clinicId"`);

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
function writeScoresSql(levels: ScoreLevels, items: readonly ScoreWrite[]): Prisma.Sql {
  const { names: LEVEL_NAMES, rankOfScore: RANK_OF_SCORE, alertRank: ORANGE, alertTitles, alertTitle: ALERT_TITLE } = levels;
  return Prisma.sql`
    WITH req AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS r("conversationId" uuid, "clinicId" uuid, "messageId" uuid, "scoreId" uuid,
        score int, level text, "languageSignals" jsonb, "behaviorSignals" jsonb, "flowSignals" jsonb, now timestamptz, reasons text, margin numeric)
    ), seen AS (
      SELECT c.id, c.xmin FROM conversations c JOIN req ON c.id = req."conversationId" AND c.clinic_id = req."clinicId"
    ), locked AS MATERIALIZED (${Prisma.raw(LOCK_SCORED_CONVERSATIONS)}
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
             format(${ALERT_TITLE}, (${alertTitles}::text[])[d.rank + 1], d.score),
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

const toWritten = (row: WriteRow): ScoreWritten => ({
  found: row.found,
  fresh: row.fresh,
  inserted: row.inserted,
  score: row.score,
  overridden: row.overridden,
  alerted: row.alerted,
});

/**
 * The score write for one level scale: `write` shares the statement with concurrent scorings
 * (batchedStatement: ~6 per statement at the pipeline bench's max rate instead of one each; a second
 * score for a conversation goes in the next statement, which waits for the first's lock and, having
 * waited, finds its snapshot stale); `writeLocked` runs it alone inside the caller's transaction, which
 * holds the conversation's lock already.
 */
export function scoreWriter(levels: ScoreLevels): {
  write: (sql: Sql, item: ScoreWrite) => Promise<ScoreWritten>;
  writeLocked: (tx: { $queryRaw<T>(query: Prisma.Sql): Promise<T> }, item: ScoreWrite) => Promise<ScoreWritten>;
} {
  const write = batchedStatement<ScoreWrite, ScoreWritten>(
    async (sql, items) => {
      const statement = writeScoresSql(levels, items);
      const rows = new Map((await sql.query<WriteRow>(statement.text, statement.values)).map((row) => [row.score_id, row]));
      return items.map((w) => {
        const row = rows.get(w.scoreId);
        return row ? toWritten(row) : new Error(`satisfaction: no result for score ${w.scoreId}`);
      });
    },
    { distinctBy: (w) => w.conversationId },
  );
  const writeLocked = async (tx: { $queryRaw<T>(query: Prisma.Sql): Promise<T> }, item: ScoreWrite) =>
    toWritten((await tx.$queryRaw<WriteRow[]>(writeScoresSql(levels, [item])))[0]!);
  return { write, writeLocked };
}

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
