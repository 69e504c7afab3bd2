import { api } from '../api/api-client';
import { navigate } from '../router';

let listening = false;

/** Registers the console's service worker (push alerts, installable PWA); a browser without it is fine. */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  try {
    const reg = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    if (!listening) {
      listening = true;
      // The worker asks an open console to show an alert's page instead of opening a second window.
      navigator.serviceWorker.addEventListener('message', (e: MessageEvent<{ type?: string; url?: string }>) => {
        if (e.data?.type === 'hub:navigate' && e.data.url) navigate(e.data.url);
      });
      navigator.serviceWorker.startMessages();
    }
    return reg;
  } catch (err) {
    console.warn('service worker not registered', err);
    return null;
  }
}

const b64ToBytes = (b64: string) => {
  const s = atob(b64.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
};

/** Asks for permission, subscribes this browser with the hub's VAPID key and registers it for the signed-in user. */
export async function enablePush(): Promise<{ id: string }> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) throw new Error('this browser has no web push');
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new Error('notifications are not allowed for this site');
  const reg = (await registerServiceWorker()) ?? (await navigator.serviceWorker.ready);
  const { publicKey } = await api.get<{ publicKey: string }>('/api/alerts/vapid-public-key');
  const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: b64ToBytes(publicKey) });
  const json = sub.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
  return api.post<{ id: string }>('/api/alerts/push-subscriptions', { endpoint: json.endpoint, keys: json.keys });
}
