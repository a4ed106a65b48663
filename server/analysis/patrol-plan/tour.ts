import { distance } from '@turf/turf';
import type { Position } from 'geojson';

/** Detour factor applied to straight distances when estimating road travel for feasibility. */
export const DETOUR_FACTOR = 1.3;

const km = (a: Position, b: Position): number => distance(a, b, { units: 'kilometers' });

/**
 * Visiting order for a closed tour base → stops → base: nearest neighbour from the base, then
 * 2-opt until no reversal shortens it (straight distances).
 * @returns indices into `stops`
 */
export function orderStops(base: Position, stops: readonly Position[]): number[] {
  const points = [base, ...stops];
  const d = points.map((p) => points.map((q) => km(p, q)));
  const tour = [0];
  const left = new Set(stops.map((_, i) => i + 1));
  while (left.size > 0) {
    const last = tour[tour.length - 1];
    let best = -1;
    for (const j of left) if (best < 0 || d[last][j] < d[last][best]) best = j;
    tour.push(best);
    left.delete(best);
  }
  tour.push(0);
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 1; i < tour.length - 2; i++) {
      for (let j = i + 1; j < tour.length - 1; j++) {
        const delta = d[tour[i - 1]][tour[j]] + d[tour[i]][tour[j + 1]] - d[tour[i - 1]][tour[i]] - d[tour[j]][tour[j + 1]];
        if (delta < -1e-9) {
          tour.splice(i, j - i + 1, ...tour.slice(i, j + 1).reverse());
          improved = true;
        }
      }
    }
  }
  return tour.slice(1, -1).map((j) => j - 1);
}

/**
 * Estimated shift minutes: closed tour (NN + 2-opt) straight length × {@link DETOUR_FACTOR} at
 * `speedKmh`, plus `dwellMinutes` per stop.
 */
export function estimateMinutes(base: Position, stops: readonly Position[], speedKmh: number, dwellMinutes: number): number {
  if (stops.length === 0) return 0;
  const order = orderStops(base, stops).map((i) => stops[i]);
  const path = [base, ...order, base];
  let length = 0;
  for (let k = 1; k < path.length; k++) length += km(path[k - 1], path[k]);
  return ((length * DETOUR_FACTOR) / speedKmh) * 60 + dwellMinutes * stops.length;
}
