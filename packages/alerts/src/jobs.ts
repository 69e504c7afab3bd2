import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ALERT_CHANNELS } from './rules';

export const ALERTS_QUEUE = 'alerts';

const uuid = z.string().uuid();
export const DeliverJobSchema = z.object({
  clinicId: uuid,
  notificationId: uuid,
  channel: z.enum(ALERT_CHANNELS),
  target: z.string().min(1),
  step: z.number().int().min(0),
});
export type DeliverJob = z.infer<typeof DeliverJobSchema>;
export const EscalateJobSchema = z.object({ clinicId: uuid, notificationId: uuid, step: z.number().int().min(1) });
export type EscalateJob = z.infer<typeof EscalateJobSchema>;

const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
/** One job per alert × channel × recipient × escalation step: a second dispatch of the same alert adds nothing. */
export const deliverJobId = (j: Pick<DeliverJob, 'notificationId' | 'channel' | 'target' | 'step'>) =>
  `al_${j.notificationId}_${j.channel}_${h(j.target)}_${j.step}`;
export const escalateJobId = (notificationId: string, step: number) => `esc_${notificationId}_${step}`;

export const DELIVERY_ATTEMPTS = 6;
export const deliverJobOptions = {
  attempts: DELIVERY_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;
