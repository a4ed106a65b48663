import pg from 'pg';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Conflict, NotFound } from '../../errors.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Row = Record<string, unknown>;

/**
 * Where a store's SQL runs: the pool (each statement on its own) or the client of an open transaction. `atomic` runs
 * several statements as one: a transaction of its own on a pooled client, or a savepoint inside the open
 * transaction, so a statement that fails there (a Conflict a caller catches) leaves the transaction usable.
 */
export type Sql = {
  rows<R = Row>(text: string, values?: readonly unknown[]): Promise<R[]>;
  atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
};

/** A failure of the database itself, without the driver's error object (nothing of it reaches a route). */
export class DatabaseFailure extends Error {
  constructor(readonly sqlState: string, message: string) {
    super(`the database failed (SQLSTATE ${sqlState}): ${message}`);
    this.name = 'DatabaseFailure';
  }
}

/**
 * A duplicate key, as Conflict. Inside a transaction it may come from a concurrent one that inserted the same key
 * after this one began (PostgreSQL reports that as a duplicate, not as a serialisation failure, when this one did not
 * read the key itself): run once more, the work then sees the other's row (an idempotent replay finds its answer).
 */
export class DuplicateKey extends Conflict {}

/** SQLSTATEs after which the same transaction may simply be run again. */
export const RETRYABLE = new Set(['40001', '40P01']);

/** Turns a driver error into NetGuard's: duplicates into Conflict, a missing referenced row into NotFound. */
export function mapped(error: unknown): Error {
  if (!(error instanceof pg.DatabaseError) || !error.code) return error instanceof Error ? error : new Error(String(error));
  switch (error.code) {
    case '23505':
      return new DuplicateKey(`already recorded: ${error.detail ?? error.constraint ?? 'duplicate key'}`);
    case '23503':
      return /still referenced/.test(error.detail ?? '') ? new Conflict(`still referenced: ${error.detail}`) : new NotFound(`no such record: ${error.detail ?? error.constraint}`);
    default:
      return new DatabaseFailure(error.code, error.message);
  }
}

/** How many distinct statement texts one process prepares; dynamic SQL past them (rare filter shapes) runs unnamed. */
export const PREPARED_LIMIT = 256;
const prepared = new Map<string, string>();

/**
 * The name of the server-side prepared statement for `text`, so each connection parses and analyses a statement
 * once and then only binds it (about half the cost of a session or throttle lookup). Only statements with
 * parameters: a text without them may hold several statements (migrations), which a prepared statement cannot.
 */
