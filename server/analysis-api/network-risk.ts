import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { hotStretches } from '../analysis/network-risk/index.ts';
import type { FeatureStore } from '../storage/features.ts';
import { EMPTY_MESSAGE, loadCollection, loadIncidents, selectionSummary } from './context.ts';
import { parseNumber, type Selection } from './params.ts';

export const NETWORK_RISK_PARAMETERS = ['snapMeters', 'pieceMeters', 'top'] as const;
const DAY_MS = 86_400_000;

/** Hot stretches of the cable network: incidents snapped to the routes, per km per year on 1 km pieces. */
export async function networkRiskAnalysis(features: FeatureStore, selection: Selection, search: URLSearchParams) {
  const incidents = await loadIncidents(features, selection);
  const cables = await loadCollection<LineString | MultiLineString>(features, 'cable_routes');
  const windowDays = (Date.parse(selection.end) - Date.parse(selection.start)) / DAY_MS + 1;
  const stretches = hotStretches(incidents, cables as FeatureCollection<LineString | MultiLineString>, {
    snapMeters: parseNumber(search, 'snapMeters', 100, 1, 2000),
    pieceMeters: parseNumber(search, 'pieceMeters', 1000, 100, 50_000),
    top: parseNumber(search, 'top', 20, 1, 500),
    years: windowDays / 365.25,
  });
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: incidents.features.length === 0 ? EMPTY_MESSAGE : null,
    stretches,
  };
}
