import type { ThrottleStore } from '../throttles.ts';
import type { Sql } from './database.ts';

/** Windows that ended are removed every this many hits, so the table stays as small as the live windows. */
const SWEEP_EVERY = 256;

/** throttles (migration 003): one row per key and current window; each hit is one UPSERT, so it counts atomically. */
export function createPostgresThrottles(sql: Sql): ThrottleStore {
  let hits = 0;
  return {
    async hit(key, windowMs, nowMs) {
      if ((hits += 1) % SWEEP_EVERY === 0) await sql.rows('DELETE FROM throttles WHERE start_ms + window_ms <= $1', [nowMs]);
      const [row] = await sql.rows<{ count: number; start_ms: number }>(
        `INSERT INTO throttles AS t (key, start_ms, window_ms, count) VALUES ($1, $2, $3, 1)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN $2 - t.start_ms >= t.window_ms THEN 1 ELSE t.count + 1 END,
           start_ms = CASE WHEN $2 - t.start_ms >= t.window_ms THEN $2 ELSE t.start_ms END,
           window_ms = $3
         RETURNING count, start_ms`,
        [key, nowMs, windowMs],
      );
      return { count: row.count, startMs: row.start_ms };
    },
    async reset(key) {
      await sql.rows('DELETE FROM throttles WHERE key = $1', [key]);
    },
  };
}
