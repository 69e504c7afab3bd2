import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
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
  /** How long a query waits for a pooled connection to be made; default 5 s. */
  connectionTimeoutMs?: number;
}

/**
 * Distinct statements one process prepares at most (each pooled connection keeps its prepared statements
 * and their plans in server memory); beyond that, statements run unnamed (parsed and planned each time).
 * The hot paths use a few dozen.
 */
export const MAX_PREPARED_STATEMENTS = 500;

/**
 * Names each distinct SQL text so pg prepares it once per connection and PostgreSQL can reuse its plan.
 * Without names every query is parsed and planned again: for the pipeline's hot statements (CTEs over
 * several tables) planning cost as much server CPU as executing (pg_stat_statements, bench:pipeline).
 * The number of names is capped: SQL built with variable-length IN lists must not grow the per-connection
 * statement caches without bound.
 */
export function statementNamer(max = MAX_PREPARED_STATEMENTS, prefix = 'hub_'): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return (query) => {
    let name = names.get(query.sql);
    if (name === undefined) {
      if (names.size >= max) return undefined as unknown as string;
      name = `${prefix}${names.size.toString(36)}`;
      names.set(query.sql, name);
    }
    return name;
  };
}

/** The one way to build a Prisma client: Prisma 7 query compiler + the pg driver adapter. */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  return createDbAndSql(databaseUrl, options).db;
}

/**
 * A tagged-template SQL runner on the same connection pool as Prisma, for the few statements a hot path
 * runs per message: each call site becomes one named prepared statement (its template strings are its
 * identity), values go to pg as parameters, rows come back as pg parses them (timestamptz → Date,
 * json → objects, int8 and numeric → strings). About 40 µs of CPU per statement where $queryRaw
 * spends about 100 µs (bench:pipeline runs ~8 such statements per message).
 */
export interface Sql {
  <T = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]>;
  /** The same, returning the number of rows written. */
  exec(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
  /** A statement built elsewhere (a Prisma.Sql's .text/.values, or generated text): named by its text. */
  query<T = Record<string, unknown>>(text: string, values: readonly unknown[]): Promise<T[]>;
  /** Buffer values go to the server in binary (pg's own runner); Prisma's raw queries send them as bytea. */
  readonly binaryBuffers?: boolean;
}

export function createSql(pool: pg.Pool): Sql {
  const statements = new WeakMap<TemplateStringsArray, { name: string; text: string }>();
  let next = 0;
  const statementOf = (strings: TemplateStringsArray) => {
    let st = statements.get(strings);
    if (!st) {
      st = { name: `hubsql_${(next++).toString(36)}`, text: strings.slice(1).reduce((acc, part, i) => `${acc}$${i + 1}${part}`, strings[0]!) };
      statements.set(strings, st);
    }
    return st;
  };
  const run = (strings: TemplateStringsArray, values: unknown[]) => pool.query({ ...statementOf(strings), values });
  const sql = (async (strings: TemplateStringsArray, ...values: unknown[]) => (await run(strings, values)).rows) as Sql;
  sql.exec = async (strings, ...values) => (await run(strings, values)).rowCount ?? 0;
  // Its own prefix: Prisma's namer hands out hub_* names on the same connections.
  const nameOf = statementNamer(MAX_PREPARED_STATEMENTS, 'hubsqlt_');
  sql.query = async (text, values) => (await pool.query({ name: nameOf({ sql: text }), text, values: values as unknown[] })).rows;
  return Object.assign(sql, { binaryBuffers: true as const });
}

/** A Prisma client and a hot-path SQL runner sharing one pg pool. */
export function createDbAndSql(databaseUrl: string, options: CreateDbOptions = {}): { db: Db; sql: Sql; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    // An unreachable server fails a query within seconds instead of leaving it waiting for a connection.
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    ...(options.genericPlans ? { options: '-c plan_cache_mode=force_generic_plan' } : {}),
  });
  // An idle connection's error (server restart) must not crash the process: pg drops that client.
  pool.on('error', () => undefined);
  const adapter = new PrismaPg(pool, {
    // Prisma does not own an external pool: end it when the client disconnects.
    disposeExternalPool: true,
    ...(options.preparedStatements === false ? {} : { statementNameGenerator: statementNamer() }),
  });
  return { db: new PrismaClient({ adapter }), sql: createSql(pool), pool };
}
