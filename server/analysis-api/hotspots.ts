import type { FeatureCollection, Point } from 'geojson';
import { incidentClusters } from '../analysis/clusters/index.ts';
import { hotspotAreas } from '../analysis/hotspot-areas/index.ts';
import { hotspotGrid, hotspotGridFromCounts } from '../analysis/hotspots/index.ts';
import { rankHotspots } from '../analysis/risk-score/index.ts';
import type { IncidentProperties } from '../analysis/selection/index.ts';
import type { FeatureStore } from '../storage/features.ts';
import type { AppWorkPool } from '../work/app-pool.ts';
import { binnedCellCounts, coordinateTransfer, readSelectionCoordinates, type Coordinates } from './cell-counts.ts';
import { studyAreaGrid } from './grid-cache.ts';
import { EMPTY_MESSAGE, loadRiskContext, readIncidents, selectedIncidents, selectionSummary, type RiskContext } from './context.ts';
import { checkDrawnArea, parseBoolean, parseChoice, parseNumber, type Selection } from './params.ts';
import { exposureValues, readExposure, type ExposureInput } from './exposure.ts';

export const HOTSPOT_PARAMETERS = ['cellSizeMeters', 'distanceBandMeters', 'fdr', 'exposure', 'dbscanMeters', 'dbscanMinPoints', 'halfLifeDays'] as const;
/** What the Gi* null weighs cells by: their area (counts, the default), or km of cable / sites (rates). */
export const EXPOSURES = ['area', 'cable_km', 'sites'] as const;

export type HotspotSettings = {
  cellSizeMeters: number;
  distanceBandMeters?: number;
  fdr: boolean;
  exposure: (typeof EXPOSURES)[number];
  dbscanMeters: number;
  dbscanMinPoints: number;
  halfLifeDays: number;
};

export function parseHotspotSettings(search: URLSearchParams): HotspotSettings {
  return {
    cellSizeMeters: parseNumber(search, 'cellSizeMeters', 1000, 200, 20_000)!,
    distanceBandMeters: parseNumber(search, 'distanceBandMeters', undefined, 100, 100_000),
    fdr: parseBoolean(search, 'fdr', true),
    exposure: parseChoice(search, 'exposure', EXPOSURES, 'area'),
    dbscanMeters: parseNumber(search, 'dbscanMeters', 500, 10, 20_000)!,
    dbscanMinPoints: parseNumber(search, 'dbscanMinPoints', 5, 2, 1000)!,
    halfLifeDays: parseNumber(search, 'halfLifeDays', 180, 1, 3650)!,
  };
}

/**
 * What the hotspot analysis reads from the store: the window's incidents, the province-wide coordinates, the risk
 * context, and for rate hotspots the cable or sites.
 */
export type HotspotInputs = {
  incidents: FeatureCollection<Point, IncidentProperties>;
  coordinates: Coordinates | null;
  context: RiskContext;
  exposure: ExposureInput | null;
  selection: Selection;
  settings: HotspotSettings;
};

/** Reads a hotspot analysis' inputs (on the main thread, where the store is). */
export async function readHotspotInputs(features: FeatureStore, selection: Selection, settings: HotspotSettings): Promise<HotspotInputs> {
  const exposure = settings.exposure === 'area' ? null : await readExposure(features, settings.exposure);
  return { incidents: await readIncidents(features, selection), coordinates: await readSelectionCoordinates(features, selection), context: await loadRiskContext(features), exposure, selection, settings };
}

/**
 * The hotspot answer from its inputs, pure (it runs in the work pool): Gi* cells, DBSCAN cluster areas and the ranked
 * hotspot areas with each factor's contribution. Risk is weighed at the end of the window (not the wall clock), so
 * the same request gives the same ranking.
 */
export function computeHotspots({ incidents: read, coordinates, context, exposure: assets, selection, settings }: HotspotInputs) {
  checkDrawnArea(selection);
  const incidents = selectedIncidents(read, selection);
  const cellGrid = studyAreaGrid(selection, settings.cellSizeMeters);
  const exposure = assets ? { kind: assets.kind, values: exposureValues(cellGrid, assets) } : undefined;
  const options = { cellSizeMeters: settings.cellSizeMeters, distanceBandMeters: settings.distanceBandMeters, fdr: settings.fdr, grid: cellGrid, exposure };
  // Province-wide selections are binned from the store's coordinates; areas need the exact point-in-polygon selection.
  const binned = coordinates && binnedCellCounts(coordinates, cellGrid);
  const grid = binned ? hotspotGridFromCounts(binned.counts, binned.total, cellGrid, options) : hotspotGrid(incidents, selection.studyArea, options);
  const clusters = incidentClusters(incidents, { maxDistanceMeters: settings.dbscanMeters, minPoints: settings.dbscanMinPoints });
  const areas = hotspotAreas(grid.cells, { minClass: 2 });
  const hotspots = rankHotspots(areas, { incidents, ...context }, { now: new Date(`${selection.end}T23:59:59Z`), halfLifeDays: settings.halfLifeDays });
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: incidents.features.length === 0 ? EMPTY_MESSAGE : grid.message,
    distanceBand: grid.distanceBand,
    sensitivity: grid.sensitivity,
    significance: { ...grid.significance, default: 'area', choices: EXPOSURES },
    warnings: grid.warnings,
    cells: grid.cells,
    clusters: clusters.areas,
    hotspots,
  };
}

/** The hotspot analysis of a selection: read here, computed in the work pool. */
export async function hotspotAnalysis(features: FeatureStore, work: AppWorkPool, selection: Selection, settings: HotspotSettings) {
  const inputs = await readHotspotInputs(features, selection, settings);
  return work.run('hotspots', inputs, coordinateTransfer(inputs.coordinates));
}
