import { createSqliteAccountStore, type AccountStore } from './auth/accounts.ts';
import { createSqliteAuditLog, type AuditLog } from './audit/log.ts';
import type { SqliteDatabase } from './db/open.ts';
import { createEventHub, type EventHub } from './events/hub.ts';
import { createSqlitePlanStore, type PatrolPlanStore } from './patrol-plans/store.ts';
import type { ChangeCounters } from './storage/change-counters.ts';
import type { FeatureProvider } from './storage/provider.ts';
import { createSqliteChangeCounters } from './storage/sqlite/change-counters.ts';
import { createSqliteProvider } from './storage/sqlite/provider.ts';
import { sharedWorkPool, type AppWorkPool } from './work/app-pool.ts';
import { createSecretBox, resolveSecretKey, type SecretBox } from './auth/secret-box.ts';

/**
 * Everything the routes use, built once per process. Each store sits behind its own interface; `db` is there for the
 * SQLite stores that capability modules build for themselves and for transactions that span stores (a write and its
 * audit entry commit together).
 */
export type Services = {
  db: SqliteDatabase;
  provider: FeatureProvider;
  /** Versions of each carrier's network and of the incidents, for caches of what is derived from them. */
  counters: ChangeCounters;
  plans: PatrolPlanStore;
  accounts: AccountStore;
  audit: AuditLog;
  events: EventHub;
  /** Worker threads for heavy pure computation, so no request holds the event loop (`server/work/`). */
  work: AppWorkPool;
  now: () => Date;
};

/**
 * The services over one SQLite database. Signing secrets are sealed with NETGUARD_SECRET_KEY, else with the key file
 * beside the database (`resolveSecretKey`).
 */
export function createSqliteServices(
  db: SqliteDatabase, now: () => Date = () => new Date(), work: AppWorkPool = sharedWorkPool(), secrets: SecretBox = createSecretBox(resolveSecretKey(db.name).key),
): Services {
  return {
    db,
    provider: createSqliteProvider(db),
    counters: createSqliteChangeCounters(db),
    plans: createSqlitePlanStore(db),
    accounts: createSqliteAccountStore(db, secrets, now),
    audit: createSqliteAuditLog(db, now),
    events: createEventHub(),
    work,
    now,
  };
}
