import pgvector from 'pgvector';
import type { Db, Sql } from './client';

export const EMBEDDING_DIMENSIONS = 1536;

export interface EmbeddingRow {
  clinicId: string | null;
  sourceType: string;
  sourceId: string;
  content: string;
  embedding: number[];
  metadata?: Record<string, unknown>;
}

export interface NearestNeighbour {
  id: string;
  clinicId: string | null;
  sourceType: string;
  sourceId: string;
  content: string;
  metadata: Record<string, unknown>;
  /** cosine similarity, 1 = identical */
  score: number;
}

function checkDimensions(v: number[]): void {
  if (v.length !== EMBEDDING_DIMENSIONS) throw new Error(`embedding must have ${EMBEDDING_DIMENSIONS} dimensions, got ${v.length}`);
}

function toVector(v: number[]): string {
  checkDimensions(v);
  return pgvector.toSql(v) as string;
}

/**
 * pgvector's binary wire format (vector_recv: int16 dimensions, int16 unused, float4 big-endian each).
 * pg sends a Buffer parameter in binary: no 1,536 numbers printed here and parsed again by the server
 * (measured 0.1–0.2 ms less CPU on each side per search).
 */
export function toVectorBinary(v: number[]): Buffer {
  checkDimensions(v);
  const buf = Buffer.allocUnsafe(4 + 4 * v.length);
  buf.writeInt16BE(v.length, 0);
  buf.writeInt16BE(0, 2);
  for (let i = 0; i < v.length; i++) buf.writeFloatBE(v[i]!, 4 + 4 * i);
  return buf;
}

/** Inserts embedding rows (Prisma cannot write the vector type). */
export async function insertEmbeddings(db: Db, rows: EmbeddingRow[]): Promise<number> {
  let n = 0;
  for (const r of rows) {
    n += await db.$executeRaw`
      INSERT INTO embeddings (clinic_id, source_type, source_id, content, embedding, metadata)
      VALUES (${r.clinicId}::uuid, ${r.sourceType}, ${r.sourceId}::uuid, ${r.content}, ${toVector(r.embedding)}::vector, ${JSON.stringify(r.metadata ?? {})}::jsonb)`;
  }
  return n;
}

/** Replaces every embedding of one source in one transaction (re-indexing never leaves a gap or a duplicate). */
export async function replaceSourceEmbeddings(db: Db, sourceType: string, sourceId: string, rows: EmbeddingRow[]): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM embeddings WHERE source_type = ${sourceType} AND source_id = ${sourceId}::uuid`;
    await insertEmbeddings(tx as unknown as Db, rows);
  });
}

export interface SearchOptions {
  /** Clinic whose rows are searched together with the global rows (clinic_id NULL). */
  clinicId: string;
  k?: number;
  /** HNSW candidate list size; higher = better recall, slower. */
  efSearch?: number;
  sourceTypes?: string[];
  includeGlobal?: boolean;
  /** Force the exact (true) or the HNSW (false) path; by default chosen by the candidate row count. */
  exact?: boolean;
  /** Runs the exact path's single statement as a named prepared statement (createDbAndSql). */
  sql?: Sql;
}

// The clinic filter is written as COALESCE(clinic_id, $2) = $2 (= "this clinic or global"): an
// expression the btree on clinic_id cannot serve, so the planner takes the HNSW index for the ORDER BY
// and filters while scanning (iterative scan) instead of sorting a bitmap-scanned subset exactly.
const nearestSql = (includeGlobal: boolean, hasTypes: boolean) => `
  SELECT id, clinic_id AS "clinicId", source_type AS "sourceType", source_id AS "sourceId", content, metadata,
         1 - (embedding <=> $1::vector) AS score
  FROM embeddings
  WHERE ${includeGlobal ? 'COALESCE(clinic_id, $2::uuid) = $2::uuid' : 'clinic_id = $2::uuid'}
    ${hasTypes ? 'AND source_type = ANY($4::text[])' : ''}
  ORDER BY embedding <=> $1::vector
  LIMIT $3`;

// The exact path: a filter the btree on clinic_id serves (bitmap scan), then an exact sort. It orders by
// the score expression, which the HNSW index cannot serve, so no session setting (and no transaction
// around one) is needed: one statement, one round trip.
const exactSql = (includeGlobal: boolean, hasTypes: boolean) => `
  SELECT id, clinic_id AS "clinicId", source_type AS "sourceType", source_id AS "sourceId", content, metadata,
         1 - (embedding <=> $1::vector) AS score
  FROM embeddings
  WHERE (clinic_id = $2::uuid${includeGlobal ? ' OR clinic_id IS NULL' : ''})
    ${hasTypes ? 'AND source_type = ANY($4::text[])' : ''}
  ORDER BY score DESC
  LIMIT $3`;

/**
 * Below this many candidate rows (the clinic's plus the global ones) a search is exact. An HNSW graph can
 * leave an outlying vector (a rare term, a hashed lexical embedding unlike its neighbours) with no
 * incoming edge, unreachable by any query; an exact sort never misses. With vectors stored inline
 * (STORAGE PLAIN) the exact sort of a 2,000-row clinic measured p50 5.9 ms / p95 8.1 ms against the
 * HNSW path's 7 / 11 ms (bench:rag, 100k rows): exact is faster up to about this size, HNSW beyond.
 */
export const EXACT_SEARCH_MAX_ROWS = 2500;

const candidateCounts = new Map<string, { at: number; n: number }>();

async function candidateCount(db: Db, clinicId: string, includeGlobal: boolean): Promise<number> {
  const key = `${clinicId}:${includeGlobal}`;
  const hit = candidateCounts.get(key);
  if (hit && Date.now() - hit.at < 30_000) return hit.n;
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM embeddings WHERE clinic_id = $1::uuid${includeGlobal ? ' OR clinic_id IS NULL' : ''}`,
    clinicId,
  );
  const n = row?.n ?? 0;
  candidateCounts.set(key, { at: Date.now(), n });
  if (candidateCounts.size > 10_000) candidateCounts.delete(candidateCounts.keys().next().value!);
  return n;
}

