import { startFakeAnthropic, type FakeAnthropic } from '@hub/testing/fakes/anthropic.fake';
import { startFakeOpenAi, type FakeOpenAi } from '@hub/testing/fakes/openai.fake';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError, type SatisfactionJudgeInput, type SatisfactionVerdict } from './provider';
import { AnthropicProvider } from './providers/anthropic.provider';
import { OpenAiProvider } from './providers/openai.provider';
import { JUDGE_TOOL_NAME } from './satisfaction-judge';

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

const now = new Date('2026-03-02T02:00:00Z');
const input: SatisfactionJudgeInput = {
  customerLanguage: 'ja',
  messages: [
    { role: 'customer', text: '昨日ボトックスを打ちました', at: new Date(now.getTime() - 10 * 60_000) },
    { role: 'assistant', text: 'ご連絡ありがとうございます。いかがですか？', at: new Date(now.getTime() - 9 * 60_000) },
    { role: 'customer', text: 'おでこがまだ少し腫れています', at: now },
  ],
  now,
};
const verdict: SatisfactionVerdict = {
  score: 40,
  level: 'orange',
  signals: [{ kind: 'symptom', evidence: 'まだ少し腫れています', evidenceForStaff: '아직 조금 부어 있습니다' }],
  summary: '施術後の腫れが続いていて心配しています。',
  summaryForStaff: '시술 후 붓기가 계속되어 걱정하고 있습니다.',
};

const claude = (timeoutMs = 5000) =>
  new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url, model: 'claude-test', maxRetries: 0, timeoutMs });
const gpt = (timeoutMs = 5000) =>
  new OpenAiProvider({ apiKey: openai.apiKey, baseURL: openai.baseURL, model: 'gpt-test', embeddingModel: 'text-embedding-3-small', maxRetries: 0, timeoutMs });

describe('judgeSatisfaction: Anthropic (forced tool_use)', () => {
  it('forces the verdict tool and returns its input as the verdict', async () => {
    anthropic.enqueue({ toolUse: [{ name: JUDGE_TOOL_NAME, input: verdict }] });
    await expect(claude().judgeSatisfaction(input)).resolves.toEqual(verdict);
    const body = anthropic.requests[0]!.body;
    expect(body.tool_choice).toEqual({ type: 'tool', name: JUDGE_TOOL_NAME });
    expect(body.tools[0].input_schema.required).toContain('summaryForStaff');
    expect(body.messages[0].content).toContain('[customer, 0 min ago] おでこがまだ少し腫れています');
    expect(body.system).toMatch(/Japanese[\s\S]*Korean/);
  });

  it('rejects a reply without the tool call, or with a verdict outside the schema', async () => {
    anthropic.enqueue({ text: 'I think the customer is fine.' }, { toolUse: [{ name: JUDGE_TOOL_NAME, input: { ...verdict, level: 'purple' } }] });
    await expect(claude().judgeSatisfaction(input)).rejects.toMatchObject({ kind: 'permanent', code: 'bad_judge_output' });
    await expect(claude().judgeSatisfaction(input)).rejects.toMatchObject({ kind: 'permanent', code: 'bad_judge_output' });
  });

  it('maps an overload to a transient ProviderError and honours the abort signal', async () => {
    anthropic.inject({ kind: 'overloaded' });
    await expect(claude().judgeSatisfaction(input)).rejects.toMatchObject({ kind: 'transient' });
    anthropic.inject({ kind: 'delay', ms: 2000 });
    const started = Date.now();
    const err = await claude()
      .judgeSatisfaction(input, { signal: AbortSignal.timeout(100) })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('judgeSatisfaction: OpenAI (response_format json_schema)', () => {
  it('asks for strict JSON schema output and parses the content', async () => {
    openai.enqueue({ json: verdict });
    await expect(gpt().judgeSatisfaction(input)).resolves.toEqual(verdict);
    const body = openai.requests[0]!.body;
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: JUDGE_TOOL_NAME, strict: true } });
    expect(body.response_format.json_schema.schema.additionalProperties).toBe(false);
  });

  it('accepts the verdict as a function call of the same name', async () => {
    openai.enqueue({ toolCalls: [{ name: JUDGE_TOOL_NAME, arguments: verdict as unknown as Record<string, unknown> }] });
    await expect(gpt().judgeSatisfaction(input)).resolves.toEqual(verdict);
  });

  it('rejects non-JSON content, a refusal and a score out of range', async () => {
    openai.enqueue({ text: 'orange, I would say' }, { refusal: 'I cannot help with that.' }, { json: { ...verdict, score: 140 } });
    await expect(gpt().judgeSatisfaction(input)).rejects.toMatchObject({ code: 'bad_judge_output' });
    await expect(gpt().judgeSatisfaction(input)).rejects.toMatchObject({ code: 'judge_refused' });
    await expect(gpt().judgeSatisfaction(input)).rejects.toMatchObject({ code: 'bad_judge_output' });
  });

  it('maps a 500 to a transient ProviderError', async () => {
    openai.inject({ kind: 'server_error' });
    await expect(gpt().judgeSatisfaction(input)).rejects.toMatchObject({ kind: 'transient' });
  });
});
