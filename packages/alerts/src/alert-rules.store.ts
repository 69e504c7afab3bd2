import type { Db } from '@hub/db';
import { defaultRule, type AlertRule, type AlertAudience, type AlertChannelName } from './rules';

type Tx = Pick<Db, 'alertRule'>;

/** The clinic's rule for a kind, or the built-in default. */
export async function ruleFor(db: Tx, clinicId: string, kind: string): Promise<AlertRule> {
  const row = await db.alertRule.findUnique({ where: { clinicId_kind: { clinicId, kind } } });
  if (!row) return defaultRule(kind);
  return {
    kind,
    roles: (row.roles ?? []) as AlertAudience[],
    channels: (row.channels ?? []) as AlertChannelName[],
    urgent: row.urgent,
    escalateAfterSec: row.escalateAfterSec,
    enabled: row.enabled,
  };
}
