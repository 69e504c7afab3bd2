/**
 * RAG retrieval benchmark: 100k stored 1536-dim embeddings across 50 clinics in a scratch database
 * (clinic_hub_bench), clinic-filtered nearest-neighbour search through the HNSW index (searchNearest:
 * iterative scan) against exact search (searchExact) in the same run.
 *
 *   pnpm bench:rag            [BENCH_ROWS=100000 BENCH_CLINICS=50 BENCH_QUERIES=300 BENCH_EF=40,64,100,200]
 *
 * Data: 64 topics × 16 sub-topics shared by all clinics (every clinic talks about botox, fillers, parking…),
 * each row a sub-topic centre plus Gaussian noise, each clinic favouring some topics (half its rows).
 * Queries are fresh points near a random sub-topic, filtered to a random clinic (2% of the rows).
 */
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { EXACT_SEARCH_MAX_ROWS, createDb, nearestQueryForExplain, searchExact, searchNearest, searchSettings } from '@hub/db';
import { SchemaEngineSession } from '../packages/db/src/migrate/schema-engine';

const require = createRequire(new URL('../packages/db/package.json', import.meta.url));
const pg = require('pg') as typeof import('pg');

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic_hub_bench';
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const CLINICS = Number(process.env.BENCH_CLINICS ?? 50);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const EFS = (process.env.BENCH_EF ?? '10,20,40,64,100').split(',').map(Number);
const TARGET_P95_MS = 15;
const TARGET_RECALL = 0.95;
const DIM = 1536;
const TOPICS = 64;
const SUBTOPICS = 16;
const K = 10;

// Deterministic PRNG (mulberry32) and Box–Muller normals: the same data every run.
let seed = 0x5eed;
function rand(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function normal(): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}
function unit(v: Float64Array): Float64Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}
function near(centre: Float64Array, spread: number): Float64Array {
  const s = spread / Math.sqrt(DIM);
  return unit(Float64Array.from(centre, (c) => c + normal() * s));
}
// Two levels, as real embeddings have: topics (botox, parking…) and, inside each, sub-topics (price, downtime…).
const topics = Array.from({ length: TOPICS }, () => unit(Float64Array.from({ length: DIM }, normal)));
const centres = topics.flatMap((t) => Array.from({ length: SUBTOPICS }, () => near(t, 0.6)));
const POINT_SPREAD = 0.35;
const literal = (v: Float64Array) => `[${Array.from(v, (x) => x.toPrecision(5)).join(',')}]`;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function ensureDatabase(): Promise<void> {
  const admin = new URL(BASE_URL);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await c.end();
  const session = await SchemaEngineSession.open(BASE_URL);
  try {
    await session.applyMigrations();
  } finally {
    session.close();
  }
}

