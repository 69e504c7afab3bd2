import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, jsonTooDeep } from './json-depth';

const b = (s: string) => Buffer.from(s, 'utf8');
const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('jsonTooDeep', () => {
  it('accepts up to the limit and refuses one level more', () => {
    expect(jsonTooDeep(b(nest(MAX_JSON_DEPTH)))).toBe(false);
    expect(jsonTooDeep(b(nest(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(jsonTooDeep(b(`{"a":${nest(63)}}`))).toBe(false);
    expect(jsonTooDeep(b(`{"a":{"b":${nest(63)}}}`))).toBe(true);
  });

  it('counts depth, not the number of containers', () => {
    expect(jsonTooDeep(b(`[${Array.from({ length: 10_000 }, () => '{"x":[1,2]}').join(',')}]`))).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonTooDeep(b(JSON.stringify({ s: '['.repeat(1000), t: 'a\\"[[[', u: '"{{{{' })))).toBe(false);
  });

  it('handles 100,000 levels without recursion', () => {
    expect(jsonTooDeep(b(nest(100_000)))).toBe(true);
  });
});
