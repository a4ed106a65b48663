import Database from 'better-sqlite3';
import type { ItemQuery, QueryResult } from '../features.ts';
import type { MsRange, PeriodCounts } from '../report-queries.ts';
import type { SqliteDatabase } from './database.ts';
import { queryFeatures } from './features.ts';
import { HOTLINE_FEATURES } from './hotline.ts';
import { PLAN_FEATURES } from './patrol-plans.ts';
import { queryRecordFeatures } from './record-features.ts';
import { createSqliteReportQueries } from './report-queries.ts';
import { registerSpatialFunctions, type SpatialBudget } from './spatial-functions.ts';

/** The record tables published as feature collections, by the name a read job gives. */
const RECORDS = { hotline: HOTLINE_FEATURES, plans: PLAN_FEATURES };
export type RecordTable = keyof typeof RECORDS;

type Connection = { db: SqliteDatabase; budget: SpatialBudget; reports: ReturnType<typeof createSqliteReportQueries> };
const connections = new Map<string, Connection>();

/** This thread's read-only connection to the database file at `path`, opened on first use (WAL lets it read while the server writes). */
function connection(path: string): Connection {
  let found = connections.get(path);
  if (!found) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    found = { db, budget: registerSpatialFunctions(db), reports: createSqliteReportQueries(db) };
    connections.set(path, found);
  }
  return found;
}

/**
 * The heavy reads a reader thread runs (`reader.ts`), each on the thread's own read-only connection: it sees what
 * was committed when it starts, never a transaction in progress. A CQL2 spatial filter's exact tests keep their
 * budget (NETGUARD_FILTER_BUDGET_MS, 422 FilterTooCostly); they now burn this thread's time, not the event loop's.
 */
export const TASKS = {
  features: ({ path, collectionId, query }: { path: string; collectionId: string; query: ItemQuery }): QueryResult => {
    const { db, budget } = connection(path);
    return budget(() => queryFeatures(db, collectionId, query));
  },
  records: ({ path, table, query }: { path: string; table: RecordTable; query: ItemQuery }): QueryResult => {
    const { db, budget } = connection(path);
    return budget(() => queryRecordFeatures(db, RECORDS[table], query));
  },
  periodCounts: ({ path, range, days, openStatuses }: { path: string; range: MsRange; days: { from: string; to: string }; openStatuses: readonly string[] }): PeriodCounts =>
    connection(path).reports.periodCounts(range, days, openStatuses),
};
