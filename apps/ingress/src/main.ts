import { IngressConfigSchema, loadConfig } from '@hub/config';
import { AccountCredentialsCache, Keyring, createDb } from '@hub/db';
import { Producers, createProducerConnection } from '@hub/queue';
import { createLogger, createMetricsRegistry } from '@hub/observability';
import { createIngressApp } from './ingress.app';

const config = loadConfig(IngressConfigSchema, 'ingress');
const logger = createLogger('ingress', config.LOG_LEVEL);
const db = createDb(config.DATABASE_URL);
const keyring = new Keyring(config.CREDENTIALS_ENCRYPTION_KEYS);
const redis = createProducerConnection(config.REDIS_URL);
redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
const producers = new Producers({ connection: redis, prefix: config.QUEUE_PREFIX });
const registry = createMetricsRegistry('ingress');

const { app } = createIngressApp({
  accounts: new AccountCredentialsCache(db, keyring, config.CREDENTIALS_CACHE_TTL_MS),
  producers,
  logger,
  registry,
  readiness: {
    postgres: async () => {
      await db.$queryRaw`SELECT 1`;
    },
    redis: async () => {
      await redis.ping();
    },
  },
});

const server = app.listen(config.INGRESS_PORT, config.HOST, () => {
  logger.info({ port: config.INGRESS_PORT, host: config.HOST }, 'ingress listening');
});
server.keepAliveTimeout = 65_000;

const shutdown = async () => {
  logger.info('ingress shutting down');
  server.close();
  await producers.close();
  redis.disconnect();
  await db.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