async function load(client: import('pg').Client): Promise<string[]> {
  // Same data as a previous run (deterministic generator): keep it unless BENCH_RELOAD is set.
  const existing = await client.query(`SELECT count(*)::int AS n, count(DISTINCT clinic_id)::int AS c FROM embeddings WHERE source_type = 'bench'`);
  if (!process.env.BENCH_RELOAD && existing.rows[0].n === ROWS && existing.rows[0].c === CLINICS) {
    const ids = await client.query(`SELECT id FROM clinics WHERE slug LIKE 'bench-%' ORDER BY (substring(slug from 7))::int`);
    console.log(`load: reusing ${ROWS} rows from the previous run (BENCH_RELOAD=1 to regenerate)`);
    await client.query('DROP INDEX IF EXISTS idx_embeddings_vector');
    return ids.rows.map((r) => r.id as string);
  }
  await client.query('TRUNCATE embeddings');
  await client.query(`DELETE FROM clinics WHERE slug LIKE 'bench-%'`);
  const clinicIds: string[] = [];
  for (let i = 0; i < CLINICS; i++) {
    const r = await client.query(`INSERT INTO clinics (name, slug) VALUES ($1, $2) RETURNING id`, [`Bench ${i}`, `bench-${i}`]);
    clinicIds.push(r.rows[0].id);
  }
  // The index is built after the load (faster, and its build time is one of the figures).
  await client.query('DROP INDEX IF EXISTS idx_embeddings_vector');
  const started = performance.now();
  const perClinic = Math.ceil(ROWS / CLINICS);
  const BATCH = 400;
  let inserted = 0;
  for (let ci = 0; ci < CLINICS && inserted < ROWS; ci++) {
    // Each clinic favours 16 topics (half its rows); the other half spreads over everything.
    const favourite = Array.from({ length: 16 }, () => Math.floor(rand() * TOPICS));
    let left = Math.min(perClinic, ROWS - inserted);
    while (left > 0) {
      const n = Math.min(BATCH, left);
      const values: string[] = [];
      const params: string[] = [];
      for (let j = 0; j < n; j++) {
        const topic = rand() < 0.5 ? favourite[Math.floor(rand() * favourite.length)]! : Math.floor(rand() * TOPICS);
        const sub = topic * SUBTOPICS + Math.floor(rand() * SUBTOPICS);
        params.push(literal(near(centres[sub]!, POINT_SPREAD)));
        values.push(`($1::uuid, 'bench', gen_random_uuid(), 'topic ${topic}', $${params.length + 1}::vector)`);
      }
      await client.query(`INSERT INTO embeddings (clinic_id, source_type, source_id, content, embedding) VALUES ${values.join(',')}`, [
        clinicIds[ci],
        ...params,
      ]);
      left -= n;
      inserted += n;
    }
    if ((ci + 1) % 10 === 0) process.stdout.write(`  loaded ${inserted} rows (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  console.log(`load: ${inserted} rows in ${((performance.now() - started) / 1000).toFixed(1)} s (multi-row INSERT, ${BATCH} rows per statement)`);
  return clinicIds;
}

async function main(): Promise<void> {
  await ensureDatabase();
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  const clinicIds = await load(client);
  await client.query('ANALYZE embeddings');

  // Same definition as the migration (m = 16, ef_construction = 64); more build memory than the default.
  await client.query(`SET maintenance_work_mem = '2GB'`);
  await client.query(`SET max_parallel_maintenance_workers = 1`);
  const t0 = performance.now();
  await client.query(`CREATE INDEX idx_embeddings_vector ON embeddings USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)`);
  const buildS = (performance.now() - t0) / 1000;
  await client.query('ANALYZE embeddings');
  const sizes = await client.query(
    `SELECT pg_relation_size('idx_embeddings_vector') AS idx, pg_total_relation_size('embeddings') AS total, pg_relation_size('embeddings') AS heap, count(*) AS n FROM embeddings`,
  );
  const s = sizes.rows[0];
  console.log(
    `HNSW build: ${buildS.toFixed(1)} s; index ${mb(Number(s.idx))} (pg_relation_size); table ${mb(Number(s.heap))} heap, ${mb(Number(s.total))} total with TOAST and indexes; rows ${s.n}`,
  );
  // Warm the index and the heap into memory, as a running service would have them.
  await client.query(`SELECT count(*) FROM (SELECT embedding FROM embeddings) x`);
  await client.query(`CREATE EXTENSION IF NOT EXISTS pg_prewarm`).catch(() => undefined);
  await client.query(`SELECT pg_prewarm('idx_embeddings_vector')`).catch(() => undefined);

  const db = createDb(BASE_URL, { max: 4 });
  const queries = Array.from({ length: QUERIES }, () => ({
    clinicId: clinicIds[Math.floor(rand() * clinicIds.length)]!,
    vector: Array.from(near(centres[Math.floor(rand() * centres.length)]!, POINT_SPREAD)),
  }));

  // The plan of the production path: searchNearest's own settings and query, through Prisma.
  const q0 = queries[0]!;
  const planRows = (
    await db.$transaction([
      ...searchSettings(64).map((sql) => db.$queryRawUnsafe(sql)),
      db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN (COSTS OFF) ${nearestQueryForExplain(true)}`, `[${q0.vector.join(',')}]`, q0.clinicId, K),
    ])
  ).at(-1) as { 'QUERY PLAN': string }[];
  const nodes = planRows.map((r) => r['QUERY PLAN']).filter((l) => /Scan|Sort\b|Limit/.test(l) && !/Key/.test(l));
  console.log(`plan of searchNearest: ${nodes.map((l) => l.replace(/->/, '').trim()).join(' → ')}`);
  const settings = await client.query(`SELECT current_setting('shared_buffers') AS sb`);
  console.log(
    `server: shared_buffers ${settings.rows[0].sb}, ${cpus().length} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (other work on the machine inflates latencies)`,
  );

  // Exact answers first (the recall baseline), timed too.
  const exact: string[][] = [];
  const exactMs: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const r = await searchExact(db, q.vector, { clinicId: q.clinicId, k: K });
    exactMs.push(performance.now() - t);
    exact.push(r.map((x) => x.id));
  }
  console.log(`exact search (btree clinic filter + sort): p50 ${pct(exactMs, 50).toFixed(2)} ms, p95 ${pct(exactMs, 95).toFixed(2)} ms`);

  const results: { ef: number; p50: number; p95: number; recall: number; short: number }[] = [];
  for (const ef of EFS) {
    // Warm-up pass over the same queries: a running service keeps its hot index pages cached.
    for (const q of queries) await searchNearest(db, q.vector, { clinicId: q.clinicId, k: K, efSearch: ef, exact: false });
    const ms: number[] = [];
    let found = 0;
    let short = 0;
    for (const [i, q] of queries.entries()) {
      const t = performance.now();
      const r = await searchNearest(db, q.vector, { clinicId: q.clinicId, k: K, efSearch: ef, exact: false });
      ms.push(performance.now() - t);
      if (r.length < K) short++;
      const truth = new Set(exact[i]);
      found += r.filter((x) => truth.has(x.id)).length;
      if (r.some((x) => x.clinicId !== q.clinicId && x.clinicId !== null)) throw new Error('tenant leak: a row of another clinic was returned');
    }
    results.push({ ef, p50: pct(ms, 50), p95: pct(ms, 95), recall: found / (queries.length * K), short });
  }
  console.log(
    `\nclinic-filtered top-${K} over ${Number(s.n).toLocaleString('en')} rows / ${CLINICS} clinics, ${QUERIES} queries, HNSW m=16 ef_construction=64, iterative_scan=relaxed_order:`,
  );
  console.log('  ef_search   p50 ms   p95 ms   recall@10   short results');
  for (const r of results)
    console.log(
      `  ${String(r.ef).padStart(9)}   ${r.p50.toFixed(2).padStart(6)}   ${r.p95.toFixed(2).padStart(6)}   ${r.recall.toFixed(3).padStart(9)}   ${r.short}`,
    );
  // What the consultant runs: searchNearest's own choice (exact up to EXACT_SEARCH_MAX_ROWS candidate rows).
  {
    const ms: number[] = [];
    let found = 0;
    for (const q of queries) await searchNearest(db, q.vector, { clinicId: q.clinicId, k: K, efSearch: 64 });
    for (const [i, q] of queries.entries()) {
      const t = performance.now();
      const r = await searchNearest(db, q.vector, { clinicId: q.clinicId, k: K, efSearch: 64 });
      ms.push(performance.now() - t);
      const truth = new Set(exact[i]);
      found += r.filter((x) => truth.has(x.id)).length;
    }
    const perClinic = Math.round(Number(s.n) / CLINICS);
    console.log(
      `\nproduction path (searchNearest default; ~${perClinic} rows per clinic → ${perClinic <= EXACT_SEARCH_MAX_ROWS ? 'exact' : 'HNSW'}, threshold ${EXACT_SEARCH_MAX_ROWS}): p50 ${pct(ms, 50).toFixed(2)} ms, p95 ${pct(ms, 95).toFixed(2)} ms, recall@10 ${(found / (queries.length * K)).toFixed(3)}`,
    );
  }
  const ok = results.filter((r) => r.p95 < TARGET_P95_MS && r.recall >= TARGET_RECALL);
  const chosen = ok.sort((x, y) => x.p95 - y.p95)[0];
  if (chosen) {
    console.log(
      `\nchosen hnsw.ef_search = ${chosen.ef}: p95 ${chosen.p95.toFixed(2)} ms < ${TARGET_P95_MS} ms, recall@10 ${chosen.recall.toFixed(3)} ≥ ${TARGET_RECALL}`,
    );
  } else {
    console.log(`\nno ef_search met p95 < ${TARGET_P95_MS} ms with recall@10 ≥ ${TARGET_RECALL}`);
  }
  await db.$disconnect();
  await client.end();
  if (!chosen) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
