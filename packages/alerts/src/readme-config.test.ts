import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertsEnv } from '@hub/config';
import { DEFAULT_RULES } from './rules';

const README = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');

describe('the README', () => {
  it('documents every alert variable in its configuration table', () => {
    const rows = README.split('\n').filter((l) => l.startsWith('| `ALERT_'));
    const documented = rows.map((l) => /^\| `([A-Z_]+)`/.exec(l)![1]);
    expect(documented.sort()).toEqual(Object.keys(alertsEnv).sort());
  });

  it('names every default rule kind in its alerts table', () => {
    for (const kind of Object.keys(DEFAULT_RULES).filter((k) => k !== 'alert_test')) expect(README, kind).toContain(`\`${kind}\``);
  });
});
