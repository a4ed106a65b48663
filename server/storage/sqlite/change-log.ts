import type { Change, ChangeLog } from '../change-log.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** The change log the feature tables' triggers write (migration 010). */
export function createSqliteChangeLog(db: SqliteDatabase): Sync<ChangeLog> {
  const latest = db.prepare('SELECT coalesce(max(seq), 0) FROM tile_changes').pluck();
  const since = db.prepare('SELECT seq, collection, minx, miny, maxx, maxy FROM tile_changes WHERE seq > ? ORDER BY seq');
  return {
    latest: () => latest.get() as number,
    since: (seq) => ({ changes: since.all(seq) as Change[], complete: true }),
  };
}
