import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createDbAndSql } from '../src/client';

// The hot-path runner shares Prisma's pool and prepares each call site once per connection.
const { db, sql, pool } = createDbAndSql(process.env.DATABASE_URL!, { max: 2, genericPlans: true });

afterAll(async () => {
  await db.$disconnect();
});

const slug = () => `sql-runner-${randomUUID()}`;

describe('createDbAndSql', () => {
  it('runs tagged templates as named prepared statements with pg parameters, on the pool Prisma uses', async () => {
    const s = slug();
    const at = new Date('2026-03-04T05:06:07.000Z');
    const insert = (name: string) => sql<{ id: string; created_at: Date; settings: { tags: string[] } }>`
      INSERT INTO clinics (name, slug, settings, created_at) VALUES (${name}, ${s + name}, ${JSON.stringify({ tags: ['a', 'b'] })}::jsonb, ${at}::timestamptz)
      RETURNING id, created_at, settings`;
    const [a] = await insert('가');
    const [b] = await insert('나');
    expect(a!.created_at).toEqual(at);
    expect(b!.settings).toEqual({ tags: ['a', 'b'] });
    // Prisma sees the rows (same database, same pool).
    expect(await db.clinic.count({ where: { slug: { startsWith: s } } })).toBe(2);

    const ids = [a!.id, b!.id];
    const rows = await sql<{ id: string }>`SELECT id FROM clinics WHERE id = ANY(${ids}::uuid[]) ORDER BY name`;
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(await sql.exec`UPDATE clinics SET phone = ${null} WHERE id = ANY(${ids}::uuid[])`).toBe(2);

    // One call site = one prepared statement, whatever the values.
    const prepared = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'hubsql\\_%'`;
    expect(prepared[0]!.n).toBeGreaterThan(0);
  });

  it('query(text, values) runs generated SQL', async () => {
    const s = slug();
    await db.clinic.create({ data: { name: 'x', slug: s } });
    const text = 'SELECT slug FROM clinics WHERE slug = $1';
    expect(await sql.query<{ slug: string }>(text, [s])).toEqual([{ slug: s }]);
  });

  it('worker connections use generic plans', async () => {
    const client = await pool.connect();
    try {
      const r = await client.query('SHOW plan_cache_mode');
      expect(r.rows[0].plan_cache_mode).toBe('force_generic_plan');
    } finally {
      client.release();
    }
  });

  it('bad SQL is an error naming the problem, and the pool stays usable', async () => {
    await expect(sql`SELECT no_such_column FROM clinics`).rejects.toThrow(/no_such_column/);
    expect(await sql<{ one: number }>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });
});
