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
import { createSqliteIncidentHistory, createSqliteKeyTargetHistory } from './histories.ts';
import { createSqlitePlans } from './patrol-plans.ts';
import { createSqliteInspectionPlans, createSqliteInspections } from './inspections.ts';
import { createSqliteAlarms, createSqliteBulletins, createSqliteTracks } from './records.ts';
import { createSqliteRegister } from './register.ts';
import { createSqliteReportQueries } from './report-queries.ts';
import { createSqliteRewards } from './rewards.ts';
import { createSqliteThrottles } from './throttles.ts';
import { createUnitOfWork, type SyncStores } from './unit-of-work.ts';

/**
 * NetGuard's storage over a migrated better-sqlite3 database: every store, and the unit of work that serialises
 * transactions on the connection (`unit-of-work.ts`). `close()` closes the database.
 */
export function createSqliteStorage(db: SqliteDatabase): Storage {
  const stores: SyncStores = {
    features: createSqliteFeatures(db),
    accounts: createSqliteAccounts(db),
    audit: createSqliteAudit(db),
    incidentHistory: createSqliteIncidentHistory(db),
    keyTargetHistory: createSqliteKeyTargetHistory(db),
    hotline: createSqliteHotline(db),
    alarms: createSqliteAlarms(db),
    bulletins: createSqliteBulletins(db),
    inspections: createSqliteInspections(db),
    inspectionPlans: createSqliteInspectionPlans(db),
    plans: createSqlitePlans(db),
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
  };
  const unit = createUnitOfWork(db, stores);
  return {
    ...unit.stores,
    transaction: unit.transaction,
    broadcast: createLocalBroadcast(),
    close: async () => {
      await unit.idle();
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
