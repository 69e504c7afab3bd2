import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Counter, Histogram, type Registry } from 'prom-client';
import { isAppError, retryDecision } from '@hub/contracts';
import { isInfrastructureError } from '@hub/db';
import { SendError } from '@hub/messengers';
import { InboundJobSchema, MediaJobSchema, QUEUES, SendJobSchema, TurnJobSchema } from '@hub/queue';
import type { PipelineDeps } from './pipeline/deps';
import { handleInboundEvent } from './pipeline/inbound.usecase';
import { runTurn } from './pipeline/turn.usecase';
import { sendReply } from './pipeline/send.usecase';
import { fetchMessageMedia } from './pipeline/media.usecase';
import { deadJobOf, recordDeadLetter } from './pipeline/dead-letter.usecase';
import { parseJob } from './pipeline/errors';
import type { InfraGate } from './infra-gate';

export interface ExtraProcessors {
  /** Other queues' processors (satisfaction, knowledge) keyed by queue name. */
  [queue: string]: (job: Job) => Promise<unknown>;
}

export interface WorkerOptions {
  connection: Redis;
  prefix?: string;
  concurrency: number;
  registry: Registry;
  extra?: ExtraProcessors;
  /** Pauses every queue while PostgreSQL or Redis is unreachable (see InfraGate). */
  gate?: InfraGate;
  /** Delay before a job that met an infrastructure failure runs again; default 2 s. */
  infraRetryMs?: number;
}

/** A job is at its end when it failed for good: no attempt left, or an error that must not be retried. */
export const isFinalFailure = (job: Job, err: Error) =>
  err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);

/** A platform's rate limit (HTTP 429 and its equivalents), which names how long to wait. */
export const isRateLimited = (err: unknown): err is SendError => err instanceof SendError && err.kind === 'transient' && err.code === 'rate_limited';

/**
 * What a processor's error means for its job: `infrastructure` (PostgreSQL or Redis unreachable: put back
 * without an attempt, docs/adr/005), `end` (a classified error no retry changes: fail for good) or `retry`
 * (spend an attempt; BullMQ's own DelayedError and unclassified errors included).
 */
export function failureAction(err: unknown): { action: 'infrastructure' } | { action: 'end'; reason: string } | { action: 'retry' } {
  if (err instanceof DelayedError) return { action: 'retry' };
  if (isInfrastructureError(err)) return { action: 'infrastructure' };
  if (isAppError(err) && retryDecision(err).action === 'end') return { action: 'end', reason: `${err.code}: ${err.message}` };
  return { action: 'retry' };
}

/** Backoff honouring the error's own wait (a platform's 429 retry_after), exponential otherwise. */
export function platformBackoff(attemptsMade: number, _type: string | undefined, err: Error | undefined): number {
  if (isAppError(err) && err.retryAfterMs !== undefined) return Math.max(err.retryAfterMs, 100);
  return Math.min(1000 * 2 ** Math.max(0, attemptsMade - 1), 60_000);
}

