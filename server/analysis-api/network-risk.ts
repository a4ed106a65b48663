import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { corridorPieces, type CorridorPieceProps } from '../analysis/corridors/index.ts';
import { hotStretches } from '../analysis/network-risk/index.ts';
import type { IncidentProperties } from '../analysis/selection/index.ts';
import { NETWORK_PREFIX, type ChangeCounters } from '../storage/change-counters.ts';
import type { FeatureStore } from '../storage/features.ts';
import type { AppWorkPool } from '../work/app-pool.ts';
import { EMPTY_MESSAGE, loadCollection, readIncidents, selectedIncidents, selectionSummary } from './context.ts';
import { checkDrawnArea, parseNumber, type Selection } from './params.ts';

export const NETWORK_RISK_PARAMETERS = ['snapMeters', 'top'] as const;
const DAY_MS = 86_400_000;

type NetworkRiskSettings = { snapMeters?: number; top?: number };
export type NetworkRiskInputs = {
  incidents: FeatureCollection<Point, IncidentProperties>;
  cables: FeatureCollection<LineString | MultiLineString>;
  /** The networks' version the cables were read at: the corridor pieces are kept per version. */
  networkVersion: number;
  selection: Selection;
  settings: NetworkRiskSettings;
};

type Pieces = FeatureCollection<LineString | MultiLineString, CorridorPieceProps>;
let corridors: { version: number; pieces: Pieces } | null = null;

/**
 * The corridor pieces of the cables, kept in this thread until the networks' version moves: about a second to build
 * at province scale, reused by every later hot-stretch request this worker serves.
 */
function piecesOf(cables: NetworkRiskInputs['cables'], version: number): Pieces {
  if (!corridors || corridors.version !== version) corridors = { version, pieces: corridorPieces(cables) };
  return corridors.pieces;
}

/** Hot stretches from their inputs, pure (work pool): incidents credited to the nearest 1 km corridor piece, per km per year. */
export function computeNetworkRisk({ incidents: read, cables, networkVersion, selection, settings }: NetworkRiskInputs) {
  checkDrawnArea(selection);
  const incidents = selectedIncidents(read, selection);
  const windowDays = (Date.parse(selection.end) - Date.parse(selection.start)) / DAY_MS + 1;
  const pieces = piecesOf(cables, networkVersion);
  const stretches = hotStretches(incidents, pieces, { ...settings, years: windowDays / 365.25 });
  return {
    selection: selectionSummary(selection, incidents.features.length),
    message: incidents.features.length === 0 ? EMPTY_MESSAGE : null,
    network: { pieces: pieces.features.length, km: pieces.features.reduce((sum, piece) => sum + piece.properties.length_m, 0) / 1000 },
    stretches,
  };
}

/** Hot stretches of the network for a selection: the cable in the ground and the incidents read here, computed in the work pool. */
export async function networkRiskAnalysis(features: FeatureStore, counters: ChangeCounters, work: AppWorkPool, selection: Selection, search: URLSearchParams) {
  const settings = { snapMeters: parseNumber(search, 'snapMeters', 100, 1, 2000), top: parseNumber(search, 'top', 20, 1, 5000) };
  const all = await loadCollection<LineString | MultiLineString, { status: string }>(features, 'cable_routes');
  // Planned cable is not in the ground yet; retired cable is, and thieves take it.
  const cables = { type: 'FeatureCollection' as const, features: all.features.filter((cable) => cable.properties.status !== 'planned') } as FeatureCollection<LineString | MultiLineString>;
  return work.run('networkRisk', { incidents: await readIncidents(features, selection), cables, networkVersion: await counters.total(NETWORK_PREFIX), selection, settings });
}
