import type { ChangeCounters } from '../change-counters.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** Reads the `change_counters` table its triggers keep (migration 021). */
export function createSqliteChangeCounters(db: SqliteDatabase): Sync<ChangeCounters> {
  const read = db.prepare('SELECT version FROM change_counters WHERE key = ?').pluck();
  // Keys are short ASCII words, so a range on the primary key finds a prefix without LIKE's escaping.
  const sum = db.prepare('SELECT total(version) FROM change_counters WHERE key >= ? AND key < ?').pluck();
  return {
    version: (key) => (read.get(key) as number | undefined) ?? 0,
    total: (prefix) => sum.get(prefix, `${prefix}\uffff`) as number,
  };
}