export function statementName(text: string, values: readonly unknown[]): string | undefined {
  if (values.length === 0) return undefined;
  let name = prepared.get(text);
  if (name === undefined && prepared.size < PREPARED_LIMIT) {
    name = `netguard_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    prepared.set(text, name);
  }
  return name;
}

async function run<R>(client: pg.Pool | pg.PoolClient, text: string, values: readonly unknown[] = []): Promise<R[]> {
  try {
    return (await client.query({ name: statementName(text, values), text, values: values as unknown[] })).rows as R[];
  } catch (error) {
    throw mapped(error);
  }
}

/**
 * Statements on the client of an open transaction; `atomic` nests as savepoints. A store may ask for several rows at
 * once (`Promise.all`); they run one after the other, in the order asked, as one connection can only run them, the
 * line kept here rather than in `pg`, which deprecates queueing queries on a busy client (gone in pg 9).
 */
export function clientSql(client: pg.PoolClient, isOpen: () => boolean = () => true): Sql {
  let savepoints = 0;
  let line: Promise<unknown> = Promise.resolve();
  const sql: Sql = {
    rows: <R>(text: string, values?: readonly unknown[]) => {
      const ended = () => Promise.reject(new Error('this transaction has ended: its stores take no more calls'));
      if (!isOpen()) return ended();
      const turn = line.then(() => (isOpen() ? run<R>(client, text, values) : ended()));
      line = turn.catch(() => {});
      return turn;
    },
    async atomic(work) {
      const name = `netguard_${++savepoints}`;
      await sql.rows(`SAVEPOINT ${name}`);
      try {
        const result = await work(sql);
        await sql.rows(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        if (isOpen()) await sql.rows(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
  return sql;
}

/**
 * Runs `work` in a transaction on a client of its own, committing when it resolves and rolling back when it throws.
 * Serialisable, as `Storage.transaction` promises; a serialisation failure or deadlock runs the work again (it may
 * await only the database, so running it again repeats nothing else), up to `attempts` times, after a random pause
 * that grows with each attempt so that contenders spread out.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (sql: Sql) => Promise<T>, attempts = 25): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let open = true;
    let failure: unknown;
    try {
      await run(client, 'BEGIN ISOLATION LEVEL SERIALIZABLE');
      // Every write numbers its changes from the one change_sequence row, so writing transactions run one at a time
      // anyway. Taking the turn before the first query (LOCK takes no snapshot) makes them wait for it instead of
      // each failing on the row after doing its work and running again (measured: 5 runs a create at 40 at once,
      // and under the bench's mixed load some writes ran out of attempts). Plain reads of the row are not held up.
      await run(client, 'LOCK TABLE change_sequence IN EXCLUSIVE MODE');
      const result = await work(clientSql(client, () => open));
      await run(client, 'COMMIT');
      return result;
    } catch (error) {
      failure = error;
      await client.query('ROLLBACK').catch(() => {});
    } finally {
      open = false;
      client.release();
    }
    const retryable = (failure instanceof DatabaseFailure && RETRYABLE.has(failure.sqlState)) || (failure instanceof DuplicateKey && attempt <= 2);
    if (!retryable || attempt >= attempts) throw failure;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attempt)));
  }
}

/** Statements on the pool, each atomic on its own; `atomic` opens a transaction of its own. */
export function poolSql(pool: pg.Pool): Sql {
  return { rows: (text, values) => run(pool, text, values), atomic: (work) => inTransaction(pool, work) };
}

/** Integers of 8 bytes (ids, counts) as numbers: NetGuard's ids and counts are far below 2^53. */
const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser };

/** `url` for a message: its password masked. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database';
  }
}

/** How a pool's connections plan and how long an idle one is kept. */
export type PoolOptions = {
  /** plan_cache_mode=force_generic_plan: each prepared statement is planned once per connection (the tile pool). */
  genericPlans?: boolean;
  /** An idle connection is closed after this long (10 s by default). */
  idleMs?: number;
};

/**
 * A pool on the database at `url`, sized below the server's connection limit: at most `size`, and never more than
 * half the connections left after the superuser's reserve, so several NetGuard processes and an administrator fit.
 * Its connections carry `applicationName` (pg_stat_activity.application_name), so each pool's are told apart.
 */
export async function openPool(url: string, size = 10, applicationName = 'netguard', { genericPlans = false, idleMs = 10_000 }: PoolOptions = {}): Promise<pg.Pool> {
  // Dates without a zone are UTC, as SQLite's date functions take them. JIT off: a statement over every month of the
  // partitioned incidents costs enough to be compiled, and compiling its expressions once per partition took 7.1 s of
  // a z6 tile's 3.1 s execution (spread over parallel workers; EXPLAIN ANALYZE on the national set, 1,104 functions)
  // that runs in 0.5 s without it. plan_cache_mode stays auto: a forced generic plan spares a tile statement its
  // planning for a connection's first five runs, but it fetched all 104,500 incidents of a year to sort them for a
  // one-row page (137 ms; the custom plan's Merge Append on id takes 0.6 ms), which auto keeps custom.
  const options = `-c TimeZone=UTC -c jit=off${genericPlans ? ' -c plan_cache_mode=force_generic_plan' : ''}`;
  const probe = new pg.Client({ connectionString: url, types, options });
  await probe.connect();
  const [limits] = (await probe.query<{ max: number; reserved: number; standby: boolean }>(
    "SELECT current_setting('max_connections')::int AS max, current_setting('superuser_reserved_connections')::int AS reserved, pg_is_in_recovery() AS standby",
  )).rows;
  await probe.end();
  // Every request may write (sessions, throttles, the audit log), so a read-only standby cannot serve NetGuard at all.
  if (limits.standby) throw new Error(`${withoutPassword(url)} is a standby (read-only replica): point NETGUARD_DATABASE_URL at the primary, or promote this standby first`);
  const max = Math.max(1, Math.min(size, Math.floor((limits.max - limits.reserved) / 2)));
  const pool = new pg.Pool({ connectionString: url, max, types, options, idleTimeoutMillis: idleMs, application_name: applicationName });
  // An idle client whose connection drops must not take the process down; the next query connects again.
  pool.on('error', () => {});
  return pool;
}

/**
 * Applies `migrations/NNN_name.sql` files not yet in `schema_migrations`, in order, each in its own transaction,
 * under an advisory lock so that processes starting together migrate once.
 * @returns the versions applied by this call
 */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['netguard migrations']);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const applied: number[] = [];
    for (const file of readdirSync(MIGRATIONS_DIR).filter((name) => /^\d{3}_.+\.sql$/.test(name)).sort()) {
      const version = Number(file.slice(0, 3));
      if (done.has(version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw mapped(error);
      }
      applied.push(version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['netguard migrations']).catch(() => {});
    client.release();
  }
}

/**
 * SQL written with `?` placeholders (as the SQLite provider's) with PostgreSQL's `$1…$n`, and camelCase aliases
 * quoted so they keep their case. Placeholders inside quoted literals are left alone.
 */
export function positional(text: string): string {
  let n = 0;
  return text
    .replace(/'[^']*'|\?/g, (match) => (match === '?' ? `$${++n}` : match))
    .replace(/\bAS ([a-z]+[A-Z]\w*)\b/g, 'AS "$1"');
}
