import type { ChangeCounters } from '../change-counters.ts';
import type { Sql } from './database.ts';

/** Reads the `change_counters` table its triggers keep (migration 003). */
export function createPostgresChangeCounters(sql: Sql): ChangeCounters {
  return {
    version: async (key) => (await sql.rows<{ version: number }>('SELECT version FROM change_counters WHERE key = $1', [key]))[0]?.version ?? 0,
    // Keys are short ASCII words, so a range on the primary key finds a prefix without LIKE's escaping.
    total: async (prefix) =>
      (await sql.rows<{ total: number }>('SELECT coalesce(sum(version), 0)::bigint AS total FROM change_counters WHERE key COLLATE "C" >= $1 AND key COLLATE "C" < $2', [prefix, `${prefix}\uffff`]))[0].total,
  };
}
