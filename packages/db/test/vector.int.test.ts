import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pgvector from 'pgvector';
import { createDb, createDbAndSql, type Db } from '../src/client';
import { nearestQueryForExplain, searchNearest, searchSettings, EMBEDDING_DIMENSIONS } from '../src/vector';
import { withScratchDatabase } from '../src/migrate/catalog';
import { SchemaEngineSession } from '../src/migrate/schema-engine';

// 20k stored embeddings over 20 clinics in a scratch database: a clinic-filtered top-10 cosine search
// must use the HNSW index and stay complete (iterative index scan), and never return another clinic's rows.
const N = 20_000;
const clinics: string[] = [];
let db: Db;
let scratchUrl: string;
let release: () => void;
let done: Promise<void>;

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}
function vec(r: () => number): number[] {
  const v = Array.from({ length: EMBEDDING_DIMENSIONS }, () => r() - 0.5);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

beforeAll(async () => {
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  done = withScratchDatabase(process.env.DATABASE_URL!, `vector_test_${process.pid}`, async (url) => {
    const s = await SchemaEngineSession.open(url);
    await s.applyMigrations();
    s.close();
    scratchUrl = url;
    db = createDb(url);
    for (let i = 0; i < 20; i++) clinics.push((await db.clinic.create({ data: { name: `벡터 ${i}`, slug: `vector-${i}` } })).id);
    // Bulk load without the index, then build it once (as a restore would): minutes become seconds.
    const [{ def }] = (await db.$queryRawUnsafe<{ def: string }[]>(`SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'idx_embeddings_vector'`)) as [
      { def: string },
    ];
    await db.$executeRawUnsafe('DROP INDEX idx_embeddings_vector');
    const r = rand(42);
    for (let start = 0; start < N; start += 500) {
      const values: string[] = [];
      const params: unknown[] = [];
      for (let i = start; i < start + 500; i++) {
        params.push(clinics[i % clinics.length], randomUUID(), `row ${i}`, pgvector.toSql(vec(r)));
        const b = params.length;
        values.push(`($${b - 3}::uuid, 'procedure', $${b - 2}::uuid, $${b - 1}, $${b}::vector)`);
      }
      await db.$executeRawUnsafe(`INSERT INTO embeddings (clinic_id, source_type, source_id, content, embedding) VALUES ${values.join(',')}`, ...params);
    }
    await db.$executeRawUnsafe(`SET maintenance_work_mem = '512MB'`);
    await db.$executeRawUnsafe(`SET max_parallel_maintenance_workers = 2`);
    await db.$executeRawUnsafe(def);
    await db.$executeRawUnsafe('ANALYZE embeddings');
    ready();
    await new Promise<void>((r) => (release = r));
    await db.$disconnect();
  });
  await Promise.race([isReady, done]);
}, 300_000);

afterAll(async () => {
  release?.();
  await done;
});

describe('nearest-neighbour search over 20k embeddings', () => {
  it("the exact path is exact: its i-th best is never worse than the HNSW path's i-th best", async () => {
    const q = vec(rand(11));
    const exact = await searchNearest(db, q, { clinicId: clinics[5]!, k: 10, exact: true });
    const hnsw = await searchNearest(db, q, { clinicId: clinics[5]!, k: 10, exact: false, efSearch: 200 });
    expect(exact).toHaveLength(10);
    expect(hnsw).toHaveLength(10);
    exact.forEach((e, i) => expect(e.score).toBeGreaterThanOrEqual(hnsw[i]!.score - 1e-9));
    expect(new Set(exact.map((h) => h.clinicId))).toEqual(new Set([clinics[5]]));
  });

  it("the exact path on pg's own runner (vector sent in binary) finds what Prisma's raw query (vector as text) finds", async () => {
    const { db: other, sql } = createDbAndSql(scratchUrl, { max: 1 });
    try {
      expect(sql.binaryBuffers).toBe(true);
      for (const seed of [21, 22, 23]) {
        const q = vec(rand(seed));
        const asText = await searchNearest(db, q, { clinicId: clinics[2]!, k: 10, exact: true });
        const asBinary = await searchNearest(db, q, { clinicId: clinics[2]!, k: 10, exact: true, sql });
        expect(asBinary.map((h) => h.id)).toEqual(asText.map((h) => h.id));
        asBinary.forEach((h, i) => expect(h.score).toBeCloseTo(asText[i]!.score, 6));
      }
      // A wrong dimension count is refused before anything reaches the server.
      await expect(searchNearest(db, [1, 2, 3], { clinicId: clinics[2]!, exact: true, sql })).rejects.toThrow(/1536 dimensions, got 3/);
    } finally {
      await other.$disconnect();
    }
  });

  it('EXPLAIN of a clinic-filtered top-10 cosine search uses the HNSW index', async () => {
    const q = pgvector.toSql(vec(rand(7)));
    const plan = (
      await db.$transaction([
        ...searchSettings().map((sql) => db.$queryRawUnsafe(sql)),
        db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${nearestQueryForExplain()}`, q, clinics[0], 10),
      ])
    ).at(-1) as { 'QUERY PLAN': string }[];
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Scan using idx_embeddings_vector/);
  });

  it('returns k rows of the clinic only through HNSW, though the clinic holds 5% of the rows (iterative scan)', async () => {
    const hits = await searchNearest(db, vec(rand(9)), { clinicId: clinics[3]!, k: 10, exact: false });
    expect(hits).toHaveLength(10);
    expect(new Set(hits.map((h) => h.clinicId))).toEqual(new Set([clinics[3]]));
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });
});
