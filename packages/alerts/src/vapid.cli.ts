// `pnpm alerts:vapid` (run by infra/setup.sh): makes the hub's web-push VAPID key pair if there is none,
// stored encrypted in alert_keys, and prints the public key. Idempotent: a second run prints the same key.
// `--replace-undecryptable` (setup passes it): a stored pair that CREDENTIALS_ENCRYPTION_KEYS cannot decrypt
// (a new .env over an existing database) is replaced, and the push subscriptions made for it are dropped.
import '@hub/config/dotenv';
import { z } from 'zod';
import { databaseEnv, encryptionEnv, loadConfig } from '@hub/config';
import { createDb, Keyring } from '@hub/db';
import { replaceVapidKeys, vapidKeys } from './vapid';

const config = loadConfig(z.object({ ...databaseEnv, ...encryptionEnv }), 'alerts');
const keyring = new Keyring(config.CREDENTIALS_ENCRYPTION_KEYS);
const db = createDb(config.DATABASE_URL, { max: 1 });
try {
  let keys;
  try {
    keys = await vapidKeys(db, keyring);
  } catch (err) {
    if (!process.argv.includes('--replace-undecryptable')) throw err;
    const replaced = await replaceVapidKeys(db, keyring);
    process.stderr.write(
      `[alerts] ${(err as Error).message}: made a new VAPID key pair; ${replaced.droppedSubscriptions} push subscription(s) for the old one dropped (users enable push again)\n`,
    );
    keys = replaced.keys;
  }
  process.stdout.write(`web push VAPID public key: ${keys.publicKey}\n`);
} finally {
  await db.$disconnect();
}
