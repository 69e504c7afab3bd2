import type { Db } from './client';
import type { Keyring } from './crypto';

export interface RotationCounts {
  scanned: number;
  rotated: number;
  /** Already under the current key with AAD: nothing to do (a second run rotates none). */
  current: number;
  /** Changed by someone else between read and write; that write used the current key already. */
  skipped: number;
  /** Not decryptable with any configured key: left as they are, listed by id. */
  failed: { id: string; error: string }[];
}

/**
 * Re-encrypts every messenger account's credentials with the keyring's current key and the v2 AAD
 * envelope, batchSize rows at a time in id order. Idempotent; afterwards the older keys can be removed
 * from CREDENTIALS_ENCRYPTION_KEYS. Each write is conditional on the envelope read being still there, so
 * a concurrent credential change by an admin is never overwritten with the old value.
 */
export async function rotateCredentialKeys(
  db: Db,
  keyring: Keyring,
  opts: { batchSize?: number; clinicId?: string; onBatch?: (c: RotationCounts) => void } = {},
): Promise<RotationCounts> {
  const batchSize = opts.batchSize ?? 200;
  const counts: RotationCounts = { scanned: 0, rotated: 0, current: 0, skipped: 0, failed: [] };
  let after: string | undefined;
  for (;;) {
    const rows = await db.messengerAccount.findMany({
      where: { ...(opts.clinicId ? { clinicId: opts.clinicId } : {}), ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, credentials: true },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    for (const row of rows) {
      counts.scanned++;
      if (!keyring.needsRotation(row.credentials)) {
        counts.current++;
        continue;
      }
      let plain: unknown;
      try {
        plain = keyring.decrypt(row.credentials, row.id);
      } catch (err) {
        counts.failed.push({ id: row.id, error: (err as Error).message });
        continue;
      }
      const { count } = await db.messengerAccount.updateMany({
        where: { id: row.id, credentials: { equals: row.credentials as object } },
        data: { credentials: keyring.encrypt(plain, row.id) as object, credentialsKeyId: keyring.currentKeyId },
      });
      if (count === 1) counts.rotated++;
      else counts.skipped++;
    }
    opts.onBatch?.(counts);
    if (rows.length < batchSize) break;
  }
  return counts;
}

/**
 * The same rotation for the staff-alert secrets: the hub's VAPID private key (alert_keys.secret) and each
 * clinic's Slack/webhook channel (alert_channels.config: URL and signing secret). Conditional writes as
 * above; the VAPID row belongs to no clinic and is rotated only when no clinicId is given.
 */
export async function rotateAlertSecrets(db: Db, keyring: Keyring, opts: { clinicId?: string } = {}): Promise<RotationCounts> {
  const counts: RotationCounts = { scanned: 0, rotated: 0, current: 0, skipped: 0, failed: [] };
  const rotate = async (id: string, envelope: unknown, write: (next: object) => Promise<number>) => {
    counts.scanned++;
    if (!keyring.needsRotation(envelope)) return void counts.current++;
    let plain: unknown;
    try {
      plain = keyring.decrypt(envelope, id);
    } catch (err) {
      return void counts.failed.push({ id, error: (err as Error).message });
    }
    if ((await write(keyring.encrypt(plain, id, 'alert_secret') as object)) === 1) counts.rotated++;
    else counts.skipped++;
  };
  if (!opts.clinicId) {
    for (const k of await db.alertKey.findMany({ orderBy: { id: 'asc' } })) {
      await rotate(
        k.id,
        k.secret,
        async (secret) => (await db.alertKey.updateMany({ where: { id: k.id, secret: { equals: k.secret as object } }, data: { secret } })).count,
      );
    }
  }
  const channels = await db.alertChannel.findMany({ where: opts.clinicId ? { clinicId: opts.clinicId } : {}, orderBy: { id: 'asc' } });
  for (const c of channels) {
    await rotate(
      c.id,
      c.config,
      async (config) => (await db.alertChannel.updateMany({ where: { id: c.id, config: { equals: c.config as object } }, data: { config } })).count,
    );
  }
  return counts;
}
