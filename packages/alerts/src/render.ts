import { signAckToken } from './ack-token';
import type { AlertMessage, AlertsConfig } from './types';

export interface NotificationRow {
  id: string;
  clinicId: string;
  kind: string;
  title: string;
  body: string | null;
  data: unknown;
  createdAt: Date;
}

export const conversationOf = (data: unknown): string | undefined => {
  const c = (data as { conversationId?: unknown } | null)?.conversationId;
  return typeof c === 'string' ? c : undefined;
};

/** One alert as every channel sends it; personal channels carry a signed acknowledge link. */
export function renderAlert(
  cfg: AlertsConfig,
  n: NotificationRow,
  opts: { userId: string | null; urgent: boolean; step: number; personal: boolean },
): AlertMessage {
  const base = cfg.consoleUrl.replace(/\/$/, '');
  const token = opts.personal
    ? signAckToken(cfg.keyringSpec, { notificationId: n.id, userId: opts.userId, expiresAt: Date.now() + cfg.ackTokenTtlSec * 1000 })
    : null;
  const conversationId = conversationOf(n.data);
  return {
    notificationId: n.id,
    clinicId: n.clinicId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    urgent: opts.urgent,
    step: opts.step,
    ...(conversationId ? { conversationId } : {}),
    openUrl: `${base}/alerts/${n.id}`,
    ackUrl: token ? `${base}/alerts/ack?token=${encodeURIComponent(token)}` : null,
    ackToken: token,
    createdAt: n.createdAt,
  };
}
