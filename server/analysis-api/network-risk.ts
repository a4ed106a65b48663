import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { hotStretches } from '../analysis/network-risk/index.ts';
import type { IncidentProperties } from '../analysis/selection/index.ts';
import type { FeatureStore } from '../storage/features.ts';
import type { AppWorkPool } from '../work/app-pool.ts';
import { EMPTY_MESSAGE, loadCollection, readIncidents, selectedIncidents, selectionSummary } from './context.ts';
import { checkDrawnArea, parseNumber, type Selection } from './params.ts';

export const NETWORK_RISK_PARAMETERS = ['snapMeters', 'pieceMeters', 'top'] as const;
const DAY_MS = 86_400_000;

type NetworkRiskSettings = { snapMeters?: number; pieceMeters?: number; top?: number };
export type NetworkRiskInputs = {
  incidents: FeatureCollection<Point, IncidentProperties>;
  cables: FeatureCollection<LineString | MultiLineString>;
  selection: Selection;
  settings: NetworkRiskSettings;
};

/** Hot stretches from their inputs, pure (work pool): incidents snapped to the routes, per km per year on 1 km pieces. */
export function computeNetworkRisk({ incidents: read, cables, selection, settings }: NetworkRiskInputs) {
  checkDrawnArea(selection);
  const incidents = selectedIncidents(read, selection);
  const windowDays = (Date.parse(selection.end) - Date.parse(selection.start)) / DAY_MS + 1;
  const stretches = hotStretches(incidents, cables, { ...settings, years: windowDays / 365.25 });
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: incidents.features.length === 0 ? EMPTY_MESSAGE : null,
    stretches,
  };
}

/** Hot stretches of the cable network for a selection: read here, computed in the work pool. */
export async function networkRiskAnalysis(features: FeatureStore, work: AppWorkPool, selection: Selection, search: URLSearchParams) {
  const settings = {
    snapMeters: parseNumber(search, 'snapMeters', 100, 1, 2000),
    pieceMeters: parseNumber(search, 'pieceMeters', 1000, 100, 50_000),
    top: parseNumber(search, 'top', 20, 1, 500),
  };
  return work.run('networkRisk', { incidents: await readIncidents(features, selection), cables: await loadCollection<LineString | MultiLineString>(features, 'cable_routes'), selection, settings });
}
