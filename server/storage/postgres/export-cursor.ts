import pg from 'pg';
import Cursor from 'pg-cursor';
import { ServiceBusy } from '../../errors.ts';
import { STALL_MS, type FeatureBatches } from '../export-stream.ts';
import type { StoredFeature } from '../features.ts';
import { mapped, openPool, type Row } from './database.ts';

/** Default NETGUARD_EXPORTS, as the SQLite provider's export threads: exports that stream at once per process. */
const EXPORTS = 2;
/** Default NETGUARD_EXPORT_MAX_MS, as SQLite's: an export's snapshot holds back VACUUM for as long as it lasts. */
const MAX_MS = 1_800_000;
/** The pool's connections are named so that an administrator (and the tests) can tell them in pg_stat_activity. */
export const EXPORT_APPLICATION_NAME = 'netguard export';

export type ExportCursors = {
  /**
   * The rows of `text` as batches of features, from a cursor on a connection of the export pool, in a READ ONLY
   * REPEATABLE READ transaction of its own: one snapshot however long the client takes. Each batch is fetched from
   * the server only when it is read; closing the batches (at the end, on a failure, when the client goes away)
   * closes the cursor, ends the transaction and gives the connection back. Refuses with 503 when every export
   * connection is taken and as many exports wait.
   */
  open(text: string, values: readonly unknown[], toFeature: (row: Row) => StoredFeature): Promise<FeatureBatches>;
  /** NETGUARD_EXPORT_STALL_MS: how long an export waits for its client to take a chunk before it is stopped. */
  stallMs: number;
  close(): Promise<void>;
};

const number = (raw: string | undefined, fallback: number) => (raw && Number(raw) > 0 ? Number(raw) : fallback);

/**
 * The exports of one process over the database at `url`, on a pool of their own (NETGUARD_EXPORTS connections,
 * default 2): a download holds its connection for as long as its client reads, which must never take a connection
 * the requests' pool needs. NETGUARD_EXPORT_STALL_MS (default 60,000) bounds how long a client may take no data,
 * NETGUARD_EXPORT_MAX_MS (default 1,800,000) how long one export may last: a client reading just fast enough must not
 * keep a connection and an old snapshot for ever.
 */
export async function createExportCursors(url: string, env: Record<string, string | undefined> = process.env): Promise<ExportCursors> {
  const size = number(env.NETGUARD_EXPORTS, EXPORTS);
  const pool = await openPool(url, size, EXPORT_APPLICATION_NAME);
  const maxMs = number(env.NETGUARD_EXPORT_MAX_MS, MAX_MS);
  return {
    async open(text, values, toFeature) {
      if (pool.idleCount === 0 && pool.totalCount >= size && pool.waitingCount >= size) {
        throw new ServiceBusy(`at most ${size} exports stream at once and ${size} wait; try again shortly`, 5);
      }
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      } catch (error) {
        client.release(error as Error);
        throw mapped(error);
      }
      return cursorBatches(client, client.query(new Cursor<Row>(text, values as unknown[])), toFeature, { maxMs, startedAt: Date.now() });
    },
    stallMs: number(env.NETGUARD_EXPORT_STALL_MS, STALL_MS),
    close: () => pool.end(),
  };
}

function cursorBatches(client: pg.PoolClient, cursor: Cursor<Row>, toFeature: (row: Row) => StoredFeature, limit: { maxMs: number; startedAt: number }): FeatureBatches {
  let failure: Error | undefined;
  let closed = false;
  // A connection that drops while the export waits for its client (a terminated backend) fails the export too.
  const dropped = (error?: Error) => void (failure ??= error ?? new Error('the export connection ended'));
  client.on('error', dropped);
  client.once('end', dropped);
  return {
    async read(size) {
      if (failure) throw mapped(failure);
      // Past its time the export fails; its connection is sound and goes back to the pool when the batches close.
      if (Date.now() - limit.startedAt > limit.maxMs) throw new Error(`the export ran longer than ${limit.maxMs} ms (NETGUARD_EXPORT_MAX_MS) and was stopped`);
      try {
        return (await cursor.read(size)).map(toFeature);
      } catch (error) {
        failure = error as Error;
        throw mapped(error);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      client.off('error', dropped);
      client.off('end', dropped);
      // After a failed read the connection may be gone (a terminated backend): closing the cursor would wait for an
      // answer that never comes. The connection is dropped instead; the server rolls its transaction back.
      if (failure) return client.release(failure);
      try {
        await cursor.close();
        await client.query('COMMIT');
        client.release();
      } catch (error) {
        client.release(error as Error);
      }
    },
  };
}
