import { startFakeAnthropic, type FakeAnthropic } from '@hub/testing/fakes/anthropic.fake';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError, type ReplyContext } from '../provider';
import { AnthropicProvider } from './anthropic.provider';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.requests.length = 0;
});

const provider = (over: Partial<ConstructorParameters<typeof AnthropicProvider>[0]> = {}) =>
  new AnthropicProvider({ apiKey: fake.apiKey, baseURL: fake.url, model: 'claude-test', maxRetries: 2, timeoutMs: 5000, ...over });

const ctx: ReplyContext = {
  clinicName: 'Seoul Glow Clinic',
  customerLanguage: 'ja',
  systemPrompt: 'You are the friendly consultant of Seoul Glow Clinic.',
  history: [
    { role: 'customer', text: 'こんにちは' },
    { role: 'staff', text: 'こんにちは！ご用件をどうぞ。' },
  ],
  turnText: 'ボトックスはいくらですか',
  knowledge: [{ sourceType: 'procedure', sourceId: 'p1', content: 'ボトックス 額 50,000ウォン', metadata: { slug: 'botox' }, score: 0.8 }],
  tools: ['quote_price'],
};

describe('AnthropicProvider (real SDK against the fake Messages API)', () => {
  it('returns a text reply with model, usage and grounding confidence', async () => {
    fake.enqueue({ text: 'ボトックスは額1部位50,000ウォンです。' });
    const reply = await provider().generateReply(ctx);
    expect(reply.text).toBe('ボトックスは額1部位50,000ウォンです。');
    expect(reply.handoff).toBeUndefined();
    expect(reply.model).toBe('claude-test');
    expect(reply.usage.inputTokens).toBeGreaterThan(0);
    expect(reply.confidence).toBeCloseTo(0.8);
    expect(reply.metadata).toMatchObject({ provider: 'anthropic', stopReason: 'end_turn' });

    const [req] = fake.requests;
    // @anthropic-ai/sdk 1.x sends the key as a Bearer token; older versions used x-api-key.
    expect([req!.headers['x-api-key'], req!.headers.authorization]).toContain(req!.headers['x-api-key'] ? fake.apiKey : `Bearer ${fake.apiKey}`);
    expect(req!.headers['anthropic-version']).toBeTruthy();
    expect(req!.body.tools.map((t: { name: string }) => t.name)).toEqual(['request_human', 'quote_price']);
    expect(JSON.stringify(req!.body.system)).toContain('ボトックス 額 50,000ウォン');
    expect(req!.body.messages).toEqual([
      { role: 'user', content: 'こんにちは' },
      { role: 'assistant', content: '[staff] こんにちは！ご用件をどうぞ。' },
      { role: 'user', content: 'ボトックスはいくらですか' },
    ]);
  });

  it('turns tool_use blocks into a handoff decision and actions', async () => {
    fake.enqueue({
      text: '担当者におつなぎします。',
      toolUse: [
        { name: 'request_human', input: { reason: 'customer_requested_human' } },
        { name: 'quote_price', input: { procedure_slug: 'botox' } },
        { name: 'propose_booking', input: { procedure_slug: 'botox' } }, // not enabled: dropped
      ],
    });
    const reply = await provider().generateReply({ ...ctx, turnText: '人間と話したい' });
    expect(reply.handoff).toEqual({ reason: 'customer_requested_human' });
    expect(reply.actions).toEqual([{ name: 'quote_price', input: { procedure_slug: 'botox' } }]);
    expect(reply.metadata?.stopReason).toBe('tool_use');
  });

  it('retries after 429 honouring retry-after, then succeeds', async () => {
    fake.inject({ kind: 'rate_limit', retryAfterSeconds: 1 });
    fake.enqueue({ text: 'ok' });
    const started = Date.now();
    const reply = await provider().generateReply(ctx);
    expect(reply.text).toBe('ok');
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries after 500 and after 529 overloaded', async () => {
    fake.inject({ kind: 'server_error' });
    fake.inject({ kind: 'overloaded' });
    fake.enqueue({ text: 'third time lucky' });
    const reply = await provider().generateReply(ctx);
    expect(reply.text).toBe('third time lucky');
    expect(fake.requests).toHaveLength(3);
  });

  it('maps a timeout to a transient ProviderError', async () => {
    fake.inject({ kind: 'delay', ms: 3000 });
    const err = await provider({ timeoutMs: 200, maxRetries: 0 })
      .generateReply(ctx)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'transient', code: 'timeout', provider: 'anthropic' });
  });

  it('maps exhausted 529s to a transient ProviderError', async () => {
    fake.inject({ kind: 'overloaded' }, Infinity);
    const err = await provider({ maxRetries: 1 })
      .generateReply(ctx)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'transient', code: 'overloaded', status: 529 });
    expect(fake.requests).toHaveLength(2);
  });

  it('maps a bad key to an auth ProviderError without retrying', async () => {
    const err = await provider({ apiKey: 'sk-ant-wrong' })
      .generateReply(ctx)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', code: 'invalid_api_key', status: 401 });
    expect((err as Error).message).toContain('invalid x-api-key');
    expect(fake.requests).toHaveLength(1);
  });

  it('translates with the glossary as must-use terms, and prefers stored library translations', async () => {
    fake.setHandler((body) => ({ text: String(body.system).includes('보톡스 → ボトックス') ? 'ボトックスの予約をしたいです' : 'wrong' }));
    const glossary = [{ ko: '보톡스', ja: 'ボトックス' }];
    expect(await provider().translate('보톡스 예약하고 싶어요', 'ko', 'ja', glossary)).toEqual({
      text: 'ボトックスの予約をしたいです',
      translated: true,
      method: 'llm',
    });
    const library = [{ ko: { question: '주차 되나요?', answer: '네' }, translations: { ja: { question: '駐車できますか？', answer: 'はい' } } }];
    expect(await provider().translate('주차 되나요', 'ko', 'ja', glossary, { library })).toMatchObject({ text: '駐車できますか？', method: 'library' });
    expect(fake.requests).toHaveLength(1);
  });

  it('detects language locally (no request)', () => {
    expect(provider().detectLanguage('보톡스 얼마예요').language).toBe('ko');
    expect(fake.requests).toHaveLength(0);
  });
});
