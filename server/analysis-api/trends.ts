import type { FeatureCollection, Point } from 'geojson';
import { emergingHotspots } from '../analysis/emerging/index.ts';
import type { IncidentProperties } from '../analysis/selection/index.ts';
import type { FeatureStore } from '../storage/features.ts';
import type { AppWorkPool } from '../work/app-pool.ts';
import { studyAreaGrid } from './grid-cache.ts';
import { EMPTY_MESSAGE, readIncidents, selectedIncidents, selectionSummary } from './context.ts';
import { checkDrawnArea, parseNumber, type Selection } from './params.ts';

export const TREND_PARAMETERS = ['cellSizeMeters', 'distanceBandMeters', 'sliceMonths'] as const;

type TrendSettings = { cellSizeMeters: number; distanceBandMeters?: number; sliceMonths: number };
export type TrendInputs = { incidents: FeatureCollection<Point, IncidentProperties>; selection: Selection; settings: TrendSettings };

/** Emerging hot spots from their inputs, pure (work pool): Gi* per cell per time slice, Mann-Kendall on each cell's series, ESRI's categories. */
export function computeTrends({ incidents: read, selection, settings }: TrendInputs) {
  checkDrawnArea(selection);
  const incidents = selectedIncidents(read, selection);
  const result = emergingHotspots(incidents, selection.studyArea, {
    ...settings,
    grid: studyAreaGrid(selection, settings.cellSizeMeters),
    start: selection.start,
    end: selection.end,
  });
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: incidents.features.length === 0 ? EMPTY_MESSAGE : null,
    ...result,
  };
}

/** Emerging hot spots of a selection: parameters checked and incidents read here, computed in the work pool. */
export async function trendAnalysis(features: FeatureStore, work: AppWorkPool, selection: Selection, search: URLSearchParams) {
  const settings = {
    cellSizeMeters: parseNumber(search, 'cellSizeMeters', 1000, 200, 20_000)!,
    distanceBandMeters: parseNumber(search, 'distanceBandMeters', undefined, 100, 100_000),
    sliceMonths: parseNumber(search, 'sliceMonths', 1, 1, 12)!,
  };
  return work.run('trends', { incidents: await readIncidents(features, selection), selection, settings });
}
