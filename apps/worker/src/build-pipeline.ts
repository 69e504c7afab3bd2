import path from 'node:path';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkerConfig } from '@hub/config';
import type { Db, Keyring, Sql } from '@hub/db';
import { createAiProviders } from '@hub/ai';
import { createConsultant, createInboundTranslator, indexSource } from '@hub/knowledge';
import { KnowledgeJobSchema, QUEUES, SatisfactionJobSchema, SummaryJobSchema, type LiveEventPublisher, type Producers } from '@hub/queue';
import { scoreMessage } from '@hub/satisfaction';
import type { Logger } from '@hub/observability';
import type { PipelineDeps } from './pipeline/deps';
import { clinicSatisfactionJudge } from './satisfaction-judge';
import { clinicSummarizer } from './summarizer';
import { summarizeConversation } from './pipeline/summary.usecase';

export interface BuildPipelineInput {
  config: WorkerConfig;
  db: Db;
  /** Hot-path SQL on the same pool (optional: Prisma's raw queries otherwise). */
  sql?: Sql;
  keyring: Keyring;
  producers: Producers;
  live: LiveEventPublisher;
  redis: Redis;
  logger: Logger;
}

/** Wires the pipeline's use-cases to their collaborators; fails at start-up on a bad AI configuration. */
export async function buildPipeline(input: BuildPipelineInput): Promise<{ deps: PipelineDeps; extra: Record<string, (job: Job) => Promise<unknown>> }> {
  const { config, db, logger } = input;
  // Start-up check: a remote provider chosen by the environment without its key stops the worker here.
  createAiProviders(config, {});
  const knowledgeDeps = {
    db,
    ai: config,
    onFailover: (info: { provider: string; operation: string; error: unknown }) =>
      logger.warn({ provider: info.provider, operation: info.operation, err: String(info.error) }, 'AI provider failed over to local'),
  };
  const deps: PipelineDeps = {
    db,
    sql: input.sql,
    keyring: input.keyring,
    producers: input.producers,
    live: input.live,
    redis: input.redis,
    logger,
    consultant: createConsultant({ ...knowledgeDeps, sql: input.sql }),
    translator: createInboundTranslator(knowledgeDeps),
    outbound: config,
    turnWindowMs: config.TURN_DEBOUNCE_MS,
    summaryWindowMs: config.SUMMARY_DEBOUNCE_MS,
    mediaDir: path.resolve(config.MEDIA_STORAGE_DIR),
    turnLeaseMs: 60_000,
  };
  const satisfactionDeps = {
    db,
    sql: input.sql,
    live: input.live,
    overrideMargin: config.SATISFACTION_OVERRIDE_MARGIN,
    judge: clinicSatisfactionJudge(db, config),
    judgeTimeoutMs: config.SATISFACTION_JUDGE_TIMEOUT_MS,
    logger,
  };
  const summaryDeps = { db, logger, live: input.live, summarizerFor: clinicSummarizer(db, config), timeoutMs: config.SUMMARY_TIMEOUT_MS };
  deps.scoreSatisfaction = (job, live, preread) => scoreMessage(live ? { ...satisfactionDeps, live } : satisfactionDeps, job, preread);
  const extra = {
    [QUEUES.satisfaction]: async (job: Job) => (await scoreMessage(satisfactionDeps, SatisfactionJobSchema.parse(job.data))).status,
    [QUEUES.knowledge]: async (job: Job) => (await indexSource(knowledgeDeps, KnowledgeJobSchema.parse(job.data))).status,
    [QUEUES.summary]: async (job: Job) => (await summarizeConversation(summaryDeps, SummaryJobSchema.parse(job.data))).status,
  };
  return { deps, extra };
}
