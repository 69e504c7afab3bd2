// The judge path end to end on the real SDKs: providerJudge → AnthropicProvider / OpenAiProvider → the
// fake APIs (tool_use blocks, json_schema content), then judgeOrLocal's combination, timeout and fallback.
import { AnthropicProvider, OpenAiProvider, JUDGE_TOOL_NAME } from '@hub/ai';
import { startFakeAnthropic, type FakeAnthropic } from '@hub/testing/fakes/anthropic.fake';
import { startFakeOpenAi, type FakeOpenAi } from '@hub/testing/fakes/openai.fake';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { combineWithJudge, judgeOrLocal, providerJudge, type JudgeVerdict, type SatisfactionJudgeRequest } from './satisfaction.judge';
import { scoreTurn, type ScorerMessage } from './satisfaction.scorer';

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

const T0 = Date.parse('2026-03-02T01:00:00Z');
const msg = (id: string, sender: ScorerMessage['sender'], text: string, min: number, answeredById: string | null = null): ScorerMessage => ({
  id,
  sender,
  text,
  language: 'en',
  at: new Date(T0 + min * 60_000),
  answeredById,
});

/** A plain question: the local scorer says green and sets no floor. */
const plain = [msg('a', 'customer', 'what time do you open on saturday', 0)];
/** A lawyer threat: the local rules hold it at red. */
const threat = [
  msg('a', 'customer', 'my jaw still has burn marks', 0, 'b'),
  msg('b', 'staff', 'We are so sorry.', 5),
  msg('c', 'customer', 'My attorney will contact you this week, thank you.', 9),
];

const request = (messages: ScorerMessage[]): SatisfactionJudgeRequest => ({
  clinicId: 'c1',
  conversationId: 'v1',
  messages,
  currentMessageId: messages[messages.length - 1]!.id,
  now: messages[messages.length - 1]!.at,
  waitingForHuman: false,
});
const local = (messages: ScorerMessage[]) =>
  scoreTurn({ messages, currentMessageId: messages[messages.length - 1]!.id, now: messages[messages.length - 1]!.at });

const verdict = (score: number, level: JudgeVerdict['level']): JudgeVerdict => ({
  score,
  level,
  signals: [{ kind: 'hesitation', evidence: 'what time do you open', evidenceForStaff: '몇 시에 여나요' }],
  summary: 'The customer asks about opening hours.',
  summaryForStaff: '고객이 영업시간을 묻고 있습니다.',
});

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

describe('judgeOrLocal with the remote providers (fake APIs)', () => {
  it('Anthropic: the tool_use verdict becomes the score, with its reasons as signals', async () => {
    anthropic.enqueue({ toolUse: [{ name: JUDGE_TOOL_NAME, input: { ...verdict(58, 'yellow') } }] });
    const r = await judgeOrLocal(
      providerJudge(async () => claude()),
      request(plain),
      local(plain),
      { timeoutMs: 3000 },
    );
    expect(r).toMatchObject({ score: 58, level: 'yellow' });
    expect(r.flowSignals.find((s) => s.name === 'llmJudgement')).toMatchObject({
      value: 58,
      evidence: ['고객이 영업시간을 묻고 있습니다.', 'The customer asks about opening hours.'],
    });
    expect(r.flowSignals.find((s) => s.name === 'llm:hesitation')?.evidence).toEqual(['what time do you open', '몇 시에 여나요']);
    // The transcript reached the model, with the customer's language named.
    expect(anthropic.requests[0]!.body.messages[0].content).toContain('what time do you open on saturday');
    expect(anthropic.requests[0]!.body.system).toContain('English');
  });

  it('OpenAI: the json_schema verdict becomes the score', async () => {
    openai.enqueue({ json: verdict(35, 'orange') });
    const r = await judgeOrLocal(
      providerJudge(async () => gpt()),
      request(plain),
      local(plain),
      { timeoutMs: 3000 },
    );
    expect(r).toMatchObject({ score: 35, level: 'orange' });
    expect(openai.requests[0]!.body.response_format.type).toBe('json_schema');
  });

  it('the local rule floor holds: a threat stays red when the judge says green', async () => {
    anthropic.enqueue({ toolUse: [{ name: JUDGE_TOOL_NAME, input: { ...verdict(90, 'green') } }] });
    openai.enqueue({ json: verdict(90, 'green') });
    for (const judge of [providerJudge(async () => claude()), providerJudge(async () => gpt())]) {
      const base = local(threat);
      expect(base.level).toBe('red');
      const r = await judgeOrLocal(judge, request(threat), base, { timeoutMs: 3000 });
      expect(r.level).toBe('red');
      expect(r.flowSignals.find((s) => s.name === 'llmJudgement')).toMatchObject({ value: 90, floor: 'red' });
    }
  });

  it('falls back to the local score on a provider error, a malformed verdict and a timeout', async () => {
    const failures: unknown[] = [];
    const base = local(plain);
    const onFailure = (e: unknown) => void failures.push(e);

    anthropic.inject({ kind: 'overloaded' });
    expect(
      await judgeOrLocal(
        providerJudge(async () => claude()),
        request(plain),
        base,
        { timeoutMs: 3000, onFailure },
      ),
    ).toBe(base);

    openai.enqueue({ json: { score: 'high' } });
    expect(
      await judgeOrLocal(
        providerJudge(async () => gpt()),
        request(plain),
        base,
        { timeoutMs: 3000, onFailure },
      ),
    ).toBe(base);

    openai.inject({ kind: 'delay', ms: 3000 });
    const started = Date.now();
    expect(
      await judgeOrLocal(
        providerJudge(async () => gpt()),
        request(plain),
        base,
        { timeoutMs: 200, onFailure },
      ),
    ).toBe(base);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(failures).toHaveLength(3);
  });

  it('a clinic on the local provider has no judge: the local score, no request', async () => {
    const base = local(plain);
    expect(
      await judgeOrLocal(
        providerJudge(async () => null),
        request(plain),
        base,
        { timeoutMs: 3000 },
      ),
    ).toBe(base);
    expect(anthropic.requests).toHaveLength(0);
    expect(openai.requests).toHaveLength(0);
  });
});

describe('combineWithJudge', () => {
  it('lets the judge lower or raise a score without floors, and clamps it', () => {
    const base = local(plain);
    expect(combineWithJudge(base, verdict(20, 'red')).level).toBe('red');
    expect(combineWithJudge(base, verdict(140, 'green')).score).toBe(100);
  });
});
