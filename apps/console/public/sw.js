/* global self */
// The console's service worker: shows staff alerts pushed by the hub (packages/alerts, push payload
// from pushPayload()) and acknowledges them. A click opens the alert, which opens its conversation; the
// "확인" action acknowledges without opening. Both acknowledge with the signed link the push carries.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let data;
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: event.data ? event.data.text() : 'Clinic Hub' };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || 'Clinic Hub', {
      body: data.body || '',
      tag: data.notificationId,
      data,
      icon: '/icon.svg',
      requireInteraction: !!data.urgent,
      actions: data.ackUrl ? [{ action: 'ack', title: '확인' }] : [],
    }),
  );
});

/** The acknowledge link's token, posted to the API (no sign-in needed: the token names alert and user). */
async function acknowledge(data) {
  if (!data || !data.ackUrl) return;
  const token = new URL(data.ackUrl).searchParams.get('token');
  if (!token) return;
  await fetch('/api/alerts/ack', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, via: 'push' }) }).catch(
    () => undefined,
  );
}

async function open(url) {
  const all = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const here = all.find((c) => new URL(c.url).origin === self.location.origin);
  if (here) {
    // focus() is allowed only while handling a click; the page navigates either way.
    await here.focus().catch(() => undefined);
    here.postMessage({ type: 'hub:navigate', url });
    return;
  }
  await self.clients.openWindow(url);
}

async function handle(notification, action) {
  const data = notification.data || {};
  notification.close();
  await acknowledge(data);
  if (action !== 'ack' && data.url) await open(new URL(data.url).pathname);
}

self.addEventListener('notificationclick', (event) => event.waitUntil(handle(event.notification, event.action)));

// The same handling for a page asking to act on a shown notification by its tag (the notification centre
// offers it; headless browsers, which have no notification UI to click, use it too).
self.addEventListener('message', (event) => {
  const msg = event.data || {};
  if (msg.type !== 'hub:notification-action') return;
  event.waitUntil(
    self.registration.getNotifications({ tag: msg.tag }).then(async (list) => {
      for (const n of list) await handle(n, msg.action);
      if (event.source) event.source.postMessage({ type: 'hub:notification-handled', tag: msg.tag, count: list.length });
    }),
  );
});
