import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Db, Keyring } from '@hub/db';
import type { LiveEventPublisher, Producers } from '@hub/queue';
import type { OutboundApiConfig } from '@hub/messengers';
import type { Logger, ReadinessCheck } from '@hub/observability';
import type { AlertsConfig } from '@hub/alerts';
import type { StaffTranslator } from './services/staff-translator';

export interface ApiSettings {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  consoleOrigin: string;
  /** Webhook URLs shown to admins: PUBLIC_BASE_URL + /webhooks/<platform>/<id>. */
  publicBaseUrl: string;
  mediaDir: string;
  consoleDistDir: string;
  /** Login attempts per IP and email, and per IP across all emails (password spraying). */
  loginLimitPer15Min: number;
  loginIpLimitPer15Min: number;
  /** POST /api/users answers for emails already in use, per admin: enumeration stops here. */
  userCreateConflictLimitPerHour: number;
  apiLimitPerMinute: number;
  turnDebounceMs: number;
  sseHeartbeatMs: number;
  /** How often an open SSE stream re-checks its token and user (deactivation is also pushed at once). */
  sessionRecheckMs: number;
  /** Bearer token for /metrics; unset: /metrics is off. */
  metricsToken?: string | undefined;
  trustProxyHops: number;
  outbound: OutboundApiConfig;
  /** Staff alerts (acknowledge links, email on/off); unset: the alert routes that need it answer 503. */
  alerts?: AlertsConfig;
}

export interface ApiDeps {
  db: Db;
  /** Commands (live stream reads); subscriptions use a duplicate of it. */
  redis: Redis;
  /** Key prefix of the live streams/channels ('hub' in production; unique per test file). */
  livePrefix?: string;
  producers: Pick<Producers, 'addSend' | 'addKnowledge' | 'addTurn' | 'send' | 'redrive'>;
  live: Pick<LiveEventPublisher, 'publish'>;
  keyring: Keyring;
  translator: StaffTranslator;
  settings: ApiSettings;
  logger: Logger;
  registry: Registry;
  readiness: Record<string, ReadinessCheck>;
  now?: () => Date;
}
