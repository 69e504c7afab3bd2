import type { Queue } from 'bullmq';
import type { Db, Prisma } from '@hub/db';
import { ruleFor } from './alert-rules.store';
import { inQuietHours } from './quiet-hours';
import { PERSONAL_CHANNELS, type AlertChannelName, type AlertRule } from './rules';
import { deliverJobId, deliverJobOptions, escalateJobId, type DeliverJob } from './jobs';
import type { AlertsConfig } from './types';

type Tx = Prisma.TransactionClient;

export interface PlannedDelivery {
  channel: AlertChannelName;
  target: string;
  userId: string | null;
  status: 'queued' | 'quiet';
}

interface PlanInput {
  id: string;
  clinicId: string;
  userId: string | null;
  kind: string;
  data: unknown;
}

const DEFAULT_USER_CHANNELS: AlertChannelName[] = ['push', 'email'];

/** Users the rule's audience names: clinic roles, and the on-duty people of the rota. */
async function audienceUsers(tx: Tx, clinicId: string, rule: AlertRule): Promise<string[]> {
  const roles = rule.roles.filter((r) => r !== 'on_duty');
  const ids = new Set<string>();
  if (roles.length) {
    for (const u of await tx.user.findMany({ where: { clinicId, isActive: true, role: { in: roles } }, select: { id: true } })) ids.add(u.id);
  }
  if (rule.roles.includes('on_duty')) {
    const onDuty = await tx.alertRotaEntry.findMany({ where: { clinicId, onDuty: true, user: { isActive: true } }, select: { userId: true } });
    // Nobody on duty in the rota (a clinic that never wrote one): every staff member and supervisor.
    const fallback = onDuty.length
      ? []
      : await tx.user.findMany({ where: { clinicId, isActive: true, role: { in: ['staff', 'supervisor'] } }, select: { id: true } });
    for (const r of onDuty) ids.add(r.userId);
    for (const u of fallback) ids.add(u.id);
  }
  return [...ids];
}

/** Push subscriptions and the email address of each user, filtered by the user's own channel choice and quiet hours. */
export async function personalDeliveries(
  tx: Tx,
  cfg: AlertsConfig,
  clinicId: string,
  userIds: string[],
  rule: AlertRule,
  opts: { urgent: boolean; exclude: Set<string>; now: Date },
): Promise<PlannedDelivery[]> {
  if (!userIds.length) return [];
  const settings = new Map((await tx.userAlertSettings.findMany({ where: { clinicId, userId: { in: userIds } } })).map((s) => [s.userId, s]));
  const subs = await tx.pushSubscription.findMany({ where: { clinicId, userId: { in: userIds }, goneAt: null }, select: { id: true, userId: true } });
  const out: PlannedDelivery[] = [];
  for (const userId of userIds) {
    const s = settings.get(userId);
    const mine = (s?.channels ?? DEFAULT_USER_CHANNELS) as AlertChannelName[];
    const channels = PERSONAL_CHANNELS.filter((c) => rule.channels.includes(c) && mine.includes(c) && !opts.exclude.has(c));
    const quiet = !opts.urgent && !!s && inQuietHours(s, opts.now);
    const status = quiet ? 'quiet' : 'queued';
    if (channels.includes('email') && cfg.smtpUrl) out.push({ channel: 'email', target: userId, userId, status });
    if (channels.includes('push')) for (const sub of subs.filter((x) => x.userId === userId)) out.push({ channel: 'push', target: sub.id, userId, status });
  }
  return out;
}

/** Every delivery of one alert at step 0: its audience's personal channels and the clinic's Slack and webhooks. */
export async function planAlert(tx: Tx, cfg: AlertsConfig, n: PlanInput, rule: AlertRule, now = new Date()): Promise<PlannedDelivery[]> {
  if (!rule.enabled) return [];
  const data = (n.data ?? {}) as { urgent?: unknown; excludeChannel?: unknown; excludeChannelId?: unknown };
  const urgent = rule.urgent || data.urgent === true;
  const exclude = new Set<string>([data.excludeChannel, data.excludeChannelId].filter((x): x is string => typeof x === 'string'));
  const users = n.userId ? [n.userId] : await audienceUsers(tx, n.clinicId, rule);
  const out = await personalDeliveries(tx, cfg, n.clinicId, users, rule, { urgent, exclude, now });
  const clinicTypes = rule.channels.filter((c) => !PERSONAL_CHANNELS.includes(c) && !exclude.has(c));
  if (clinicTypes.length && !n.userId) {
    const channels = await tx.alertChannel.findMany({
      where: { clinicId: n.clinicId, type: { in: clinicTypes }, status: 'active' },
      select: { id: true, type: true },
    });
    for (const ch of channels) if (!exclude.has(ch.id)) out.push({ channel: ch.type as AlertChannelName, target: ch.id, userId: null, status: 'queued' });
  }
  return out;
}

/** Records the planned deliveries (one row each, unique per alert × channel × target × step) and queues the sendable ones. */
export async function recordAndQueue(tx: Tx, queue: Queue, n: { id: string; clinicId: string }, planned: PlannedDelivery[], step: number): Promise<number> {
  if (!planned.length) return 0;
  await tx.alertDelivery.createMany({
    data: planned.map((p) => ({ notificationId: n.id, clinicId: n.clinicId, userId: p.userId, channel: p.channel, target: p.target, step, status: p.status })),
    skipDuplicates: true,
  });
  const jobs = planned
    .filter((p) => p.status === 'queued')
    .map((p) => {
      const data: DeliverJob = { clinicId: n.clinicId, notificationId: n.id, channel: p.channel, target: p.target, step };
      return { name: 'deliver', data, opts: { ...deliverJobOptions, jobId: deliverJobId(data) } };
    });
  if (jobs.length) await queue.addBulk(jobs);
  return jobs.length;
}

/**
 * The outbox poll: claims alerts not yet dispatched (SKIP LOCKED: several workers share the work), plans
 * and records their deliveries, queues the jobs and the first escalation, then marks them dispatched, all
 * in one transaction. Jobs queued before a failed commit are queued again by the next poll under the same
 * ids, which BullMQ ignores.
 */
export async function dispatchPending(db: Db, queue: Queue, cfg: AlertsConfig, limit = 50): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<PlanInput[]>`
        SELECT id, clinic_id AS "clinicId", user_id AS "userId", kind, data
        FROM notifications WHERE dispatched_at IS NULL ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      for (const n of rows) {
        const rule = await ruleFor(tx, n.clinicId, n.kind);
        const planned = await planAlert(tx, cfg, n, rule);
        await recordAndQueue(tx, queue, n, planned, 0);
        if (rule.enabled && rule.escalateAfterSec) {
          await queue.add(
            'escalate',
            { clinicId: n.clinicId, notificationId: n.id, step: 1 },
            {
              jobId: escalateJobId(n.id, 1),
              delay: rule.escalateAfterSec * 1000,
              attempts: 5,
              backoff: { type: 'exponential', delay: 2000 },
              removeOnComplete: true,
            },
          );
        }
      }
      if (rows.length) await tx.$executeRaw`UPDATE notifications SET dispatched_at = now() WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
      return rows.length;
    },
    { timeout: 30_000 },
  );
}
