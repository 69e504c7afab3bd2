import { alertsConfigFrom } from '@hub/alerts';
import { loadConfig } from '@hub/config';
import { Keyring, createDb } from '@hub/db';
import { createInboundTranslator } from '@hub/knowledge';
import { LiveEventPublisher, Producers, createProducerConnection } from '@hub/queue';
import { createLogger, createMetricsRegistry } from '@hub/observability';
import { createAiProviders } from '@hub/ai';
import { createApiApp } from './api.app';
import { ApiAppConfigSchema } from './config';

const config = loadConfig(ApiAppConfigSchema, 'api');
const logger = createLogger('api', config.LOG_LEVEL);
// Fail fast on a missing AI key for the default provider (clinic settings may still pick another).
createAiProviders(config);
const db = createDb(config.DATABASE_URL);
const keyring = new Keyring(config.CREDENTIALS_ENCRYPTION_KEYS);
const redis = createProducerConnection(config.REDIS_URL);
redis.on('error', (err) => logger.warn({ err }, 'redis error'));
const producers = new Producers({ connection: redis, prefix: config.QUEUE_PREFIX });
const live = new LiveEventPublisher(redis, config.QUEUE_PREFIX);
const registry = createMetricsRegistry('api');

const api = createApiApp({
  db,
  redis,
  producers,
  live,
  livePrefix: config.QUEUE_PREFIX,
  keyring,
  translator: createInboundTranslator({ db, ai: config }),
  logger,
  registry,
  settings: {
    jwtSecret: config.JWT_SECRET,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    consoleOrigin: config.CONSOLE_ORIGIN,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    mediaDir: config.MEDIA_STORAGE_DIR,
    consoleDistDir: config.CONSOLE_DIST_DIR,
    loginLimitPer15Min: config.LOGIN_RATE_LIMIT_PER_15MIN,
    loginIpLimitPer15Min: config.LOGIN_IP_RATE_LIMIT_PER_15MIN,
    userCreateConflictLimitPerHour: config.USER_CREATE_CONFLICT_LIMIT_PER_HOUR,
    apiLimitPerMinute: config.API_RATE_LIMIT_PER_MINUTE,
    turnDebounceMs: config.TURN_DEBOUNCE_MS,
    sseHeartbeatMs: 15_000,
    sessionRecheckMs: config.SSE_SESSION_RECHECK_MS,
    metricsToken: config.METRICS_TOKEN,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    outbound: config,
    alerts: alertsConfigFrom(config),
  },
  readiness: {
    postgres: async () => {
      await db.$queryRaw`SELECT 1`;
    },
    redis: async () => {
      await redis.ping();
    },
  },
});

const server = api.app.listen(config.API_PORT, config.HOST, () => {
  logger.info({ port: config.API_PORT, host: config.HOST }, 'api listening');
});
server.keepAliveTimeout = 65_000;

const shutdown = async () => {
  logger.info('api shutting down');
  server.close();
  // SSE connections never end on their own.
  server.closeAllConnections();
  await api.close();
  await producers.close();
  redis.disconnect();
  await db.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
