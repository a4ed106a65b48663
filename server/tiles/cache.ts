import type { Change, ChangeLog } from '../storage/change-log.ts';
import { intersects } from './math.ts';

type Entry = { bytes: Uint8Array; etag: string; collection: string; bounds: [number, number, number, number] };

/** How many of the changes it has read the cache keeps, to check a tile built meanwhile against them (`set`). */
const RECENT_CHANGES = 1024;

/**
 * Tiles in memory, least recently used dropped first once `maxBytes` is reached; it knows nothing of the backend.
 * Before it serves a cached tile it reads the store's change log from the last number it saw and drops exactly the
 * cached tiles over a changed bounding box, so an edit is seen on the next request and every other tile stays
 * cached; when the log no longer reaches back that far, it drops every tile. A tile it does not hold is a miss
 * without reading the log (a round trip to the database per built tile on PostgreSQL): the tile built then is
 * stored with the position in the log it was built after (`position`), and changes read since by other lookups are
 * checked against it, so a tile built just before an edit is never kept past it.
 */
export function createTileCache(changeLog: ChangeLog, maxBytes = 64 * 1024 * 1024) {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let seen: number | undefined;
  /** The changes read lately, oldest first: every change numbered after `coveredFrom` up to `seen`. */
  let recent: Change[] = [];
  let coveredFrom = Infinity;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes.byteLength;
    entries.delete(key);
  };
  const catchUp = async () => {
    if (seen === undefined) {
      seen = await changeLog.latest();
      coveredFrom = seen;
      return;
    }
    const { changes, complete } = await changeLog.since(seen);
    if (!complete) {
      entries.clear();
      bytes = 0;
    }
    for (const change of changes) {
      seen = change.seq;
      const box = [change.minx, change.miny, change.maxx, change.maxy];
      for (const [key, entry] of entries) if (entry.collection === change.collection && intersects(entry.bounds, box)) drop(key);
    }
    if (!complete) {
      // What was pruned unread is unknown: no tile built before now may be kept.
      recent = [];
      coveredFrom = seen;
    } else if (changes.length > 0) {
      recent.push(...changes);
      if (recent.length > RECENT_CHANGES) {
        coveredFrom = recent[recent.length - RECENT_CHANGES - 1].seq;
        recent = recent.slice(-RECENT_CHANGES);
      }
    }
  };
  return {
    /** The cached tile under `key`, after catching up with the change log; undefined, without reading it, when there is none. */
    async get(key: string): Promise<Entry | undefined> {
      if (seen !== undefined && !entries.has(key)) return undefined;
      await catchUp();
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    /** Where in the change log the cache is: taken before a tile is built, and handed to `set` with it. */
    position: (): number | undefined => seen,
    /**
     * Keeps a tile built after `position` was taken, unless a change read since then touches it (or the changes
     * read since are no longer all known): that change may have come after the tile's snapshot.
     */
    set(key: string, entry: Entry, builtAfter: number | undefined): void {
      if (builtAfter === undefined || builtAfter < coveredFrom) return;
      for (const change of recent) {
        if (change.seq > builtAfter && change.collection === entry.collection && intersects(entry.bounds, [change.minx, change.miny, change.maxx, change.maxy])) return;
      }
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
