import { bbox as turfBbox, booleanIntersects } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { CollectionDef } from '../collections/types.ts';
import type { FeatureStore, ItemQuery, PropertyFilter, StoredFeature } from '../storage/features.ts';
import { filterProperties } from '../storage/filter.ts';
import { Forbidden } from '../errors.ts';
import { redactWith, type Redaction } from '../storage/redaction.ts';
import type { Principal } from './principal.ts';

const BASE = new Set(['admin_areas', 'roads', 'police_stations', 'scrap_dealers']);
export const ASSET_COLLECTION_IDS = ['cable_routes', 'bts_sites', 'facilities'] as const;
const ASSETS = new Set<string>(ASSET_COLLECTION_IDS);
/** What carriers maintain themselves, through editing and imports: their assets and their service agents (issue 18). */
export const EDITABLE_COLLECTION_IDS = [...ASSET_COLLECTION_IDS, 'service_agents'] as const;
/** What a carrier may see of another carrier's asset (issue 4): geometry, owner and status. */
const SHARED_ASSET_PROPERTIES = ['owner', 'status'] as const;
/** What a carrier may see of another carrier's or an independent service agent (issue 18): where, what, whose. */
const SHARED_AGENT_PROPERTIES = ['kind', 'owner', 'status'] as const;
/**
 * What the People's Committee sees of every agent: the facts on the shop's sign and the business register, not the
 * agency contracts nor the inspections (enforcement records of the police and the department).
 */
const REGISTER_AGENT_PROPERTIES = ['name', 'kind', 'owner', 'address', 'commune_code', 'commune_name', 'status', 'district_code'] as const;

/**
 * How much of one collection a principal may read. `filters` and `ids` narrow the rows (and so `numberMatched`);
 * `redact` trims each returned feature. The one place these rules live: items, single items, search, analysis,
 * exports and tiles all ask here.
 */
export type ReadScope = {
  filters: PropertyFilter[];
  ids?: number[];
  redact: <F extends { properties: Record<string, unknown> }>(feature: F) => F;
  /** What `redact` does, as plain data for a thread to apply (`redactWith`); null when it changes nothing. */
  redaction: Redaction | null;
  /** True when every row and property is visible. */
  full: boolean;
  /**
   * Properties visible on every row; a filter on any other property narrows to `privateRows` (to no row when there are
   * none), so filtering cannot reveal what redaction hides.
   */
  sharedProperties?: readonly string[];
  privateRows?: PropertyFilter;
};

/** `redact` and `redaction` of a scope that trims with `redaction`. */
const trimming = (redaction: Redaction | null): Pick<ReadScope, 'redact' | 'redaction'> => ({ redact: redactWith(redaction), redaction });

const FULL: ReadScope = { filters: [], ...trimming(null), full: true };

/**
 * Designated key-target zones that cover at least one of the carrier's assets. Zones are few (tens to hundreds) and
 * each asks the R*Tree only for assets under its own bbox, so this stays cheap per request.
 */
export async function keyTargetsCoveringCarrier(features: FeatureStore, carrier: string): Promise<number[]> {
  const zones = (await features.query('key_targets', { filters: [{ property: 'status', value: 'designated' }], limit: 1_000_000, offset: 0 })).features;
  const covering: number[] = [];
  for (const zone of zones) {
    const bbox = turfBbox(zone.geometry) as [number, number, number, number];
    for (const collectionId of ASSET_COLLECTION_IDS) {
      const assets = (await features.query(collectionId, { bbox, filters: [{ property: 'owner', value: carrier }], limit: 100_000, offset: 0 })).features;
      if (assets.some((asset) => booleanIntersects(zone as Feature<Geometry>, asset as Feature<Geometry>))) {
        covering.push(zone.id);
        break;
      }
    }
  }
  return covering;
}

/** Whether the principal may read the collection at all (listing collections asks no more than this). */
export function mayRead(principal: Principal, collectionId: string): boolean {
  return rowScope(principal, collectionId) !== null || (collectionId === 'key_targets' && isCarrier(principal));
}

const isCarrier = (principal: Principal): principal is Extract<Principal, { kind: 'user' }> & { carrier: string } =>
  principal.kind === 'user' && principal.role === 'carrier_editor' && principal.carrier !== null;

