import { lengthToDegrees } from '@turf/turf';
import type { BBox, Position } from 'geojson';

/** Uniform lon/lat grid whose cells are at least `cellMeters` wide everywhere in the indexed data. */
export type GridIndex = {
  /** Cell height in degrees of latitude. */
  cellLatDegrees: number;
  /** Cell width in degrees of longitude (widened for the highest latitude present, so it is never too narrow). */
  cellLonDegrees: number;
  /** Number of columns around the globe; column indices wrap at the antimeridian. */
  columns: number;
  /** Maximum |latitude| + one cell, degrees: longitude spans are widened for this latitude. */
  maxAbsLatDegrees: number;
  cells: Map<number, number[]>;
};

// Keep cells clear of the poles, where a longitude cell would have to span the globe.
const LAT_LIMIT_DEGREES = 89;

/**
 * Buckets positions into a grid for fixed-radius neighbour searches (grid hashing).
 * Cells are square in metres at the data's highest latitude and wider than that elsewhere, so a
 * neighbourhood query over the cells that overlap a conservative lon/lat box never misses a point.
 *
 * @param positions [lon, lat] pairs; the array index is what queries return
 * @param cellMeters cell size in metres, typically the search radius; must be positive
 * @returns the index, used with {@link candidatesNear} and {@link candidatesInBbox}
 * @example
 * const index = createGridIndex(points.features.map((f) => f.geometry.coordinates), 500);
 */
export function createGridIndex(positions: readonly Position[], cellMeters: number): GridIndex {
  if (!(cellMeters > 0) || !Number.isFinite(cellMeters)) throw new Error('cellMeters must be positive');
  const cellLatDegrees = lengthToDegrees(cellMeters, 'meters');
  let maxAbs = 0;
  for (const [, lat] of positions) maxAbs = Math.max(maxAbs, Math.abs(lat));
  const maxAbsLatDegrees = Math.min(maxAbs + cellLatDegrees, LAT_LIMIT_DEGREES);
  // Whole columns around the globe, so that wrapping a column index wraps the longitude exactly.
  const columns = Math.max(1, Math.floor((360 * Math.cos((maxAbsLatDegrees * Math.PI) / 180)) / cellLatDegrees));
  const index: GridIndex = {
    cellLatDegrees,
    cellLonDegrees: 360 / columns,
    columns,
    maxAbsLatDegrees,
    cells: new Map(),
  };
  positions.forEach(([lon, lat], i) => {
    const key = cellKey(index, rowOf(index, lat), columnOf(index, lon));
    const bucket = index.cells.get(key);
    if (bucket) bucket.push(i);
    else index.cells.set(key, [i]);
  });
  return index;
}

/**
 * Indices of all positions that may lie within `radiusMeters` of `position` (a superset: filter
 * with turf `distance`). Wraps across the antimeridian.
 *
 * @param radiusMeters search radius in metres
 */
export function candidatesNear(index: GridIndex, position: Position, radiusMeters: number): number[] {
  const [lon, lat] = position;
  return candidatesInBbox(index, padBbox([lon, lat, lon, lat], radiusMeters));
}

/**
 * Widens a [west, south, east, north] box by at least `meters` on every side (conservatively:
 * longitude padding uses the box's highest latitude, plus 1% for the spherical cap's bulge).
 *
 * @param meters padding in metres
 */
export function padBbox(bbox: BBox, meters: number): [number, number, number, number] {
  const [west, south, east, north] = bbox;
  const latPad = lengthToDegrees(meters, 'meters') * 1.01;
  const maxAbsLat = Math.min(Math.max(Math.abs(south), Math.abs(north)) + latPad, LAT_LIMIT_DEGREES);
  const lonPad = latPad / Math.cos((maxAbsLat * Math.PI) / 180);
  return [west - lonPad, south - latPad, east + lonPad, north + latPad];
}

/** Indices of all positions in grid cells overlapping `bbox` ([west, south, east, north] degrees; east may exceed 180). */
export function candidatesInBbox(index: GridIndex, bbox: BBox): number[] {
  const found: number[] = [];
  for (const key of cellKeysInBbox(index, bbox)) {
    const bucket = index.cells.get(key);
    if (bucket) for (const i of bucket) found.push(i);
  }
  return found;
}

/** Keys of the non-empty cells overlapping `bbox` (for callers that track state per cell). */
export function cellKeysInBbox(index: GridIndex, bbox: BBox): number[] {
  const [west, south, east, north] = bbox;
  const keys: number[] = [];
  const firstColumn = columnOf(index, west, false);
  const lastColumn = Math.min(columnOf(index, east, false), firstColumn + index.columns - 1);
  for (let row = rowOf(index, south); row <= rowOf(index, north); row++) {
    for (let column = firstColumn; column <= lastColumn; column++) {
      const key = cellKey(index, row, column);
      if (index.cells.has(key)) keys.push(key);
    }
  }
  return keys;
}

function rowOf(index: GridIndex, lat: number): number {
  return Math.floor((lat + 90) / index.cellLatDegrees);
}

function columnOf(index: GridIndex, lon: number, wrap = true): number {
  const column = Math.floor((lon + 180) / index.cellLonDegrees);
  return wrap ? modulo(column, index.columns) : column;
}

function cellKey(index: GridIndex, row: number, column: number): number {
  return row * index.columns + modulo(column, index.columns);
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
