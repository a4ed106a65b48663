import { hotStretches } from '../analysis/network-risk/index.ts';
import type { FeatureProvider } from '../storage/provider.ts';
import type { CorridorCache } from './corridor-cache.ts';
import { EMPTY_MESSAGE, loadIncidents, selectionSummary } from './context.ts';
import { parseNumber, type Selection } from './params.ts';

export const NETWORK_RISK_PARAMETERS = ['snapMeters', 'top'] as const;
const DAY_MS = 86_400_000;

/** Hot stretches of the network: incidents credited to the nearest 1 km corridor piece, ranked per km per year. */
export function networkRiskAnalysis(provider: FeatureProvider, corridors: CorridorCache, selection: Selection, search: URLSearchParams) {
  const incidents = loadIncidents(provider, selection);
  const windowDays = (Date.parse(selection.end) - Date.parse(selection.start)) / DAY_MS + 1;
  const pieces = corridors();
  const stretches = hotStretches(incidents, pieces, {
    snapMeters: parseNumber(search, 'snapMeters', 100, 1, 2000),
    top: parseNumber(search, 'top', 20, 1, 5000),
    years: windowDays / 365.25,
  });
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: incidents.features.length === 0 ? EMPTY_MESSAGE : null,
    network: { pieces: pieces.features.length, km: pieces.features.reduce((sum, piece) => sum + piece.properties.length_m, 0) / 1000 },
    stretches,
  };
}
