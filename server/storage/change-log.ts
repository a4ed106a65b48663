/** One change to a feature table: the bounding box it touched (the union of before and after). */
export type Change = { seq: number; collection: string; minx: number; miny: number; maxx: number; maxy: number };

/**
 * Every write to a feature table leaves an entry here, numbered by a sequence that never goes back (not even when old
 * entries are pruned), so a reader that remembers the last number it saw — the tile cache, another process — finds
 * every change after it. A PostgreSQL provider keeps the same table with a sequence and may NOTIFY on append.
 */
export interface ChangeLog {
  /** The number of the latest change, 0 when there was none. */
  latest(): Promise<number>;
  /**
   * The changes numbered after `seq`, oldest first. `complete` is false when entries after `seq` were pruned already:
   * the reader must then assume everything changed.
   */
  since(seq: number): Promise<{ changes: Change[]; complete: boolean }>;
  /** Drops all but the newest `keep` entries; the numbering goes on from where it was. */
  prune(keep: number): Promise<void>;
}
