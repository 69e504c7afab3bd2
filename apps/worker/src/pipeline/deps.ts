import type { Redis } from 'ioredis';
import { prismaSql, type Db, type Keyring, type Sql } from '@hub/db';
import type { OutboundApiConfig } from '@hub/messengers';
import type { LiveEventPublisher, Producers, SatisfactionJob } from '@hub/queue';
import type { Logger } from '@hub/observability';
import type { SatisfactionRead } from '@hub/satisfaction';
import type { Consultant, InboundTranslator } from './consultant';

export interface PipelineDeps {
  db: Db;
  /** Hot-path statements on Prisma's pool as named prepared statements (createDbAndSql); Prisma's raw queries when absent. */
  sql?: Sql;
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
  scoreSatisfaction?: (job: SatisfactionJob, live?: Pick<LiveEventPublisher, 'publish'>, preread?: SatisfactionRead) => Promise<unknown>;
}

/** The deps' SQL runner, or the one over Prisma's raw queries. */
export function sqlOf(deps: Pick<PipelineDeps, 'db' | 'sql'>): Sql {
  return deps.sql ?? prismaSql(deps.db);
}
