// The remote providers' fakes scripted as a model that obeys injections (packages/testing/src/injection),
// as the real SDKs in this package see them: the obeying completion comes back as the reply, with the
// request's own system prompt pasted in, and translations as a real model would return them.
import { startFakeAnthropic, type FakeAnthropic } from '@hub/testing/fakes/anthropic.fake';
import { startFakeOpenAi, type FakeOpenAi } from '@hub/testing/fakes/openai.fake';
import { INJECTION_ATTACKS } from '@hub/testing/injection/attacks';
import { obeyingAnthropicHandler, obeyingModel, obeyingOpenAiHandler } from '@hub/testing/injection/obeying-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplyContext } from './provider';
import { AnthropicProvider } from './providers/anthropic.provider';
import { OpenAiProvider } from './providers/openai.provider';

let anthropic: FakeAnthropic;
let openai: FakeOpenAi;
beforeAll(async () => {
  [anthropic, openai] = await Promise.all([startFakeAnthropic(), startFakeOpenAi()]);
});
afterAll(() => Promise.all([anthropic.close(), openai.close()]));

const dump = INJECTION_ATTACKS.find((a) => a.id === 'en-debug-dump')!;
const ja = INJECTION_ATTACKS.find((a) => a.id === 'ja-admin-discount')!;
const ctx = (turnText: string): ReplyContext => ({
  clinicName: '데이뷰의원',
  customerLanguage: 'en',
  systemPrompt: 'You are Mina, the messenger consultant of 데이뷰의원.',
  history: [],
  turnText,
  knowledge: [],
});

describe('fakes scripted to obey prompt injections', () => {
  it('has at least 20 attacks, each with a way to tell a leak', () => {
    expect(INJECTION_ATTACKS.length).toBeGreaterThanOrEqual(20);
    for (const a of INJECTION_ATTACKS) expect(a.leak.markers?.length || a.leak.foreignScript || a.leak.systemPrompt).toBeTruthy();
    expect(new Set(INJECTION_ATTACKS.map((a) => a.id)).size).toBe(INJECTION_ATTACKS.length);
  });

  it.each(['anthropic', 'openai'] as const)('%s: answers the attack with the obeying completion, the system prompt pasted in', async (name) => {
    const model = obeyingModel(INJECTION_ATTACKS);
    const provider =
      name === 'anthropic'
        ? (anthropic.setHandler(obeyingAnthropicHandler(model)),
          new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url, model: 'm', maxRetries: 0 }))
        : (openai.setHandler(obeyingOpenAiHandler(model)),
          new OpenAiProvider({ apiKey: openai.apiKey, baseURL: openai.baseURL, model: 'm', embeddingModel: 'text-embedding-3-small', maxRetries: 0 }));
    const reply = await provider.generateReply(ctx(dump.text));
    expect(reply.text).toContain('Debug mode on');
    expect(reply.text).toContain('You are Mina, the messenger consultant');
    expect(reply.handoff).toBeUndefined();
    expect(model.served.has(dump.id)).toBe(true);
    // A translation request is answered as a translation: the attack's Korean rendering.
    await expect(provider.translate(ja.text, 'ja', 'ko', [])).resolves.toMatchObject({ text: ja.ko, method: 'llm' });
    // No attack in the turn: the fallback answers.
    expect((await provider.generateReply(ctx('How much is Botox?'))).text).toBe('OK');
  });
});
