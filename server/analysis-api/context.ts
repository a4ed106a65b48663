import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Polygon } from 'geojson';
import type { FeatureStore } from '../storage/features.ts';
import { selectIncidents, type IncidentProperties } from '../analysis/selection/index.ts';
import type { Selection } from './params.ts';

const ALL = { filters: [], limit: Number.MAX_SAFE_INTEGER, offset: 0 } as const;

/** Every feature of a collection, for analyses that weigh the whole network. */
export async function loadCollection<G extends Feature['geometry'], P = Record<string, unknown>>(features: FeatureStore, id: string): Promise<FeatureCollection<G, P>> {
  return { type: 'FeatureCollection', features: (await features.query(id, ALL)).features as unknown as Feature<G, P>[] };
}

/** What the analyses read of an incident; the rest (descriptions, damage) stays in the store. */
const ANALYSED_PROPERTIES = ['type', 'source', 'status', 'occurred_at', 'asset_collection', 'asset_id', 'asset_owner'] as const;

/** The incidents of the selection's window, read lean through the store's time index (the rest of the selection is applied by `selectedIncidents`). */
export async function readIncidents(features: FeatureStore, selection: Selection): Promise<FeatureCollection<Point, IncidentProperties>> {
  const datetime = { startMs: Date.parse(`${selection.start}T00:00:00Z`), endMs: Date.parse(`${selection.end}T23:59:59.999Z`) };
  return (await features.points('incidents', { datetime, properties: ANALYSED_PROPERTIES })) as FeatureCollection<Point, IncidentProperties>;
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
export async function loadRiskContext(features: FeatureStore): Promise<RiskContext> {
  return {
    keyTargets: await loadCollection(features, 'key_targets'),
    cables: await loadCollection(features, 'cable_routes'),
    sites: await loadCollection(features, 'bts_sites'),
    scrapDealers: await loadCollection(features, 'scrap_dealers'),
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
