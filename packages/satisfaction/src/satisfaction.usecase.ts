import { randomUUID } from 'node:crypto';
import type { Db } from '@hub/db';
import type { LiveEventPublisher, SatisfactionJob } from '@hub/queue';
import { levelOf, levelRank, scoreTurn, type Level, type ScoreResult, type ScorerMessage, type Sender, type Signal } from './satisfaction.scorer';

/** An optional second opinion (an LLM with a remote provider); the local scorer works without it. */
export interface SatisfactionJudge {
  /** 0..100, or null when it has no opinion. Errors are logged by the caller and ignored. */
  judge(input: { clinicId: string; conversationId: string; messages: ScorerMessage[]; currentMessageId: string; localScore: number }): Promise<{ score: number; rationale?: string } | null>;
}

export interface ScoreMessageDeps {
  db: Db;
  live: Pick<LiveEventPublisher, 'publish'>;
  /** How far a computed score may move from a supervisor's override before the override stops driving. */
  overrideMargin: number;
  judge?: SatisfactionJudge;
  /** Share of the judge's score in the blend (default 0.3). */
  judgeWeight?: number;
  logger?: { warn(obj: object, msg: string): void };
  now?: () => Date;
}

export type ScoreMessageOutcome =
  | { status: 'missing' }
  | { status: 'not_customer' }
  | { status: 'duplicate' }
  | { status: 'scored'; scoreId: string; computed: { score: number; level: Level }; effective: { score: number; level: Level; source: 'computed' | 'override' }; alerted: boolean };

const WINDOW = 20;

const asJson = (signals: Signal[]) => signals as unknown as object[];

/**
 * Scores the conversation after one customer message. The score row is keyed by the message, so a
 * retried job is a no-op. The conversation's effective level (the computed one, or a supervisor's
 * override while the computed score stays within the margin) and the alert decision are written under
 * a row lock on the conversation: concurrent jobs for the same conversation alert once.
 */
export async function scoreMessage(deps: ScoreMessageDeps, job: SatisfactionJob): Promise<ScoreMessageOutcome> {
  const { db } = deps;
  const message = await db.message.findFirst({
    where: { id: job.messageId, clinicId: job.clinicId, conversationId: job.conversationId },
    select: { id: true, senderType: true, seq: true },
  });
  if (!message) return { status: 'missing' };
  if (message.senderType !== 'customer') return { status: 'not_customer' };
  if (await db.satisfactionScore.findUnique({ where: { messageId: message.id }, select: { id: true } })) return { status: 'duplicate' };

  const conversation = await db.conversation.findFirst({
    where: { id: job.conversationId, clinicId: job.clinicId },
    select: { status: true, handoffReason: true },
  });
  if (!conversation) return { status: 'missing' };

  const rows = await db.message.findMany({
    where: { conversationId: job.conversationId, clinicId: job.clinicId, seq: { lte: message.seq }, isDeleted: false },
    orderBy: { seq: 'desc' },
    take: WINDOW,
    select: { id: true, senderType: true, content: true, originalLanguage: true, platformSentAt: true, createdAt: true, answeredById: true },
  });
  const messages: ScorerMessage[] = rows.reverse().map((m) => ({
    id: m.id,
    sender: m.senderType as Sender,
    text: m.content,
    language: m.originalLanguage,
    at: m.platformSentAt ?? m.createdAt,
    answeredById: m.answeredById,
  }));

  // The previous computed score: the latest row for an earlier message (or an override-only row).
  const [previous] = await db.$queryRaw<{ score: number }[]>`
    SELECT s.score FROM satisfaction_scores s LEFT JOIN messages m ON m.id = s.message_id
    WHERE s.conversation_id = ${job.conversationId}::uuid AND (m.seq IS NULL OR m.seq < ${message.seq})
    ORDER BY s.created_at DESC LIMIT 1`;

  const now = deps.now?.() ?? new Date();
  const local = scoreTurn({
    messages,
    currentMessageId: message.id,
    now,
    previousScore: previous?.score ?? null,
    handoff: { active: conversation.status === 'waiting', reason: conversation.handoffReason },
  });
  const result = await blendJudge(deps, job, messages, message.id, local);

  const outcome = await db.$transaction(async (tx) => {
    const [conv] = await tx.$queryRaw<{ last_alert_level: string | null }[]>`
      SELECT last_alert_level FROM conversations WHERE id = ${job.conversationId}::uuid AND clinic_id = ${job.clinicId}::uuid FOR UPDATE`;
    if (!conv) return null;

    const scoreId = randomUUID();
    // clock_timestamp, not now(): rows are ordered by when they were written under the lock.
    const inserted = await tx.$executeRaw`
      INSERT INTO satisfaction_scores (id, conversation_id, clinic_id, score, level, language_signals, behavior_signals, flow_signals, message_id, created_at)
      VALUES (${scoreId}::uuid, ${job.conversationId}::uuid, ${job.clinicId}::uuid, ${result.score}, ${result.level},
              ${JSON.stringify(result.languageSignals)}::jsonb, ${JSON.stringify(result.behaviorSignals)}::jsonb, ${JSON.stringify(result.flowSignals)}::jsonb,
              ${message.id}::uuid, clock_timestamp())
      ON CONFLICT (message_id) DO NOTHING`;
    if (inserted === 0) return 'duplicate' as const;

    const override = await activeOverride(tx, job.conversationId, deps.overrideMargin);
    const effective = override
      ? { score: override.score, level: levelOf(override.score), source: 'override' as const }
      : { score: result.score, level: result.level, source: 'computed' as const };

    const rank = levelRank(effective.level);
    const alert = rank >= levelRank('orange') && levelRank(conv.last_alert_level) < rank;
    const lastAlertLevel = rank < levelRank('orange') ? null : alert ? effective.level : conv.last_alert_level;

    await tx.conversation.update({
      where: { id: job.conversationId },
      data: { satisfactionScore: effective.score, satisfactionLevel: effective.level, lastAlertLevel },
    });
    if (alert) {
      await tx.satisfactionScore.update({ where: { id: scoreId }, data: { alertSent: true, alertSentAt: now } });
      await tx.notification.create({
        data: {
          clinicId: job.clinicId,
          audience: 'supervisor',
          kind: 'satisfaction_drop',
          title: `만족도 하락: ${LEVEL_KO[effective.level]} (${effective.score}점)`,
          body: topReasons(result),
          data: { conversationId: job.conversationId, messageId: message.id, scoreId, level: effective.level, score: effective.score },
        },
      });
    }
    return { scoreId, effective, alerted: alert };
  });

  if (outcome === null) return { status: 'missing' };
  if (outcome === 'duplicate') return { status: 'duplicate' };

  const { effective } = outcome;
  await deps.live.publish({
    type: 'satisfaction.changed',
    clinicId: job.clinicId,
    data: {
      conversationId: job.conversationId,
      messageId: message.id,
      score: effective.score,
      level: effective.level,
      source: effective.source,
      computedScore: result.score,
      computedLevel: result.level,
    },
  });
  if (outcome.alerted) {
    await deps.live.publish({
      type: 'alert',
      clinicId: job.clinicId,
      data: { kind: 'satisfaction_drop', conversationId: job.conversationId, level: effective.level, score: effective.score },
    });
  }
  return { status: 'scored', scoreId: outcome.scoreId, computed: { score: result.score, level: result.level }, effective, alerted: outcome.alerted };
}

