import type { FeatureCollection, Point } from 'geojson';
import { incidentClusters } from '../analysis/clusters/index.ts';
import { hotspotAreas } from '../analysis/hotspot-areas/index.ts';
import { hotspotGrid, hotspotGridFromCounts } from '../analysis/hotspots/index.ts';
import { selectionCellCounts } from './cell-counts.ts';
import { rankHotspots } from '../analysis/risk-score/index.ts';
import type { IncidentProperties } from '../analysis/selection/index.ts';
import type { FeatureStore } from '../storage/features.ts';
import { studyAreaGrid } from './grid-cache.ts';
import { EMPTY_MESSAGE, loadIncidents, loadRiskContext, selectionSummary } from './context.ts';
import { parseBoolean, parseNumber, type Selection } from './params.ts';

export const HOTSPOT_PARAMETERS = ['cellSizeMeters', 'distanceBandMeters', 'fdr', 'dbscanMeters', 'dbscanMinPoints', 'halfLifeDays'] as const;

export type HotspotSettings = {
  cellSizeMeters: number;
  distanceBandMeters?: number;
  fdr: boolean;
  dbscanMeters: number;
  dbscanMinPoints: number;
  halfLifeDays: number;
};

export function parseHotspotSettings(search: URLSearchParams): HotspotSettings {
  return {
    cellSizeMeters: parseNumber(search, 'cellSizeMeters', 1000, 200, 20_000)!,
    distanceBandMeters: parseNumber(search, 'distanceBandMeters', undefined, 100, 100_000),
    fdr: parseBoolean(search, 'fdr', true),
    dbscanMeters: parseNumber(search, 'dbscanMeters', 500, 10, 20_000)!,
    dbscanMinPoints: parseNumber(search, 'dbscanMinPoints', 5, 2, 1000)!,
    halfLifeDays: parseNumber(search, 'halfLifeDays', 180, 1, 3650)!,
  };
}

/**
 * The hotspot answer: Gi* cells, DBSCAN cluster areas and the ranked hotspot areas with each factor's contribution.
 * Risk is weighed at the end of the window (not the wall clock), so the same request gives the same ranking.
 */
export async function hotspotAnalysis(features: FeatureStore, selection: Selection, settings: HotspotSettings) {
  const incidents: FeatureCollection<Point, IncidentProperties> = await loadIncidents(features, selection);
  const cellGrid = studyAreaGrid(selection, settings.cellSizeMeters);
  const options = { cellSizeMeters: settings.cellSizeMeters, distanceBandMeters: settings.distanceBandMeters, fdr: settings.fdr, grid: cellGrid };
  // Province-wide selections are binned by the store; areas need the exact point-in-polygon selection.
  const binned = await selectionCellCounts(features, selection, cellGrid);
  const grid = binned ? hotspotGridFromCounts(binned.counts, binned.total, cellGrid, options) : hotspotGrid(incidents, selection.studyArea, options);
  const clusters = incidentClusters(incidents, { maxDistanceMeters: settings.dbscanMeters, minPoints: settings.dbscanMinPoints });
  const areas = hotspotAreas(grid.cells, { minClass: 2 });
  const context = await loadRiskContext(features);
  const hotspots = rankHotspots(areas, { incidents, ...context }, { now: new Date(`${selection.end}T23:59:59Z`), halfLifeDays: settings.halfLifeDays });
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: incidents.features.length === 0 ? EMPTY_MESSAGE : grid.message,
    distanceBand: grid.distanceBand,
    warnings: grid.warnings,
    cells: grid.cells,
    clusters: clusters.areas,
    hotspots,
  };
}
