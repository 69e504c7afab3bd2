import webpush from 'web-push';
import { isOutboundRefused } from '@hub/messengers';
import { alertFetch } from '../url-policy';
import { ChannelError, type AlertMessage, type AlertsConfig } from '../types';
import type { VapidKeys } from '../vapid';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What the console's service worker reads from a push (public/sw.js). */
export function pushPayload(m: AlertMessage) {
  return {
    notificationId: m.notificationId,
    kind: m.kind,
    title: m.step > 0 ? `[에스컬레이션] ${m.title}` : m.title,
    body: m.body ?? '',
    urgent: m.urgent,
    url: m.openUrl,
    ackUrl: m.ackUrl,
  };
}

/** Encrypts with web-push (RFC 8291, aes128gcm, VAPID) and posts through the outbound guard. */
export async function sendPush(cfg: AlertsConfig, keys: VapidKeys, sub: PushTarget, m: AlertMessage): Promise<{ ref: string }> {
  const details = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, JSON.stringify(pushPayload(m)), {
    vapidDetails: { subject: cfg.vapidSubject, publicKey: keys.publicKey, privateKey: keys.privateKey },
    TTL: m.urgent ? 3600 : 24 * 3600,
    urgency: m.urgent ? 'high' : 'normal',
    contentEncoding: 'aes128gcm',
  });
  let res: Response;
  try {
    res = await alertFetch(details.endpoint, cfg.outbound, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: details.body ?? undefined,
    });
  } catch (err) {
    if (isOutboundRefused(err)) throw new ChannelError('push', true, err.message, true);
    throw new ChannelError('push', false, `push service unreachable: ${(err as Error).message}`);
  }
  if (res.status === 404 || res.status === 410) throw new ChannelError('push', true, `subscription gone (${res.status})`, true);
  if (res.status === 429 || res.status >= 500) throw new ChannelError('push', false, `push service answered ${res.status}`);
  if (res.status >= 400) throw new ChannelError('push', true, `push service refused the message (${res.status}): ${(await res.text()).slice(0, 200)}`, true);
  return { ref: res.headers.get('location') ?? String(res.status) };
}
