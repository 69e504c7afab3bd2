import { describe, expect, it } from 'vitest';
import { statementNamer } from './client';

describe('statementNamer', () => {
  it('names each distinct SQL text once, the same text always the same name', () => {
    const name = statementNamer();
    const a = name({ sql: 'SELECT 1' });
    expect(name({ sql: 'SELECT 2' })).not.toBe(a);
    expect(name({ sql: 'SELECT 1' })).toBe(a);
  });

  it('stops naming new texts at the cap (they run unnamed) and keeps the names it gave', () => {
    const name = statementNamer(2);
    const a = name({ sql: 'a' });
    const b = name({ sql: 'b' });
    expect(name({ sql: 'c' })).toBeUndefined();
    expect([name({ sql: 'a' }), name({ sql: 'b' })]).toEqual([a, b]);
  });
});
