import type { Change, ChangeLog } from '../change-log.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** The log keeps this many newest entries; a reader further behind is told to assume everything changed. */
const KEEP = 50_000;
/** Every this many reads, entries beyond KEEP are dropped. */
const PRUNE_EVERY = 1_000;

/**
 * The change log the feature tables' triggers write (migration 010), numbered by AUTOINCREMENT (migration 043) so
 * that numbers never go back, even once every entry was pruned: the highest number ever used is in sqlite_sequence.
 */
export function createSqliteChangeLog(db: SqliteDatabase): Sync<ChangeLog> {
  const latest = db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'tile_changes'), 0)").pluck();
  const oldest = db.prepare('SELECT min(seq) FROM tile_changes').pluck();
  const since = db.prepare('SELECT seq, collection, minx, miny, maxx, maxy FROM tile_changes WHERE seq > ? ORDER BY seq');
  const drop = db.prepare('DELETE FROM tile_changes WHERE seq <= ?');
  let reads = 0;
  const log: Sync<ChangeLog> = {
    latest: () => latest.get() as number,
    since(seq) {
      if ((reads += 1) % PRUNE_EVERY === 0) log.prune(KEEP);
      const changes = since.all(seq) as Change[];
      // Pruning drops the oldest entries, and numbers have no gaps (a rolled-back write takes its number back with
      // it), so the entries after `seq` are all here exactly when nothing after `seq` was dropped.
      const first = oldest.get() as number | null;
      const droppedThrough = first === null ? log.latest() : first - 1;
      return { changes, complete: seq >= droppedThrough };
    },
    prune(keep) {
      drop.run(log.latest() - keep);
    },
  };
  return log;
}
