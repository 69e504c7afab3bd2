// `pnpm db:seed`: loads the demo data into DATABASE_URL (idempotent).
import '@hub/config/dotenv';
import { z } from 'zod';
import { databaseEnv, encryptionEnv, loadConfig } from '@hub/config';
import { createDb } from '../client';
import { Keyring } from '../crypto';
import { seedDemo } from './seed';

const SeedConfigSchema = z.object({
  ...databaseEnv,
  ...encryptionEnv,
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:3001'),
});

const config = loadConfig(SeedConfigSchema, 'seed');
const db = createDb(config.DATABASE_URL, { max: 2 });
try {
  const summary = await seedDemo(db, new Keyring(config.CREDENTIALS_ENCRYPTION_KEYS), { publicBaseUrl: config.PUBLIC_BASE_URL });
  const counts = Object.entries(summary.counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  process.stdout.write(`seeded demo data: ${counts} (daybeauclinic=${summary.demoClinicId}, cheongdamline=${summary.secondClinicId})\n`);
} catch (err) {
  process.stderr.write(`[seed] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
