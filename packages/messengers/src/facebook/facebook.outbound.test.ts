import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMetaGraphFake, type MetaGraphFake } from '@hub/testing/fakes/meta-graph.fake';
import { SendError } from '../types';
import { configFor } from '../outbound-test-config';
import { createFacebookSender, fetchFacebookMedia, testFacebookConnection } from './facebook.outbound';
import { createInstagramSender, testInstagramConnection } from '../instagram/instagram.outbound';

const HOUR = 3_600_000;
const page = { pageId: '1040000000001', accessToken: 'EAAGpage', igUserId: '17840000000009' };
const PSID = '2400000000000001';
let fake: MetaGraphFake;

beforeAll(async () => {
  fake = await startMetaGraphFake();
  fake.addPage({ ...page, name: 'Gangnam Clinic' });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ago = (ms: number) => new Date(Date.now() - ms);
const sendErr = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected a SendError'),
    (e: unknown) => e as SendError,
  );

describe('Messenger sender (Graph Send API)', () => {
  it('answers inside 24 h with messaging_type RESPONSE and returns message_id', async () => {
    const sender = createFacebookSender(page, configFor(fake.url));
    const result = await sender.send({ to: PSID, text: 'Hello!', idempotencyKey: 'f1', lastCustomerMessageAt: ago(HOUR) });
    const d = fake.delivered[0]!;
    expect(result.externalIds).toEqual([d.id]);
    expect(d).toMatchObject({ via: 'messenger', recipient: PSID, text: 'Hello!', meta: { messaging_type: 'RESPONSE' } });
    expect(d.request.path).toBe(`/v23.0/${page.pageId}/messages`);
    expect(d.request.query.access_token).toBe(page.accessToken);
  });

  it('uses the HUMAN_AGENT tag for staff replies between 24 h and 7 days', async () => {
    fake.setLastCustomerMessage(PSID, ago(3 * 24 * HOUR));
    const sender = createFacebookSender(page, configFor(fake.url));
    await sender.send({ to: PSID, text: 'A nurse here', idempotencyKey: 'f2', lastCustomerMessageAt: ago(3 * 24 * HOUR), fromStaff: true });
    expect(fake.delivered[0]!.meta).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });

  it('refuses AI replies after 24 h and any reply after 7 days without calling Graph', async () => {
    const sender = createFacebookSender(page, configFor(fake.url));
    expect(await sendErr(sender.send({ to: PSID, text: 'x', idempotencyKey: 'f3', lastCustomerMessageAt: ago(25 * HOUR) }))).toMatchObject({
      kind: 'permanent',
      code: 'window_closed',
    });
    expect(await sendErr(sender.send({ to: PSID, text: 'x', idempotencyKey: 'f4', lastCustomerMessageAt: ago(8 * 24 * HOUR), fromStaff: true }))).toMatchObject(
      { kind: 'permanent', code: 'window_closed' },
    );
    expect(fake.received).toHaveLength(0);
  });

  it("maps Graph's own window error (#10/2018278) to window_closed", async () => {
    fake.setLastCustomerMessage('2400000000000099', ago(30 * HOUR));
    const sender = createFacebookSender(page, configFor(fake.url));
    // The worker's clock says inside the window; Graph disagrees and wins.
    const err = await sendErr(sender.send({ to: '2400000000000099', text: 'x', idempotencyKey: 'f5', lastCustomerMessageAt: ago(HOUR) }));
    expect(err).toMatchObject({ kind: 'permanent', code: 'window_closed' });
  });

  it('splits at 2000 characters', async () => {
    const sender = createFacebookSender(page, configFor(fake.url));
    const result = await sender.send({ to: PSID, text: 'Please read this. '.repeat(250), idempotencyKey: 'f6', lastCustomerMessageAt: ago(HOUR) });
    expect(result.externalIds).toHaveLength(3);
    expect(fake.delivered.every((d) => d.text.length <= 2000)).toBe(true);
  });

  it('maps throttling (code 4, HTTP 400) to transient honouring Retry-After', async () => {
    fake.inject({
      status: 400,
      retryAfterSec: 12,
      body: { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, fbtrace_id: 'x' } },
    });
    const err = await sendErr(
      createFacebookSender(page, configFor(fake.url)).send({ to: PSID, text: 'x', idempotencyKey: 'f7', lastCustomerMessageAt: ago(HOUR) }),
    );
    expect(err).toMatchObject({ kind: 'transient', code: 'rate_limited', retryAfterMs: 12_000 });
  });

  it('maps an expired token (190/463) to auth and an unavailable person (551) to permanent', async () => {
    const sender = createFacebookSender({ ...page, accessToken: 'EAAGexpired' }, configFor(fake.url));
    fake.addPage({ ...page, accessToken: 'EAAGexpired' });
    fake.expireToken('EAAGexpired');
    expect(await sendErr(sender.send({ to: PSID, text: 'x', idempotencyKey: 'f8', lastCustomerMessageAt: ago(HOUR) }))).toMatchObject({
      kind: 'auth',
      code: 'token_invalid',
    });
    fake.addPage({ ...page, name: 'Gangnam Clinic' }); // the same page id again with its valid token
    fake.markUnavailable('2400000000000777');
    const good = createFacebookSender(page, configFor(fake.url));
    expect(await sendErr(good.send({ to: '2400000000000777', text: 'x', idempotencyKey: 'f9', lastCustomerMessageAt: ago(HOUR) }))).toMatchObject({
      kind: 'permanent',
      code: 'user_unavailable',
    });
  });

  it('maps 5xx to transient', async () => {
    fake.inject({ status: 503 });
    const err = await sendErr(
      createFacebookSender(page, configFor(fake.url)).send({ to: PSID, text: 'x', idempotencyKey: 'f10', lastCustomerMessageAt: ago(HOUR) }),
    );
    expect(err).toMatchObject({ kind: 'transient' });
  });

  it('tests the connection with GET /me and downloads attachment URLs', async () => {
    expect(await testFacebookConnection(page, configFor(fake.url))).toMatchObject({ ok: true, details: { id: page.pageId, name: 'Gangnam Clinic' } });
    expect(await testFacebookConnection({ ...page, accessToken: 'bogus' }, configFor(fake.url))).toMatchObject({ ok: false, kind: 'auth' });
    const url = fake.addAttachment(Buffer.from('GIF89a'), 'image/gif');
    expect(await fetchFacebookMedia(page, configFor(fake.url), url)).toEqual({ bytes: Buffer.from('GIF89a'), mimeType: 'image/gif' });
  });
});

