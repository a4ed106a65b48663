import { Hono } from 'hono';
import { InvalidParameter } from '../errors.ts';
import { parseLimit } from '../ogc/params.ts';
import type { FeatureStore, SearchHit } from '../storage/features.ts';
import { readScope, scopeAdmits, type ReadScope } from '../auth/access.ts';
import { SIGNED_IN } from '../auth/audiences.ts';
import type { Principal } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';

const MAX_RESULTS = 50;
const DEFAULT_RESULTS = 10;

/** The body of `GET /api/search`; the web app codes against exactly this shape. */
export type SearchResponse = { query: string; numberReturned: number; results: SearchHit[] };

/** Parses `q` (required, 1–100 characters) and `limit` (default 10, max 50); rejects other parameters. */
export function parseSearchQuery(search: URLSearchParams): { q: string; limit: number } {
  for (const name of search.keys()) {
    if (name !== 'q' && name !== 'limit') throw new InvalidParameter(name, `unknown query parameter "${name}"`);
  }
  const q = search.get('q');
  if (q === null || q.trim().length === 0) throw new InvalidParameter('q', 'q is required');
  if (q.length > 100) throw new InvalidParameter('q', 'q must be at most 100 characters');
  return { q: q.normalize('NFC'), limit: parseLimit(search.get('limit') ?? undefined, MAX_RESULTS, DEFAULT_RESULTS) };
}

export const SEARCH_RULES: RouteRule[] = [rule('GET', '/api/search', SIGNED_IN)];

/**
 * Hits the principal may read, in rank order: a hit's label can be a secret (a key target's name, another carrier's
 * site code), so each is checked against the same read scope as the items endpoint.
 */
async function visibleHits(features: FeatureStore, principal: Principal, q: string, limit: number): Promise<SearchHit[]> {
  const scopes = new Map<string, ReadScope | null>();
  const scopeOf = async (collection: string) => {
    if (!scopes.has(collection)) scopes.set(collection, await readScope(principal, collection, features));
    return scopes.get(collection)!;
  };
  const visible: SearchHit[] = [];
  // Over-fetch so a page of hidden hits does not leave the answer short.
  for (const hit of await features.search(q, Math.min(limit * 10, 500))) {
    const scope = await scopeOf(hit.collection);
    if (!scope) continue;
    if (!scope.full) {
      const feature = await features.get(hit.collection, hit.id);
      if (!feature || !scopeAdmits(scope, feature)) continue;
      if (scope.privateRows && feature.properties[scope.privateRows.property] !== scope.privateRows.value) continue;
    }
    visible.push(hit);
    if (visible.length === limit) break;
  }
  return visible;
}

/** `GET /search?q=&limit=`: named features and places, case- and diacritic-insensitive, limited to what the caller may read. */
export function searchRoutes({ storage }: Services) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { q, limit } = parseSearchQuery(new URL(c.req.url).searchParams);
    const results = await visibleHits(storage.features, c.get('principal'), q, limit);
    const body: SearchResponse = { query: q, numberReturned: results.length, results };
    return c.json(body);
  });
}
