import { UnrecoverableError, type Job } from 'bullmq';
import type { Prisma } from '@hub/db';
import { sendEmail } from './channels/email.channel';
import { sendPush } from './channels/push.channel';
import { sendSlack } from './channels/slack.channel';
import { sendWebhook } from './channels/webhook.channel';
import { ruleFor } from './alert-rules.store';
import { renderAlert } from './render';
import { vapidKeys } from './vapid';
import { ChannelError, type AlertsDeps } from './types';
import { DeliverJobSchema, type DeliverJob } from './jobs';
import type { AlertChannelName } from './rules';

export type DeliverOutcome = 'sent' | 'already' | 'cancelled' | 'dead';

interface ClinicChannelConfig {
  url: string;
  secret?: string;
}

export function decryptChannelConfig(deps: Pick<AlertsDeps, 'keyring'>, ch: { id: string; config: unknown }): ClinicChannelConfig {
  return deps.keyring.decrypt(ch.config, ch.id) as ClinicChannelConfig;
}

/** Sends one delivery. Idempotent: a delivery already sent (or dead) returns without sending again. */
export async function deliverAlert(deps: AlertsDeps, raw: DeliverJob, attempt: { made: number; max: number }): Promise<DeliverOutcome> {
  const job = DeliverJobSchema.parse(raw);
  const { db } = deps;
  const key = { notificationId: job.notificationId, channel: job.channel, target: job.target, step: job.step };
  const d = await db.alertDelivery.findUnique({ where: { notificationId_channel_target_step: key } });
  // The dispatcher's transaction has not committed yet (or rolled back and will run again).
  if (!d) throw new Error(`delivery ${job.notificationId}/${job.channel}/${job.target} not recorded yet`);
  if (d.status === 'sent' || d.status === 'dead' || d.status === 'quiet' || d.status === 'cancelled') return 'already';
  const n = await db.notification.findUniqueOrThrow({ where: { id: job.notificationId } });
  if (job.step > 0 && n.acknowledgedAt) {
    await db.alertDelivery.update({ where: { id: d.id }, data: { status: 'cancelled' } });
    return 'cancelled';
  }
  const rule = await ruleFor(db, n.clinicId, n.kind);
  const urgent = rule.urgent || (n.data as { urgent?: unknown })?.urgent === true || job.step > 0;
  const personal = job.channel === 'push' || job.channel === 'email';
  const msg = renderAlert(deps.config, n, { userId: d.userId, urgent, step: job.step, personal });
  try {
    if (job.channel === 'email') {
      const user = await db.user.findUniqueOrThrow({ where: { id: job.target }, select: { email: true, alertSettings: { select: { email: true } } } });
      await sendEmail(deps.config, user.alertSettings?.email ?? user.email, msg);
    } else if (job.channel === 'push') {
      const sub = await db.pushSubscription.findUnique({ where: { id: job.target } });
      if (!sub || sub.goneAt) throw new ChannelError('push', true, 'subscription gone', true);
      await sendPush(deps.config, await vapidKeys(db, deps.keyring), sub, msg);
    } else {
      const ch = await db.alertChannel.findUnique({ where: { id: job.target } });
      if (!ch || ch.status !== 'active') throw new ChannelError(job.channel, true, 'channel removed or marked dead', true);
      const cfg = decryptChannelConfig(deps, ch);
      if (job.channel === 'slack') await sendSlack(deps.config, cfg.url, msg);
      else await sendWebhook(deps.config, cfg.url, cfg.secret ?? '', d.id, msg);
    }
  } catch (err) {
    const e = err instanceof ChannelError ? err : new ChannelError(job.channel, false, (err as Error).message);
    if (e.permanent) {
      await markDead(deps, { id: d.id, clinicId: n.clinicId, notificationId: n.id, kind: n.kind, channel: job.channel, target: job.target }, e);
      throw new UnrecoverableError(e.message);
    }
    const last = attempt.made + 1 >= attempt.max;
    await db.alertDelivery.update({
      where: { id: d.id },
      data: { attempts: { increment: 1 }, error: e.message.slice(0, 1000), ...(last ? { status: 'failed' } : {}) },
    });
    deps.logger.warn({ err: e, notificationId: n.id, channel: job.channel, last }, 'alert delivery failed');
    throw e;
  }
  await db.alertDelivery.update({ where: { id: d.id }, data: { status: 'sent', sentAt: new Date(), attempts: { increment: 1 }, error: null } });
  return 'sent';
}

/**
 * A permanent failure: the delivery is dead; a push subscription that is gone is dropped; a Slack or
 * webhook channel (or the hub's SMTP login) is marked dead and the admins are told through the other
 * channels, in the same transaction (one report per channel, never a report about a report).
 */
async function markDead(
  deps: AlertsDeps,
  d: { id: string; clinicId: string; notificationId: string; kind: string; channel: AlertChannelName; target: string },
  e: ChannelError,
): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    await tx.alertDelivery.update({ where: { id: d.id }, data: { status: 'dead', error: e.message.slice(0, 1000), attempts: { increment: 1 } } });
    if (d.channel === 'push') {
      if (e.gone) await tx.pushSubscription.updateMany({ where: { id: d.target, goneAt: null }, data: { goneAt: new Date() } });
      return;
    }
    if (e.gone || d.kind === 'alert_channel_failed') return;
    let report: Prisma.NotificationCreateManyInput | undefined;
    if (d.channel === 'email') {
      const open = await tx.notification.count({
        where: { clinicId: d.clinicId, kind: 'alert_channel_failed', acknowledgedAt: null, data: { path: ['channel'], equals: 'email' } },
      });
      if (!open)
        report = {
          clinicId: d.clinicId,
          audience: 'admin',
          kind: 'alert_channel_failed',
          title: '알림 채널 실패: 이메일',
          body: e.message.slice(0, 1000),
          data: { channel: 'email', excludeChannel: 'email', failedAlertId: d.notificationId },
        };
    } else {
      const { count } = await tx.alertChannel.updateMany({
        where: { id: d.target, status: 'active' },
        data: { status: 'dead', failureReason: e.message.slice(0, 1000), failedAt: new Date() },
      });
      const ch = count ? await tx.alertChannel.findUnique({ where: { id: d.target }, select: { name: true } }) : null;
      if (ch)
        report = {
          clinicId: d.clinicId,
          audience: 'admin',
          kind: 'alert_channel_failed',
          title: `알림 채널 실패: ${d.channel} "${ch.name}"`,
          body: e.message.slice(0, 1000),
          data: { channel: d.channel, channelId: d.target, excludeChannelId: d.target, failedAlertId: d.notificationId },
        };
    }
    if (report) await tx.notification.create({ data: report as Prisma.NotificationUncheckedCreateInput });
  });
  deps.logger.error({ err: e, channel: d.channel, target: d.target }, 'alert channel failed permanently');
}

export const deliverProcessor = (deps: AlertsDeps) => (job: Job) =>
  deliverAlert(deps, job.data as DeliverJob, { made: job.attemptsMade, max: job.opts.attempts ?? 1 });
