import type { Broadcast } from '../broadcast.ts';
import type { ChangeLog } from '../change-log.ts';
import { createLocalBroadcast } from '../local-broadcast.ts';
import { createPostgresChangeLog } from './change-log.ts';
import { inTransaction, migrate, openPool, poolSql, type Sql } from './database.ts';
import { createPostgresFeatures, type PostgresFeatureStore } from './features.ts';

/**
 * The stores the PostgreSQL provider has so far (STORAGE-SEAM.md says which pass the provider contract); it grows
 * towards `Stores` (`server/storage/storage.ts`) store by store.
 */
export type PostgresStores = {
  features: PostgresFeatureStore;
  changes: ChangeLog;
};

export type PostgresStorage = PostgresStores & {
  /** As `Storage.transaction`: one serialisable transaction on one pooled client, run again on a serialisation failure. */
  transaction<T>(work: (tx: PostgresStores) => Promise<T>): Promise<T>;
  broadcast: Broadcast;
  close(): Promise<void>;
};

function stores(sql: Sql): PostgresStores {
  return { features: createPostgresFeatures(sql), changes: createPostgresChangeLog(sql) };
}

/**
 * Opens NetGuard's storage on the PostgreSQL database at `url` (postgres://…; PostGIS, unaccent and pg_trgm must be
 * installed in it or creatable), applies pending migrations and returns its stores and unit of work.
 */
export async function openPostgresStorage(url: string, options: { poolSize?: number } = {}): Promise<PostgresStorage> {
  const pool = await openPool(url, options.poolSize);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    ...stores(poolSql(pool)),
    transaction: (work) => inTransaction(pool, (sql) => work(stores(sql))),
    broadcast: createLocalBroadcast(),
    close: () => pool.end(),
  };
}


