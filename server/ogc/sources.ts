import type { Principal } from '../auth/principal.ts';
import { mayRead, readScope, scopeAdmits, scopedQuery } from '../auth/access.ts';
import type { CollectionDef } from '../collections/types.ts';
import type { Extent, FeatureStore, ItemQuery, QueryResult, StoredFeature } from '../storage/features.ts';

/** What the routes read of one collection for one principal. */
export type CollectionReader = { query(query: ItemQuery): Promise<QueryResult>; get(id: number): Promise<StoredFeature | undefined> };

/**
 * One OGC API collection as the routes see it: the registry's stored collections (through the feature store and the
 * caller's read scope) and records of other modules published as features (patrol plans, hotline reports). The
 * stores answer the queries; this only ties them to the read rules.
 */
export type CollectionSource = {
  def: CollectionDef;
  /** Whether the principal may read the collection at all. */
  readable(principal: Principal): boolean;
  /** Null when the principal may not read the collection at all. */
  open(principal: Principal): Promise<CollectionReader | null>;
  /** Extent of the rows the principal may read (issue 13: another role's hidden rows must not widen it). */
  extent(principal: Principal): Promise<Extent>;
  audited: boolean;
  /** True when the collection also has vector tiles (`server/tiles/`). */
  tiled: boolean;
};

/** A registry collection in the store, read under the principal's scope (rows limited, properties trimmed). */
export function storedSource(features: FeatureStore, def: CollectionDef, audited: boolean): CollectionSource {
  return {
    def, audited, tiled: true,
    async extent(principal) {
      const scope = await readScope(principal, def.id, features);
      return scope ? features.extent(def.id, scopedQuery(scope, { filters: [], limit: 0, offset: 0 })) : { bbox: null, interval: null };
    },
    readable: (principal) => mayRead(principal, def.id),
    async open(principal) {
      const scope = await readScope(principal, def.id, features);
      if (!scope) return null;
      return {
        async query(query) {
          const result = await features.query(def.id, scopedQuery(scope, query));
          return { ...result, features: result.features.map(scope.redact) };
        },
        async get(id) {
          const stored = await features.get(def.id, id);
          return stored && scopeAdmits(scope, stored) ? scope.redact(stored) : undefined;
        },
      };
    },
  };
}

/** Records of another module as a read-only collection, for the roles `readable` admits, queried by their store. */
export function recordSource(
  def: CollectionDef,
  readable: (principal: Principal) => boolean,
  store: { query(query: ItemQuery): Promise<QueryResult>; extent(): Promise<Extent> },
): CollectionSource {
  const reader: CollectionReader = {
    query: (query) => store.query(query),
    get: async (id) => (await store.query({ filters: [], ids: [id], limit: 1, offset: 0 })).features[0],
  };
  return {
    def, audited: true, tiled: false, readable,
    extent: () => store.extent(),
    open: async (principal) => (readable(principal) ? reader : null),
  };
}
