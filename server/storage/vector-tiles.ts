import type { CollectionDef } from '../collections/types.ts';
import { padded, tileBounds } from '../geometry/web-mercator.ts';
import type { PropertyFilter, TimeRange } from './features.ts';
import type { Redaction } from './redaction.ts';
import { LOW_ZOOMS } from './tile-grid.ts';

/**
 * How every provider encodes a vector tile, so that a tile reads the same whichever way it is built (the zoom rules
 * themselves are in `tile-grid.ts`). Tiles are TILE_EXTENT units a side; features are kept TILE_BUFFER units beyond
 * each edge, so lines and symbols cross tile edges cleanly.
 */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
/**
 * geojson-vt's generalisation, which the Node encoder applies and the PostgreSQL provider repeats in SQL: geometry is
 * simplified (Douglas–Peucker) by up to TILE_TOLERANCE units, and a line (each part) shorter than TILE_TOLERANCE or a
 * polygon ring smaller than TILE_TOLERANCE² units is left out. geojson-vt does neither at ENCODER_MAX_ZOOM and
 * simplifies deeper zooms as at that zoom (its point importances are computed once, for ENCODER_MAX_ZOOM).
 */
export const TILE_TOLERANCE = 3;
export const ENCODER_MAX_ZOOM = 14;

/** The Douglas–Peucker tolerance of zoom z, as a fraction of the world's width; 0 for none. */
export const simplifyTolerance = (z: number): number => (z === ENCODER_MAX_ZOOM ? 0 : TILE_TOLERANCE / (2 ** Math.min(z, ENCODER_MAX_ZOOM) * TILE_EXTENT));
/** The shortest line (the side of the smallest polygon ring) zoom z draws, as a fraction of the world's width; 0: all. */
export const smallestSize = (z: number): number => (z === ENCODER_MAX_ZOOM ? 0 : TILE_TOLERANCE / (2 ** z * TILE_EXTENT));

/** The box a tile's features are chosen from, and whose edits drop it from a cache: the tile and its buffer. */
export const tileReach = (z: number, x: number, y: number) => padded(tileBounds(z, x, y), TILE_BUFFER / TILE_EXTENT);

/** The properties a low-zoom tile carries: `tileProperties`, else all. */
export const tilePropertyNames = (collection: CollectionDef): readonly string[] => collection.tileProperties ?? collection.properties.map((property) => property.name);

/** The properties a tile of zoom z carries: below LOW_ZOOMS the tile properties, from it every property. */
export const propertiesAtZoom = (collection: CollectionDef, z: number): readonly string[] =>
  z < LOW_ZOOMS ? tilePropertyNames(collection) : collection.properties.map((property) => property.name);

/**
 * Whose rows, and how much of them, a tile shows: the reader's scope (`server/auth/access.ts`) as plain data.
 * `privateRows` are the rows a reader sees whole (a carrier's own assets) when it sees the others' redacted.
 */
export type TileScope = {
  filters: readonly PropertyFilter[];
  ids?: readonly number[];
  redaction: Redaction | null;
  privateRows?: PropertyFilter;
};

/** One tile of a collection under a reader's scope, optionally of one period (`datetime` on the temporal property). */
export type TileRequest = { z: number; x: number; y: number; datetime?: TimeRange; scope: TileScope };

/**
 * The owners whose lines a reader with `privateRows` sees redacted: the other values the property may take (the
 * registry's list), each of them from FOREIGN_LINES_FROM_ZOOM on in every tier (`tile-grid.ts`).
 */
export function otherOwners(collection: CollectionDef, own: PropertyFilter): string[] {
  const values = collection.properties.find((property) => property.name === own.property)?.values ?? [];
  return values.filter((value) => value !== own.value);
}
