import { Webhook } from 'standardwebhooks';
import { isOutboundRefused } from '@hub/messengers';
import { alertFetch } from '../url-policy';
import { ChannelError, type AlertMessage, type AlertsConfig } from '../types';

/** The JSON body of the signed webhook (documented in the README). */
export function webhookBody(m: AlertMessage) {
  return {
    type: `alert.${m.kind}`,
    timestamp: m.createdAt.toISOString(),
    data: {
      alertId: m.notificationId,
      clinicId: m.clinicId,
      kind: m.kind,
      title: m.title,
      body: m.body,
      urgent: m.urgent,
      escalationStep: m.step,
      conversationId: m.conversationId ?? null,
      url: m.openUrl,
    },
  };
}

/** A Standard Webhooks message: webhook-id (stable per delivery, so receivers dedupe retries), timestamp, v1 signature. */
export async function sendWebhook(cfg: AlertsConfig, url: string, secret: string, msgId: string, m: AlertMessage): Promise<{ ref: string }> {
  const payload = JSON.stringify(webhookBody(m));
  const now = new Date();
  const signature = new Webhook(secret).sign(msgId, now, payload);
  let res: Response;
  try {
    res = await alertFetch(url, cfg.outbound, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': msgId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: payload,
    });
  } catch (err) {
    if (isOutboundRefused(err)) throw new ChannelError('webhook', true, err.message);
    throw new ChannelError('webhook', false, `webhook unreachable: ${(err as Error).message}`);
  }
  if (res.status >= 200 && res.status < 300) return { ref: String(res.status) };
  // 410 is the Standard Webhooks "stop sending"; 401/403/404 a wrong URL or secret.
  const permanent = [401, 403, 404, 410].includes(res.status);
  throw new ChannelError('webhook', permanent, `webhook answered ${res.status}`);
}
