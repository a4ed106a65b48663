import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { giStar, type GiClass } from '../getis-ord/index.ts';
import { binPoints, hexGridOver, type HexGridOver } from '../hex-bin/index.ts';
import { candidateBands, chooseBand, type DistanceBand } from './band.ts';
import { gridNeighbourhoods, type GridNeighbourhoods } from './neighbours.ts';
import { exactClasses, exactGiStar } from './significance.ts';

export type { BandCandidate, DistanceBand } from './band.ts';
export { exactGiStar, exactClasses } from './significance.ts';

/** What incidents are expected to follow under the null: the area, or an exposure such as cable or sites. */
export type ExposureKind = 'area' | 'cable_km' | 'sites';
/** Properties of an output hex. `fill` is the simplestyle colour of `gi_class`. */
export type HotspotCellProps = {
  cell_id: number; count: number; area_share: number; exposure: number;
  neighbours: number; observed: number; expected: number;
  gi_z: number | null; gi_p: number | null; gi_class: GiClass; fill: string; 'fill-opacity': number;
};
/** Hot cells (95 % or more after FDR) at one band, and how many of them are also hot at the chosen band. */
export type BandSensitivity = { meters: number; hot_cells: number; shared_with_chosen: number; chosen: boolean };
/** Result of {@link hotspotGrid}. */
export type HotspotGrid = {
  cells: FeatureCollection<Polygon, HotspotCellProps>;
  distanceBand: DistanceBand;
  sensitivity: BandSensitivity[];
  significance: { test: string; exposure: ExposureKind; description: string; incidentsTested: number };
  warnings: string[];
  message: string | null;
};
/** Options of {@link hotspotGrid}. */
export type HotspotOptions = {
  cellSizeMeters?: number;
  distanceBandMeters?: number;
  fdr?: boolean;
  /** A grid already built by `hexGridOver` over the same study area and cell size, to save rebuilding it. */
  grid?: HexGridOver;
  /** Rate hotspots: the exposure per cell (km of cable, number of sites) incidents are expected to follow. Default: area. */
  exposure?: { kind: Exclude<ExposureKind, 'area'>; values: ArrayLike<number> };
  /** Fewer incidents than this give a message instead of classes (ArcGIS Optimized Hot Spot Analysis uses 30). */
  minIncidents?: number;
};

/** 7-class red–blue colours (ColorBrewer RdBu), index gi_class + 3: −3 #2166ac … 0 #f7f7f7 … 3 #b2182b. */
export const GI_COLOURS = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
/** `message` of an empty selection. */
export const NO_INCIDENTS_MESSAGE = 'No incidents match the selection';
export const MIN_INCIDENTS = 30;

const NULL_DESCRIPTION: Record<ExposureKind, string> = {
  area: 'complete spatial randomness: every incident equally likely anywhere in the study area (border cells weighted by their area inside it)',
  cable_km: 'incidents in proportion to the km of cable in each cell: hot means more incidents per km of cable than elsewhere',
  sites: 'incidents in proportion to the BTS sites in each cell: hot means more incidents per site than elsewhere',
};

/**
 * Getis-Ord Gi* over a hex grid of the study area, with exact significance (see `significance.ts`).
 * @param incidents points (not mutated)
 * @param studyArea polygon or multipolygon; hexes outside it are left out
 * @param options.cellSizeMeters hex side in metres (default 1000)
 * @param options.distanceBandMeters fixed band in metres; default chosen by incremental Moran's I peak, else 8-NN average
 * @param options.fdr Benjamini–Hochberg correction of the confidence classes (default true)
 * @returns cells with count, the analytic Gi* z, the exact p, class −3…3, the neighbourhood's observed and expected
 *   counts; the band and why; hot cells at the neighbouring candidate bands; warnings; `message` when nothing could
 *   be analysed (empty selection, fewer than 30 incidents), else null.
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
 * @param total incidents selected (including any outside the grid), for messages
 */