describe('Instagram sender', () => {
  it('posts to the IG user id with RESPONSE inside 24 h', async () => {
    const sender = createInstagramSender(page, configFor(fake.url));
    await sender.send({ to: 'IGSID-1', text: 'Hi from Instagram', idempotencyKey: 'i1', lastCustomerMessageAt: ago(HOUR) });
    expect(fake.delivered[0]).toMatchObject({ via: 'instagram', recipient: 'IGSID-1', meta: { messaging_type: 'RESPONSE', pageOrIgId: page.igUserId } });
  });

  it('splits at 1000 characters', async () => {
    const sender = createInstagramSender(page, configFor(fake.url));
    expect(sender.maxTextLength).toBe(1000);
    const result = await sender.send({ to: 'IGSID-1', text: 'word '.repeat(500), idempotencyKey: 'i2', lastCustomerMessageAt: ago(HOUR) });
    expect(result.externalIds).toHaveLength(3);
    expect(fake.delivered.every((d) => d.text.length <= 1000)).toBe(true);
  });

  it('applies the same window rules', async () => {
    const sender = createInstagramSender(page, configFor(fake.url));
    await sender.send({ to: 'IGSID-1', text: 'staff', idempotencyKey: 'i3', lastCustomerMessageAt: ago(48 * HOUR), fromStaff: true });
    expect(fake.delivered[0]!.meta).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(await sendErr(sender.send({ to: 'IGSID-1', text: 'ai', idempotencyKey: 'i4', lastCustomerMessageAt: ago(48 * HOUR) }))).toMatchObject({
      code: 'window_closed',
    });
  });

  it('tests the connection', async () => {
    expect(await testInstagramConnection(page, configFor(fake.url))).toMatchObject({ ok: true });
  });
});
