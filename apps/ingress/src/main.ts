import { IngressConfigSchema, loadConfig } from '@hub/config';
import pg from 'pg';
import { AccountCredentialsCache, pgAccountLoader } from '@hub/db/messenger-accounts';
import { Keyring } from '@hub/db/crypto';
import { Producers, createProducerConnection } from '@hub/queue';
import { createLogger, createMetricsRegistry } from '@hub/observability';
import { createIngressApp } from './ingress.app';

const config = loadConfig(IngressConfigSchema, 'ingress');
const logger = createLogger('ingress', config.LOG_LEVEL);
const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 5 });
pool.on('error', (err) => logger.warn({ err }, 'postgres pool error'));
const keyring = new Keyring(config.CREDENTIALS_ENCRYPTION_KEYS);
const redis = createProducerConnection(config.REDIS_URL);
redis.on('error', (err) => logger.warn({ err }, 'redis error'));
const producers = new Producers({ connection: redis, prefix: config.QUEUE_PREFIX });
const registry = createMetricsRegistry('ingress');

const { app } = createIngressApp({
  accounts: new AccountCredentialsCache(pgAccountLoader(pool), keyring, config.CREDENTIALS_CACHE_TTL_MS),
  producers,
  logger,
  registry,
  metricsToken: config.METRICS_TOKEN,
  readiness: {
    postgres: async () => {
      await pool.query('SELECT 1');
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
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
