import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const layout = /## Layout\n+```\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';

const dirs = (parent: string) =>
  readdirSync(join(root, parent))
    .filter((d) => statSync(join(root, parent, d)).isDirectory() && statSync(join(root, parent, d, 'package.json'), { throwIfNoEntry: false }))
    .map((d) => `${parent}/${d}`);

describe("the README's layout", () => {
  it('names every app and package of the workspace', () => {
    expect(layout.length).toBeGreaterThan(0);
    const named = new Set(layout.split('\n').map((line) => /^(\S+?)\/?(\s|$)/.exec(line)?.[1] ?? ''));
    const missing = [...dirs('apps'), ...dirs('packages')].filter((d) => !named.has(d) && !layout.includes(`${d}/`));
    expect(missing).toEqual([]);
  });
});
