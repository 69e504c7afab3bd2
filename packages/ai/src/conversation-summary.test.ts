import { startFakeAnthropic, type FakeAnthropic } from '@hub/testing/fakes/anthropic.fake';
import { startFakeOpenAi, type FakeOpenAi } from '@hub/testing/fakes/openai.fake';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_TOOL_NAME } from './conversation-summary';
import type { ConversationSummary, ConversationSummaryInput } from './provider';
import { AnthropicProvider } from './providers/anthropic.provider';
import { OpenAiProvider } from './providers/openai.provider';

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

const input: ConversationSummaryInput = {
  customerLanguage: 'en',
  messages: [
    { role: 'customer', text: 'How much is Ulthera 300 shots?' },
    { role: 'assistant', text: 'Ulthera 300 shots is 1,190,000 KRW until 2026-12-31.' },
    { role: 'customer', text: 'Can I book for Saturday?' },
  ],
  handoffReason: 'booking_request',
};
const summary: ConversationSummary = { summary: '울쎄라 300샷 가격을 안내받고 토요일 예약을 원합니다. 직원 확인 필요.', intents: ['price', 'booking'] };

const claude = () => new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url, model: 'claude-test', maxRetries: 0, timeoutMs: 5000 });
const gpt = () =>
  new OpenAiProvider({
    apiKey: openai.apiKey,
    baseURL: openai.baseURL,
    model: 'gpt-test',
    embeddingModel: 'text-embedding-3-small',
    maxRetries: 0,
    timeoutMs: 5000,
  });

describe('summarizeConversation: Anthropic (forced tool_use)', () => {
  it('forces the summary tool and returns its input', async () => {
    anthropic.enqueue({ toolUse: [{ name: SUMMARY_TOOL_NAME, input: summary }] });
    await expect(claude().summarizeConversation(input)).resolves.toEqual(summary);
    const body = anthropic.requests[0]!.body;
    expect(body.tool_choice).toEqual({ type: 'tool', name: SUMMARY_TOOL_NAME });
    expect(body.tools[0].input_schema.properties.intents.items.enum).toContain('hours_location');
    expect(body.messages[0].content).toContain('[customer] Can I book for Saturday?');
    expect(body.messages[0].content).toContain('booking_request');
    expect(body.system).toMatch(/Korean/);
  });

  it('rejects free text and an intent outside the vocabulary', async () => {
    anthropic.enqueue({ text: 'The customer wants Ulthera.' }, { toolUse: [{ name: SUMMARY_TOOL_NAME, input: { ...summary, intents: ['gossip'] } }] });
    await expect(claude().summarizeConversation(input)).rejects.toMatchObject({ kind: 'permanent', code: 'bad_summary_output' });
    await expect(claude().summarizeConversation(input)).rejects.toMatchObject({ kind: 'permanent', code: 'bad_summary_output' });
  });

  it('maps an overload to a transient error and honours the abort signal', async () => {
    anthropic.inject({ kind: 'overloaded' });
    await expect(claude().summarizeConversation(input)).rejects.toMatchObject({ kind: 'transient' });
    anthropic.inject({ kind: 'delay', ms: 2000 });
    const started = Date.now();
    await expect(claude().summarizeConversation(input, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'ProviderError' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('summarizeConversation: OpenAI (response_format json_schema)', () => {
  it('asks for strict JSON schema output and parses it, dropping duplicate intents', async () => {
    openai.enqueue({ json: { ...summary, intents: ['price', 'booking', 'price'] } });
    await expect(gpt().summarizeConversation(input)).resolves.toEqual(summary);
    const body = openai.requests[0]!.body;
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: SUMMARY_TOOL_NAME, strict: true } });
    expect(body.response_format.json_schema.schema.additionalProperties).toBe(false);
  });

  it('rejects non-JSON content, a refusal and an empty intent list; a 500 is transient', async () => {
    openai.enqueue({ text: 'price and booking' }, { refusal: 'no' }, { json: { ...summary, intents: [] } });
    await expect(gpt().summarizeConversation(input)).rejects.toMatchObject({ code: 'bad_summary_output' });
    await expect(gpt().summarizeConversation(input)).rejects.toMatchObject({ code: 'summary_refused' });
    await expect(gpt().summarizeConversation(input)).rejects.toMatchObject({ code: 'bad_summary_output' });
    openai.inject({ kind: 'server_error' });
    await expect(gpt().summarizeConversation(input)).rejects.toMatchObject({ kind: 'transient' });
  });
});
