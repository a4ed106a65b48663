import type { AccountStore } from '../accounts.ts';
import type { AuditStore } from '../audit.ts';
import type { Broadcast } from '../broadcast.ts';
import type { ChangeCounters } from '../change-counters.ts';
import type { ChangeLog } from '../change-log.ts';
import { createLocalBroadcast } from '../local-broadcast.ts';
import type { ThrottleStore } from '../throttles.ts';
import { createPostgresAccounts } from './accounts.ts';
import { createPostgresAudit } from './audit.ts';
import { createPostgresChangeCounters } from './change-counters.ts';
import { createPostgresChangeLog } from './change-log.ts';
import { inTransaction, migrate, openPool, poolSql, type Sql } from './database.ts';
import { createPostgresFeatures, type PostgresFeatureStore } from './features.ts';
import { createPostgresThrottles } from './throttles.ts';

/**
 * The stores the PostgreSQL provider has so far (STORAGE-SEAM.md says which pass the provider contract); it grows
 * towards `Stores` (`server/storage/storage.ts`) store by store.
 */
export type PostgresStores = {
  features: PostgresFeatureStore;
  accounts: AccountStore;
  audit: AuditStore;
  changes: ChangeLog;
  counters: ChangeCounters;
  throttles: ThrottleStore;
};

export type PostgresStorage = PostgresStores & {
  /** As `Storage.transaction`: one serialisable transaction on one pooled client, run again on a serialisation failure. */
  transaction<T>(work: (tx: PostgresStores) => Promise<T>): Promise<T>;
  broadcast: Broadcast;
  close(): Promise<void>;
};

function stores(sql: Sql): PostgresStores {
  return {
    features: createPostgresFeatures(sql),
    accounts: createPostgresAccounts(sql),
    audit: createPostgresAudit(sql),
    changes: createPostgresChangeLog(sql),
    counters: createPostgresChangeCounters(sql),
    throttles: createPostgresThrottles(sql),
  };
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


