import { batchedAppends } from '../audit.ts';
import type { Storage } from '../storage.ts';
import { createLocalBroadcast } from '../local-broadcast.ts';
import { createSqliteAccounts } from './accounts.ts';
import { createSqliteAudit } from './audit.ts';
import { createSqliteCaseFiles } from './case-files.ts';
import { createSqliteChangeCounters } from './change-counters.ts';
import { createSqliteChangeLog } from './change-log.ts';
import { migrate, openDatabase, type SqliteDatabase } from './database.ts';
import { createSqliteFeatures } from './features.ts';
import { createSqliteFibreBreaks } from './fibre-breaks.ts';
import { createSqliteField, createSqliteIdempotency, createSqlitePhotos } from './field.ts';
import { createSqliteHotline } from './hotline.ts';
import { createSqliteLiveLog } from './live-log.ts';
import { createPolledBroadcast } from '../polled-broadcast.ts';
import { createSqliteIncidentHistory, createSqliteKeyTargetHistory } from './histories.ts';
import { createSqlitePlans } from './patrol-plans.ts';
import { createSqliteInspectionPlans, createSqliteInspections } from './inspections.ts';
import { createSqliteAlarms, createSqliteBulletins, createSqliteTracks } from './records.ts';
import { createSqliteRegister } from './register.ts';
import { createSqliteReportQueries } from './report-queries.ts';
import { createSqliteRewards } from './rewards.ts';
import { createSqliteThrottles } from './throttles.ts';
import { createUnitOfWork, type SyncStores } from './unit-of-work.ts';
import { createExportReader, createReader, withHeavyReadsOn } from './reader.ts';
import { registerSpatialFunctions } from './spatial-functions.ts';

/**
 * NetGuard's storage over a migrated better-sqlite3 database: every store, and the unit of work that serialises
 * transactions on the connection (`unit-of-work.ts`). For a database file, heavy reads outside transactions (CQL2
 * spatial filters, the report's aggregates) run on reader threads (`reader.ts`), off the event loop; an in-memory
 * database has no second connection, so they run here. Either way a spatial filter's exact tests keep their budget.
 * `close()` stops the readers and closes the database.
 */
export function createSqliteStorage(db: SqliteDatabase): Storage {
  const spatialBudget = registerSpatialFunctions(db);
  const hotline = createSqliteHotline(db), plans = createSqlitePlans(db);
  const stores: SyncStores = {
    features: createSqliteFeatures(db, spatialBudget),
    accounts: createSqliteAccounts(db),
    audit: createSqliteAudit(db),
    incidentHistory: createSqliteIncidentHistory(db),
    keyTargetHistory: createSqliteKeyTargetHistory(db),
    hotline: { ...hotline, queryFeatures: (query) => spatialBudget(() => hotline.queryFeatures(query)) },
    alarms: createSqliteAlarms(db),
    bulletins: createSqliteBulletins(db),
    inspections: createSqliteInspections(db),
    inspectionPlans: createSqliteInspectionPlans(db),
    plans: { ...plans, queryFeatures: (query) => spatialBudget(() => plans.queryFeatures(query)) },
    tracks: createSqliteTracks(db),
    changes: createSqliteChangeLog(db),
    counters: createSqliteChangeCounters(db),
    throttles: createSqliteThrottles(db),
    reports: createSqliteReportQueries(db),
    field: createSqliteField(db),
    photos: createSqlitePhotos(db),
    idempotency: createSqliteIdempotency(db),
    caseFiles: createSqliteCaseFiles(db),
    register: createSqliteRegister(db),
    rewards: createSqliteRewards(db),
    fibreBreaks: createSqliteFibreBreaks(db),
    live: createSqliteLiveLog(db),
  };
  const unit = createUnitOfWork(db, stores);
  const reader = db.memory ? undefined : createReader();
  const exports = db.memory ? undefined : createExportReader();
  // A database file may be served by several processes (issue 16): their live messages meet in its live log. An
  // in-memory database has one process by nature.
  const polled = db.memory ? undefined : createPolledBroadcast(unit.stores.live);
  const audit = batchedAppends(unit.stores.audit);
  return {
    ...(reader && exports ? withHeavyReadsOn(reader, exports, db.name, unit.stores) : unit.stores),
    audit: audit.store,
    transaction: unit.transaction,
    broadcast: polled ?? createLocalBroadcast(),
    close: async () => {
      await audit.settled();
      await polled?.close();
      await unit.idle();
      await reader?.close();
      await exports?.pool.close();
      db.close();
    },
  };
}

/**
 * Opens (creating if needed) the SQLite database at `path` (`:memory:` for tests), applies pending migrations and
 * returns its storage.
 */
export function openSqliteStorage(path: string): Storage {
  const db = openDatabase(path);
  migrate(db);
  return createSqliteStorage(db);
}
