import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@hub/contracts';
import { audit, type Db } from '@hub/db';
import type { LiveEventPublisher } from '@hub/queue';
import { SCORER_DEFAULTS, levelOf, levelRank, type Level } from './satisfaction.scorer';

export const OverrideInputSchema = z.object({
  clinicId: z.string().uuid(),
  conversationId: z.string().uuid(),
  supervisorId: z.string().uuid(),
  score: z.number().int().min(0).max(100),
  note: z.string().trim().min(1).max(2000),
});
export type OverrideInput = z.infer<typeof OverrideInputSchema>;

export interface OverrideDeps {
  db: Db;
  live: Pick<LiveEventPublisher, 'publish'>;
}

/** The conversation (or the supervisor) does not exist in this clinic: never says which clinic has it. */
export class SatisfactionNotFoundError extends AppError {
  constructor(readonly entity: 'conversation' | 'supervisor') {
    super({ kind: 'not_found', code: 'not_found', message: `${entity} not found`, userMessage: `${entity} not found` });
    this.name = 'SatisfactionNotFoundError';
  }
}

export class OverrideForbiddenError extends AppError {
  constructor() {
    const message = 'only supervisors and clinic admins may override a satisfaction score';
    super({ kind: 'auth', code: 'forbidden', message, userMessage: message, status: 403 });
    this.name = 'OverrideForbiddenError';
  }
}

export interface OverrideResult {
  scoreId: string;
  score: number;
  level: Level;
  computedScore: number;
}

const OVERRIDE_ROLES = new Set(['supervisor', 'admin', 'superadmin']);

/**
 * A supervisor's judgement of the conversation. It is stored beside the computed score of the latest
 * row (never replacing it), drives the conversation's level until a computed score departs from it by
 * more than the margin (see activeOverrideSql in satisfaction.usecase), and is audited.
 */
export async function overrideScore(deps: OverrideDeps, input: OverrideInput): Promise<OverrideResult> {
  const { clinicId, conversationId, supervisorId, score, note } = OverrideInputSchema.parse(input);
  const { db } = deps;

  const supervisor = await db.user.findUnique({ where: { id: supervisorId }, select: { clinicId: true, role: true, isActive: true } });
  if (!supervisor || !supervisor.isActive || (supervisor.clinicId !== clinicId && supervisor.role !== 'superadmin'))
    throw new SatisfactionNotFoundError('supervisor');
  if (!OVERRIDE_ROLES.has(supervisor.role)) throw new OverrideForbiddenError();

  const level = levelOf(score);
  const result = await db.$transaction(async (tx) => {
    const [conv] = await tx.$queryRaw<{ satisfaction_score: number | null; satisfaction_level: string | null; last_alert_level: string | null }[]>`
      SELECT satisfaction_score, satisfaction_level, last_alert_level FROM conversations
      WHERE id = ${conversationId}::uuid AND clinic_id = ${clinicId}::uuid FOR UPDATE`;
    if (!conv) throw new SatisfactionNotFoundError('conversation');

    let row = await tx.satisfactionScore.findFirst({ where: { conversationId, clinicId }, orderBy: { createdAt: 'desc' } });
    if (!row) {
      // Nothing computed yet: the row needs a score, so it gets the baseline and says where it came from.
      const id = randomUUID();
      const baseline = SCORER_DEFAULTS.baseline;
      await tx.$executeRaw`
        INSERT INTO satisfaction_scores (id, conversation_id, clinic_id, score, level, language_signals, behavior_signals, flow_signals, created_at)
        VALUES (${id}::uuid, ${conversationId}::uuid, ${clinicId}::uuid, ${baseline}, ${levelOf(baseline)}, '[]'::jsonb, '[]'::jsonb,
                ${JSON.stringify([{ name: 'source', value: 'override_only', weight: 0 }])}::jsonb, clock_timestamp())`;
      row = await tx.satisfactionScore.findUniqueOrThrow({ where: { id } });
    }

    const before = {
      conversation: { score: conv.satisfaction_score, level: conv.satisfaction_level },
      row: { id: row.id, score: row.score, override: row.supervisorOverride, note: row.supervisorNote, by: row.supervisedBy },
    };
    const supervisedAt = new Date();
    await tx.satisfactionScore.update({
      where: { id: row.id },
      data: { supervisorOverride: score, supervisorNote: note, supervisedBy: supervisorId, supervisedAt },
    });
    // The supervisor has seen the conversation: an override to orange/red counts as alerted, one to
    // green/yellow ends the drop, so the next computed drop alerts again.
    const rank = levelRank(level);
    const lastAlertLevel = rank < levelRank('orange') ? null : levelRank(conv.last_alert_level) >= rank ? conv.last_alert_level : level;
    await tx.conversation.update({ where: { id: conversationId }, data: { satisfactionScore: score, satisfactionLevel: level, lastAlertLevel } });
    await audit(tx, {
      clinicId,
      actorUserId: supervisorId,
      actorType: 'user',
      action: 'satisfaction.override',
      entityType: 'conversation',
      entityId: conversationId,
      before,
      after: { conversation: { score, level }, row: { id: row.id, score: row.score, override: score, note, by: supervisorId } },
      metadata: { scoreId: row.id },
    });
    return { scoreId: row.id, score, level, computedScore: row.score };
  });

  await deps.live.publish({
    type: 'satisfaction.changed',
    clinicId,
    data: { conversationId, score, level, source: 'override', supervisorId, computedScore: result.computedScore },
  });
  return result;
}
