import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKakaoFake, type KakaoFake } from '@hub/testing/fakes/kakao.fake';
import { SendError } from '../types';
import { configFor } from '../outbound-test-config';
import { buildKakaoSkillResponse, createKakaoSender, testKakaoConnection } from './kakao.outbound';

const BOT_USER = 'botUserKey-abc';
const creds = { botId: '5f0000000000000000000001', webhookSecret: 'hook' };
let fake: KakaoFake;

beforeAll(async () => {
  fake = await startKakaoFake();
  fake.addEventApiKey('kakao-rest-key', creds.botId);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const sendErr = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected a SendError'),
    (e: unknown) => e as SendError,
  );

describe('Kakao sender', () => {
  it('delivers the skill response to the callback URL', async () => {
    const callbackUrl = fake.issueCallbackUrl();
    const result = await createKakaoSender(creds, configFor(fake.url)).send({
      to: BOT_USER,
      text: '예약이 확인되었습니다.',
      idempotencyKey: 'k1',
      callbackUrl,
    });
    const d = fake.delivered[0]!;
    expect(d).toMatchObject({ via: 'callback', text: '예약이 확인되었습니다.' });
    expect(result.externalIds).toEqual([d.id]);
    expect(d.request.body).toEqual({ version: '2.0', template: { outputs: [{ simpleText: { text: '예약이 확인되었습니다.' } }] } });
  });

  it('splits into at most 3 simpleText outputs of 1000 characters', () => {
    expect(buildKakaoSkillResponse('가나다 '.repeat(600)).template.outputs).toHaveLength(3);
    const huge = buildKakaoSkillResponse('word '.repeat(2000)).template.outputs;
    expect(huge).toHaveLength(3);
    expect(huge.every((o) => o.simpleText.text.length <= 1000)).toBe(true);
    expect(huge[2]!.simpleText.text.endsWith('…')).toBe(true);
  });

  it('without callback and without an Event API key → not_deliverable', async () => {
    const err = await sendErr(createKakaoSender(creds, configFor(fake.url)).send({ to: BOT_USER, text: 'hi', idempotencyKey: 'k2' }));
    expect(err).toMatchObject({ kind: 'permanent', code: 'not_deliverable' });
    expect(fake.received).toHaveLength(0);
  });

  it('an expired or used callback is not retried; without a key it is not_deliverable', async () => {
    const callbackUrl = fake.issueCallbackUrl({ ttlMs: -1 });
    const err = await sendErr(createKakaoSender(creds, configFor(fake.url)).send({ to: BOT_USER, text: 'hi', idempotencyKey: 'k3', callbackUrl }));
    expect(err).toMatchObject({ kind: 'permanent', code: 'not_deliverable' });
  });

  it('a retry after a crash mid-callback finds the callback spent: delivered by that attempt, no Event API message', async () => {
    const callbackUrl = fake.issueCallbackUrl();
    const sender = createKakaoSender({ ...creds, eventApiKey: 'kakao-rest-key' }, configFor(fake.url));
    await sender.send({ to: BOT_USER, text: 'answer', idempotencyKey: 'k9', callbackUrl });
    const again = await sender.send({ to: BOT_USER, text: 'answer', idempotencyKey: 'k9', callbackUrl, previousAttemptInterrupted: true });
    expect(again.externalIds).toEqual(['k9']);
    expect(fake.delivered.map((d) => d.via)).toEqual(['callback']);
    // Without a crash (the callback was spent by someone else, or expired), the Event API carries it.
    const other = await sender.send({ to: BOT_USER, text: 'answer', idempotencyKey: 'k10', callbackUrl });
    expect(other.externalIds).toHaveLength(1);
    expect(fake.delivered.map((d) => d.via)).toEqual(['callback', 'event']);
  });

  it('a callback URL off bot-api.kakao.com is never posted to: Event API with a key, else not_deliverable naming why', async () => {
    const other = await startKakaoFake();
    try {
      // A callback the other fake would accept, on a host:port the configuration does not list.
      const callbackUrl = other.issueCallbackUrl();
      const err = await sendErr(createKakaoSender(creds, configFor(fake.url)).send({ to: BOT_USER, text: 'hi', idempotencyKey: 'k5a', callbackUrl }));
      expect(err).toMatchObject({ kind: 'permanent', code: 'not_deliverable' });
      expect(err.message).toMatch(/not allowed: host_not_allowed/);
      const sent = await createKakaoSender({ ...creds, eventApiKey: 'kakao-rest-key' }, configFor(fake.url)).send({
        to: BOT_USER,
        text: 'via event',
        idempotencyKey: 'k5b',
        callbackUrl,
      });
      expect(other.received).toHaveLength(0);
      expect(fake.delivered[0]).toMatchObject({ via: 'event', text: 'via event' });
      expect(sent.externalIds).toEqual([fake.delivered[0]!.id]);
    } finally {
      await other.close();
    }
  });

  it('falls back to the Event API with KakaoAK auth when a key is configured', async () => {
    const used = fake.issueCallbackUrl();
    const sender = createKakaoSender({ ...creds, eventApiKey: 'kakao-rest-key' }, configFor(fake.url));
    await sender.send({ to: BOT_USER, text: 'first', idempotencyKey: 'k4a', callbackUrl: used });
    const result = await sender.send({ to: BOT_USER, text: 'staff follow-up', idempotencyKey: 'k4b', callbackUrl: used });
    const event = fake.delivered[1]!;
    expect(event).toMatchObject({ via: 'event', recipient: BOT_USER, text: 'staff follow-up', meta: { botId: creds.botId, userType: 'botUserKey' } });
    expect(event.request.headers.authorization).toBe('KakaoAK kakao-rest-key');
    expect(event.request.path).toBe(`/v2/bots/${creds.botId}/talk`);
    expect(result.externalIds).toEqual([event.id]);
  });

  it('maps a bad Event API key to auth and 5xx callbacks to transient', async () => {
    const bad = createKakaoSender({ ...creds, eventApiKey: 'wrong' }, configFor(fake.url));
    expect(await sendErr(bad.send({ to: BOT_USER, text: 'x', idempotencyKey: 'k5' }))).toMatchObject({ kind: 'auth' });
    fake.inject({ status: 503 });
    const callbackUrl = fake.issueCallbackUrl();
    expect(await sendErr(createKakaoSender(creds, configFor(fake.url)).send({ to: BOT_USER, text: 'x', idempotencyKey: 'k6', callbackUrl }))).toMatchObject({
      kind: 'transient',
    });
  });

  it('cannot be tested without an Event API key, and says so (not connected)', async () => {
    expect(await testKakaoConnection(creds, configFor(fake.url))).toMatchObject({ ok: false, code: 'not_testable' });
  });

  it('with an Event API key: a call naming no user tells a good key from a bad one, and sends nothing', async () => {
    fake.addEventApiKey('kakao-test-key', creds.botId);
    const before = fake.delivered.length;
    expect(await testKakaoConnection({ ...creds, eventApiKey: 'kakao-test-key' }, configFor(fake.url))).toMatchObject({ ok: true });
    expect(await testKakaoConnection({ ...creds, eventApiKey: 'wrong-key' }, configFor(fake.url))).toMatchObject({ ok: false, kind: 'auth' });
    expect(fake.delivered.length).toBe(before);
  });
});