/**
 * The principal's read scope on a collection, or null when they may not read it at all (deny by default: a
 * collection not named here is readable by nobody).
 */
export async function readScope(principal: Principal, collectionId: string, features: FeatureStore): Promise<ReadScope | null> {
  if (collectionId === 'key_targets' && isCarrier(principal)) {
    return { filters: [], ids: await keyTargetsCoveringCarrier(features, principal.carrier), ...trimming(null), full: false };
  }
  return rowScope(principal, collectionId);
}

/**
 * The read scope of collections whose rows are chosen by their own properties (all but a carrier's key targets,
 * which need the store): what live events are filtered by.
 */
export function rowScope(principal: Principal, collectionId: string): ReadScope | null {
  if (principal.kind === 'public') return null;
  const security = principal.role === 'admin' || principal.role === 'police_planner' || principal.role === 'dic_reviewer';
  if (BASE.has(collectionId)) return FULL;
  if (ASSETS.has(collectionId)) {
    if (principal.role === 'carrier_editor' && principal.carrier) {
      return {
        filters: [], ...trimming({ keep: SHARED_ASSET_PROPERTIES, unlessOwner: principal.carrier }), full: false,
        sharedProperties: SHARED_ASSET_PROPERTIES, privateRows: { property: 'owner', value: principal.carrier },
      };
    }
    return FULL;
  }
  if (collectionId === 'key_targets') return security ? FULL : null;
  if (collectionId === 'service_agents') {
    if (security) return FULL;
    if (principal.role === 'carrier_editor' && principal.carrier) {
      return {
        filters: [], ...trimming({ keep: SHARED_AGENT_PROPERTIES, unlessOwner: principal.carrier }), full: false,
        sharedProperties: SHARED_AGENT_PROPERTIES, privateRows: { property: 'owner', value: principal.carrier },
      };
    }
    return { filters: [], ...trimming({ keep: REGISTER_AGENT_PROPERTIES }), full: false, sharedProperties: REGISTER_AGENT_PROPERTIES };
  }
  if (collectionId === 'incidents') {
    if (security) return FULL;
    if (principal.role === 'carrier_editor' && principal.carrier) {
      return { filters: [{ property: 'asset_owner', value: principal.carrier }], ...trimming(null), full: false };
    }
    return null;
  }
  return null;
}

/**
 * The query with the scope's row limits added. A filter or sort on a property the scope hides on some rows narrows
 * to the rows where it is visible, so neither the matches nor their order can reveal it.
 */
export function scopedQuery<Q extends ItemQuery>(scope: ReadScope, query: Q): Q {
  const filters = [...query.filters, ...scope.filters];
  const shared = scope.sharedProperties;
  const named = [...query.filters.map((filter) => filter.property), ...(query.filter ? filterProperties(query.filter) : []), ...(query.sortby ?? []).map((key) => key.property)];
  const namesHidden = shared !== undefined && named.some((name) => name !== 'id' && !shared.includes(name));
  if (namesHidden && scope.privateRows) filters.push(scope.privateRows);
  const ids = namesHidden && !scope.privateRows ? [] : scope.ids;
  return { ...query, filters, ...(ids ? { ids: query.ids ? query.ids.filter((id) => ids.includes(id)) : ids } : {}) };
}

/** `readScope`, or a 403 naming the collection. */
export async function requireReadScope(principal: Principal, collection: CollectionDef, features: FeatureStore): Promise<ReadScope> {
  const scope = await readScope(principal, collection.id, features);
  if (!scope) throw new Forbidden(`your role may not read ${collection.id}`, { collection: collection.id });
  return scope;
}

/** True when the feature is within the scope's rows (for single-item reads and search hits). */
export function scopeAdmits(scope: ReadScope, feature: StoredFeature): boolean {
  if (scope.ids && !scope.ids.includes(feature.id)) return false;
  return scope.filters.every((filter) => feature.properties[filter.property] === filter.value);
}

/** True when a carrier editor may edit features of this owner; security roles other than admin edit no assets. */
export function mayEditAsset(principal: Principal, owner: unknown): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.role === 'admin') return true;
  return principal.role === 'carrier_editor' && principal.carrier !== null && principal.carrier === owner;
}
