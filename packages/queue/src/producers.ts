import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  QUEUES,
  inboundJobId,
  sendJobId,
  satisfactionJobId,
  mediaJobId,
  knowledgeJobId,
  type InboundJob,
  type TurnJob,
  type SendJob,
  type SatisfactionJob,
  type KnowledgeJob,
  type MediaJob,
  type SummaryJob,
} from './queues';
import { chatOrderKey, isOrdered, recordAccepted } from './chat-order';

export interface QueueOptions {
  connection: Redis;
  /** BullMQ key prefix; tests use a unique one per run. */
  prefix?: string;
}

/** Attempts of a re-driven job queued anew, as its producer gives them. */
const REDRIVE_ATTEMPTS: Record<string, number> = {
  [QUEUES.inbound]: 8,
  [QUEUES.turn]: 10,
  [QUEUES.send]: 12,
  [QUEUES.satisfaction]: 5,
  [QUEUES.knowledge]: 5,
  [QUEUES.media]: 6,
  [QUEUES.summary]: 3,
};

const keep = { removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: { age: 14 * 24 * 3600 } } as const;

/** Typed producers for every queue. One instance per process. */
export class Producers {
  readonly inbound: Queue;
  readonly turn: Queue;
  readonly send: Queue;
  readonly satisfaction: Queue;
  readonly knowledge: Queue;
  readonly media: Queue;
  readonly summary: Queue;

  constructor(readonly opts: QueueOptions) {
    const mk = (name: string) => new Queue(name, { connection: opts.connection, prefix: opts.prefix ?? 'hub' });
    this.inbound = mk(QUEUES.inbound);
    this.turn = mk(QUEUES.turn);
    this.send = mk(QUEUES.send);
    this.satisfaction = mk(QUEUES.satisfaction);
    this.knowledge = mk(QUEUES.knowledge);
    this.media = mk(QUEUES.media);
    this.summary = mk(QUEUES.summary);
  }

  /** Returns true when a new job was created, false when the event was already queued (duplicate). */
  async addInbound(job: InboundJob, externalMessageId: string): Promise<{ jobId: string; duplicate: boolean }> {
    const jobId = inboundJobId(job.accountId, externalMessageId);
    // Deterministic id: BullMQ ignores an add whose id exists (waiting, active, completed or failed
    // while retained), so redeliveries and replicas collapse into one job.
    // add() does not say whether the id existed. Ask first (one cheap EXISTS): a known id is a
    // duplicate and needs no add; two replicas racing past the check both add, and BullMQ keeps one.
    const prefix = this.opts.prefix ?? 'hub';
    const exists = await this.opts.connection.exists(`${prefix}:${QUEUES.inbound}:${jobId}`);
    if (exists) return { jobId, duplicate: true };
    // The chat's arrival order (chat-order.ts) is recorded before the job exists, in the same round trip.
    await Promise.all([
      isOrdered(job.event) ? recordAccepted(this.opts.connection, chatOrderKey(prefix, job.accountId, job.event.externalUserId), jobId) : undefined,
      this.inbound.add('event', job, { jobId, attempts: 8, backoff: { type: 'exponential', delay: 500 }, ...keep }),
    ]);
    return { jobId, duplicate: false };
  }

  /**
   * Per-conversation turn trigger (BullMQ deduplication, id = conversation):
   *  - while the turn job is delayed, a new message replaces it and restarts the delay (debounce):
   *    a burst becomes one turn fired `windowMs` after its last message;
   *  - while it is active, a new message is kept as the next job, created when the active one
   *    finishes (keepLastIfActive): at most one turn runs and one waits per conversation, and a
   *    message stored during a turn always gets a turn after it.
   * The turn reads the messages themselves from PostgreSQL.
   */
  async addTurn(job: TurnJob, windowMs: number): Promise<void> {
    await this.turn.add('turn', job, {
      delay: windowMs,
      deduplication: { id: `turn_${job.conversationId}`, replace: true, keepLastIfActive: true },
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      // A finished turn leaves nothing to look up (its deduplication key is not its job id): removed at
      // once instead of kept and trimmed. Failed ones are kept like every other queue's.
      removeOnComplete: true,
      removeOnFail: keep.removeOnFail,
    });
  }

  async addSend(job: SendJob, opts: JobsOptions = {}): Promise<void> {
    await this.send.add('send', job, { jobId: sendJobId(job.messageId), attempts: 12, backoff: { type: 'platform' }, ...keep, ...opts });
  }

  async addSatisfaction(job: SatisfactionJob): Promise<void> {
    await this.satisfaction.add('score', job, { jobId: satisfactionJobId(job.messageId), attempts: 5, backoff: { type: 'exponential', delay: 500 }, ...keep });
  }

  async addKnowledge(job: KnowledgeJob): Promise<void> {
    await this.knowledge.add('index', job, {
      deduplication: { id: knowledgeJobId(job.sourceType, job.sourceId) },
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      ...keep,
    });
  }

  async addMedia(job: MediaJob): Promise<void> {
    await this.media.add('fetch', job, { jobId: mediaJobId(job.messageId), attempts: 6, backoff: { type: 'exponential', delay: 1000 }, ...keep });
  }

  /**
   * Per-conversation summary trigger, debounced like the turn's (BullMQ deduplication, id = conversation):
   * a burst of messages becomes one summary `windowMs` after the last, and a message arriving while one
   * runs gets one more after it. Off the hot path: nothing in the pipeline waits for it.
   */
  async addSummary(job: SummaryJob, windowMs: number): Promise<void> {
    await this.summary.add('summarize', job, {
      delay: windowMs,
      deduplication: { id: `summary_${job.conversationId}`, replace: true, keepLastIfActive: true },
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: true,
      removeOnFail: keep.removeOnFail,
    });
  }

  /**
   * Runs a dead-lettered job again: BullMQ's own retry when the failed job is still kept (same id, attempts
   * reset), otherwise the same payload as a new job (a new id: the old one may still exist elsewhere).
   */
  async redrive(queue: string, jobId: string, name: string, payload: unknown): Promise<{ how: 'retried' | 'requeued'; jobId: string }> {
    const q = this.all().find((x) => x.name === queue);
    if (!q) throw new Error(`unknown queue "${queue}"`);
    const job = await q.getJob(jobId);
    if (job && (await job.isFailed())) {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return { how: 'retried', jobId };
    }
    const newId = `${jobId}_r${Date.now().toString(36)}`;
    await q.add(name, payload, { jobId: newId, attempts: REDRIVE_ATTEMPTS[queue] ?? 5, backoff: { type: 'exponential', delay: 1000 }, ...keep });
    return { how: 'requeued', jobId: newId };
  }

  all(): Queue[] {
    return [this.inbound, this.turn, this.send, this.satisfaction, this.knowledge, this.media, this.summary];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
  }
}
