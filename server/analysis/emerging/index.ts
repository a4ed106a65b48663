import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { giStar, type GiClass } from '../getis-ord/index.ts';
import { binPoints, hexGridOver, type HexGridOver } from '../hex-bin/index.ts';
import { chooseBand, type DistanceBand } from '../hotspots/band.ts';
import { gridNeighbourhoods } from '../hotspots/neighbours.ts';
import { exactClasses, exactGiStar } from '../hotspots/significance.ts';
import { mannKendall } from '../mann-kendall/index.ts';
import { emergingCategory, type EmergingCategory } from './classify.ts';
import { monthSlices } from './slices.ts';

export { emergingCategory, type EmergingCategory } from './classify.ts';
export { monthSlices } from './slices.ts';

/** Properties of an output hex; `fill` is a simplestyle colour of the category. */
export type EmergingCellProps = { cell_id: number; category: EmergingCategory; mk_z: number; mk_p: number; hot_slices: number; cold_slices: number; fill: string };
/** Result of {@link emergingHotspots}. */
export type EmergingResult = { cells: FeatureCollection<Polygon, EmergingCellProps>; slices: string[]; distanceBand: DistanceBand; warnings: string[] };
/** Options of {@link emergingHotspots}. */
export type EmergingOptions = {
  cellSizeMeters?: number;
  distanceBandMeters?: number;
  sliceMonths?: number;
  start: string;
  end: string;
  /** A grid already built by `hexGridOver` over the same study area and cell size, to save rebuilding it. */
  grid?: HexGridOver;
};

/** Colours: hot categories red family, cold blue family, no_pattern transparent grey. */
export const EMERGING_COLOURS: Record<EmergingCategory, string> = {
  new_hot: '#67000d', consecutive_hot: '#a50f15', intensifying_hot: '#cb181d', persistent_hot: '#ef3b2c',
  diminishing_hot: '#fb6a4a', sporadic_hot: '#fc9272', oscillating_hot: '#fcbba1', historical_hot: '#fee0d2',
  new_cold: '#08306b', consecutive_cold: '#08519c', intensifying_cold: '#2171b5', persistent_cold: '#4292c6',
  diminishing_cold: '#6baed6', sporadic_cold: '#9ecae1', oscillating_cold: '#c6dbef', historical_cold: '#deebf7',
  no_pattern: '#f7f7f7',
};

/**
 * Emerging hot spots (ESRI Emerging Hot Spot Analysis): incidents are binned into hexes per time slice,
 * Gi* (binary distance band) is computed per slice with the exact, area-weighted significance of `hotspotGrid`
 * (FDR-corrected classes: a month of sparse counts is not mistaken for a hot spot), Mann-Kendall runs on each cell's
 * Gi* z series and {@link emergingCategory} names the pattern.
 * @param incidents points with an ISO `occurred_at` property (not mutated); others are ignored
 * @param studyArea polygon or multipolygon
 * @param options.cellSizeMeters hex side in metres (default 1000)
 * @param options.distanceBandMeters band in metres; default chosen on all-slice counts as in `hotspotGrid`
 * @param options.sliceMonths months per slice (default 1); @param options.start, options.end ISO period (inclusive)
 */
export function emergingHotspots(incidents: FeatureCollection<Point>, studyArea: Feature<Polygon | MultiPolygon>, options: EmergingOptions): EmergingResult {
  const { cellSizeMeters = 1000, distanceBandMeters, sliceMonths = 1, start, end } = options;
  if (!(cellSizeMeters > 0)) throw new Error('cellSizeMeters must be positive');
  if (distanceBandMeters !== undefined && !(distanceBandMeters > 0)) throw new Error('distanceBandMeters must be positive');
  const { labels, sliceOf } = monthSlices(start, end, sliceMonths);
  const grid = options.grid ?? hexGridOver(studyArea, { cellSizeMeters });
  const perSlice: Feature<Point>[][] = labels.map(() => []);
  for (const f of incidents.features) {
    const at = f.properties?.occurred_at;
    const k = typeof at === 'string' ? sliceOf(at) : -1;
    if (k >= 0) perSlice[k].push(f);
  }
  const counts = perSlice.map((features) => Array.from(binPoints(grid, { type: 'FeatureCollection', features })));
  const n = grid.cells.features.length;
  const total = Array.from({ length: n }, (_, i) => counts.reduce((a, c) => a + c[i], 0));
  const warnings: string[] = [];
  const used = perSlice.reduce((a, s) => a + s.length, 0);
  const hood = gridNeighbourhoods(grid);
  const varied = n >= 2 && total.some((c) => c !== total[0]);
  const distanceBand: DistanceBand = distanceBandMeters
    ? { meters: distanceBandMeters, rule: 'given', reason: 'distance band given by the caller', candidates: [] }
    : varied ? chooseBand(total, hood)
      : { meters: cellSizeMeters * Math.sqrt(3) * 2, rule: 'knn_average', reason: 'no variation in counts: two hex rings used', candidates: [] };
  const neighbours = hood.within(distanceBand.meters);
  const areaShares = Float64Array.from(grid.cells.features, (f) => f.properties.area_share);
  const classes: GiClass[][] = [], zs: number[][] = [];
  for (const c of counts) {
    zs.push(giStar(c, neighbours));
    classes.push(exactClasses(exactGiStar(c, areaShares, neighbours), true));
  }
  if (labels.length < 10) warnings.push(`only ${labels.length} time slice(s): Mann-Kendall needs about 10 for a trend`);
  const features = grid.cells.features.map((f, i): Feature<Polygon, EmergingCellProps> => {
    const cellClasses = classes.map((c) => c[i]);
    const mk = mannKendall(zs.map((z) => (Number.isNaN(z[i]) ? 0 : z[i])));
    const category = emergingCategory(cellClasses, mk.z, mk.p);
    return { type: 'Feature', geometry: f.geometry, properties: {
      cell_id: i, category, mk_z: mk.z, mk_p: mk.p,
      hot_slices: cellClasses.filter((c) => c >= 1).length, cold_slices: cellClasses.filter((c) => c <= -1).length,
      fill: EMERGING_COLOURS[category] } };
  });
  if (used === 0) warnings.push('no incidents in the period: every cell is no_pattern');
  return { cells: { type: 'FeatureCollection', features }, slices: labels, distanceBand, warnings };
}
