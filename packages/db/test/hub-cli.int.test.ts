import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/client';

const root = path.resolve(import.meta.dirname, '../../..');
const db = createDb(process.env.DATABASE_URL!, { max: 1 });
afterAll(() => db.$disconnect());

const hub = (...args: string[]) =>
  spawnSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'packages/db/src/hub.cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('pnpm hub create-superadmin', () => {
  it.each([
    ['12345678', /at least 10 characters/],
    ['password123', /commonly used/],
  ])('refuses %s naming the rule', (pw, rule) => {
    const email = `root-${randomUUID().slice(0, 8)}@hub.test`;
    const r = hub('create-superadmin', '--email', email, '--password', pw, '--name', '플랫폼');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(rule);
  });

  it('creates one with a strong password', async () => {
    const email = `root-${randomUUID().slice(0, 8)}@hub.test`;
    const r = hub('create-superadmin', '--email', email, '--password', 'demo-clinic-2026', '--name', '플랫폼');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(await db.user.findUnique({ where: { email }, select: { role: true } })).toEqual({ role: 'superadmin' });
  });
});
