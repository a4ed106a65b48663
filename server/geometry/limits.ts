import { AppError } from '../errors.ts';

/**
 * How much client geometry one request may send (issue 13): positions in all, and parts (rings, lines, polygons).
 * Counted before anything else looks at the geometry, in time linear in what was sent and stopping at the limit.
 */
export type GeometryLimit = { maxPositions: number; maxParts?: number };

/** A drawn or uploaded area: an inventory polygon, a key-target zone, an analysis area. */
export const AREA_LIMIT: GeometryLimit = { maxPositions: 5_000, maxParts: 200 };
/**
 * An inspected area (a market, a block of a commune): smaller than other areas, because its shape is checked for
 * self-crossings in the request itself (quadratic in its positions).
 */
export const AREA_INSPECTION_LIMIT: GeometryLimit = { maxPositions: 500, maxParts: 10 };
/**
 * One asset or service agent, written alone or in an import: a cable route logged by GPS at 5 m over 100 km has
 * 20,000 positions. Every tile, cut trace and inventory that touches a feature walks all of its positions.
 */
export const ASSET_FEATURE_LIMIT: GeometryLimit = { maxPositions: 20_000, maxParts: 500 };
/** A line or point to buffer: buffering costs grow far faster than the input (a 100-vertex zig-zag at 50 km takes seconds). */
export const BUFFER_INPUT_LIMIT: GeometryLimit = { maxPositions: 1_000, maxParts: 50 };
/** A buffered area, before it is used to read and tally assets. */
export const BUFFERED_AREA_LIMIT: GeometryLimit = { maxPositions: 20_000, maxParts: 500 };

/** Positions and parts of a GeoJSON coordinates array, counting at most up to `stopAt` positions. */
export function countCoordinates(coordinates: unknown, stopAt = Number.POSITIVE_INFINITY): { positions: number; parts: number } {
  let positions = 0;
  let parts = 0;
  const walk = (value: unknown, depth: number): void => {
    if (!Array.isArray(value) || positions > stopAt || depth > 4) return;
    if (typeof value[0] === 'number') {
      positions += 1;
      return;
    }
    if (Array.isArray(value[0]) && typeof value[0][0] === 'number') parts += 1;
    for (const item of value) walk(item, depth + 1);
  };
  walk(coordinates, 0);
  return { positions, parts };
}

/** What makes `geometry` exceed `limit` ("more than 5000 positions"), or null when it stays within it. */
export function geometryOverLimit(geometry: unknown, limit: GeometryLimit): string | null {
  const coordinates = (geometry as { coordinates?: unknown } | null)?.coordinates;
  const { positions, parts } = countCoordinates(coordinates, limit.maxPositions);
  if (positions > limit.maxPositions) return `more than ${limit.maxPositions} positions`;
  if (limit.maxParts !== undefined && parts > limit.maxParts) return `${parts} parts (at most ${limit.maxParts})`;
  return null;
}

/** 413 GeometryTooComplex naming the field unless `geometry` stays within `limit`. */
export function requireGeometryWithin(geometry: unknown, path: string, limit: GeometryLimit): void {
  const what = geometryOverLimit(geometry, limit);
  if (what) throw new AppError(413, 'GeometryTooComplex', `${path} has ${what}; simplify it or split the request`, { path, ...limit });
}
