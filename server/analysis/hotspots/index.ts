import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { classifyGi, giStar, twoSidedP, type GiClass } from '../getis-ord/index.ts';
import { binPoints, hexGridOver, type HexGridOver } from '../hex-bin/index.ts';
import { chooseBand, type DistanceBand } from './band.ts';
import { knnAverageMeters, neighboursWithin, toMeters } from './neighbours.ts';

export type { DistanceBand } from './band.ts';

/** Properties of an output hex. `fill` is the simplestyle colour of `gi_class`. */
export type HotspotCellProps = { cell_id: number; count: number; gi_z: number; gi_p: number; gi_class: GiClass; neighbours: number; fill: string; 'fill-opacity': number };
/** Result of {@link hotspotGrid}. */
export type HotspotGrid = { cells: FeatureCollection<Polygon, HotspotCellProps>; distanceBand: DistanceBand; warnings: string[]; message: string | null };
/** Options of {@link hotspotGrid}. */
export type HotspotOptions = {
  cellSizeMeters?: number;
  distanceBandMeters?: number;
  fdr?: boolean;
  /** A grid already built by `hexGridOver` over the same study area and cell size, to save rebuilding it. */
  grid?: HexGridOver;
};

/** 7-class red–blue colours (ColorBrewer RdBu), index gi_class + 3: −3 #2166ac … 0 #f7f7f7 … 3 #b2182b. */
export const GI_COLOURS = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
/** `message` of an empty selection. */
export const NO_INCIDENTS_MESSAGE = 'No incidents match the selection';

/**
 * Optimised-hot-spot-style Getis-Ord Gi* over a hex grid of the study area.
 * @param incidents points (not mutated)
 * @param studyArea polygon or multipolygon; hexes outside it are left out
 * @param options.cellSizeMeters hex side in metres (default 1000)
 * @param options.distanceBandMeters fixed band in metres; default chosen by incremental Moran's I peak, else 8-NN average
 * @param options.fdr Benjamini–Hochberg correction of the confidence classes (default true)
 * @returns cells with count, gi_z, gi_p, gi_class (−3…3), neighbours; the band used and why; warnings;
 *   `message` when nothing could be analysed (empty selection, no variation), else null. Where Gi* is undefined
 *   (no variation) a cell gets gi_z 0, gi_p 1, gi_class 0.
 * @example hotspotGrid(incidents, province, { cellSizeMeters: 1000 })
 */
export function hotspotGrid(incidents: FeatureCollection<Point>, studyArea: Feature<Polygon | MultiPolygon>, options: HotspotOptions = {}): HotspotGrid {
  const { cellSizeMeters = 1000 } = options;
  if (!(cellSizeMeters > 0)) throw new Error('cellSizeMeters must be positive');
  const grid = options.grid ?? hexGridOver(studyArea, { cellSizeMeters });
  return hotspotGridFromCounts(Array.from(binPoints(grid, incidents)), incidents.features.length, grid, options);
}

/**
 * {@link hotspotGrid} from counts per cell already made (by the store, in SQL, for large incident sets).
 * @param counts incidents per cell, indexed by the grid's cell_id
 * @param total incidents selected (including any outside the grid), for messages and warnings
 */
export function hotspotGridFromCounts(counts: number[], total: number, grid: HexGridOver, options: HotspotOptions = {}): HotspotGrid {
  const { cellSizeMeters = 1000, distanceBandMeters, fdr = true } = options;
  if (distanceBandMeters !== undefined && !(distanceBandMeters > 0)) throw new Error('distanceBandMeters must be positive');
  if (counts.length !== grid.cells.features.length) throw new Error('counts must have one entry per grid cell');
  const xy = toMeters(grid.cells.features.map((f) => f.properties.center));
  const varied = counts.length >= 2 && counts.some((c) => c !== counts[0]);
  const distanceBand: DistanceBand = distanceBandMeters
    ? { meters: distanceBandMeters, rule: 'given', reason: 'distance band given by the caller' }
    : varied ? chooseBand(counts, xy)
      : { meters: xy.length >= 2 ? knnAverageMeters(xy, 8, cellSizeMeters) : 2 * cellSizeMeters, rule: 'knn_average',
        reason: 'no variation in counts, so no Moran\'s I peak: average distance to each cell\'s 8th nearest cell' };
  let message: string | null = null;
  if (total === 0) message = NO_INCIDENTS_MESSAGE;
  else if (!varied) message = `Too little variation: ${total} incident(s) over ${counts.length} cell(s); Gi* is undefined`;
  const neighbours = neighboursWithin(xy, distanceBand.meters);
  const z = counts.length >= 2 ? giStar(counts, neighbours) : counts.map(() => NaN);
  const classes = classifyGi(z, fdr);
  const warnings: string[] = [];
  // ArcGIS Optimized Hot Spot Analysis refuses fewer than 30 incidents; we compute but say so.
  if (total > 0 && total < 30) warnings.push(`only ${total} incident(s): fewer than 30, results are unreliable`);
  const few = neighbours.filter((l) => l.length < 8).length;
  if (few > counts.length * 0.1) warnings.push(`${few} of ${counts.length} cells have fewer than 8 neighbours in the ${Math.round(distanceBand.meters)} m band`);
  const features = grid.cells.features.map((f, i): Feature<Polygon, HotspotCellProps> => ({
    type: 'Feature', geometry: f.geometry,
    properties: { cell_id: i, count: counts[i], gi_z: Number.isNaN(z[i]) ? 0 : z[i], gi_p: Number.isNaN(z[i]) ? 1 : twoSidedP(z[i]), gi_class: classes[i],
      neighbours: neighbours[i].length, fill: GI_COLOURS[classes[i] + 3], 'fill-opacity': 0.6 },
  }));
  return { cells: { type: 'FeatureCollection', features }, distanceBand, warnings, message };
}
