import { fakeEmbedding, startFakeOpenAi, type FakeOpenAi } from '@hub/testing/fakes/openai.fake';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError, type ReplyContext } from '../provider';
import { OpenAiProvider } from './openai.provider';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.requests.length = 0;
});

const provider = (over: Partial<ConstructorParameters<typeof OpenAiProvider>[0]> = {}) =>
  new OpenAiProvider({
    apiKey: fake.apiKey,
    baseURL: fake.baseURL,
    model: 'gpt-test',
    embeddingModel: 'text-embedding-3-small',
    maxRetries: 2,
    timeoutMs: 5000,
    ...over,
  });

const ctx: ReplyContext = {
  clinicName: 'Seoul Glow Clinic',
  customerLanguage: 'en',
  systemPrompt: 'You are the friendly consultant of Seoul Glow Clinic.',
  history: [],
  turnText: 'How much is botox?',
  knowledge: [{ sourceType: 'procedure', sourceId: 'p1', content: 'Botox forehead KRW 50,000', metadata: {}, score: 0.6 }],
  tools: ['quote_price', 'propose_booking'],
};

describe('OpenAiProvider (real SDK against the fake OpenAI API)', () => {
  it('returns a text reply and sends function tools with Bearer auth', async () => {
    fake.enqueue({ text: 'Botox on the forehead is KRW 50,000.' });
    const reply = await provider().generateReply(ctx);
    expect(reply).toMatchObject({ text: 'Botox on the forehead is KRW 50,000.', model: 'gpt-test', confidence: 0.6 });
    expect(reply.usage.inputTokens).toBeGreaterThan(0);
    const [req] = fake.requests;
    expect(req!.path).toBe('/v1/chat/completions');
    expect(req!.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(req!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['request_human', 'quote_price', 'propose_booking']);
    expect(req!.body.messages[0].role).toBe('system');
    expect(req!.body.messages[0].content).toContain('Botox forehead KRW 50,000');
  });

  it('turns tool_calls into a handoff decision and actions', async () => {
    fake.enqueue({
      text: null,
      toolCalls: [
        { name: 'request_human', arguments: { reason: 'medical_emergency' } },
        { name: 'propose_booking', arguments: { procedure_slug: 'botox', date: '2025-03-15' } },
        { name: 'quote_price', arguments: '{not json' }, // malformed: dropped
      ],
    });
    const reply = await provider().generateReply({ ...ctx, turnText: 'I cannot breathe after the filler' });
    expect(reply.text).toBe('');
    expect(reply.handoff).toEqual({ reason: 'medical_emergency' });
    expect(reply.actions).toEqual([{ name: 'propose_booking', input: { procedure_slug: 'botox', date: '2025-03-15' } }]);
  });

  it('retries after 429 with retry-after, and after 500', async () => {
    fake.inject({ kind: 'rate_limit', retryAfterSeconds: 1 });
    fake.inject({ kind: 'server_error' });
    fake.enqueue({ text: 'ok' });
    const reply = await provider().generateReply(ctx);
    expect(reply.text).toBe('ok');
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('maps a timeout to a transient ProviderError', async () => {
    fake.inject({ kind: 'delay', ms: 3000 });
    const err = await provider({ timeoutMs: 200, maxRetries: 0 })
      .generateReply(ctx)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'transient', code: 'timeout', provider: 'openai' });
  });

  it('maps a bad key to an auth ProviderError without retrying', async () => {
    const err = await provider({ apiKey: 'sk-wrong-key-1234' })
      .generateReply(ctx)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', code: 'invalid_api_key', status: 401 });
    expect(fake.requests).toHaveLength(1);
  });

  it('embeds to 1536 dimensions, decoding the base64 the SDK asks for by default', async () => {
    const texts = ['ボトックスはいくらですか', '보톡스 가격', 'parking'];
    const vectors = await provider().asEmbedder().embed(texts);
    expect(vectors).toHaveLength(3);
    for (const [i, v] of vectors.entries()) {
      expect(v).toHaveLength(1536);
      expect(Array.isArray(v)).toBe(true);
      expect(v[0]).toBeCloseTo(fakeEmbedding(texts[i]!, 1536)[0]!, 6);
    }
    const [req] = fake.requests;
    expect(req!.path).toBe('/v1/embeddings');
    expect(req!.body).toMatchObject({ model: 'text-embedding-3-small', dimensions: 1536, encoding_format: 'base64' });
  });

  it('serves float embeddings when asked for encoding_format "float"', async () => {
    const res = await fetch(`${fake.baseURL}/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'text-embedding-3-small', input: ['x', 'y'], encoding_format: 'float' }),
    });
    const body = (await res.json()) as { data: { index: number; embedding: number[] }[] };
    expect(body.data.map((d) => d.index)).toEqual([0, 1]);
    expect(body.data[0]!.embedding).toHaveLength(1536);
    expect(typeof body.data[0]!.embedding[0]).toBe('number');
  });

  it('rejects embeddings of another size as a permanent error', async () => {
    const other = await startFakeOpenAi({ embeddingDimensions: 768 });
    try {
      const err = await provider({ baseURL: other.baseURL, apiKey: other.apiKey })
        .embed(['x'])
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'permanent', code: 'bad_embedding_dimensions' });
    } finally {
      await other.close();
    }
  });

  it('translates through chat completions with the glossary terms', async () => {
    fake.setHandler((body) => ({ text: body.messages[0].content.includes('보톡스 → Botox') ? 'I want Botox.' : 'wrong' }));
    const r = await provider().translate('보톡스 받고 싶어요', 'ko', 'en', [{ ko: '보톡스', en: 'Botox' }]);
    expect(r).toEqual({ text: 'I want Botox.', translated: true, method: 'llm' });
  });
});
