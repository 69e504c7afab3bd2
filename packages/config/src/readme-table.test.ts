import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiConfigSchema, IngressConfigSchema, WorkerConfigSchema } from './index';

// The README's configuration table names every variable the apps parse (NODE_ENV, Node's own, aside).
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const table = new Set([...readme.matchAll(/^\|([^|\n]*)\|/gmu)].flatMap((m) => [...m[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((x) => x[1]!)));

describe('README configuration table', () => {
  it.each([
    ['ingress', IngressConfigSchema],
    ['worker', WorkerConfigSchema],
    ['api', ApiConfigSchema],
  ] as const)('lists every variable of the %s schema', (_app, schema) => {
    const missing = Object.keys(schema.shape).filter((k) => k !== 'NODE_ENV' && !table.has(k));
    expect(missing).toEqual([]);
  });

  it('lists the summary variables with their defaults', () => {
    const row = readme.split('\n').find((l) => l.includes('`SUMMARY_DEBOUNCE_MS`'));
    expect(row).toContain('`20000`, `8000`');
    expect(
      WorkerConfigSchema.parse({ DATABASE_URL: 'postgresql://x@127.0.0.1/x', CREDENTIALS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')}` }),
    ).toMatchObject({
      SUMMARY_DEBOUNCE_MS: 20_000,
      SUMMARY_TIMEOUT_MS: 8000,
    });
  });
});
