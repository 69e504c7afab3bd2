import DataLoader from 'dataloader';
import type { Sql } from './client';

export interface StatementBatcherOptions<I = unknown> {
  /** Most items one statement carries. */
  maxBatchSize?: number;
  /**
   * Items with the same key never share a statement: a batch holding several goes out as consecutive
   * statements, each key's items in call order (a row one statement must lock and write once).
   */
  distinctBy?: (item: I) => string;
}

/**
 * Runs one statement for many concurrent callers (DataLoader, without its cache). A statement with a
 * single row pays PostgreSQL's per-statement cost (executor start-up, implicit transaction, commit)
 * and the client's per-query cost for one row: measured on a one-row UPDATE by id, 0.23 ms of server
 * CPU per row alone, 0.06 in fours, 0.035 in eights; client 0.12–0.2 → 0.03 ms.
 *
 * Single flight: while a batch's statement is running, new callers wait and go together in the next
 * one, so batches grow with the load by themselves and an idle process sends each call at once (after
 * the current tick's promise jobs). `run` gets the items in call order and returns one result per item,
 * or an Error for an item that failed alone. When a statement for several items fails as a whole, each
 * item is run again alone: one bad item never fails the others.
 */
export function statementBatcher<I, O>(
  run: (items: readonly I[]) => Promise<(O | Error)[]>,
  options: StatementBatcherOptions<I> = {},
): (item: I) => Promise<O> {
  const alone = async (item: I): Promise<O | Error> => {
    try {
      return (await run([item]))[0]!;
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  };
  const statement = async (items: readonly I[]): Promise<(O | Error)[]> =>
    items.length === 1 ? [await alone(items[0]!)] : run(items).catch(() => Promise.all(items.map(alone)));
  const { distinctBy } = options;
  const statements = async (items: readonly I[]): Promise<(O | Error)[]> => {
    if (!distinctBy) return statement(items);
    const out: (O | Error)[] = new Array(items.length);
    let rest = items.map((item, i) => ({ item, i }));
    while (rest.length) {
      const keys = new Set<string>();
      const now: typeof rest = [];
      const later: typeof rest = [];
      for (const x of rest) {
        const key = distinctBy(x.item);
        if (keys.has(key)) later.push(x);
        else {
          keys.add(key);
          now.push(x);
        }
      }
      (await statement(now.map((x) => x.item))).forEach((result, j) => (out[now[j]!.i] = result));
      rest = later;
    }
    return out;
  };
  let running = 0;
  const waiting: (() => void)[] = [];
  const loader = new DataLoader<I, O, I>(
    async (items) => {
      running += 1;
      try {
        return await statements(items);
      } finally {
        running -= 1;
        if (running === 0) waiting.shift()?.();
      }
    },
    {
      cache: false,
      maxBatchSize: options.maxBatchSize ?? 64,
      batchScheduleFn: (dispatch) => {
        if (running > 0) waiting.push(dispatch);
        else void Promise.resolve().then(() => process.nextTick(dispatch));
      },
    },
  );
  return (item) => loader.load(item);
}

/** A statementBatcher per SQL runner: each connection pool batches its own callers. */
export function batchedStatement<I, O>(
  run: (sql: Sql, items: readonly I[]) => Promise<(O | Error)[]>,
  options: StatementBatcherOptions<I> = {},
): (sql: Sql, item: I) => Promise<O> {
  const perRunner = new WeakMap<Sql, (item: I) => Promise<O>>();
  return (sql, item) => {
    let call = perRunner.get(sql);
    if (!call) {
      call = statementBatcher<I, O>((items) => run(sql, items), options);
      perRunner.set(sql, call);
    }
    return call(item);
  };
}
