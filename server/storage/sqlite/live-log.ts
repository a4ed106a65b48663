import type { LiveMessage } from '../broadcast.ts';
import type { LiveLog, LoggedMessage } from '../live-log.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** live_messages (migration 062): one row per published message, the message as JSON. */
export function createSqliteLiveLog(db: SqliteDatabase): Sync<LiveLog> {
  const append = db.prepare('INSERT INTO live_messages (origin, at_ms, message) VALUES (?, ?, ?)');
  const latest = db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'live_messages'), 0)").pluck();
  const since = db.prepare('SELECT seq, origin, message FROM live_messages WHERE seq > ? ORDER BY seq LIMIT ?');
  const prune = db.prepare('DELETE FROM live_messages WHERE at_ms < ?');
  return {
    append: (origin, message, atMs) => Number(append.run(origin, atMs, JSON.stringify(message)).lastInsertRowid),
    latest: () => latest.get() as number,
    since: (seq, limit) => (since.all(seq, limit) as { seq: number; origin: string; message: string }[])
      .map((row): LoggedMessage => ({ seq: row.seq, origin: row.origin, message: JSON.parse(row.message) as LiveMessage })),
    prune(beforeMs) {
      prune.run(beforeMs);
    },
  };
}