export function hotspotGridFromCounts(counts: ArrayLike<number>, total: number, grid: HexGridOver, options: HotspotOptions = {}): HotspotGrid {
  const { distanceBandMeters, fdr = true, exposure, minIncidents = MIN_INCIDENTS } = options;
  if (distanceBandMeters !== undefined && !(distanceBandMeters > 0)) throw new Error('distanceBandMeters must be positive');
  const n = grid.cells.features.length;
  if (counts.length !== n) throw new Error('counts must have one entry per grid cell');
  if (exposure && exposure.values.length !== n) throw new Error('exposure must have one value per grid cell');
  const hood = gridNeighbourhoods(grid);
  const weights = exposure ? exposure.values : Float64Array.from(grid.cells.features, (f) => f.properties.area_share);
  const tested = sumWhere(counts, weights);
  const analysable = n >= 2 && tested >= minIncidents;
  const distanceBand = pickBand(counts, hood, distanceBandMeters, analysable);
  const warnings: string[] = [];
  let message: string | null = null;
  if (total === 0) message = NO_INCIDENTS_MESSAGE;
  else if (!analysable) message = `Chỉ có ${tested} vụ việc trong lựa chọn, cần ít nhất ${minIncidents} để phân tích điểm nóng / Only ${tested} incident(s) in the selection: a hotspot analysis needs at least ${minIncidents}`;
  if (exposure && tested < total) warnings.push(`${total - tested} incident(s) in cells without ${exposure.kind === 'cable_km' ? 'cable' : 'sites'} are left out of the rate analysis`);
  const neighbours = hood.within(distanceBand.meters);
  const test = exactGiStar(counts, weights, neighbours);
  const classes: GiClass[] = analysable ? exactClasses(test, fdr) : new Array<GiClass>(n).fill(0);
  const z = giStar(counts, neighbours);
  let few = 0;
  for (let i = 0; i < n; i++) if (neighbours.offsets[i + 1] - neighbours.offsets[i] < 8) few++;
  if (few > n * 0.1) warnings.push(`${few} of ${n} cells have fewer than 8 neighbours in the ${Math.round(distanceBand.meters)} m band`);
  const features = grid.cells.features.map((f, i): Feature<Polygon, HotspotCellProps> => ({
    type: 'Feature', geometry: f.geometry,
    properties: {
      cell_id: i, count: counts[i], area_share: f.properties.area_share, exposure: weights[i],
      neighbours: neighbours.offsets[i + 1] - neighbours.offsets[i], observed: test.observed[i], expected: test.expected[i],
      gi_z: Number.isFinite(z[i]) ? z[i] : null, gi_p: analysable && !Number.isNaN(test.p[i]) ? test.p[i] : null,
      gi_class: classes[i], fill: GI_COLOURS[classes[i] + 3], 'fill-opacity': 0.6,
    },
  }));
  return {
    cells: { type: 'FeatureCollection', features },
    distanceBand,
    sensitivity: analysable ? bandSensitivity(counts, weights, hood, distanceBand.meters, classes, fdr) : [],
    significance: { test: 'exact binomial test of each neighbourhood count (conditional on the total), Benjamini–Hochberg across cells', exposure: exposure?.kind ?? 'area', description: NULL_DESCRIPTION[exposure?.kind ?? 'area'], incidentsTested: tested },
    warnings,
    message,
  };
}

function sumWhere(counts: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) if (weights[i] > 0) sum += counts[i];
  return sum;
}

function pickBand(counts: ArrayLike<number>, hood: GridNeighbourhoods, given: number | undefined, analysable: boolean): DistanceBand {
  if (given) return { meters: given, rule: 'given', reason: 'distance band given by the caller', candidates: [] };
  if (analysable) return chooseBand(counts, hood);
  const meters = hood.xy.length >= 4 ? hood.knnMeters(candidateBands(hood.xy)[0] ?? 1) : 2000;
  return { meters, rule: 'knn_average', reason: 'too few incidents for a Moran\'s I scan: average distance to each cell\'s 8th nearest cell', candidates: [] };
}

/** Hot cells (class ≥ 2) at the candidate bands just below and above the one used, to show how robust the map is. */
function bandSensitivity(counts: ArrayLike<number>, weights: ArrayLike<number>, hood: GridNeighbourhoods, meters: number, classes: GiClass[], fdr: boolean): BandSensitivity[] {
  const bands = candidateBands(hood.xy);
  const below = [...bands].reverse().find((band) => band < meters * (1 - 1e-9));
  const above = bands.find((band) => band > meters * (1 + 1e-9));
  const hotHere = classes.map((c) => c >= 2);
  const row = (band: number, chosen: boolean): BandSensitivity => {
    const hot = chosen ? classes : exactClasses(exactGiStar(counts, weights, hood.within(band)), fdr);
    let hotCells = 0, shared = 0;
    hot.forEach((c, i) => { if (c >= 2) { hotCells++; if (hotHere[i]) shared++; } });
    return { meters: band, hot_cells: hotCells, shared_with_chosen: shared, chosen };
  };
  return [...(below ? [row(below, false)] : []), row(meters, true), ...(above ? [row(above, false)] : [])];
}
