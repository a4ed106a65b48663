import type { CollectionDef } from '../collections/types.ts';
import { tileOfPosition } from '../geometry/web-mercator.ts';
import type { ItemQuery, TimeRange } from './features.ts';

/**
 * The grid vector tiles thin points on, shared by every provider so that a tile reads the same whichever way it is
 * built: each tile is cut into 16 × 16 cells, the cells being the tiles four zooms deeper.
 */
export const CELL_BITS = 4;
export const CELLS_PER_SIDE = 2 ** CELL_BITS;
/**
 * Zooms below this are "low": a provider keeps them pre-aggregated (points counted per cell and month) and
 * generalised (lines simplified, with a minimum zoom each), maintained on every write. Low-zoom tiles draw lines
 * merged by their properties, without ids.
 */
export const LOW_ZOOMS = 11;

/**
 * Another carrier's lines in a carrier's low-zoom tiles (issue 13): every tier from this zoom on, none before it. A
 * line's own tier decides when the owner sees it (backbone from 0, trunk from 8…); for others that would show which
 * lines are backbone, which the items API hides, so their lines all appear together, like on the provincial map.
 */
export const FOREIGN_LINES_FROM_ZOOM = 8;
/** The low zoom whose generalised lines include every line, whatever zoom its tier is drawn from. */
export const EVERY_LINE_ZOOM = LOW_ZOOMS - 1;

/** Zooms below this are "country" zooms: lines are simplified further. */
export const COARSE_BELOW_ZOOM = 9;

/**
 * How far, in degrees, a low-zoom tile's generalised lines are simplified (Douglas–Peucker on longitude and latitude):
 * once for country zooms (below COARSE_BELOW_ZOOM) and once for the rest of the low zooms, each by half a screen
 * pixel (512-pixel tiles) of the deepest zoom it serves, so the simplification never shows.
 */
export function generalisationDegrees(zoom: number): number {
  const deepest = zoom < COARSE_BELOW_ZOOM ? COARSE_BELOW_ZOOM - 1 : LOW_ZOOMS - 1;
  return 360 / (2 ** deepest * 512) / 2;
}

/** Below this zoom, points are thinned to one per cell of the grid, carrying how many they stand for (`point_count`). */
export const THIN_BELOW_ZOOM = 12;
/** The most features one tile holds (the lowest ids); the generalisation keeps real tiles far below it. */
export const MAX_FEATURES_PER_TILE = 20_000;

export type GridCell = { x: number; y: number; cell: number };

/** A tile four zooms deeper, as the tile holding it and its cell index there. */
function splitCell(column: number, row: number): GridCell {
  const mask = CELLS_PER_SIDE - 1;
  return { x: column >> CELL_BITS, y: row >> CELL_BITS, cell: (row & mask) * CELLS_PER_SIDE + (column & mask) };
}

/** The cell of a position in the tiles of zoom z: the tile's column and row, and the cell's index inside it. */
export function cellOf(lon: number, lat: number, z: number): GridCell {
  const [column, row] = tileOfPosition(lon, lat, z + CELL_BITS);
  return splitCell(column, row);
}

/** The cells of a position at every low zoom, from one projection at the deepest. */
export function lowZoomCellsOf(lon: number, lat: number): (GridCell & { z: number })[] {
  const deepest = LOW_ZOOMS - 1;
  const [column, row] = tileOfPosition(lon, lat, deepest + CELL_BITS);
  return Array.from({ length: LOW_ZOOMS }, (_, z) => ({ z, ...splitCell(column >> (deepest - z), row >> (deepest - z)) }));
}

/** Calendar months (UTC) counted from January 1970: the time step of the point aggregates. */
export function monthOf(ms: number): number {
  const date = new Date(ms);
  return (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
}

/** The first millisecond of a month. */
export const monthStart = (month: number): number => Date.UTC(1970 + Math.floor(month / 12), ((month % 12) + 12) % 12, 1);

/**
 * A time range split into the whole months it covers (read from the aggregates) and the leftover pieces at either end
 * (read from the points themselves). Without a range every month is whole.
 */
export function splitByMonths(range: TimeRange | undefined): { months: [number, number] | null; pieces: TimeRange[] } {
  const start = range?.startMs ?? null, end = range?.endMs ?? null;
  const first = start === null ? -Infinity : monthStart(monthOf(start)) === start ? monthOf(start) : monthOf(start) + 1;
  const last = end === null ? Infinity : monthStart(monthOf(end) + 1) - 1 === end ? monthOf(end) : monthOf(end) - 1;
  if (first > last) return { months: null, pieces: [{ startMs: start, endMs: end }] };
  const pieces: TimeRange[] = [];
  if (start !== null && start < monthStart(first)) pieces.push({ startMs: start, endMs: monthStart(first) - 1 });
  if (end !== null && end >= monthStart(last + 1)) pieces.push({ startMs: monthStart(last + 1), endMs: end });
  return { months: [first, last], pieces };
}

/** Months far outside any data: an open end of a time range, when the point aggregates are read. */
export const ALL_MONTHS: [number, number] = [-1e6, 1e6];

/** The part of the point aggregates counting every point; the others are the values of the collection's `aggregateBy` property. */
export const ALL_PARTS = '*';

/** The parts a point counts in: all, and its `aggregateBy` value when it has one. */
export const partsOf = (collection: CollectionDef, value: unknown): string[] =>
  (collection.aggregateBy && typeof value === 'string' && value !== '' && value !== ALL_PARTS ? [ALL_PARTS, value] : [ALL_PARTS]);

/**
 * The one part of the point aggregates a query reads: all when unfiltered, a value when its only filter is on
 * `aggregateBy`; null when none can (other filters, a list of ids), and the points themselves must be read.
 */
export function partOfQuery(collection: CollectionDef, query: Pick<ItemQuery, 'filters' | 'ids'>): string | null {
  if (query.ids) return null;
  if (query.filters.length === 0) return ALL_PARTS;
  const [filter] = query.filters;
  return query.filters.length === 1 && filter.property === collection.aggregateBy && partsOf(collection, filter.value).length === 2 ? String(filter.value) : null;
}
