import { openDatabase, type SqliteDatabase } from './database.ts';

/**
 * Looks into a SQLite database file from the outside, for the scripts that check the storage rather than use it:
 * the crash test (is the file intact, is an import all there or absent) and the benchmark's baselines (the same
 * answers without the indexes, to compare with). Not used by the server.
 */
export function inspectSqlite(path: string) {
  const db: SqliteDatabase = openDatabase(path);
  return {
    /** `PRAGMA integrity_check`: 'ok' for an intact file. */
    integrity: () => db.pragma('integrity_check', { simple: true }) as string,
    /** BTS sites whose code starts with `prefix`. */
    sitesWithCodePrefix: (prefix: string) => db.prepare("SELECT count(*) FROM bts_sites WHERE site_code LIKE ? || '%'").pluck().get(prefix) as number,
    /** Whether the low-zoom point counts at zoom 0 add up to the sites table (they are written in the same transaction). */
    pointCountsMatch: () => db.prepare("SELECT sum(n) = (SELECT count(*) FROM bts_sites) FROM point_cells WHERE collection = 'bts_sites' AND z = 0").pluck().get() === 1,
    /** Incidents whose description is `text`, and how many of them have `status`. */
    incidentsDescribed: (text: string, status: string) => ({
      stored: db.prepare('SELECT count(*) FROM incidents WHERE description = ?').pluck().get(text) as number,
      withStatus: db.prepare('SELECT count(*) FROM incidents WHERE description = ? AND status = ?').pluck().get(text, status) as number,
    }),
    /** An items bbox query answered by scanning the table instead of the R*Tree (page and count). */
    scanBbox(collection: string, [minx, miny, maxx, maxy]: [number, number, number, number]): void {
      db.prepare(`SELECT * FROM ${collection} NOT INDEXED WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ? ORDER BY id LIMIT 1000`).all(maxx, minx, maxy, miny);
      db.prepare(`SELECT count(*) FROM ${collection} NOT INDEXED WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?`).get(maxx, minx, maxy, miny);
    },
    /** Incidents of a type in a time range, counted by a scan instead of the time index. */
    scanCount: (type: string, startMs: number, endMs: number) => db.prepare('SELECT count(*) FROM incidents NOT INDEXED WHERE temporal_ms BETWEEN ? AND ? AND type = ?').pluck().get(startMs, endMs, type) as number,
    close: () => db.close(),
  };
}

/** After a bulk load: statistics for the query planner, and the write-ahead log folded into the file. */
export function finishBulkLoad(path: string): void {
  const db = openDatabase(path);
  db.exec('DELETE FROM tile_changes; ANALYZE;');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
