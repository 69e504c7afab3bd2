import { describe, expect, it } from 'vitest';
import { statementBatcher } from './batch';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('statementBatcher', () => {
  it('an idle batcher runs a lone call at once, alone', async () => {
    const batches: number[][] = [];
    const call = statementBatcher<number, number>(async (xs) => (batches.push([...xs]), xs.map((x) => x * 2)));
    expect(await call(3)).toBe(6);
    expect(batches).toEqual([[3]]);
  });

  it('calls made while a statement runs go together in the next one, in call order, each getting its own result', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const call = statementBatcher<number, number>(async (xs) => {
      batches.push([...xs]);
      if (xs[0] === 1) await gate; // the first statement is slow
      return xs.map((x) => x * 10);
    });
    const first = call(1);
    await tick();
    const rest = [2, 3, 4, 5].map((x) => call(x));
    await tick();
    expect(batches).toEqual([[1]]); // nothing else sent while the first runs
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('an item that fails alone rejects alone; a statement that fails as a whole is retried item by item', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batches: number[][] = [];
    const call = statementBatcher<number, number>(async (xs) => {
      batches.push([...xs]);
      if (xs[0] === 0) await gate;
      if (xs.includes(13)) throw new Error(xs.length > 1 ? 'whole statement failed' : 'thirteen');
      return xs.map((x) => (x === 7 ? new Error('seven') : x + 1));
    });
    const slow = call(0);
    await tick();
    const a = [6, 7, 8].map((x) => call(x).catch((e: Error) => e.message));
    await tick();
    release();
    expect(await Promise.all([slow, ...a])).toEqual([1, 7, 'seven', 9]);
    await tick();
    const b = [call(12), call(13).catch((e: Error) => e.message), call(14)];
    expect(await Promise.all(b)).toEqual([13, 'thirteen', 15]);
    expect(batches).toEqual([[0], [6, 7, 8], [12, 13, 14], [12], [13], [14]]);
  });

  it('distinctBy: items with one key go in consecutive statements, in call order, each getting its own result', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batches: string[][] = [];
    const call = statementBatcher<string, string>(
      async (xs) => {
        batches.push([...xs]);
        if (xs[0] === 'slow') await gate;
        if (xs.length > 1 && xs.includes('b2')) throw new Error('whole statement failed');
        return xs.map((x) => x.toUpperCase());
      },
      { distinctBy: (x) => x[0]! },
    );
    const slow = call('slow');
    await tick();
    const rest = ['a1', 'b1', 'a2', 'c1', 'a3', 'b2'].map((x) => call(x));
    await tick();
    release();
    expect(await Promise.all([slow, ...rest])).toEqual(['SLOW', 'A1', 'B1', 'A2', 'C1', 'A3', 'B2']);
    // Key a three times → three statements; the one failing as a whole is retried item by item.
    expect(batches).toEqual([['slow'], ['a1', 'b1', 'c1'], ['a2', 'b2'], ['a2'], ['b2'], ['a3']]);
  });
});
