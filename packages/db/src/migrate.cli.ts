import '@hub/config/dotenv';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { databaseEnv, loadConfig } from '@hub/config';
import { MIGRATIONS_DIR, SchemaEngineSession, schemaTarget } from './migrate/schema-engine';

// pnpm db:migrate                 apply pending migrations (recorded in _prisma_migrations as Prisma does)
// pnpm db:migrate --create <name> apply pending, then write a new migration with what schema.prisma adds
const { DATABASE_URL } = loadConfig(z.object(databaseEnv), 'db:migrate');
const args = process.argv.slice(2);
const createIdx = args.indexOf('--create');

const session = await SchemaEngineSession.open(DATABASE_URL);
try {
  const applied = await session.applyMigrations();
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'No pending migrations.');
  if (createIdx >= 0) {
    const name = args[createIdx + 1];
    if (!name || !/^[a-z0-9_]+$/.test(name)) {
      console.error('db:migrate --create needs a snake_case name, e.g. --create add_notes');
      process.exit(2);
    }
    const sql = await session.diff({ tag: 'url', url: DATABASE_URL }, schemaTarget());
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log('schema.prisma and the database agree: nothing to create.');
    } else {
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'migration.sql'), sql);
      console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
      const more = await session.applyMigrations();
      console.log(`Applied ${more.join(', ')}`);
    }
  }
} finally {
  session.close();
}
