import type { ThrottleStore } from '../throttles.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** Windows that ended are removed every this many hits, so the table stays as small as the live windows. */
const SWEEP_EVERY = 256;

/** throttles (migration 015): one row per key and current window; each hit is one UPSERT, so it counts atomically. */
export function createSqliteThrottles(db: SqliteDatabase): Sync<ThrottleStore> {
  const hit = db.prepare(`INSERT INTO throttles (key, start_ms, window_ms, count) VALUES (@key, @now, @window, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN @now - start_ms >= window_ms THEN 1 ELSE count + 1 END,
      start_ms = CASE WHEN @now - start_ms >= window_ms THEN @now ELSE start_ms END,
      window_ms = @window
    RETURNING count, start_ms`);
  const sweep = db.prepare('DELETE FROM throttles WHERE start_ms + window_ms <= ?');
  let hits = 0;
  return {
    hit(key, windowMs, nowMs) {
      if ((hits += 1) % SWEEP_EVERY === 0) sweep.run(nowMs);
      const row = hit.get({ key, now: nowMs, window: windowMs }) as { count: number; start_ms: number };
      return { count: row.count, startMs: row.start_ms };
    },
    reset(key) {
      db.prepare('DELETE FROM throttles WHERE key = ?').run(key);
    },
  };
}
