import { distance, earthRadius } from '@turf/turf';
import type { Position } from 'geojson';
import { cellKeysInBbox, createGridIndex, padBbox, type GridIndex } from '../spatial-index/index.ts';

/** Fixed-radius neighbour search over positions, with turf `distance` as the judge. */
export type NeighbourSearch = {
  index: GridIndex;
  /** Calls `visit(j)` for every j within the radius of point i (i itself included); stops when `visit` returns true. */
  forEachNeighbour: (i: number, visit: (j: number) => boolean | void, skipCell?: (key: number) => boolean) => void;
};

// Below this radius and latitude the flat-earth estimate is within 0.5% of turf's great-circle
// distance, so only pairs within ±1% of the radius need the exact (slower) turf call.
const FLAT_MAX_RADIUS_METERS = 10_000;
const FLAT_MAX_LATITUDE = 70;
const BAND = 0.01;
const METERS_PER_DEGREE = (Math.PI / 180) * earthRadius;

/**
 * Builds a neighbour search: grid hashing with cells of `radiusMeters`, a local equirectangular
 * estimate to accept or reject clear cases, and turf `distance` for pairs near the radius, so
 * results equal a brute-force turf `distance(a, b) <= radiusMeters`.
 */
export function neighbourSearch(positions: readonly Position[], radiusMeters: number): NeighbourSearch {
  const index = createGridIndex(positions, radiusMeters);
  const useFlat = radiusMeters <= FLAT_MAX_RADIUS_METERS && index.maxAbsLatDegrees <= FLAT_MAX_LATITUDE;
  const within = (a: Position, b: Position): boolean => {
    if (useFlat) {
      const dLon = ((((b[0] - a[0]) % 360) + 540) % 360) - 180;
      const dx = dLon * Math.cos((a[1] * Math.PI) / 180);
      const flat = Math.hypot(dx, b[1] - a[1]) * METERS_PER_DEGREE;
      if (flat < radiusMeters * (1 - BAND)) return true;
      if (flat > radiusMeters * (1 + BAND)) return false;
    }
    return distance(a, b, { units: 'meters' }) <= radiusMeters;
  };
  const forEachNeighbour: NeighbourSearch['forEachNeighbour'] = (i, visit, skipCell) => {
    const origin = positions[i];
    const box = padBbox([origin[0], origin[1], origin[0], origin[1]], radiusMeters);
    for (const key of cellKeysInBbox(index, box)) {
      if (skipCell?.(key)) continue;
      for (const j of index.cells.get(key) as number[]) {
        if ((j === i || within(origin, positions[j])) && visit(j) === true) return;
      }
    }
  };
  return { index, forEachNeighbour };
}