const LEVEL_KO: Record<Level, string> = { green: '초록', yellow: '노랑', orange: '주황', red: '빨강' };

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
 */
export async function activeOverride(tx: Tx, conversationId: string, margin: number): Promise<{ score: number; rowId: string } | null> {
  const [o] = await tx.$queryRaw<{ id: string; supervisor_override: number; departed: boolean }[]>`
    WITH o AS (
      SELECT id, supervisor_override, created_at FROM satisfaction_scores
      WHERE conversation_id = ${conversationId}::uuid AND supervisor_override IS NOT NULL
      ORDER BY created_at DESC LIMIT 1)
    SELECT o.id, o.supervisor_override, EXISTS (
      SELECT 1 FROM satisfaction_scores s
      WHERE s.conversation_id = ${conversationId}::uuid AND s.created_at > o.created_at AND s.id <> o.id
        AND abs(s.score - o.supervisor_override) > ${margin}::numeric) AS departed
    FROM o`;
  return o && !o.departed ? { score: o.supervisor_override, rowId: o.id } : null;
}

async function blendJudge(deps: ScoreMessageDeps, job: SatisfactionJob, messages: ScorerMessage[], currentMessageId: string, local: ScoreResult): Promise<ScoreResult> {
  if (!deps.judge) return local;
  try {
    const j = await deps.judge.judge({ clinicId: job.clinicId, conversationId: job.conversationId, messages, currentMessageId, localScore: local.score });
    if (!j || !Number.isFinite(j.score)) return local;
    const w = deps.judgeWeight ?? 0.3;
    const judged = Math.max(0, Math.min(100, j.score));
    const score = Math.max(0, Math.min(100, Math.round((1 - w) * local.score + w * judged)));
    const signal: Signal = { name: 'llmJudgement', weight: score - local.score, value: judged, ...(j.rationale ? { evidence: [j.rationale.slice(0, 300)] } : {}) };
    return { ...local, score, level: levelOf(score), languageSignals: [...local.languageSignals, signal] };
  } catch (err) {
    deps.logger?.warn({ err, conversationId: job.conversationId }, 'satisfaction judge failed; local score only');
    return local;
  }
}
