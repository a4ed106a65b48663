import type { AccountStore } from './accounts.ts';
import type { AuditStore } from './audit.ts';
import type { CaseFileStore, RegisterStore } from './case-files.ts';
import type { Broadcast } from './broadcast.ts';
import type { ChangeCounters } from './change-counters.ts';
import type { ChangeLog } from './change-log.ts';
import type { FeatureStore } from './features.ts';
import type { FibreBreakStore } from './fibre-breaks.ts';
import type { FieldStore, IdempotencyStore, PhotoStore } from './field.ts';
import type { IncidentHistoryStore, KeyTargetHistoryStore } from './histories.ts';
import type { HotlineStore } from './hotline.ts';
import type { LiveLog } from './live-log.ts';
import type { PatrolPlanStore } from './patrol-plans.ts';
import type { InspectionPlanStore, InspectionStore } from './inspections.ts';
import type { BulletinStore, CarrierAlarmStore, PatrolTrackStore } from './records.ts';
import type { ReportQueries } from './report-queries.ts';
import type { RewardStore } from './rewards.ts';
import type { ThrottleStore } from './throttles.ts';

/** Every store, one per concept. The same set is handed out bound to a transaction by `Storage.transaction`. */
export type Stores = {
  features: FeatureStore;
  accounts: AccountStore;
  audit: AuditStore;
  incidentHistory: IncidentHistoryStore;
  keyTargetHistory: KeyTargetHistoryStore;
  hotline: HotlineStore;
  alarms: CarrierAlarmStore;
  bulletins: BulletinStore;
  inspections: InspectionStore;
  inspectionPlans: InspectionPlanStore;
  plans: PatrolPlanStore;
  tracks: PatrolTrackStore;
  changes: ChangeLog;
  counters: ChangeCounters;
  throttles: ThrottleStore;
  reports: ReportQueries;
  field: FieldStore;
  photos: PhotoStore;
  idempotency: IdempotencyStore;
  caseFiles: CaseFileStore;
  register: RegisterStore;
  rewards: RewardStore;
  fibreBreaks: FibreBreakStore;
  /** Live messages as published, for the processes that poll for each other's (`polled-broadcast.ts`). */
  live: LiveLog;
};

/**
 * NetGuard's storage: the stores (each call atomic on its own) and the unit of work. Routes and services see this
 * and never a database handle; `server/storage/sqlite/` implements it over better-sqlite3, and a PostgreSQL provider
 * implements the same interfaces over an asynchronous client.
 */
export interface Storage extends Stores {
  /**
   * Runs `work` as one transaction with the stores bound to it: everything it writes commits together when it
   * resolves, or not at all when it throws. Transactions are serialisable: each sees the state committed before it
   * began plus its own writes, so a read, a check and a write inside one cannot be overtaken by another request.
   * Inside, await only the `tx` stores — never the network, a timer, a file or a password hash — and never call the
   * outer stores or `transaction` again (SQLite refuses both: it serialises transactions on one connection).
   */
  transaction<T>(work: (tx: Stores) => Promise<T>): Promise<T>;
  /** Live messages after commit, to every process serving this storage. */
  broadcast: Broadcast;
  close(): Promise<void>;
}
