// Creates the first platform superadmin (no clinic):
//   pnpm --filter @hub/api create-superadmin --email root@hub.local --name "Platform" [--password ...]
// Without --password the password is read from HUB_SUPERADMIN_PASSWORD (keeps it out of shell history).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDb } from '@hub/db';
import { databaseEnv, loadConfig } from '@hub/config';
import { hashPassword } from '../auth/password';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string', default: 'Platform admin' }, password: { type: 'string' }, 'reset-password': { type: 'boolean', default: false } },
});
const input = z
  .object({ email: z.string().email(), name: z.string().min(1).max(100), password: z.string().min(12, 'use at least 12 characters') })
  .safeParse({ email: values.email?.toLowerCase(), name: values.name, password: values.password ?? process.env.HUB_SUPERADMIN_PASSWORD });
if (!input.success) {
  for (const i of input.error.issues) process.stderr.write(`create-superadmin: ${i.path.join('.')}: ${i.message}\n`);
  process.stderr.write('usage: create-superadmin --email <email> [--name <name>] [--password <pw> | HUB_SUPERADMIN_PASSWORD=<pw>] [--reset-password]\n');
  process.exit(2);
}

const config = loadConfig(z.object(databaseEnv), 'create-superadmin');
const db = createDb(config.DATABASE_URL, { max: 1 });
try {
  const existing = await db.user.findUnique({ where: { email: input.data.email } });
  if (existing && existing.role !== 'superadmin') {
    process.stderr.write(`create-superadmin: ${input.data.email} already exists as a ${existing.role}; choose another email\n`);
    process.exitCode = 1;
  } else if (existing && !values['reset-password']) {
    process.stdout.write(`${JSON.stringify({ id: existing.id, email: existing.email, created: false })}\n`);
  } else {
    const passwordHash = await hashPassword(input.data.password);
    const user = existing
      ? await db.user.update({ where: { id: existing.id }, data: { passwordHash, failedLoginCount: 0, lockedUntil: null, isActive: true } })
      : await db.user.create({ data: { email: input.data.email, name: input.data.name, role: 'superadmin', clinicId: null, passwordHash } });
    await db.auditLog.create({ data: { clinicId: null, actorType: 'system', action: existing ? 'user.password_reset' : 'user.created', entityType: 'user', entityId: user.id, after: { email: user.email, role: 'superadmin' } } });
    process.stdout.write(`${JSON.stringify({ id: user.id, email: user.email, created: !existing })}\n`);
  }
} finally {
  await db.$disconnect();
}
