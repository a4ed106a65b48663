import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** One tile's bytes (already gzipped MVT) at z/x/y. */
export type ArchiveTile = { z: number; x: number; y: number; data: Uint8Array };
export type ArchiveOptions = {
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number];
  metadata: Record<string, unknown>;
  /** Largest root directory (compressed) before the entries move to leaf directories; the spec's limit by default. */
  rootBytes?: number;
};
type Entry = { tileId: number; offset: number; length: number; runLength: number };

const HEADER_BYTES = 127;

function varint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** A directory as the spec lays it out: counts, then id deltas, run lengths, lengths and offsets column by column; gzipped. */
function directory(entries: readonly Entry[]): Buffer {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const entry of entries) { varint(out, entry.tileId - last); last = entry.tileId; }
  for (const entry of entries) varint(out, entry.runLength);
  for (const entry of entries) varint(out, entry.length);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    // 0 means "right after the previous tile's bytes", which keeps clustered archives small.
    varint(out, index > 0 && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
  });
  return gzipSync(Buffer.from(out));
}

/** The root directory, and the leaf directories it points to when the entries do not fit in the root. */
function directories(entries: Entry[], rootBytes: number): { root: Buffer; leaves: Buffer } {
  const root = directory(entries);
  if (root.length <= rootBytes) return { root, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const leafBuffers: Buffer[] = [], rootEntries: Entry[] = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += leafSize) {
      const leaf = directory(entries.slice(start, start + leafSize));
      rootEntries.push({ tileId: entries[start].tileId, offset, length: leaf.length, runLength: 0 });
      leafBuffers.push(leaf);
      offset += leaf.length;
    }
    const candidate = directory(rootEntries);
    if (candidate.length <= rootBytes) return { root: candidate, leaves: Buffer.concat(leafBuffers) };
  }
}

const e7 = (degrees: number) => Math.round(degrees * 1e7);

/**
 * A PMTiles version 3 archive of gzipped vector tiles (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * header, root directory, JSON metadata, leaf directories, then the tile data in tile-id order. Identical tiles are
 * stored once, and a run of consecutive ids with the same bytes is one directory entry.
 */
export function writeArchive(tiles: readonly ArchiveTile[], options: ArchiveOptions): Uint8Array {
  const sorted = tiles.map((tile) => ({ ...tile, tileId: zxyToTileId(tile.z, tile.x, tile.y) })).sort((a, b) => a.tileId - b.tileId);
  const stored = new Map<string, { offset: number; length: number }>();
  const chunks: Uint8Array[] = [];
  const entries: Entry[] = [];
  let dataLength = 0;
  for (const tile of sorted) {
    const hash = createHash('sha256').update(tile.data).digest('hex');
    let place = stored.get(hash);
    if (!place) {
      place = { offset: dataLength, length: tile.data.length };
      stored.set(hash, place);
      chunks.push(tile.data);
      dataLength += tile.data.length;
    }
    const last = entries.at(-1);
    if (last && last.offset === place.offset && last.tileId + last.runLength === tile.tileId) last.runLength += 1;
    else entries.push({ tileId: tile.tileId, offset: place.offset, length: place.length, runLength: 1 });
  }
  const { root, leaves } = directories(entries, options.rootBytes ?? 16_384 - HEADER_BYTES);
  const metadata = gzipSync(Buffer.from(JSON.stringify(options.metadata)));
  const zooms = sorted.map((tile) => tile.z);
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const sections = [root.length, metadata.length, leaves.length, dataLength];
  let offset = HEADER_BYTES;
  sections.forEach((length, index) => {
    header.writeBigUInt64LE(BigInt(offset), 8 + index * 16);
    header.writeBigUInt64LE(BigInt(length), 16 + index * 16);
    offset += length;
  });
  header.writeBigUInt64LE(BigInt(sorted.length), 72); // addressed tiles
  header.writeBigUInt64LE(BigInt(entries.length), 80); // tile entries
  header.writeBigUInt64LE(BigInt(chunks.length), 88); // distinct tile contents
  header.writeUInt8(1, 96); // clustered: data in tile-id order
  header.writeUInt8(2, 97); // internal compression: gzip
  header.writeUInt8(2, 98); // tile compression: gzip
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(Math.min(...zooms), 100);
  header.writeUInt8(Math.max(...zooms), 101);
  const [west, south, east, north] = options.bounds;
  [west, south, east, north].forEach((value, index) => header.writeInt32LE(e7(value), 102 + index * 4));
  header.writeUInt8(options.center[2], 118);
  header.writeInt32LE(e7(options.center[0]), 119);
  header.writeInt32LE(e7(options.center[1]), 123);
  return Buffer.concat([header, root, metadata, leaves, ...chunks]);
}
