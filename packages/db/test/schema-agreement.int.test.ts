import { describe, expect, it, beforeAll } from 'vitest';
import { readCatalog, runScript, withScratchDatabase, type Catalog } from '../src/migrate/catalog';
import { SchemaEngineSession, schemaTarget } from '../src/migrate/schema-engine';
import { TEST_DATABASE_URL } from '../src/testing/prepare-test-database';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../src/migrate/schema-engine';

// The migrated test database must equal what Prisma's own engine generates for schema.prisma
// (built here in a scratch database from `diff(empty → schema.prisma)`), plus the documented
// hand-written extras. A column, index or unique forgotten in a migration fails this test.

const EXTRAS_SQL = readFileSync(path.join(MIGRATIONS_DIR, '20261121000100_checks_hnsw_triggers/migration.sql'), 'utf8');

let expected: Catalog;
let actual: Catalog;

beforeAll(async () => {
  const engine = await SchemaEngineSession.open(TEST_DATABASE_URL);
  const generated = await engine.diff({ tag: 'empty' }, schemaTarget());
  engine.close();
  expected = await withScratchDatabase(TEST_DATABASE_URL, `schema_agreement_${process.pid}`, async (url) => {
    await runScript(url, generated);
    return readCatalog(url);
  });
  actual = await readCatalog(TEST_DATABASE_URL);
}, 120_000);

describe('migrations agree with schema.prisma', () => {
  it('has every column with the same type, nullability and default', () => {
    const missing = [...expected.columns].filter(([k, v]) => actual.columns.get(k) !== v).map(([k, v]) => `${k}: want "${v}", got "${actual.columns.get(k)}"`);
    expect(missing).toEqual([]);
    const extra = [...actual.columns.keys()].filter((k) => !expected.columns.has(k));
    expect(extra).toEqual([]);
  });

  it('has every index and unique with the same definition', () => {
    const missing = [...expected.indexes].filter(([k, v]) => actual.indexes.get(k) !== v).map(([k]) => k);
    expect(missing).toEqual([]);
    const extra = [...actual.indexes.keys()].filter((k) => !expected.indexes.has(k));
    expect(extra).toEqual(['idx_embeddings_vector']);
  });

  it('has every foreign key and primary key', () => {
    const missing = [...expected.constraints].filter(([k, v]) => actual.constraints.get(k) !== v).map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it('has the hand-written extras: checks, HNSW (m=16, ef_construction=64), partial index, updated_at triggers', () => {
    const checkNames = [...EXTRAS_SQL.matchAll(/ADD CONSTRAINT "(\w+)" CHECK/g)].map((m) => m[1]);
    expect(checkNames.length).toBeGreaterThan(20);
    for (const name of checkNames)
      expect(
        [...actual.constraints.keys()].some((k) => k.endsWith(`.${name}`)),
        name,
      ).toBe(true);
    expect(actual.indexes.get('idx_embeddings_vector')).toMatch(/USING hnsw \(embedding vector_cosine_ops\) WITH \(m='16', ef_construction='64'\)/);
    expect(actual.indexes.get('idx_crm_events_schedule')).toMatch(/WHERE \(\(status\)::text = 'scheduled'::text\)/);
    const updatedAtTables = [...actual.columns.keys()].filter((k) => k.endsWith('.updated_at')).map((k) => k.split('.')[0]);
    expect(updatedAtTables.length).toBeGreaterThan(10);
    for (const t of updatedAtTables) expect(actual.triggers.has(`${t}.${t}_set_updated_at`), t).toBe(true);
    expect(actual.extensions.has('vector')).toBe(true);
  });

  it('covers every table of the seed design', () => {
    const tables = new Set([...actual.columns.keys()].map((k) => k.split('.')[0]));
    for (const t of [
      'clinics',
      'users',
      'messenger_accounts',
      'customers',
      'conversations',
      'messages',
      'ai_personas',
      'cultural_profiles',
      'response_library',
      'procedure_categories',
      'procedures',
      'clinic_procedures',
      'procedure_pricing',
      'bookings',
      'payments',
      'crm_events',
      'satisfaction_surveys',
      'satisfaction_scores',
      'consultation_performance',
      'settlements',
      'medical_terms',
      'embeddings',
      'audit_logs',
    ])
      expect(tables.has(t), t).toBe(true);
  });
});
