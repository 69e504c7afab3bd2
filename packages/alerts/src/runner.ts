import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { ALERTS_QUEUE, type EscalateJob } from './jobs';
import { deliverProcessor } from './deliver';
import { dispatchPending } from './dispatch';
import { escalateAlert } from './escalate';
import type { AlertsDeps } from './types';

export interface AlertsRunnerOptions {
  /** A connection for the worker (maxRetriesPerRequest: null) and one for the producer side. */
  workerConnection: Redis;
  producerConnection: Redis;
  prefix: string;
  pollMs: number;
  concurrency?: number;
}

export interface AlertsRunner {
  queue: Queue;
  worker: Worker;
  /** One outbox poll (the timer calls it every pollMs). */
  dispatchOnce(): Promise<number>;
  close(): Promise<void>;
}

export function alertsQueue(connection: Redis, prefix: string): Queue {
  return new Queue(ALERTS_QUEUE, { connection, prefix });
}

/**
 * The alert side of the worker: polls the notifications outbox and runs the `alerts` queue (deliveries
 * and escalations). Separate from the conversation pipeline: a slow or failing channel never holds a turn.
 */
export function startAlerts(deps: AlertsDeps, opts: AlertsRunnerOptions): AlertsRunner {
  const queue = alertsQueue(opts.producerConnection, opts.prefix);
  const deliver = deliverProcessor(deps);
  const worker = new Worker(ALERTS_QUEUE, async (job: Job) => (job.name === 'escalate' ? escalateAlert(deps, queue, job.data as EscalateJob) : deliver(job)), {
    connection: opts.workerConnection,
    prefix: opts.prefix,
    concurrency: opts.concurrency ?? 16,
  });
  worker.on('error', (err) => deps.logger.warn({ err }, 'alerts worker error'));
  let running: Promise<number> | undefined;
  const dispatchOnce = async () => {
    if (running) return running;
    running = (async () => {
      let total = 0;
      for (let n = await dispatchPending(deps.db, queue, deps.config); n > 0; n = await dispatchPending(deps.db, queue, deps.config)) total += n;
      return total;
    })().finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => {
    dispatchOnce().catch((err: Error) => deps.logger.warn({ err }, 'alert dispatch failed'));
  }, opts.pollMs);
  timer.unref();
  void dispatchOnce().catch((err: Error) => deps.logger.warn({ err }, 'alert dispatch failed'));
  return {
    queue,
    worker,
    dispatchOnce,
    async close() {
      clearInterval(timer);
      await running?.catch(() => undefined);
      await worker.close();
      await queue.close();
    },
  };
}
