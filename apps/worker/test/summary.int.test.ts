// Conversation summary and intents, kept current by the summary queue off the hot path: by the local
// rules, by the Anthropic and OpenAI fakes (structured output), and by the rules again when the remote
// model fails, while the conversation's own pipeline (the AI reply) goes on unaffected.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Keyring, createDb, generateKeySpec } from '@hub/db';
import { SUMMARY_TOOL_NAME } from '@hub/ai';
import { startFakeAnthropic, type FakeAnthropic } from '@hub/testing/fakes/anthropic.fake';
import { startFakeOpenAi, type FakeOpenAi } from '@hub/testing/fakes/openai.fake';
import { handleInboundEvent } from '../src/pipeline/inbound.usecase';
import { summarizeConversation } from '../src/pipeline/summary.usecase';
import { createPipelineClinic, QUESTIONS_JA } from '../../../test/pipeline/clinic.fixture';
import {
  connectAccount,
  dropPrefix,
  startFakes,
  startWorkerInProcess,
  userIdFor,
  waitUntil,
  workerEnv,
  type Account,
  type Fakes,
  type RunningWorker,
} from '../../../test/pipeline/harness';

const db = createDb(process.env.DATABASE_URL!, { max: 4 });
const keys = generateKeySpec();
const keyring = new Keyring(keys);
const prefix = `t-summary-${randomUUID().slice(0, 8)}`;
const redis = new Redis(process.env.REDIS_URL!);

let fakes: Fakes;
let anthropic: FakeAnthropic;
let openai: FakeOpenAi;
let worker: RunningWorker;
type ClinicAccount = Account & { clinicId: string };
const accounts = {} as Record<'local' | 'anthropic' | 'openai', ClinicAccount>;
let failSummaries = false;

const remoteSummary = { summary: '고객이 이마 보톡스 가격과 토요일 예약을 문의했습니다. 예약 확인이 필요합니다.', intents: ['price', 'booking'] };

beforeAll(async () => {
  [fakes, anthropic, openai] = await Promise.all([startFakes(), startFakeAnthropic(), startFakeOpenAi()]);
  // The remote fakes answer replies and translations in plain text and the summary through its structured output.
  anthropic.setHandler((body) => {
    if (body.tool_choice?.name === SUMMARY_TOOL_NAME) {
      if (failSummaries) throw new Error('summary model down');
      return { toolUse: [{ name: SUMMARY_TOOL_NAME, input: remoteSummary }] };
    }
    return { text: 'ご質問ありがとうございます。スタッフが確認いたします。' };
  });
  openai.setHandler((body) => {
    if (body.response_format?.json_schema?.name === SUMMARY_TOOL_NAME) return { json: { ...remoteSummary, intents: ['price', 'booking', 'price'] } };
    return { text: 'ご質問ありがとうございます。スタッフが確認いたします。' };
  });
  for (const provider of ['local', 'anthropic', 'openai'] as const) {
    const clinic = await createPipelineClinic(db, `要約 ${provider}`);
    const row = await db.clinic.findUniqueOrThrow({ where: { id: clinic.clinicId } });
    await db.clinic.update({
      where: { id: clinic.clinicId },
      data: { settings: { ...(row.settings as object), ai_provider: provider, ai_embedding_provider: 'local' } },
    });
    accounts[provider] = { ...(await connectAccount(db, keyring, fakes, clinic.clinicId, 'line', clinic.tag)), clinicId: clinic.clinicId };
  }
  worker = await startWorkerInProcess({
    db,
    keyring,
    env: {
      ...workerEnv({ prefix, keys, fakes, turnDebounceMs: 50, logLevel: 'silent' }),
      SUMMARY_DEBOUNCE_MS: '300',
      SUMMARY_TIMEOUT_MS: '3000',
      ANTHROPIC_API_KEY: anthropic.apiKey,
      ANTHROPIC_BASE_URL: anthropic.url,
      ANTHROPIC_MODEL: 'claude-summary-test',
      OPENAI_API_KEY: openai.apiKey,
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_MODEL: 'gpt-summary-test',
    },
  });
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await Promise.all([fakes?.close(), anthropic?.close(), openai?.close()]);
  await dropPrefix(redis, prefix);
  redis.disconnect();
  await db.$disconnect();
});

