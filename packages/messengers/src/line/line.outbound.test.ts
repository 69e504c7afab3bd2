import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '@hub/testing/fakes/line.fake';
import { SendError } from '../types';
import { configFor } from '../outbound-test-config';
import { createLineSender, fetchLineMedia, lineRetryKey, testLineConnection } from './line.outbound';

const TOKEN = 'line-channel-access-token';
const creds = { channelId: '1650000000', channelSecret: 's', accessToken: TOKEN };
const USER = 'U4af4980629aaaaaaaaaaaaaaaaaaaaaa';
let fake: LineFake;

beforeAll(async () => {
  fake = await startLineFake();
  fake.addChannel(TOKEN, { displayName: 'Seoul Clinic' });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const sendErr = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected a SendError'),
    (e: unknown) => e as SendError,
  );

describe('LINE sender (@line/bot-sdk against the fake Messaging API)', () => {
  it('replies with a valid reply token and the bearer token', async () => {
    const replyToken = fake.issueReplyToken(USER);
    const sender = createLineSender(creds, configFor(fake.url));
    const result = await sender.send({ to: USER, text: 'Welcome!', idempotencyKey: 'm1', replyToken });
    expect(result.externalIds).toHaveLength(1);
    expect(fake.delivered[0]).toMatchObject({ via: 'reply', recipient: USER, text: 'Welcome!', id: result.externalIds[0] });
    expect(fake.delivered[0]!.request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('falls back to push with a retry key when the reply token is used up', async () => {
    const replyToken = fake.issueReplyToken(USER);
    const sender = createLineSender(creds, configFor(fake.url));
    await sender.send({ to: USER, text: 'first', idempotencyKey: 'm2a', replyToken });
    const result = await sender.send({ to: USER, text: 'second', idempotencyKey: 'm2b', replyToken });
    expect(result.externalIds).toHaveLength(1);
    const push = fake.delivered[1]!;
    expect(push).toMatchObject({ via: 'push', recipient: USER, text: 'second' });
    expect(push.meta.retryKey).toBe(lineRetryKey('m2b', 0));
    expect(push.meta.retryKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('does not deliver a retried push twice (409 → success with the original ids)', async () => {
    const sender = createLineSender(creds, configFor(fake.url));
    const first = await sender.send({ to: USER, text: 'Your appointment is confirmed', idempotencyKey: 'm3' });
    const again = await sender.send({ to: USER, text: 'Your appointment is confirmed', idempotencyKey: 'm3' });
    expect(again.externalIds).toEqual(first.externalIds);
    expect(fake.delivered).toHaveLength(1);
    expect(fake.received.filter((r) => r.path === '/v2/bot/message/push').map((r) => r.status)).toEqual([200, 409]);
  });

  it('retries after a 500 without duplicating: the key is only spent on acceptance', async () => {
    fake.inject({ status: 500, path: '/push' });
    const sender = createLineSender(creds, configFor(fake.url));
    const err = await sendErr(sender.send({ to: USER, text: 'hello', idempotencyKey: 'm4' }));
    expect(err).toMatchObject({ kind: 'transient' });
    await sender.send({ to: USER, text: 'hello', idempotencyKey: 'm4' });
    expect(fake.delivered).toHaveLength(1);
  });

  it('splits long text at 5000 characters and batches at most 5 messages per call', async () => {
    const paragraph = `${'안녕하세요 고객님. '.repeat(400)}`.trim(); // ~4.4k chars
    const text = Array.from({ length: 7 }, () => paragraph).join('\n\n');
    const sender = createLineSender(creds, configFor(fake.url));
    const result = await sender.send({ to: USER, text, idempotencyKey: 'm5' });
    expect(result.externalIds).toHaveLength(7);
    expect(fake.delivered.every((d) => d.text.length <= 5000)).toBe(true);
    const pushes = fake.received.filter((r) => r.path === '/v2/bot/message/push');
    expect(pushes.map((r) => (r.body as { messages: unknown[] }).messages.length)).toEqual([5, 2]);
    expect(new Set(pushes.map((r) => r.headers['x-line-retry-key'])).size).toBe(2);
  });

  it('maps 429 to transient with a backoff, and the monthly limit to permanent', async () => {
    fake.inject({ status: 429 });
    const sender = createLineSender(creds, configFor(fake.url));
    expect(await sendErr(sender.send({ to: USER, text: 'x', idempotencyKey: 'm6' }))).toMatchObject({
      kind: 'transient',
      code: 'rate_limited',
      retryAfterMs: 1000,
    });
    fake.setMonthlyLimitReached(true);
    try {
      expect(await sendErr(sender.send({ to: USER, text: 'x', idempotencyKey: 'm7' }))).toMatchObject({ kind: 'permanent', code: 'quota_exceeded' });
    } finally {
      fake.setMonthlyLimitReached(false);
    }
  });

  it('maps 401 to auth and 400 to permanent', async () => {
    const bad = createLineSender({ accessToken: 'expired' }, configFor(fake.url));
    expect(await sendErr(bad.send({ to: USER, text: 'x', idempotencyKey: 'm8' }))).toMatchObject({ kind: 'auth', code: 'token_invalid' });
    fake.inject({ status: 400, body: { message: "The property, 'to', in the request body is invalid" } });
    const sender = createLineSender(creds, configFor(fake.url));
    expect(await sendErr(sender.send({ to: 'nobody', text: 'x', idempotencyKey: 'm9' }))).toMatchObject({ kind: 'permanent', code: 'bad_request' });
  });

  it('tests the connection with getBotInfo', async () => {
    expect(await testLineConnection(creds, configFor(fake.url))).toMatchObject({ ok: true, details: { displayName: 'Seoul Clinic' } });
    expect(await testLineConnection({ accessToken: 'nope' }, configFor(fake.url))).toMatchObject({ ok: false, kind: 'auth' });
  });

  it('fetches message content from the data API', async () => {
    const bytes = Buffer.from('PNGDATA');
    fake.addContent('444573844083572737', bytes, 'image/png');
    const media = await fetchLineMedia(creds, configFor(fake.url), '444573844083572737');
    expect(media).toEqual({ bytes, mimeType: 'image/png' });
  });
});
