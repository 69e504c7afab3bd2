import { z } from 'zod';
import type { KnowledgeJob, LiveEvent } from '@hub/queue';
import { notFound } from '../http/errors';
import type { RouteServices } from './context';

export const IdParams = z.object({ id: z.uuid() });

export function found<T>(row: T | null | undefined, what: string): T {
  if (row === null || row === undefined) throw notFound(what);
  return row;
}

/** Drops undefined keys (PATCH bodies) so Prisma leaves those columns alone. */
export function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** Knowledge changed: re-index it. The write is already committed, so a queue outage is logged, not thrown. */
export async function reindex(s: RouteServices, job: KnowledgeJob): Promise<void> {
  try {
    await s.deps.producers.addKnowledge(job);
  } catch (err) {
    s.deps.logger.warn({ err, sourceType: job.sourceType, sourceId: job.sourceId }, 'knowledge re-index not queued');
  }
}

/** Live update for consoles; best effort (the database is the truth, the console reloads on reconnect). */
export async function publish(s: RouteServices, event: LiveEvent): Promise<void> {
  try {
    await s.deps.live.publish(event);
  } catch (err) {
    s.deps.logger.warn({ err, type: event.type }, 'live event not published');
  }
}

export const CursorQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const Json = z.record(z.string(), z.unknown());
