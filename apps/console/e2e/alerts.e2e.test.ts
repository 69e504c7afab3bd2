// Push alerts in the browser: the console registers its service worker, the hub sends an emergency as
// a Web Push message (encrypted, VAPID-signed) to a local push service that decrypts it, the message is
// delivered to the console's service worker, which shows the notification; acting on it acknowledges
// the alert and opens its conversation.
//
// Headless Chromium offline has no push service to subscribe with (PushManager.subscribe needs the
// browser vendor's service), so the subscription registered with the hub is the local push service's,
// and the decrypted message is handed to the service worker through the DevTools protocol
// (ServiceWorker.deliverPushMessage). A headless browser has no notification UI to click either: the
// test asks the service worker to act on the shown notification by its tag, the same handler a click runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPushFake, type PushFake } from '@hub/testing/fakes/index';
import { startStack, type Stack } from './support/stack';
import { eventually, launchChromium, login, newStaffPage } from './support/browser';

let stack: Stack;
let browser: Browser;
let push: PushFake;

beforeAll(async () => {
  push = await startPushFake();
  stack = await startStack({ env: { OUTBOUND_ALLOW_PRIVATE_NETWORKS: '1' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await push?.close();
});

describe('push alerts', () => {
  it('subscribe, receive an emergency as a notification, and acknowledge it from the notification', async () => {
    const { context, page } = await newStaffPage(browser);
    await context.grantPermissions(['notifications'], { origin: stack.apiUrl });
    await login(page, stack.apiUrl, 'staff1@daybeau.kr');
    await page.goto(`${stack.apiUrl}/alerts/settings`);
    await page.getByRole('heading', { name: '알림 설정' }).waitFor();
    const swActive = await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active);
    expect(swActive).toBe(true);
    const manifest = await (await fetch(`${stack.apiUrl}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/inbox' });

    // The console's own subscribe: offline Chromium has no push service and says so on the page.
    await page.getByRole('button', { name: '푸시 알림 켜기' }).click();
    const status = await page.getByTestId('alert-settings-status').textContent();
    const subscribedByBrowser = !!status?.includes('이 브라우저에서 푸시 알림을 받습니다');
    const user = await stack.db.user.findFirstOrThrow({ where: { email: 'staff1@daybeau.kr' } });
    if (!subscribedByBrowser) {
      expect(status).toContain('푸시 알림을 켜지 못했습니다');
      const token = await (
        await fetch(`${stack.apiUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: user.email, password: 'demo-clinic-2026' }),
        })
      ).json();
      const sub = push.subscribe('staff1');
      const r = await fetch(`${stack.apiUrl}/api/alerts/push-subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.accessToken}` },
        body: JSON.stringify(sub),
      });
      expect(r.status).toBe(201);
    }
    expect(await stack.db.pushSubscription.count({ where: { userId: user.id } })).toBe(1);

    // An emergency, written as the pipeline writes it.
    const clinicId = stack.demo.demoClinicId;
    const account = await stack.db.messengerAccount.findFirstOrThrow({ where: { clinicId, messengerType: 'line' } });
    const customer = await stack.db.customer.create({ data: { clinicId, messengerType: 'line', messengerUserId: `U${Date.now()}` } });
    const conv = await stack.db.conversation.create({
      data: { clinicId, customerId: customer.id, messengerAccountId: account.id, status: 'waiting', lastCustomerMessageAt: new Date() },
    });
    const n = await stack.db.notification.create({
      data: {
        clinicId: stack.demo.demoClinicId,
        audience: 'staff',
        kind: 'emergency',
        title: '긴급: 의료 응급 상황 의심',
        body: '얼굴이 부어요',
        data: { conversationId: conv.id, urgent: true },
      },
    });
    const received = await push.waitFor((m) => m.body.subscription === 'staff1' && m.body.payload.notificationId === n.id, 20_000);
    expect(received.body.payload).toMatchObject({ title: '긴급: 의료 응급 상황 의심', url: `${stack.apiUrl}/alerts/${n.id}` });

    // Into the service worker, as the push service would deliver it.
    const cdp = await context.newCDPSession(page);
    const registrationId = await new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
        const reg = e.registrations.find((r) => r.scopeURL.startsWith(stack.apiUrl) && !r.isDeleted);
        if (reg) resolve(reg.registrationId);
      });
      void cdp.send('ServiceWorker.enable');
    });
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: stack.apiUrl, registrationId, data: JSON.stringify(received.body.payload) });
    const shown = await eventually(async () => {
      const list = await page.evaluate(
        async (tag) => (await (await navigator.serviceWorker.ready).getNotifications({ tag })).map((x) => ({ title: x.title, body: x.body })),
        n.id,
      );
      return list.length ? list : null;
    }, 'the notification shown by the service worker');
    expect(shown).toEqual([{ title: '긴급: 의료 응급 상황 의심', body: '얼굴이 부어요' }]);

    // Acting on it (a click): acknowledged through the push's signed link, and the conversation opens.
    await page.evaluate((tag) => navigator.serviceWorker.controller!.postMessage({ type: 'hub:notification-action', tag }), n.id);
    const acked = await eventually(async () => {
      const row = await stack.db.notification.findUniqueOrThrow({ where: { id: n.id } });
      return row.acknowledgedAt ? row : null;
    }, 'the acknowledgement');
    expect(acked).toMatchObject({ acknowledgedBy: user.id, ackVia: 'push' });
    await page.waitForURL(`${stack.apiUrl}/inbox/${conv.id}`);
    expect(await page.evaluate(async (tag) => (await (await navigator.serviceWorker.ready).getNotifications({ tag })).length, n.id)).toBe(0);
    // The escalation the emergency scheduled finds it acknowledged; the notification centre shows it so.
    await page.goto(`${stack.apiUrl}/alerts`);
    await page.locator(`[data-testid="notification-row"][data-id="${n.id}"][data-acknowledged="yes"]`).waitFor();
    console.log(`push via the browser's own subscribe: ${subscribedByBrowser ? 'yes' : 'no (offline: subscription registered through the API)'}`);
    await context.close();
  });
});
