import { bbox, booleanPointInPolygon, destination, distance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { classifyGi, giStar } from '../getis-ord/index.ts';
import { binCoordinates, type HexGridOver } from '../hex-bin/index.ts';
import { createRng, type Rng } from '../prng/index.ts';
import { hotspotGridFromCounts } from './index.ts';
import { gridNeighbourhoods } from './neighbours.ts';

/**
 * Seeded simulations of complete spatial randomness over a real study area, for the calibration test and
 * `npm run calibrate`: points uniform in the polygon (rejection from its bbox with turf's point-in-polygon), binned
 * on the grid, analysed with the defaults of the API (automatic band, FDR).
 */
export type SimulatedMap = {
  /** Some cell hot at 95 % or more after FDR, with the exact test (on planted maps: farther than two bands from the cluster). */
  falseAlarm: boolean;
  /** The same with the normal approximation of Gi* p-values (the method this replaced), on the same band. */
  falseAlarmNormal: boolean;
  /** The cell holding the planted cluster's centre is hot at 95 % or more (planted maps only). */
  found: boolean | null;
  /** Cells hot at 95 % or more, and those of them that are false alarms. */
  hotCells: number;
  falseHotCells: number;
  bandMeters: number;
};

export function uniformPoints(rng: Rng, area: Feature<Polygon | MultiPolygon>, count: number): Position[] {
  const [west, south, east, north] = bbox(area);
  const out: Position[] = [];
  while (out.length < count) {
    const position = [rng.range(west, east), rng.range(south, north)];
    if (booleanPointInPolygon(position, area)) out.push(position);
  }
  return out;
}

/** `count` points uniform in a disc of `radiusMeters` around `centre` (turf destination, so metres are metres). */
export function discPoints(rng: Rng, centre: Position, radiusMeters: number, count: number): Position[] {
  return Array.from({ length: count }, () => destination(centre, radiusMeters * Math.sqrt(rng.next()), rng.range(-180, 180), { units: 'meters' }).geometry.coordinates);
}

/**
 * One map: `incidents` CSR points, of which `planted.count` are replaced by a disc cluster when given.
 * @param seed the map's seed (maps are independent streams)
 */
export function simulateMap(grid: HexGridOver, area: Feature<Polygon | MultiPolygon>, seed: number, incidents: number,
  planted?: { centre: Position; radiusMeters: number; count: number }): SimulatedMap {
  const rng = createRng(seed);
  const points = [...uniformPoints(rng, area, incidents - (planted?.count ?? 0)), ...(planted ? discPoints(rng, planted.centre, planted.radiusMeters, planted.count) : [])];
  const counts = binCoordinates(grid, points.map((p) => p[0]), points.map((p) => p[1]));
  const result = hotspotGridFromCounts(counts, points.length, grid);
  const normal = classifyGi(giStar(counts, gridNeighbourhoods(grid).within(result.distanceBand.meters)), true);
  let found: boolean | null = null;
  if (planted) {
    const centreCell = Array.from(binCoordinates(grid, [planted.centre[0]], [planted.centre[1]])).indexOf(1);
    found = centreCell >= 0 && result.cells.features[centreCell].properties.gi_class >= 2;
  }
  // On a planted map a hot cell counts as a false alarm only beyond the cluster's reach (its radius plus two bands).
  const reach = planted ? planted.radiusMeters + 2 * result.distanceBand.meters : -1;
  const hot = result.cells.features.filter((cell) => cell.properties.gi_class >= 2);
  const falseHot = hot.filter((cell) => !planted || distance(grid.cells.features[cell.properties.cell_id].properties.center, planted.centre, { units: 'meters' }) > reach);
  return { falseAlarm: falseHot.length > 0, falseAlarmNormal: normal.some((c) => c >= 2), found, hotCells: hot.length, falseHotCells: falseHot.length, bandMeters: result.distanceBand.meters };
}
