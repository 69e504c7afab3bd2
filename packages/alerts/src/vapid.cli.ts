// `pnpm alerts:vapid` (run by infra/setup.sh): makes the hub's web-push VAPID key pair if there is none,
// stored encrypted in alert_keys, and prints the public key. Idempotent: a second run prints the same key.
import '@hub/config/dotenv';
import { z } from 'zod';
import { databaseEnv, encryptionEnv, loadConfig } from '@hub/config';
import { createDb, Keyring } from '@hub/db';
import { vapidKeys } from './vapid';

const config = loadConfig(z.object({ ...databaseEnv, ...encryptionEnv }), 'alerts');
const db = createDb(config.DATABASE_URL, { max: 1 });
try {
  const keys = await vapidKeys(db, new Keyring(config.CREDENTIALS_ENCRYPTION_KEYS));
  process.stdout.write(`web push VAPID public key: ${keys.publicKey}\n`);
} finally {
  await db.$disconnect();
}
