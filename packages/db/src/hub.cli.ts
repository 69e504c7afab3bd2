// `pnpm hub <command>`: operator commands.
//   demo:accounts                                   every messenger account with decrypted secrets (JSON)
//   create-superadmin --email E --password P --name N
//   rotate-keys                                     re-encrypt every credential with the current key
import '@hub/config/dotenv';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import { databaseEnv, encryptionEnv, loadConfig } from '@hub/config';
import { createDb } from './client';
import { Keyring } from './crypto';
import { passwordProblem } from './password-policy';
import { rotateAlertSecrets, rotateCredentialKeys } from './rotate-keys';
import { SIGNATURE_HEADERS, type Platform } from './seed/accounts';

const USAGE = `usage: pnpm hub <command>
  demo:accounts                                        print every messenger account (id, platform, webhook URL, secrets) as JSON
  create-superadmin --email <e> --password <p> --name <n>   create a platform superadmin (password >= 10 characters, not a common one)
  rotate-keys                                          re-encrypt every messenger account credential and alert secret (VAPID key, Slack/webhook channels) with the first key of
                                                       CREDENTIALS_ENCRYPTION_KEYS (batches, idempotent); then older keys can be removed
`;

async function rotateKeys(): Promise<number> {
  const config = loadConfig(z.object({ ...databaseEnv, ...encryptionEnv }), 'hub');
  const keyring = new Keyring(config.CREDENTIALS_ENCRYPTION_KEYS);
  const db = createDb(config.DATABASE_URL, { max: 1 });
  try {
    const c = await rotateCredentialKeys(db, keyring, {
      onBatch: (n) => process.stderr.write(`[hub] rotate-keys: ${n.scanned} scanned, ${n.rotated} rotated so far\n`),
    });
    const a = await rotateAlertSecrets(db, keyring);
    const view = (n: typeof c) => ({ scanned: n.scanned, rotated: n.rotated, alreadyCurrent: n.current, changedMeanwhile: n.skipped, failed: n.failed });
    process.stdout.write(`${JSON.stringify({ key: keyring.currentKeyId, ...view(c), alertSecrets: view(a) }, null, 2)}\n`);
    if (c.failed.length || a.failed.length) {
      process.stderr.write(
        `[hub] ${c.failed.length} account(s) and ${a.failed.length} alert secret(s) could not be decrypted and were left as they are: keep their key until they are fixed\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
}

async function demoAccounts(): Promise<number> {
  const config = loadConfig(z.object({ ...databaseEnv, ...encryptionEnv }), 'hub');
  const keyring = new Keyring(config.CREDENTIALS_ENCRYPTION_KEYS);
  const db = createDb(config.DATABASE_URL, { max: 1 });
  try {
    const rows = await db.messengerAccount.findMany({
      select: { id: true, messengerType: true, accountName: true, webhookUrl: true, credentials: true, clinic: { select: { slug: true } } },
      orderBy: [{ clinic: { slug: 'asc' } }, { messengerType: 'asc' }, { accountName: 'asc' }],
    });
    let failed = 0;
    const out = rows.map((r) => {
      let secrets: unknown = null;
      let error: string | undefined;
      try {
        secrets = keyring.decrypt(r.credentials, r.id);
      } catch (err) {
        failed++;
        error = `cannot decrypt credentials: ${err instanceof Error ? err.message : String(err)}`;
      }
      return {
        id: r.id,
        clinicSlug: r.clinic.slug,
        platform: r.messengerType,
        accountName: r.accountName,
        webhookUrl: r.webhookUrl,
        secrets,
        signatureHeader: SIGNATURE_HEADERS[r.messengerType as Platform] ?? null,
        ...(error ? { error } : {}),
      };
    });
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    if (failed)
      process.stderr.write(
        `[hub] ${failed} account(s) could not be decrypted with CREDENTIALS_ENCRYPTION_KEYS (re-run pnpm db:seed with the same key, or supply the old key)\n`,
      );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

async function createSuperadmin(argv: string[]): Promise<number> {
  let values: { email?: string; password?: string; name?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } }, strict: true }));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const email = values.email?.trim().toLowerCase();
  const name = values.name?.trim();
  const password = values.password ?? '';
  if (!email || !name || !values.password) {
    process.stderr.write(`create-superadmin needs --email, --password and --name\n${USAGE}`);
    return 2;
  }
  if (!z.email().safeParse(email).success) {
    process.stderr.write(`"${email}" is not a valid email address\n`);
    return 1;
  }
  const weak = passwordProblem(password);
  if (weak) {
    process.stderr.write(`password refused: ${weak.message}\n`);
    return 1;
  }
  const config = loadConfig(z.object(databaseEnv), 'hub');
  const db = createDb(config.DATABASE_URL, { max: 1 });
  try {
    if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
      process.stderr.write(`a user with email ${email} already exists\n`);
      return 1;
    }
    const user = await db.user.create({ data: { email, name, role: 'superadmin', clinicId: null, passwordHash: await hash(password) }, select: { id: true } });
    process.stdout.write(`created superadmin ${email} (${user.id})\n`);
    return 0;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'P2002') {
      process.stderr.write(`a user with email ${email} already exists\n`);
      return 1;
    }
    throw err;
  } finally {
    await db.$disconnect();
  }
}

const [command, ...rest] = process.argv.slice(2);
let code: number;
switch (command) {
  case 'demo:accounts':
    code = await demoAccounts();
    break;
  case 'rotate-keys':
    code = await rotateKeys();
    break;
  case 'create-superadmin':
    code = await createSuperadmin(rest);
    break;
  default:
    process.stderr.write(command ? `unknown command: ${command}\n${USAGE}` : USAGE);
    code = 2;
}
process.exitCode = code;
