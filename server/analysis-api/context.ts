import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Polygon } from 'geojson';
import type { FeatureProvider } from '../storage/provider.ts';
import { selectIncidents, type IncidentProperties } from '../analysis/selection/index.ts';
import type { Selection } from './params.ts';

const ALL = { filters: [], limit: Number.MAX_SAFE_INTEGER, offset: 0 } as const;

/** Every feature of a collection, for analyses that weigh the whole network. */
export function loadCollection<G extends Feature['geometry'], P = Record<string, unknown>>(provider: FeatureProvider, id: string): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features: provider.query(id, ALL).features as unknown as Feature<G, P>[] };
}

/** What the analyses read of an incident; the rest (descriptions, damage) stays in the store. */
const ANALYSED_PROPERTIES = ['type', 'source', 'status', 'occurred_at', 'asset_collection', 'asset_id', 'asset_owner'] as const;

/** The incidents of the selection's window, read lean through the store's time index (the rest of the selection is applied by `selectedIncidents`). */
export function readIncidents(provider: FeatureProvider, selection: Selection): FeatureCollection<Point, IncidentProperties> {
  const datetime = { startMs: Date.parse(`${selection.start}T00:00:00Z`), endMs: Date.parse(`${selection.end}T23:59:59.999Z`) };
  return provider.points('incidents', { datetime, properties: ANALYSED_PROPERTIES }) as FeatureCollection<Point, IncidentProperties>;
}

/** The incidents `readIncidents` read, filtered by the pure selection (types, statuses, the study area); runs in the work pool. */
export function selectedIncidents(incidents: FeatureCollection<Point, IncidentProperties>, selection: Selection): FeatureCollection<Point, IncidentProperties> {
  return selectIncidents(incidents, selection);
}

export type RiskContext = {
  keyTargets: FeatureCollection<Polygon>;
  cables: FeatureCollection<LineString | MultiLineString>;
  sites: FeatureCollection<Point>;
  scrapDealers: FeatureCollection<Point>;
};

/** What the risk score weighs besides incidents: key targets, cables, sites and scrap dealers. */
export function loadRiskContext(provider: FeatureProvider): RiskContext {
  return {
    keyTargets: loadCollection(provider, 'key_targets'),
    cables: loadCollection(provider, 'cable_routes'),
    sites: loadCollection(provider, 'bts_sites'),
    scrapDealers: loadCollection(provider, 'scrap_dealers'),
  };
}


/** The selection as echoed in every analysis answer. */
export function selectionSummary(selection: Selection, incidentCount: number) {
  return {
    start: selection.start,
    end: selection.end,
    types: selection.types ?? [],
    sources: selection.sources ?? [],
    statuses: selection.statuses ?? [],
    district: selection.district,
    incidentCount,
  };
}

export const EMPTY_MESSAGE = 'Không có vụ việc nào trong lựa chọn / No incidents match the selection';
