import { emergingHotspots } from '../analysis/emerging/index.ts';
import type { FeatureStore } from '../storage/features.ts';
import { studyAreaGrid } from './grid-cache.ts';
import { EMPTY_MESSAGE, loadIncidents, selectionSummary } from './context.ts';
import { parseNumber, type Selection } from './params.ts';

export const TREND_PARAMETERS = ['cellSizeMeters', 'distanceBandMeters', 'sliceMonths'] as const;

/** Emerging hot spots: Gi* per cell per time slice, Mann-Kendall on each cell's series, ESRI's categories. */
export async function trendAnalysis(features: FeatureStore, selection: Selection, search: URLSearchParams) {
  const incidents = await loadIncidents(features, selection);
  const cellSizeMeters = parseNumber(search, 'cellSizeMeters', 1000, 200, 20_000)!;
  const result = emergingHotspots(incidents, selection.studyArea, {
    cellSizeMeters,
    grid: studyAreaGrid(selection, cellSizeMeters),
    distanceBandMeters: parseNumber(search, 'distanceBandMeters', undefined, 100, 100_000),
    sliceMonths: parseNumber(search, 'sliceMonths', 1, 1, 12)!,
    start: selection.start,
    end: selection.end,
  });
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: incidents.features.length === 0 ? EMPTY_MESSAGE : null,
    ...result,
  };
}
