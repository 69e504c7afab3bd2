import express from 'express';
import { WorkerConfigSchema, loadConfig } from '@hub/config';
import { Keyring, createDbAndSql } from '@hub/db';
import { LiveEventPublisher, Producers, createProducerConnection, createWorkerConnection } from '@hub/queue';
import { createLogger, createMetricsRegistry, mountHealth } from '@hub/observability';
import { buildPipeline } from './build-pipeline';
import { startWorkers, sweepDeadLetters } from './processors';
import { InfraGate } from './infra-gate';
import { alertsConfigFrom, startAlerts } from '@hub/alerts';

const config = loadConfig(WorkerConfigSchema, 'worker');
const logger = createLogger('worker', config.LOG_LEVEL);
const { db, sql } = createDbAndSql(config.DATABASE_URL, { max: config.WORKER_DB_POOL_SIZE, genericPlans: true });
const keyring = new Keyring(config.CREDENTIALS_ENCRYPTION_KEYS);
const producerRedis = createProducerConnection(config.REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 20 });
const workerRedis = createWorkerConnection(config.REDIS_URL);
for (const r of [producerRedis, workerRedis]) r.on('error', (err) => logger.warn({ err }, 'redis error'));
const producers = new Producers({ connection: producerRedis, prefix: config.QUEUE_PREFIX });
const registry = createMetricsRegistry('worker');

const { deps, extra } = await buildPipeline({
  config,
  db,
  sql,
  keyring,
  producers,
  live: new LiveEventPublisher(producerRedis, config.QUEUE_PREFIX),
  redis: producerRedis,
  logger,
});
const probe = async () => {
  await db.$queryRaw`SELECT 1`;
  await producerRedis.ping();
};
const gate = new InfraGate({ probe, logger, registry });
const workers = startWorkers(deps, { connection: workerRedis, prefix: config.QUEUE_PREFIX, concurrency: config.WORKER_CONCURRENCY, registry, extra, gate });
gate.attach(workers);
// Staff alerts: the notifications outbox polled, deliveries and escalations on their own queue.
const alerts = startAlerts(
  { db, keyring, config: alertsConfigFrom(config), logger },
  { workerConnection: workerRedis, producerConnection: producerRedis, prefix: config.QUEUE_PREFIX, pollMs: config.ALERT_POLL_MS },
);
// Dead letters whose own record failed (PostgreSQL lost at that moment) are found by a periodic sweep.
const sweep = () =>
  sweepDeadLetters(deps, producers.all()).then(
    (n) => n && logger.warn({ recorded: n }, 'dead letters recorded by the sweep'),
    (err: Error) => logger.warn({ err }, 'dead-letter sweep failed'),
  );
void sweep();
const sweepTimer = setInterval(sweep, 60_000);
sweepTimer.unref();

const app = express();
mountHealth(
  app,
  {
    postgres: async () => {
      await db.$queryRaw`SELECT 1`;
    },
    redis: async () => {
      await producerRedis.ping();
    },
    // Not ready while the worker has stopped taking jobs, until its own probe saw both answer again.
    jobs: async () => {
      if (gate.state) throw new Error(`paused since ${new Date(gate.state.since).toISOString()}: ${gate.state.reason}`);
    },
  },
  registry,
  { metricsToken: config.METRICS_TOKEN },
);
// The worker's statements use generic plans, cached per connection and re-planned when PostgreSQL's
// statistics change (ANALYZE). Without autovacuum they never change: plans made while tables were
// small stay (sequential scans over a growing messages table). Say so once.
db.$queryRaw<{ setting: string }[]>`SELECT setting FROM pg_settings WHERE name = 'autovacuum'`.then(
  ([row]) => {
    if (row?.setting === 'off')
      logger.warn('PostgreSQL runs with autovacuum off: run ANALYZE regularly (or turn autovacuum on), or query plans degrade as tables grow');
  },
  () => undefined,
);

const server = app.listen(config.WORKER_PORT, config.HOST, () =>
  logger.info({ port: config.WORKER_PORT, queues: workers.map((w) => w.name) }, 'worker started'),
);

const shutdown = async () => {
  logger.info('worker shutting down');
  server.close();
  gate.close();
  clearInterval(sweepTimer);
  await Promise.all([...workers.map((w) => w.close()), alerts.close()]);
  await producers.close();
  producerRedis.disconnect();
  workerRedis.disconnect();
  await db.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
