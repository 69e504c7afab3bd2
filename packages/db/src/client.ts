import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

export interface CreateDbOptions {
  /** pg pool size; the default suits one app process on a small machine. */
  max?: number;
  /** Named (server-side prepared) statements; default true. */
  preparedStatements?: boolean;
  /**
   * Reuse one generic plan per prepared statement (plan_cache_mode=force_generic_plan) instead of letting
   * PostgreSQL re-plan statements whose custom plans look cheaper. For a process whose statements are
   * all keyed lookups and small writes (the worker's pipeline) planning was ~20 % of its database time.
   */
  genericPlans?: boolean;
}

/** Distinct statements one process prepares at most; beyond that, statements run unnamed (parsed and planned each time). */
export const MAX_PREPARED_STATEMENTS = 2000;

/**
 * Names each distinct SQL text so pg prepares it once per connection and PostgreSQL can reuse its plan.
 * Without names every query is parsed and planned again: for the pipeline's hot statements (CTEs over
 * several tables) planning cost as much server CPU as executing (pg_stat_statements, bench:pipeline).
 * The number of names is capped: SQL built with variable-length IN lists must not grow the per-connection
 * statement caches without bound.
 */
export function statementNamer(max = MAX_PREPARED_STATEMENTS): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return (query) => {
    let name = names.get(query.sql);
    if (name === undefined) {
      if (names.size >= max) return undefined as unknown as string;
      name = `hub_${names.size.toString(36)}`;
      names.set(query.sql, name);
    }
    return name;
  };
}

/** The one way to build a Prisma client: Prisma 7 query compiler + the pg driver adapter. */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, max: options.max ?? 10, ...(options.genericPlans ? { options: '-c plan_cache_mode=force_generic_plan' } : {}) },
    options.preparedStatements === false ? {} : { statementNameGenerator: statementNamer() },
  );
  return new PrismaClient({ adapter });
}

/** Throws if `where` holds an undefined value for a tenant key: an unscoped query must never run by accident. */
export function tenantWhere<T extends { clinicId: string | null | undefined }>(where: T): T {
  if (where.clinicId === undefined) throw new Error('tenant scope missing: clinicId is undefined');
  return where;
}
