import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Each app parses its environment once at start-up and stops with one line naming the bad variable.
const APPS = ['ingress', 'worker', 'api'] as const;
const good = {
  PATH: process.env.PATH,
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/clinic_hub_test',
  REDIS_URL: 'redis://127.0.0.1:6379',
  CREDENTIALS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  JWT_SECRET: 'x'.repeat(40),
};

function start(app: string, env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `apps/${app}/src/main.ts`], { env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  return {
    code: r.status,
    lines: r.stderr
      .trim()
      .split('\n')
      .filter((l) => l && !l.includes('ExperimentalWarning') && !l.includes('--trace-warnings')),
  };
}

describe('start-up configuration errors', () => {
  it.each(APPS)('%s stops with one line naming a malformed DATABASE_URL', (app) => {
    const { code, lines } = start(app, { ...good, DATABASE_URL: 'mysql//nope' });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^\\[${app}\\] configuration error: DATABASE_URL is malformed: expected a URL like postgresql://`));
  });

  it.each(APPS)('%s stops with one line naming a missing CREDENTIALS_ENCRYPTION_KEYS', (app) => {
    const { code, lines } = start(app, { ...good, CREDENTIALS_ENCRYPTION_KEYS: undefined });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('CREDENTIALS_ENCRYPTION_KEYS is missing');
  });
});
