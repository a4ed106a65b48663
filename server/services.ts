import { createSqliteAccountStore, type AccountStore } from './auth/accounts.ts';
import { createSqliteAuditLog, type AuditLog } from './audit/log.ts';
import type { SqliteDatabase } from './db/open.ts';
import { createEventHub, type EventHub } from './events/hub.ts';
import { createSqlitePlanStore, type PatrolPlanStore } from './patrol-plans/store.ts';
import type { FeatureProvider } from './storage/provider.ts';
import { createSqliteProvider } from './storage/sqlite/provider.ts';
import { sharedWorkPool, type AppWorkPool } from './work/app-pool.ts';

/**
 * Everything the routes use, built once per process. Each store sits behind its own interface; `db` is there for the
 * SQLite stores that capability modules build for themselves and for transactions that span stores (a write and its
 * audit entry commit together).
 */
export type Services = {
  db: SqliteDatabase;
  provider: FeatureProvider;
  plans: PatrolPlanStore;
  accounts: AccountStore;
  audit: AuditLog;
  events: EventHub;
  /** Worker threads for heavy pure computation, so no request holds the event loop (`server/work/`). */
  work: AppWorkPool;
  now: () => Date;
};

export function createSqliteServices(db: SqliteDatabase, now: () => Date = () => new Date(), work: AppWorkPool = sharedWorkPool()): Services {
  return {
    db,
    provider: createSqliteProvider(db),
    plans: createSqlitePlanStore(db),
    accounts: createSqliteAccountStore(db, now),
    audit: createSqliteAuditLog(db, now),
    events: createEventHub(),
    work,
    now,
  };
}
