import { describe, expect, it } from 'vitest';
import { loadFixtures, testAccount } from '../inbound.conformance.cases';
import { kakaoInbound, kakaoMessageId } from './kakao.inbound';
import { KakaoSkillRequestSchema, type KakaoSecrets } from './kakao.schema';

const secrets: KakaoSecrets = { botId: '65f1a2b3c4d5e6f7a8b9c0d1', webhookSecret: 'kakao-hook-secret-3e9a7c51' };
// The recorded skill requests are edited freely below to build variants.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fixtures = Object.fromEntries(loadFixtures('kakao').map((f) => [f.name, f.body as Record<string, any>]));
const withCallback = fixtures['text-with-callback']!;
const withoutCallback = fixtures['text-without-callback']!;

describe('kakao bot.id check (verifyParsed)', () => {
  it('accepts this account bot, with or without the trailing "!" Open Builder adds', () => {
    expect(kakaoInbound.verifyParsed!(withCallback, secrets)).toBe(true);
    expect(kakaoInbound.verifyParsed!({ ...withCallback, bot: { id: secrets.botId } }, secrets)).toBe(true);
  });

  it('refuses a request of another bot', () => {
    expect(kakaoInbound.verifyParsed!({ ...withCallback, bot: { id: '5ae9b76d7409b11ec845b746!' } }, secrets)).toBe(false);
    expect(kakaoInbound.verifyParsed!(withCallback, { ...secrets, botId: '5ae9b76d7409b11ec845b746' })).toBe(false);
  });

  it('leaves bodies without bot.id to parse (400, not 401)', () => {
    expect(kakaoInbound.verifyParsed!({}, secrets)).toBe(true);
    expect(kakaoInbound.verifyParsed!(null, secrets)).toBe(true);
  });
});

describe('kakao dedupe key', () => {
  const id = (body: unknown) => kakaoMessageId(KakaoSkillRequestSchema.parse(body));

  it('with callback: differs per request even for the same utterance', () => {
    const again = structuredClone(withCallback);
    again.userRequest.callbackUrl = `${withCallback.userRequest.callbackUrl}x`;
    expect(id(again)).not.toBe(id(withCallback));
  });

  it('without callback: depends on user, utterance and block', () => {
    const otherUser = structuredClone(withoutCallback);
    otherUser.userRequest.user.id = 'aaaa';
    const otherText = structuredClone(withoutCallback);
    otherText.userRequest.utterance = '明後日はどうですか？';
    expect(new Set([id(withoutCallback), id(otherUser), id(otherText)]).size).toBe(3);
  });

  it('ignores key order and unrelated fields (contexts, intent)', () => {
    const reordered = { bot: withCallback.bot, userRequest: withCallback.userRequest, action: withCallback.action, contexts: [{ name: 'x' }] };
    expect(id(reordered)).toBe(id(withCallback));
  });

  it('passes callbackUrl through so the worker can answer on it', () => {
    const [event] = kakaoInbound.parse(withCallback, testAccount, secrets).events;
    expect(event!.callbackUrl).toBe(withCallback.userRequest.callbackUrl);
    expect(kakaoInbound.parse(withoutCallback, testAccount, secrets).events[0]!.callbackUrl).toBeUndefined();
  });
});
