import pg from 'pg';

/** A comparable snapshot of a database's public schema: columns, indexes, constraints, triggers. */
export interface Catalog {
  columns: Map<string, string>;
  indexes: Map<string, string>;
  constraints: Map<string, string>;
  triggers: Set<string>;
  extensions: Set<string>;
}

export async function readCatalog(url: string): Promise<Catalog> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const cols = await c.query(`
      SELECT table_name, column_name,
             format_type(a.atttypid, a.atttypmod) AS type, is_nullable, coalesce(column_default, '') AS dflt
      FROM information_schema.columns ic
      JOIN pg_attribute a ON a.attrelid = (quote_ident(ic.table_schema) || '.' || quote_ident(ic.table_name))::regclass
                          AND a.attname = ic.column_name
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const idx = await c.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    const cons = await c.query(`
      SELECT conrelid::regclass::text || '.' || conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`);
    const trg = await c.query(`SELECT tgrelid::regclass::text || '.' || tgname AS name FROM pg_trigger WHERE NOT tgisinternal`);
    const ext = await c.query(`SELECT extname FROM pg_extension`);
    return {
      columns: new Map(cols.rows.map((r) => [`${r.table_name}.${r.column_name}`, `${r.type} ${r.is_nullable === 'YES' ? 'NULL' : 'NOT NULL'} ${r.dflt}`])),
      indexes: new Map(idx.rows.map((r) => [r.indexname as string, r.indexdef as string])),
      constraints: new Map(cons.rows.map((r) => [r.name as string, r.def as string])),
      triggers: new Set(trg.rows.map((r) => r.name as string)),
      extensions: new Set(ext.rows.map((r) => r.extname as string)),
    };
  } finally {
    await c.end();
  }
}

export async function withScratchDatabase<T>(baseUrl: string, name: string, fn: (url: string) => Promise<T>): Promise<T> {
  const admin = new URL(baseUrl);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}"`);
  await c.query(`CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  }
}

export async function runScript(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
