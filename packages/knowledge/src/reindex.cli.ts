// pnpm knowledge:reindex — (re)builds the knowledge index (embeddings) of the global medical terms and of
// every active clinic, as the knowledge-index jobs do one source at a time. `pnpm start` runs it after
// seeding, so the demo clinic answers from its procedures, prices and FAQ from the first message.
import '@hub/config/dotenv';
import { AiConfigSchema } from '@hub/ai';
import { loadConfig } from '@hub/config';
import { createDb } from '@hub/db';
import { z } from 'zod';
import { reindexClinic, reindexGlobal } from './indexing/index-source.usecase';

const config = loadConfig(AiConfigSchema.extend({ DATABASE_URL: z.string().url() }), 'knowledge:reindex');
const db = createDb(config.DATABASE_URL, { max: 4 });
try {
  const deps = { db, ai: config };
  const g = await reindexGlobal(deps);
  console.log(`global: ${g.rows} rows from ${g.sources} medical terms (${g.ms} ms)`);
  for (const clinic of await db.clinic.findMany({ where: { isActive: true }, select: { id: true, slug: true } })) {
    const c = await reindexClinic(deps, clinic.id);
    console.log(`${clinic.slug}: ${c.rows} rows from ${c.sources} sources, ${c.orphansRemoved} stale removed (${c.ms} ms)`);
  }
} finally {
  await db.$disconnect();
}
