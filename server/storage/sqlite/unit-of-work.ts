import type { Stores } from '../storage.ts';
import type { SqliteDatabase } from './database.ts';

/** A store's synchronous twin: the same methods returning their results directly (better-sqlite3 is synchronous). */
export type Sync<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never };
export type SyncStores = { [K in keyof Stores]: Sync<Stores[K]> };

/** Wraps each method of a synchronous store so that it runs through `run` and returns a Promise. */
function asynchronous<T>(store: Sync<T>, run: <R>(call: () => R) => Promise<R>): T {
  const methods = Object.entries(store as Record<string, (...args: unknown[]) => unknown>).map(([name, method]) => [name, (...args: unknown[]) => run(() => method(...args))]);
  return Object.fromEntries(methods) as T;
}

function bind(stores: SyncStores, run: <R>(call: () => R) => Promise<R>): Stores {
  return Object.fromEntries(Object.entries(stores).map(([name, store]) => [name, asynchronous(store as Sync<unknown>, run)])) as Stores;
}

export const OUTSIDE_DATABASE = 'a transaction awaited something outside the database and was rolled back (await only the tx stores inside storage.transaction)';

/**
 * The unit of work over one better-sqlite3 connection. better-sqlite3 runs each statement synchronously, so a
 * transaction is consistent exactly while nothing else runs on the connection. Hence:
 * - transactions run one at a time, in the order they were asked for;
 * - a call outside a transaction waits while one is open, so it never reads uncommitted data or joins it;
 * - a transaction's work may await only its own stores, which answer at once: it then completes within one turn of
 *   the event loop. If a turn passes with the transaction still open (the work awaited a timer, the network, a file,
 *   or a call that waits for this very transaction), it is rolled back there and then, the connection is freed and
 *   the transaction rejects; its stores refuse every later call.
 */
export function createUnitOfWork(db: SqliteDatabase, stores: SyncStores) {
  let open: Promise<void> | null = null;
  let queue: Promise<void> = Promise.resolve();

  const outside = async <R>(call: () => R): Promise<R> => {
    while (open) await open;
    return call();
  };

  async function transaction<T>(work: (tx: Stores) => Promise<T>): Promise<T> {
    const previous = queue;
    let release!: () => void;
    queue = new Promise((resolve) => (release = resolve));
    await previous;
    let finished!: () => void;
    open = new Promise((resolve) => (finished = resolve));
    let active = true;
    const end = (commit: boolean) => {
      if (!active) return;
      active = false;
      try {
        if (db.inTransaction) db.exec(commit ? 'COMMIT' : 'ROLLBACK');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        open = null;
        finished();
        release();
      }
    };
    let abort!: (error: Error) => void;
    const aborted = new Promise<never>((_, reject) => (abort = reject));
    const watchdog = setImmediate(() => {
      end(false);
      abort(new Error(OUTSIDE_DATABASE));
    });
    const tx = bind(stores, async (call) => {
      if (!active) throw new Error(OUTSIDE_DATABASE);
      return call();
    });
    try {
      db.exec('BEGIN IMMEDIATE');
      const running = work(tx);
      // The work may still be running when the watchdog fires; its own failure then has nobody left to tell.
      running.catch(() => {});
      const result = await Promise.race([running, aborted]);
      end(true);
      return result;
    } catch (error) {
      end(false);
      throw error;
    } finally {
      clearImmediate(watchdog);
    }
  }

  /** Resolves once no transaction is open or waiting. */
  const idle = async () => {
    while (open) await open;
    await queue;
  };

  return { stores: bind(stores, outside), transaction, idle };
}
