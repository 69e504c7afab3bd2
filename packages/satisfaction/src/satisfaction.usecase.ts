import { randomUUID } from 'node:crypto';
import { AppError } from '@hub/contracts';
import { readForScoring as readScoring, scoreWriter, type Db, type ScoreWrite, type ScoringRead, type Sql } from '@hub/db';
import type { LiveEventPublisher, SatisfactionJob } from '@hub/queue';
import { judgeOrLocal, type SatisfactionJudge } from './satisfaction.judge';
import { LEVELS, levelOf, levelRank, scoreTurn, type Level, type ScoreResult, type ScorerMessage, type Sender } from './satisfaction.scorer';

export interface ScoreMessageDeps {
  db: Db;
  /** The statements' runner, on the same pool as `db` (createDbAndSql). */
  sql: Sql;
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

export { SATISFACTION_WINDOW, type SatisfactionWindowMessage } from '@hub/db';

/** What scoring reads about a message (score-read in @hub/db). */
export type SatisfactionRead = ScoringRead;

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
  if (read.senderType !== 'customer') return { status: 'not_customer' };
  if (read.scored) return { status: 'duplicate' };
  if (!read.conversationFound) return { status: 'missing' };

  const messages: ScorerMessage[] = read.window.map((m) => ({
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
    previousScore: read.previousScore,
    handoff: { active: read.status === 'waiting', reason: read.handoffReason },
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
  let written = await scores.write(deps.sql, scoreWriteOf(deps, job, result, scoreId, now));
  if (written.found && !written.fresh) {
    // The conversation changed between the statement's snapshot and its lock (a concurrent job or
    // override committed meanwhile), so the override check may have missed rows: nothing was written.
    // Lock first, then the same statement sees everything committed under the lock.
    written = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM conversations WHERE id = ${job.conversationId}::uuid AND clinic_id = ${job.clinicId}::uuid FOR UPDATE`;
      return scores.writeLocked(tx, scoreWriteOf(deps, job, result, scoreId, now));
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
export function readForScoring(deps: Pick<ScoreMessageDeps, 'sql'>, job: SatisfactionJob): Promise<SatisfactionRead | undefined> {
  return readScoring(deps.sql, job);
}

const LEVEL_KO: Record<Level, string> = { green: '초록', yellow: '노랑', orange: '주황', red: '빨강' };

/** The score write (score-write in @hub/db) on the scorer's level scale: levelOf and levelRank as tables, so it derives levels exactly as the scorer does. */
const scores = scoreWriter({
  names: [...LEVELS],
  rankOfScore: Array.from({ length: 101 }, (_, score) => levelRank(levelOf(score))),
  alertRank: levelRank('orange'),
  alertTitles: LEVELS.map((l) => LEVEL_KO[l]),
  alertTitle: '만족도 하락: %s (%s점)',
});

function scoreWriteOf(deps: ScoreMessageDeps, job: SatisfactionJob, result: ScoreResult, scoreId: string, now: Date): ScoreWrite {
  return {
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
}

function topReasons(r: ScoreResult): string {
  return [...r.languageSignals, ...r.behaviorSignals, ...r.flowSignals]
    .filter((s) => s.weight < 0 && s.name !== 'carryOver')
    .sort((a, b) => a.weight - b.weight)
    .slice(0, 3)
    .map((s) => `${s.name} ${s.weight}${s.evidence?.length ? ` (${s.evidence.slice(0, 2).join(', ')})` : ''}`)
    .join('; ');
}
