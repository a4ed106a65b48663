import type { SqliteDatabase } from '../../db/open.ts';
import type { ChangeCounters } from '../change-counters.ts';

/** Reads the `change_counters` table its triggers keep (migration 021). */
export function createSqliteChangeCounters(db: SqliteDatabase): ChangeCounters {
  const read = db.prepare('SELECT version FROM change_counters WHERE key = ?').pluck();
  return { version: (key) => (read.get(key) as number | undefined) ?? 0 };
}