let n = 0;
async function send(account: ClinicAccount, userId: string, text: string) {
  n += 1;
  const out = await handleInboundEvent(worker.deps, {
    clinicId: account.clinicId,
    accountId: account.id,
    requestId: `sum${n}`,
    receivedAt: new Date().toISOString(),
    event: {
      platform: 'line',
      kind: 'text',
      externalUserId: userId,
      externalMessageId: `sum-${Date.now()}-${n}`,
      text,
      sentAt: new Date().toISOString(),
      raw: {},
    },
  });
  expect(out.status).toBe('stored');
  return out;
}

async function conversationOf(account: ClinicAccount, userId: string) {
  const customer = await waitUntil('the customer', () => db.customer.findFirst({ where: { clinicId: account.clinicId, messengerUserId: userId } }));
  return waitUntil('the conversation', () => db.conversation.findFirst({ where: { clinicId: account.clinicId, customerId: customer.id } }));
}

const summarised = (id: string, source: string) =>
  waitUntil(`a ${source} summary`, () => db.conversation.findFirst({ where: { id, summarySource: source, summary: { not: null } } }), 20_000);

describe('conversation summary and intents (summary queue)', () => {
  it('local provider: the rules write a Korean summary and the intents of a burst of messages', async () => {
    const user = userIdFor('line');
    await send(accounts.local, user, QUESTIONS_JA.price);
    await send(accounts.local, user, '来週の土曜日に予約したいです');
    const conv = await conversationOf(accounts.local, user);
    const done = await summarised(conv.id, 'rules');
    expect(done.detectedIntents).toEqual(expect.arrayContaining(['price', 'booking']));
    expect(done.summary).toContain('일본어 고객 문의');
    expect(done.summaryModel).toBe('rules');
    expect(done.summaryError).toBeNull();
    expect(done.summaryUpdatedAt).not.toBeNull();
    // A run brings it up to the latest message (the AI reply may have come after); the next finds nothing newer.
    const direct = { db, logger: worker.deps.logger, summarizerFor: async () => null, timeoutMs: 1000 };
    const job = { clinicId: accounts.local.clinicId, conversationId: conv.id };
    await summarizeConversation(direct, job);
    await expect(summarizeConversation(direct, job)).resolves.toEqual({ status: 'unchanged' });
    const last = await db.message.findFirst({ where: { conversationId: conv.id }, orderBy: { seq: 'desc' }, select: { seq: true } });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conv.id } })).summaryMessageSeq).toBe(last!.seq);
  });

  it('Anthropic: the summary tool is forced and its output stored with where it came from', async () => {
    const user = userIdFor('line');
    await send(accounts.anthropic, user, QUESTIONS_JA.price);
    const conv = await conversationOf(accounts.anthropic, user);
    const done = await summarised(conv.id, 'anthropic');
    expect(done.summary).toBe(remoteSummary.summary);
    expect(done.detectedIntents).toEqual(['price', 'booking']);
    expect(done.summaryModel).toBe('claude-summary-test');
    const req = anthropic.requests.find((r) => r.body.tool_choice?.name === SUMMARY_TOOL_NAME);
    expect(req!.body.messages[0].content).toContain(`[customer] ${QUESTIONS_JA.price}`);
  });

  it('OpenAI: json_schema structured output, duplicate intents dropped', async () => {
    const user = userIdFor('line');
    await send(accounts.openai, user, QUESTIONS_JA.parking);
    const conv = await conversationOf(accounts.openai, user);
    const done = await summarised(conv.id, 'openai');
    expect(done.detectedIntents).toEqual(['price', 'booking']);
    expect(done.summaryModel).toBe('gpt-summary-test');
    expect(openai.requests.some((r) => r.body.response_format?.json_schema?.strict === true)).toBe(true);
  });

  it('a failing remote model: the rules write the summary, the error is recorded, the reply is sent as usual', async () => {
    failSummaries = true;
    try {
      const user = userIdFor('line');
      await send(accounts.anthropic, user, 'ボトックスの後、メイクはいつからできますか？');
      const conv = await conversationOf(accounts.anthropic, user);
      const done = await summarised(conv.id, 'rules');
      expect(done.summaryError).toBeTruthy();
      expect(done.detectedIntents).toContain('aftercare');
      // The conversation's pipeline is unaffected: the AI answered and the answer was delivered.
      const reply = await waitUntil('the AI reply delivered', () =>
        db.message.findFirst({ where: { conversationId: conv.id, senderType: 'ai', deliveryStatus: 'sent' } }),
      );
      expect(reply.content.length).toBeGreaterThan(0);
      expect(await db.deadLetter.count({ where: { queue: 'summary' } })).toBe(0);
    } finally {
      failSummaries = false;
    }
  });
});
