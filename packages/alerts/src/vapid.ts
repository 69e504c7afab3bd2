import webpush from 'web-push';
import type { Db, Keyring } from '@hub/db';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const ROW = 'vapid';

/**
 * The hub's VAPID key pair: made by infra/setup.sh (`pnpm alerts:vapid`) or on first need,
 * the private key stored encrypted like messenger credentials. Two processes racing both insert: the
 * first row wins and both read it back.
 */
export async function vapidKeys(db: Db, keyring: Keyring): Promise<VapidKeys> {
  let row = await db.alertKey.findUnique({ where: { id: ROW } });
  if (!row) {
    const fresh = webpush.generateVAPIDKeys();
    await db.alertKey.createMany({
      data: [{ id: ROW, publicKey: fresh.publicKey, secret: keyring.encrypt({ privateKey: fresh.privateKey }, ROW, 'alert_secret') as object }],
      skipDuplicates: true,
    });
    row = await db.alertKey.findUniqueOrThrow({ where: { id: ROW } });
  }
  try {
    const { privateKey } = keyring.decrypt(row.secret, ROW) as { privateKey: string };
    return { publicKey: row.publicKey, privateKey };
  } catch (err) {
    throw new Error(`the stored VAPID key cannot be decrypted with CREDENTIALS_ENCRYPTION_KEYS (${(err as Error).message})`, { cause: err });
  }
}

/**
 * A new key pair in place of one that cannot be decrypted (the database outlived the `.env` whose key
 * encrypted it). Browsers subscribed with the old public key cannot be reached with the new one, so their
 * subscriptions go too; each user enables push again.
 */
export async function replaceVapidKeys(db: Db, keyring: Keyring): Promise<{ keys: VapidKeys; droppedSubscriptions: number }> {
  const [, dropped] = await db.$transaction([db.alertKey.deleteMany({ where: { id: ROW } }), db.pushSubscription.deleteMany({})]);
  return { keys: await vapidKeys(db, keyring), droppedSubscriptions: dropped.count };
}
