import type { Db } from './client';
import type { Prisma } from './generated/prisma/client';

export interface AuditEntry {
  clinicId: string | null;
  actorUserId?: string | null;
  actorType?: 'user' | 'system' | 'ai';
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  metadata?: Record<string, unknown>;
  ip?: string | null;
}

type Tx = Pick<Db, 'auditLog'>;

/** Records who did what to which row. Never pass secrets in before/after. */
export async function audit(db: Tx, e: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      clinicId: e.clinicId,
      actorUserId: e.actorUserId ?? null,
      actorType: e.actorType ?? 'user',
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      before: (e.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (e.after ?? undefined) as Prisma.InputJsonValue | undefined,
      metadata: (e.metadata ?? {}) as Prisma.InputJsonValue,
      ip: e.ip ?? null,
    },
  });
}
