import pg from 'pg';
import { SchemaEngineSession } from '../migrate/schema-engine';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic_hub_test';

/** Creates the test database when missing and applies pending migrations (Prisma's own engine). */
export async function prepareTestDatabase(url = TEST_DATABASE_URL): Promise<void> {
  const u = new URL(url);
  const dbName = u.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (!rowCount) await client.query(`CREATE DATABASE "${dbName.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const session = await SchemaEngineSession.open(url);
  try {
    await session.applyMigrations();
  } finally {
    session.close();
  }
}

/** Drops and creates the database afresh (UTF-8) and applies every migration: a scratch database for evals and drills. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1).replace(/"/g, '');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
  const session = await SchemaEngineSession.open(url);
  try {
    await session.applyMigrations();
  } finally {
    session.close();
  }
}
