import { z } from 'zod';

/** Formats zod issues as one line per variable: `NAME: expected ...`. */
export function formatEnvIssues(error: z.ZodError, app = 'config'): string {
  return error.issues.map((i) => `[${app}] configuration error: ${i.path.join('.') || '(env)'} ${i.message}`).join('\n');
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws ConfigError naming every bad variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env, app = 'config'): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) throw new ConfigError(formatEnvIssues(result.error, app));
  return result.data;
}

/** For app entry points: parse or print one clear message per variable and exit(1). */
export function loadConfig<S extends z.ZodType>(schema: S, app: string, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  try {
    return parseEnv(schema, env, app);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

const url = (protocols: string[], example: string) =>
  z.string({ error: `is missing: expected a URL like ${example}` }).refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `is malformed: expected a URL like ${example}` },
  );

export const databaseEnv = {
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgresql://user@127.0.0.1:5432/clinic_hub'),
};
export const redisEnv = {
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  /** BullMQ/live-event key prefix: several hubs (or test runs) can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'is malformed: expected letters, digits, _ or -' })
    .default('hub'),
};

/** 32-byte keys as base64, "keyId:base64" pairs separated by commas; the first is used to encrypt. */
export const encryptionEnv = {
  CREDENTIALS_ENCRYPTION_KEYS: z
    .string({
      error: 'is missing: expected "keyId:base64-32-byte-key[,olderId:key...]", e.g. k1:$(openssl rand -base64 32)',
    })
    .refine(
      (v) =>
        v.split(',').every((pair) => {
          const [id, key] = pair.split(':');
          return !!id && !!key && Buffer.from(key, 'base64').length === 32;
        }),
      { message: 'is malformed: expected "keyId:base64-32-byte-key[,...]" with each key exactly 32 bytes' },
    ),
};

/** Where webhook-supplied URLs (media, Kakao callbacks) may go besides each platform's own hosts. */
function outboundGuardEnv() {
  return {
    OUTBOUND_HOST_ALLOWLIST_EXTRA: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
      )
      .refine((hosts) => hosts.every((h) => /^(\*\.)?[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(h)), {
        message: 'is malformed: expected a comma list of host, *.domain or host:port',
      }),
    OUTBOUND_ALLOW_PRIVATE_NETWORKS: z
      .enum(['0', '1', 'true', 'false'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    MEDIA_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(20 * 1024 * 1024),
    MEDIA_TIMEOUT_MS: z.coerce.number().int().min(1).default(15_000),
  };
}

export const platformApiEnv = {
  TELEGRAM_API_ROOT: url(['http:', 'https:'], 'https://api.telegram.org').default('https://api.telegram.org'),
  LINE_API_BASE_URL: url(['http:', 'https:'], 'https://api.line.me').default('https://api.line.me'),
  LINE_DATA_API_BASE_URL: url(['http:', 'https:'], 'https://api-data.line.me').default('https://api-data.line.me'),
  META_GRAPH_API_BASE_URL: url(['http:', 'https:'], 'https://graph.facebook.com').default('https://graph.facebook.com'),
  META_GRAPH_API_VERSION: z.string().default('v23.0'),
  ...outboundGuardEnv(),
};

export const aiEnv = {
  AI_PROVIDER: z.enum(['local', 'anthropic', 'openai']).default('local'),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  ANTHROPIC_MODEL: z.string().default('claude-sonnet-4-5'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
};

export const commonEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  /** Bearer token Prometheus sends for /metrics; without it /metrics is off. */
  METRICS_TOKEN: z.string().min(16, { message: 'is too short: expected at least 16 characters' }).optional(),
};

/** Staff alerts beyond the console (packages/alerts): email over SMTP, web push, links back to the console. */
export const alertsEnv = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465; unset: no email alerts. */
  ALERT_SMTP_URL: url(['smtp:', 'smtps:'], 'smtp://user:pass@smtp.example.com:587').optional(),
  ALERT_EMAIL_FROM: z.string().default('Clinic Hub <alerts@localhost>'),
  /** The VAPID contact push services see (mailto: or https:). */
  ALERT_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, { message: 'is malformed: expected mailto:address or an https URL' })
    .default('mailto:alerts@localhost'),
  /** The console's public address: alert links open it and acknowledge through its /api. */
  ALERT_CONSOLE_URL: url(['http:', 'https:'], 'https://console.example.com').default('http://127.0.0.1:3000'),
  ALERT_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  ALERT_ACK_TOKEN_TTL_SEC: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * 24 * 3600),
};

const port = (def: number) => z.coerce.number().int().min(0).max(65535).default(def);

export const IngressConfigSchema = z.object({
  ...commonEnv,
  ...databaseEnv,
  ...redisEnv,
  ...encryptionEnv,
  INGRESS_PORT: port(3001),
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:3001'),
  CREDENTIALS_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5000),
});
export type IngressConfig = z.infer<typeof IngressConfigSchema>;

export const WorkerConfigSchema = z.object({
  ...commonEnv,
  ...databaseEnv,
  ...redisEnv,
  ...encryptionEnv,
  ...platformApiEnv,
  ...aiEnv,
  WORKER_PORT: port(3002),
  /** Messages arriving within this window are answered together. */
  TURN_DEBOUNCE_MS: z.coerce.number().int().min(0).default(1500),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).default(32),
  /** PostgreSQL connections of one worker process. */
  WORKER_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  MEDIA_STORAGE_DIR: z.string().default('var/media'),
  SATISFACTION_OVERRIDE_MARGIN: z.coerce.number().int().min(0).max(100).default(15),
  /** How long a satisfaction score waits for the LLM judge (remote providers) before keeping the local score. */
  SATISFACTION_JUDGE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
  KAKAO_BOT_API_BASE_URL: url(['http:', 'https:'], 'https://bot-api.kakao.com').default('https://bot-api.kakao.com'),
  /** A conversation's summary is recomputed this long after its latest customer message (a burst: once). */
  SUMMARY_DEBOUNCE_MS: z.coerce.number().int().min(0).default(20_000),
  /** How long a summary waits for the remote model before the local rules write it. */
  SUMMARY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  ...alertsEnv,
});
export type WorkerConfig = z.infer<typeof WorkerConfigSchema>;

export const ApiConfigSchema = z.object({
  ...commonEnv,
  ...databaseEnv,
  ...redisEnv,
  ...encryptionEnv,
  ...platformApiEnv,
  ...aiEnv,
  API_PORT: port(3000),
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:3001'),
  JWT_SECRET: z.string({ error: 'is missing: expected a random string of at least 32 characters' }).min(32, {
    message: 'is too short: expected at least 32 characters',
  }),
  CONSOLE_ORIGIN: z.string().default('http://127.0.0.1:3000'),
  SATISFACTION_OVERRIDE_MARGIN: z.coerce.number().int().min(0).max(100).default(15),
  ...alertsEnv,
});
export type ApiConfig = z.infer<typeof ApiConfigSchema>;
