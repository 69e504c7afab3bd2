import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../infra/env-file.sh');
const run = (dir: string) => spawnSync('bash', [script, dir], { encoding: 'utf8', env: { ...process.env, PATH: process.env.PATH }, timeout: 20_000 });
const mode = (f: string) => statSync(f).mode & 0o777;

describe('infra/env-file.sh (run by infra/setup.sh)', () => {
  it('writes a new .env readable by its owner only, with fresh secrets', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-env-'));
    const r = spawnSync('bash', ['-c', `umask 022; bash ${script} ${dir}`], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    const env = path.join(dir, '.env');
    expect(mode(env)).toBe(0o600);
    const text = readFileSync(env, 'utf8');
    expect(text).toMatch(/^CREDENTIALS_ENCRYPTION_KEYS=k1:[A-Za-z0-9+/]{43}=$/m);
    expect(text).toMatch(/^JWT_SECRET=[0-9a-f]{64}$/m);
    expect(text).toMatch(/^METRICS_TOKEN=[0-9a-f]{48}$/m);
  });

  it('tightens an existing world-readable .env to 0600 and keeps its secrets', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-env-'));
    const env = path.join(dir, '.env');
    writeFileSync(env, 'JWT_SECRET=keep-me-0123456789abcdef0123456789abcdef\nMETRICS_TOKEN=already-there-0123456789\n', { mode: 0o644 });
    expect(mode(env)).toBe(0o644);
    expect(run(dir).status).toBe(0);
    expect(mode(env)).toBe(0o600);
    expect(readFileSync(env, 'utf8')).toBe('JWT_SECRET=keep-me-0123456789abcdef0123456789abcdef\nMETRICS_TOKEN=already-there-0123456789\n');
  });

  it('adds a METRICS_TOKEN to an older .env that has none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-env-'));
    const env = path.join(dir, '.env');
    writeFileSync(env, 'JWT_SECRET=keep-me-0123456789abcdef0123456789abcdef\n', { mode: 0o644 });
    expect(run(dir).status).toBe(0);
    expect(readFileSync(env, 'utf8')).toMatch(/^JWT_SECRET=keep-me.*\nMETRICS_TOKEN=[0-9a-f]{48}\n$/);
    expect(mode(env)).toBe(0o600);
  });
});
