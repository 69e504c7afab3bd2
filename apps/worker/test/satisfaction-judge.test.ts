// The worker's per-clinic judge: the clinic's ai_provider picks the remote judge (fake APIs here), a
// local clinic has none, and the use-case's judgeOrLocal turns the verdict into the score.
import { JUDGE_TOOL_NAME, AiConfigSchema } from '@hub/ai';
import type { Db } from '@hub/db';
import { judgeOrLocal, scoreTurn, type ScorerMessage } from '@hub/satisfaction';
import { startFakeAnthropic, type FakeAnthropic } from '@hub/testing/fakes/anthropic.fake';
import { startFakeOpenAi, type FakeOpenAi } from '@hub/testing/fakes/openai.fake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicSatisfactionJudge } from '../src/satisfaction-judge';

let anthropic: FakeAnthropic;
let openai: FakeOpenAi;
beforeAll(async () => {
  [anthropic, openai] = await Promise.all([startFakeAnthropic(), startFakeOpenAi()]);
});
afterAll(() => Promise.all([anthropic.close(), openai.close()]));

const settings: Record<string, object> = { a: { ai_provider: 'anthropic' }, o: { ai_provider: 'openai' }, l: { ai_provider: 'local' } };
const lookups: string[] = [];
const db = {
  clinic: {
    findUnique: async ({ where }: { where: { id: string } }) => {
      lookups.push(where.id);
      return { settings: settings[where.id] ?? {} };
    },
  },
} as unknown as Db;
const config = () =>
  AiConfigSchema.parse({
    AI_PROVIDER: 'local',
    ANTHROPIC_API_KEY: anthropic.apiKey,
    ANTHROPIC_BASE_URL: anthropic.url,
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseURL,
  });

const messages: ScorerMessage[] = [
  { id: 'm1', sender: 'customer', text: 'Do you open on Sunday?', language: 'en', at: new Date('2026-03-02T01:00:00Z'), answeredById: null },
];
const local = scoreTurn({ messages, currentMessageId: 'm1', now: messages[0]!.at });
const request = (clinicId: string) => ({ clinicId, conversationId: 'v', messages, currentMessageId: 'm1', now: messages[0]!.at, waitingForHuman: false });
const verdict = { score: 55, level: 'yellow', signals: [], summary: 'Asks about Sunday.', summaryForStaff: '일요일 영업을 묻습니다.' };

describe('clinicSatisfactionJudge', () => {
  it("asks the clinic's own remote provider and caches the clinic's providers", async () => {
    const judge = clinicSatisfactionJudge(db, config());
    anthropic.enqueue({ toolUse: [{ name: JUDGE_TOOL_NAME, input: verdict }] }, { toolUse: [{ name: JUDGE_TOOL_NAME, input: { ...verdict, score: 60 } }] });
    openai.enqueue({ json: { ...verdict, score: 40, level: 'orange' } });
    expect(await judgeOrLocal(judge, request('a'), local, { timeoutMs: 3000 })).toMatchObject({ score: 55, level: 'yellow' });
    expect(await judgeOrLocal(judge, request('a'), local, { timeoutMs: 3000 })).toMatchObject({ score: 60 });
    expect(await judgeOrLocal(judge, request('o'), local, { timeoutMs: 3000 })).toMatchObject({ score: 40, level: 'orange' });
    expect(anthropic.requests).toHaveLength(2);
    expect(openai.requests).toHaveLength(1);
    expect(lookups.filter((id) => id === 'a')).toHaveLength(1);
  });

  it('a clinic on the local provider keeps the local score and calls no API', async () => {
    const before = anthropic.requests.length + openai.requests.length;
    expect(await judgeOrLocal(clinicSatisfactionJudge(db, config()), request('l'), local, { timeoutMs: 3000 })).toBe(local);
    expect(anthropic.requests.length + openai.requests.length).toBe(before);
  });
});
