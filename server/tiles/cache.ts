import type { ChangeLog } from '../storage/change-log.ts';
import { intersects } from './math.ts';

type Entry = { bytes: Uint8Array; etag: string; collection: string; bounds: [number, number, number, number] };

/**
 * Tiles in memory, least recently used dropped first once `maxBytes` is reached; it knows nothing of the backend.
 * Before each lookup it reads the store's change log from the last number it saw and drops exactly the cached tiles
 * over a changed bounding box, so an edit is seen on the next request and every other tile stays cached; when the
 * log no longer reaches back that far, it drops every tile.
 */
export function createTileCache(changeLog: ChangeLog, maxBytes = 64 * 1024 * 1024) {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let seen: number | undefined;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes.byteLength;
    entries.delete(key);
  };
  const catchUp = async () => {
    if (seen === undefined) {
      seen = await changeLog.latest();
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
  };
  return {
    async get(key: string): Promise<Entry | undefined> {
      await catchUp();
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
