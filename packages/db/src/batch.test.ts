import { describe, expect, it } from 'vitest';
import { statementBatcher } from './batch';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('statementBatcher', () => {
  it('an idle batcher runs a lone call at once, alone', async () => {
    const batches: number[][] = [];
    const call = statementBatcher<number, number>(async (xs) => (batches.push([...xs]), xs.map((x) => x * 2)), async (x) => (batches.push([x]), x * 2));
    expect(await call(3)).toBe(6);
    expect(batches).toEqual([[3]]);
  });

  it('calls made while a statement runs go together in the next one, in call order, each getting its own result', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const call = statementBatcher<number, number>(
      async (xs) => {
        batches.push([...xs]);
        return xs.map((x) => x * 10);
      },
      async (x) => {
        batches.push([x]);
        await gate; // the first statement is slow
        return x * 10;
      },
    );
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
    const single: number[] = [];
    const call = statementBatcher<number, number>(
      async (xs) => {
        if (xs.includes(13)) throw new Error('whole statement failed');
        return xs.map((x) => (x === 7 ? new Error('seven') : x + 1));
      },
      async (x) => {
        single.push(x);
        if (x === 0) await gate;
        if (x === 13) throw new Error('thirteen');
        return x + 1;
      },
    );
    const slow = call(0);
    await tick();
    const a = [6, 7, 8].map((x) => call(x).catch((e: Error) => e.message));
    await tick();
    release();
    expect(await Promise.all([slow, ...a])).toEqual([1, 7, 'seven', 9]);
    const gate2 = new Promise<void>((r) => setTimeout(r, 20));
    const b = [call(12), call(13).catch((e: Error) => e.message), call(14)];
    await gate2;
    expect(await Promise.all(b)).toEqual([13, 'thirteen', 15]);
    expect(single).toEqual([0, 12, 13, 14]);
  });
});
