import type { Redis } from 'ioredis';
import type { Db, Keyring, ScoringRead, Sql } from '@hub/db';
import type { OutboundApiConfig } from '@hub/messengers';
import type { LiveEventPublisher, Producers, SatisfactionJob } from '@hub/queue';
import type { Logger } from '@hub/observability';
import type { Consultant, InboundTranslator } from './consultant';

export interface PipelineDeps {
  db: Db;
  /** The statements' runner: Prisma's pool, named prepared statements (createDbAndSql). */
  sql: Sql;
  keyring: Keyring;
  producers: Producers;
  live: LiveEventPublisher;
  redis: Redis;
  logger: Logger;
  consultant: Consultant;
  translator: InboundTranslator;
  outbound: OutboundApiConfig;
  /** Burst window: messages within it are answered together. */
  turnWindowMs: number;
  /** Summary debounce: a conversation's summary is recomputed this long after its latest customer message (absent: never queued). */
  summaryWindowMs?: number;
  mediaDir: string;
  /** How long a turn may hold its conversation before another worker may take over (crash recovery). */
  turnLeaseMs: number;
  /**
   * Scores a stored customer message right in the inbound job (idempotent, keyed by the message). When
   * absent or when it fails, the message goes to the satisfaction queue instead, which retries. Its live
   * events go to `live` when given (the inbound job publishes them with its own in one round trip);
   * `preread` is what scoring reads, when the caller read it already.
   */
  scoreSatisfaction?: (job: SatisfactionJob, live?: Pick<LiveEventPublisher, 'publish'>, preread?: ScoringRead) => Promise<unknown>;
}
