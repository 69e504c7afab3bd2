import { z } from 'zod';

export const ALERT_CHANNELS = ['push', 'email', 'slack', 'webhook'] as const;
export type AlertChannelName = (typeof ALERT_CHANNELS)[number];
/** Channels that reach one user; the others post to a clinic-wide destination (alert_channels). */
export const PERSONAL_CHANNELS: readonly AlertChannelName[] = ['push', 'email'];
/** Who a rule reaches: a clinic role, or the on-duty people of the rota. */
export const ALERT_AUDIENCES = ['admin', 'supervisor', 'staff', 'on_duty'] as const;
export type AlertAudience = (typeof ALERT_AUDIENCES)[number];

export const AlertRuleSchema = z.object({
  kind: z.string().min(1).max(40),
  roles: z.array(z.enum(ALERT_AUDIENCES)).min(1),
  channels: z.array(z.enum(ALERT_CHANNELS)).min(1),
  urgent: z.boolean(),
  escalateAfterSec: z.number().int().min(1).max(86_400).nullable(),
  enabled: z.boolean(),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

const everyone: AlertAudience[] = ['admin', 'supervisor', 'staff'];
const admins: AlertAudience[] = ['admin'];
const allChannels: AlertChannelName[] = [...ALERT_CHANNELS];

/**
 * What a clinic gets before it writes a rule: emergencies reach everyone on every channel at once and
 * escalate; handoffs reach the on-duty staff; a red satisfaction level reaches supervisors; account and
 * send failures reach the admins.
 */
export const DEFAULT_RULES: Record<string, AlertRule> = {
  emergency: { kind: 'emergency', roles: everyone, channels: allChannels, urgent: true, escalateAfterSec: 120, enabled: true },
  handoff: { kind: 'handoff', roles: ['on_duty'], channels: ['push', 'email', 'slack'], urgent: false, escalateAfterSec: 600, enabled: true },
  satisfaction_drop: {
    kind: 'satisfaction_drop',
    roles: ['supervisor'],
    channels: ['push', 'email', 'slack'],
    urgent: false,
    escalateAfterSec: null,
    enabled: true,
  },
  account_disconnected: { kind: 'account_disconnected', roles: admins, channels: allChannels, urgent: false, escalateAfterSec: null, enabled: true },
  send_failed: { kind: 'send_failed', roles: admins, channels: ['push', 'email', 'slack'], urgent: false, escalateAfterSec: null, enabled: true },
  not_deliverable: { kind: 'not_deliverable', roles: admins, channels: ['push', 'email'], urgent: false, escalateAfterSec: null, enabled: true },
  dead_letter: { kind: 'dead_letter', roles: admins, channels: ['push', 'email', 'slack'], urgent: false, escalateAfterSec: null, enabled: true },
  alert_channel_failed: { kind: 'alert_channel_failed', roles: admins, channels: allChannels, urgent: true, escalateAfterSec: null, enabled: true },
  alert_test: { kind: 'alert_test', roles: ['staff'], channels: ['push', 'email'], urgent: true, escalateAfterSec: null, enabled: true },
};

/** A kind nobody wrote a rule for (a new event type): the console shows it, admins get push and email. */
export function defaultRule(kind: string): AlertRule {
  return DEFAULT_RULES[kind] ?? { kind, roles: admins, channels: ['push', 'email'], urgent: false, escalateAfterSec: null, enabled: true };
}
