import { ConfigError } from '@hub/config';
import { startFakeAnthropic, type FakeAnthropic } from '@hub/testing/fakes/anthropic.fake';
import { startFakeOpenAi, type FakeOpenAi } from '@hub/testing/fakes/openai.fake';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AiConfigSchema, createAiProviders } from './factory';
import type { ReplyContext } from './provider';

let anthropic: FakeAnthropic;
let openai: FakeOpenAi;
beforeAll(async () => {
  [anthropic, openai] = await Promise.all([startFakeAnthropic(), startFakeOpenAi()]);
});
afterAll(() => Promise.all([anthropic.close(), openai.close()]));
beforeEach(() => {
  for (const f of [anthropic, openai]) {
    f.clearFaults();
    f.requests.length = 0;
  }
});

const env = (over: Record<string, string>) =>
  AiConfigSchema.parse({
    ANTHROPIC_BASE_URL: anthropic.url,
    OPENAI_BASE_URL: openai.baseURL,
    ...over,
  });

const ctx: ReplyContext = {
  clinicName: 'Seoul Glow Clinic',
  customerLanguage: 'ja',
  systemPrompt: 'persona',
  history: [],
  turnText: 'ボトックスはいくらですか',
  knowledge: [
    {
      sourceType: 'procedure',
      sourceId: 'p1',
      content: 'ボトックス 50,000ウォン',
      metadata: { slug: 'botox', name: { ja: 'ボトックス' }, priceKrw: 50000 },
      score: 0.7,
    },
  ],
};

describe('createAiProviders', () => {
  it('defaults to the local providers with no key and no network', async () => {
    const p = createAiProviders(AiConfigSchema.parse({}));
    expect(p.provider).toBe('local');
    expect(p.embedder).toMatchObject({ name: 'local', dimensions: 1536 });
    expect(p.detector.detectLanguage('多少钱').language).toBe('zh');
    const reply = await p.generator.generateReply(ctx);
    expect(reply.text).toBe('ボトックスの料金は50,000ウォンです。');
  });

  it('names the missing key for a chosen remote provider', () => {
    expect(() => createAiProviders(AiConfigSchema.parse({ AI_PROVIDER: 'anthropic' }))).toThrow(ConfigError);
    expect(() => createAiProviders(AiConfigSchema.parse({ AI_PROVIDER: 'anthropic' }))).toThrow(/ANTHROPIC_API_KEY/);
    expect(() => createAiProviders(AiConfigSchema.parse({}), { ai_provider: 'openai' })).toThrow(
      /OPENAI_API_KEY is missing: AI provider "openai" \(chosen by the clinic setting ai_provider\)/,
    );
  });

  it('lets the clinic setting override AI_PROVIDER and pairs anthropic with local embeddings', async () => {
    const config = env({ AI_PROVIDER: 'openai', OPENAI_API_KEY: openai.apiKey, ANTHROPIC_API_KEY: anthropic.apiKey });
    const p = createAiProviders(config, { ai_provider: 'anthropic' });
    expect(p.provider).toBe('anthropic');
    expect(p.embedder.name).toBe('local');
    anthropic.enqueue({ text: 'はい、50,000ウォンです。' });
    expect((await p.generator.generateReply(ctx)).text).toBe('はい、50,000ウォンです。');
    expect(anthropic.requests).toHaveLength(1);

    const o = createAiProviders(config);
    expect(o.embedder).toMatchObject({ name: 'openai', model: 'text-embedding-3-small', dimensions: 1536 });
    const [v] = await o.embedder.embed(['hello']);
    expect(v).toHaveLength(1536);
  });

  it('fails over to the local generator when the remote provider is down (transient after retries)', async () => {
    anthropic.inject({ kind: 'server_error' }, Infinity);
    const onFailover = vi.fn();
    const p = createAiProviders(env({ AI_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: anthropic.apiKey }), null, {
      maxRetries: 1,
      onFailover,
    });
    const reply = await p.generator.generateReply(ctx);
    expect(anthropic.requests).toHaveLength(2); // the first try and the SDK's one retry
    expect(reply.text).toBe('ボトックスの料金は50,000ウォンです。');
    expect(reply.model).toBe('local-rules-v1');
    expect(reply.metadata).toMatchObject({ provider: 'local', failover: true, failoverFrom: 'anthropic', failoverError: 'server_error' });
    expect(onFailover).toHaveBeenCalledWith(expect.objectContaining({ provider: 'anthropic', operation: 'reply' }));
  });

  it('fails over on timeouts too, and translation falls back to the local translator', async () => {
    openai.inject({ kind: 'delay', ms: 2000 }, Infinity);
    const p = createAiProviders(env({ AI_PROVIDER: 'openai', OPENAI_API_KEY: openai.apiKey }), null, {
      maxRetries: 0,
      timeoutMs: 150,
    });
    const reply = await p.generator.generateReply(ctx);
    expect(reply.metadata).toMatchObject({ failover: true, failoverFrom: 'openai', failoverError: 'timeout' });
    const t = await p.translator.translate('보톡스 예약할게요', 'ko', 'ja', [{ ko: '보톡스', ja: 'ボトックス' }]);
    expect(t).toMatchObject({ text: 'ボトックス 예약할게요', translated: false, method: 'glossary' });
  });

  it('does not hide a bad key behind local answers', async () => {
    const p = createAiProviders(env({ AI_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'sk-ant-revoked' }));
    await expect(p.generator.generateReply(ctx)).rejects.toMatchObject({ kind: 'auth', code: 'invalid_api_key' });
  });
});
