import type { Principal } from '../auth/principal.ts';
import { readScope, scopeAdmits, scopedQuery } from '../auth/access.ts';
import type { CollectionDef } from '../collections/types.ts';
import type { Extent, FeatureProvider, ItemQuery, QueryResult, StoredFeature } from '../storage/provider.ts';
import { geometryBbox } from '../storage/sqlite/rows.ts';
import { intersectsBox } from '../geometry/predicates.ts';
import { compareBySortKeys, matchesFilter } from '../storage/memory-filter.ts';

/**
 * One OGC API collection as the routes see it: the registry's stored collections (through the provider and the
 * caller's read scope) and records of other modules published as features (patrol plans, hotline reports).
 */
export type CollectionSource = {
  def: CollectionDef;
  /** Null when the principal may not read the collection at all. */
  open(principal: Principal): { query(query: ItemQuery): QueryResult; get(id: number): StoredFeature | undefined } | null;
  /** Extent of the rows the principal may read (issue 13: another role's hidden rows must not widen it). */
  extent(principal: Principal): Extent;
  audited: boolean;
  /** True when the collection also has vector tiles (`server/tiles/`). */
  tiled: boolean;
};

/** A registry collection in the store, read under the principal's scope (rows limited, properties trimmed). */
export function storedSource(provider: FeatureProvider, def: CollectionDef, audited: boolean): CollectionSource {
  return {
    def, audited, tiled: true,
    extent(principal) {
      const scope = readScope(principal, def.id, provider);
      return scope ? provider.extent(def.id, scopedQuery(scope, { filters: [], limit: 0, offset: 0 })) : { bbox: null, interval: null };
    },
    open(principal) {
      const scope = readScope(principal, def.id, provider);
      if (!scope) return null;
      return {
        query: (query) => { const result = provider.query(def.id, scopedQuery(scope, query)); return { ...result, features: result.features.map(scope.redact) }; },
        get: (id) => { const stored = provider.get(def.id, id); return stored && scopeAdmits(scope, stored) ? scope.redact(stored) : undefined; },
      };
    },
  };
}

/** Items query semantics (bbox intersects, datetime, equality and CQL2 filters, ids, sortby, paging) over features in memory. */
export function queryInMemory(def: CollectionDef, all: StoredFeature[], query: ItemQuery): QueryResult {
  const matches = all.filter((feature) => {
    if (query.ids && !query.ids.includes(feature.id)) return false;
    if (query.bbox) {
      const [a, b, c, d] = query.bbox;
      const halves = a <= c ? [[a, c]] : [[a, 180], [-180, c]];
      if (!halves.some(([w, e]) => intersectsBox(feature.geometry, [w, b, e, d]))) return false;
    }
    if (query.filter && !matchesFilter(def, feature, query.filter)) return false;
    if (query.datetime && def.temporalProperty) {
      const time = Date.parse(String(feature.properties[def.temporalProperty] ?? ''));
      if (Number.isNaN(time) || (query.datetime.startMs !== null && time < query.datetime.startMs) || (query.datetime.endMs !== null && time > query.datetime.endMs)) return false;
    }
    return query.filters.every((filter) => feature.properties[filter.property] === filter.value);
  }).sort(compareBySortKeys(query.sortby));
  return { numberMatched: matches.length, features: matches.slice(query.offset, query.offset + query.limit) };
}

/** Records of another module as a read-only collection, for the roles `readable` admits. */
export function recordSource(def: CollectionDef, readable: (principal: Principal) => boolean, load: () => StoredFeature[]): CollectionSource {
  return {
    def, audited: true, tiled: false,
    extent() {
      const boxes = load().map((feature) => geometryBbox(feature.geometry));
      return { bbox: boxes.length ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))] : null, interval: null };
    },
    open: (principal) => (readable(principal) ? { query: (query) => queryInMemory(def, load(), query), get: (id) => load().find((feature) => feature.id === id) } : null),
  };
}
