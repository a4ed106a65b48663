import type { Change, ChangeLog } from '../change-log.ts';
import type { Sql } from './database.ts';

/** The log keeps this many newest entries; a reader further behind is told to assume everything changed. */
const KEEP = 50_000;
/** Every this many reads, entries beyond KEEP are dropped. */
const PRUNE_EVERY = 1_000;

/**
 * The change log the feature tables' triggers write (migration 002), numbered by the counter row `change_sequence`:
 * numbers never go back, even once every entry was pruned, and have no gaps.
 */
export function createPostgresChangeLog(sql: Sql): ChangeLog {
  let reads = 0;
  const log: ChangeLog = {
    latest: async () => (await sql.rows<{ last: number }>('SELECT last FROM change_sequence'))[0].last,
    async since(seq) {
      if ((reads += 1) % PRUNE_EVERY === 0) await log.prune(KEEP);
      // One statement, so the entries, the oldest kept and the latest number come from one snapshot.
      const [row] = await sql.rows<{ changes: Change[] | null; oldest: number | null; last: number }>(
        `SELECT (SELECT json_agg(json_build_object('seq', seq, 'collection', collection, 'minx', minx, 'miny', miny, 'maxx', maxx, 'maxy', maxy) ORDER BY seq)
                 FROM tile_changes WHERE seq > $1) AS changes,
                (SELECT min(seq) FROM tile_changes) AS oldest, (SELECT last FROM change_sequence) AS last`,
        [seq],
      );
      const droppedThrough = row.oldest === null ? row.last : row.oldest - 1;
      return { changes: row.changes ?? [], complete: seq >= droppedThrough };
    },
    async prune(keep) {
      await sql.rows('DELETE FROM tile_changes WHERE seq <= (SELECT last FROM change_sequence) - $1', [keep]);
    },
  };
  return log;
}