/** Thin processors: parse the payload, call one use-case, translate its outcome into BullMQ terms. */
export function startWorkers(deps: PipelineDeps, opts: WorkerOptions): Worker[] {
  const jobs = new Counter({ name: 'hub_worker_jobs_total', help: 'Jobs processed', labelNames: ['queue', 'outcome'], registers: [opts.registry] });
  const duration = new Histogram({
    name: 'hub_worker_job_seconds',
    help: 'Job processing time',
    labelNames: ['queue'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [opts.registry],
  });
  // A crashed worker's active jobs are found by BullMQ's stalled-job check (a job whose lock expired).
  // Locks are renewed every lockDuration/2 while a job runs, so a short lock only matters after a crash:
  // checking every 10 s with a 20 s lock on turns and sends brings a killed worker's reply back within ~30 s.
  // A job found stalled (its worker killed, or Redis restarted under it) is put back many times: stalling
  // rarely says anything about the job (BullMQ's default fails it at the 2nd stall), but a job that kills
  // its worker every time must end (dead letter) instead of taking workers down forever.
  const base = { connection: opts.connection, prefix: opts.prefix ?? 'hub', stalledInterval: 10_000, maxStalledCount: 50 };
  const deadLetters = new Counter({
    name: 'hub_dead_letters_total',
    help: 'Jobs that ended on a permanent error (dead letters)',
    labelNames: ['queue'],
    registers: [opts.registry],
  });

  const wrap = (queue: string, fn: (job: Job, token?: string) => Promise<string>) => async (job: Job, token?: string) => {
    const end = duration.startTimer({ queue });
    try {
      const outcome = await fn(job, token);
      jobs.inc({ queue, outcome });
      return outcome;
    } catch (err) {
      const next = failureAction(err);
      if (next.action === 'infrastructure') {
        // Not the job's fault: no attempt counted. The job waits (delayed) and every queue pauses until
        // PostgreSQL and Redis answer. With Redis down the move fails too; the job, left active, is
        // found stalled once Redis is back and put back the same way.
        jobs.inc({ queue, outcome: 'infrastructure' });
        opts.gate?.trip(err);
        await job.moveToDelayed(Date.now() + (opts.infraRetryMs ?? 2000), token).catch(() => undefined);
        throw new DelayedError();
      }
      jobs.inc({ queue, outcome: err instanceof DelayedError ? 'delayed' : 'error' });
      // A classified error that a retry will not change (a platform's permanent refusal or bad token, an
      // invalid payload, a clinic that is gone) ends the job; a transient one spends an attempt.
      if (next.action === 'end') throw new UnrecoverableError(next.reason);
      throw err;
    } finally {
      end();
    }
  };

  const delay = async (job: Job, token: string | undefined, ms: number): Promise<never> => {
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  };

  const workers: Worker[] = [
    new Worker(
      QUEUES.inbound,
      wrap(QUEUES.inbound, async (job, token) => {
        // Run before (a crash, an outage, a wait for its chat): the message may be stored already.
        const outcome = await handleInboundEvent(deps, parseJob(InboundJobSchema, job.data), {
          retried: (job.attemptsStarted ?? 0) > 1 || job.attemptsMade > 0,
        });
        // An earlier message of the same chat is not stored yet: after it (no attempt spent).
        if (outcome.status === 'wait') return delay(job, token, 250);
        return outcome.status;
      }),
      { ...base, concurrency: opts.concurrency },
    ),
    new Worker(
      QUEUES.turn,
      wrap(QUEUES.turn, async (job, token) => {
        const data = parseJob(TurnJobSchema, job.data);
        const outcome = await runTurn(deps, data);
        // Another turn holds the lease (a crashed worker's stalled job, or a handback racing a turn).
        if (outcome.status === 'busy') return delay(job, token, 500);
        return outcome.status;
      }),
      // The turn sends its own reply: a killed worker's reply is found (stalled turn) as soon as a send's.
      { ...base, concurrency: opts.concurrency, lockDuration: 20_000 },
    ),
    new Worker(
      QUEUES.send,
      wrap(QUEUES.send, async (job, token) => {
        const data = parseJob(SendJobSchema, job.data);
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        let outcome: Awaited<ReturnType<typeof sendReply>>;
        try {
          outcome = await sendReply(deps, data, last);
        } catch (err) {
          // The platform asks us to slow down (429): a wait it names, like our own limiter's, not a failed attempt.
          if (isRateLimited(err)) return delay(job, token, Math.max(err.retryAfterMs ?? 1000, 100));
          throw err;
        }
        if (outcome.status === 'wait') return delay(job, token, outcome.ms);
        if (outcome.status === 'failed') throw new UnrecoverableError(outcome.reason);
        return outcome.status;
      }),
      { ...base, concurrency: opts.concurrency, lockDuration: 20_000, settings: { backoffStrategy: platformBackoff } },
    ),
    new Worker(
      QUEUES.media,
      wrap(QUEUES.media, async (job) => `fetched_${await fetchMessageMedia(deps, parseJob(MediaJobSchema, job.data))}`),
      {
        ...base,
        concurrency: 4,
      },
    ),
  ];
  for (const [queue, fn] of Object.entries(opts.extra ?? {})) {
    workers.push(
      new Worker(
        queue,
        wrap(queue, async (job) => String(await fn(job))),
        { ...base, concurrency: opts.concurrency },
      ),
    );
  }
  for (const w of workers) {
    w.on('failed', (job, err) => {
      if (err instanceof DelayedError || err.name === 'DelayedError') return;
      deps.logger.warn({ queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, err }, 'job failed');
      if (!job || !isFinalFailure(job, err)) return;
      deadLetters.inc({ queue: w.name });
      // The sweep (sweepDeadLetters) records it later if this write fails.
      recordDeadLetter(deps, deadJobOf(w.name, job, err.message)).catch((e: Error) =>
        deps.logger.warn({ queue: w.name, jobId: job.id, err: e }, 'dead letter not recorded yet'),
      );
    });
    w.on('error', (err) => deps.logger.error({ queue: w.name, err }, 'worker error'));
  }
  return workers;
}

/**
 * Records every job in the queues' failed sets as a dead letter (rows that exist stay as they are):
 * catches a final failure whose own record could not be written. Run at start-up and periodically.
 */
export async function sweepDeadLetters(
  deps: PipelineDeps,
  queues: { name: string; getFailed(start?: number, end?: number): Promise<Job[]> }[],
): Promise<number> {
  let recorded = 0;
  for (const q of queues) {
    const failed = await q.getFailed(0, 499);
    if (!failed.length) continue;
    const known = await deps.db.deadLetter.findMany({ where: { queue: q.name, jobId: { in: failed.map((j) => String(j.id)) } }, select: { jobId: true } });
    const seen = new Set(known.map((k) => k.jobId));
    for (const job of failed) {
      if (seen.has(String(job.id))) continue;
      if (await recordDeadLetter(deps, deadJobOf(q.name, job, job.failedReason ?? 'failed'))) recorded++;
    }
  }
  return recorded;
}
