import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../src/client';
import { Keyring, generateKeySpec } from '../src/crypto';
import { rotateAlertSecrets, rotateCredentialKeys } from '../src/rotate-keys';

const db: Db = createDb(process.env.DATABASE_URL!);
const kOld = generateKeySpec('k_old');
const kNew = generateKeySpec('k_new');
let clinicId: string;
const ids: string[] = [];
const secrets = (i: number) => ({ channelSecret: `secret-${i}`, accessToken: `tok-${i}` });

beforeAll(async () => {
  clinicId = (await db.clinic.create({ data: { name: '키교체의원', slug: `rotate-${randomUUID()}` } })).id;
  const old = new Keyring(kOld);
  for (let i = 0; i < 5; i++) {
    const id = randomUUID();
    ids.push(id);
    await db.messengerAccount.create({
      data: { id, clinicId, messengerType: 'line', accountName: `rot_${i}`, credentials: old.encrypt(secrets(i), id) as object, credentialsKeyId: 'k_old' },
    });
  }
});
afterAll(() => db.$disconnect());

describe('pnpm hub rotate-keys', () => {
  it('re-encrypts every account under the new key in batches; afterwards the old key can go; a second run is a no-op', async () => {
    const both = new Keyring(`${kNew},${kOld}`);
    const batches: number[] = [];
    const first = await rotateCredentialKeys(db, both, { clinicId, batchSize: 2, onBatch: (c) => batches.push(c.scanned) });
    expect(first).toMatchObject({ scanned: 5, rotated: 5, current: 0, skipped: 0, failed: [] });
    expect(batches).toEqual([2, 4, 5]);

    const onlyNew = new Keyring(kNew);
    const rows = await db.messengerAccount.findMany({ where: { clinicId }, orderBy: { accountName: 'asc' } });
    for (const [i, r] of rows.entries()) {
      expect(r.credentialsKeyId).toBe('k_new');
      expect(r.credentials).toMatchObject({ v: 2, kid: 'k_new', aad: 'messenger_account' });
      expect(onlyNew.decrypt(r.credentials, r.id)).toEqual(secrets(i));
    }
    expect(() => new Keyring(kOld).decrypt(rows[0]!.credentials, rows[0]!.id)).toThrow(/unknown key id "k_new"/);

    const again = await rotateCredentialKeys(db, both, { clinicId });
    expect(again).toMatchObject({ scanned: 5, rotated: 0, current: 5, failed: [] });
  });

  it("a ciphertext copied into another account's row does not decrypt there", async () => {
    const k = new Keyring(kNew);
    const [a, b] = await db.messengerAccount.findMany({ where: { id: { in: ids.slice(0, 2) } }, orderBy: { id: 'asc' } });
    await db.messengerAccount.update({ where: { id: b!.id }, data: { credentials: a!.credentials as object } });
    expect(() => k.decrypt(a!.credentials, b!.id)).toThrow(/another row/);
    // The rotation reports it and leaves it alone rather than re-binding a stolen envelope to the row.
    const r = await rotateCredentialKeys(db, new Keyring(`${generateKeySpec('k_next')},${kNew}`), { clinicId });
    expect(r.failed.map((f) => f.id)).toEqual([b!.id]);
    expect(r.rotated).toBe(4);
  });
});

describe('pnpm hub rotate-keys: staff-alert secrets', () => {
  it("re-encrypts a clinic's Slack/webhook channel under the new key; a second run is a no-op", async () => {
    const id = randomUUID();
    const plain = { url: 'https://hooks.slack.example/T0/B0/x', secret: 'whsec_abc' };
    await db.alertChannel.create({
      data: { id, clinicId, type: 'slack', name: 'rot', config: new Keyring(kOld).encrypt(plain, id, 'alert_secret') as object },
    });
    const both = new Keyring(`${kNew},${kOld}`);
    const first = await rotateAlertSecrets(db, both, { clinicId });
    expect(first).toMatchObject({ scanned: 1, rotated: 1, failed: [] });
    const row = await db.alertChannel.findUniqueOrThrow({ where: { id } });
    expect(row.config).toMatchObject({ v: 2, kid: 'k_new', aad: 'alert_secret' });
    expect(new Keyring(kNew).decrypt(row.config, id)).toEqual(plain);
    expect(await rotateAlertSecrets(db, both, { clinicId })).toMatchObject({ scanned: 1, rotated: 0, current: 1 });
  });
});