/**
 * Nearest neighbours by cosine distance, limited to one clinic (plus global rows). Large candidate sets
 * go through the HNSW index; pgvector's iterative index scan keeps scanning the graph until enough rows
 * pass the clinic filter, so a filtered top-k stays complete instead of returning fewer rows than asked.
 * Small ones (≤ EXACT_SEARCH_MAX_ROWS) are searched exactly.
 */
export async function searchNearest(db: Db, embedding: number[], opts: SearchOptions): Promise<NearestNeighbour[]> {
  const k = opts.k ?? 10;
  const includeGlobal = opts.includeGlobal ?? true;
  const hasTypes = !!opts.sourceTypes?.length;
  const exact = opts.exact ?? (await candidateCount(db, opts.clinicId, includeGlobal)) <= EXACT_SEARCH_MAX_ROWS;
  // The vector goes in binary on pg's own runner (the exact path's); Prisma's raw queries take it as text.
  const vector = exact && opts.sql?.binaryBuffers ? toVectorBinary(embedding) : toVector(embedding);
  const params: unknown[] = [vector, opts.clinicId, k, ...(hasTypes ? [opts.sourceTypes] : [])];
  const rows = exact
    ? opts.sql
      ? await opts.sql.query<NearestNeighbour>(exactSql(includeGlobal, hasTypes), params)
      : await db.$queryRawUnsafe<NearestNeighbour[]>(exactSql(includeGlobal, hasTypes), ...params)
    : ((
        await db.$transaction([
          ...searchSettings(Math.max(opts.efSearch ?? 100, k)).map((sql) => db.$queryRawUnsafe(sql)),
          db.$queryRawUnsafe<NearestNeighbour[]>(nearestSql(includeGlobal, hasTypes), ...params),
        ])
      ).at(-1) as NearestNeighbour[]);
  // relaxed_order may hand back rows slightly out of order: sort exactly.
  return rows.map((r) => ({ ...r, score: Number(r.score) })).sort((a, b) => b.score - a.score);
}

/**
 * Session settings for one search. The 1536-dimension vectors live in TOAST, so PostgreSQL prices a
 * sequential scan as if the vectors were free to read and picks it over the HNSW index; seq scans are
 * switched off for the search's own transaction only (pgvector's documented remedy).
 */
export function searchSettings(efSearch = 100): string[] {
  const ef = Math.max(1, Math.floor(efSearch));
  // One statement, one round trip: set_config(…, true) is SET LOCAL.
  return [
    `SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', '${ef}', true), set_config('enable_seqscan', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)`,
  ];
}

/** The same query, for EXPLAIN in tests and benchmarks. */
export function nearestQueryForExplain(includeGlobal = true): string {
  return nearestSql(includeGlobal, false);
}

/** Exact search whatever the size, the recall baseline for benchmarks. */
export function searchExact(db: Db, embedding: number[], opts: SearchOptions): Promise<NearestNeighbour[]> {
  return searchNearest(db, embedding, { ...opts, exact: true });
}
