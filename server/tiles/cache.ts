import type { SqliteDatabase } from '../db/open.ts';
import { intersects } from './math.ts';

type Entry = { bytes: Uint8Array; etag: string; collection: string; bounds: [number, number, number, number] };

/**
 * Tiles in memory, least recently used dropped first once `maxBytes` is reached. Before each lookup it reads the
 * change log the feature tables' triggers write (`tile_changes`) and drops exactly the cached tiles over a changed
 * bounding box, so an edit is seen on the next request and every other tile stays cached.
 */
export function createTileCache(db: SqliteDatabase, maxBytes = 64 * 1024 * 1024) {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let seen = (db.prepare('SELECT coalesce(max(seq), 0) FROM tile_changes').pluck().get() as number);
  const changes = db.prepare('SELECT seq, collection, minx, miny, maxx, maxy FROM tile_changes WHERE seq > ? ORDER BY seq');
  // The log only matters until the cache has read it; one process serves the database.
  const prune = db.prepare('DELETE FROM tile_changes WHERE seq <= ?');
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes.byteLength;
    entries.delete(key);
  };
  const catchUp = () => {
    const before = seen;
    for (const change of changes.all(seen) as { seq: number; collection: string; minx: number; miny: number; maxx: number; maxy: number }[]) {
      seen = change.seq;
      const box = [change.minx, change.miny, change.maxx, change.maxy];
      for (const [key, entry] of entries) if (entry.collection === change.collection && intersects(entry.bounds, box)) drop(key);
    }
    if (seen > before) prune.run(seen);
  };
  return {
    get(key: string): Entry | undefined {
      catchUp();
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    set(key: string, entry: Entry): void {
      drop(key);
      entries.set(key, entry);
      bytes += entry.bytes.byteLength;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
    },
    size: () => ({ tiles: entries.size, bytes }),
  };
}
export type TileCache = ReturnType<typeof createTileCache>;
