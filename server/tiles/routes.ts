import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { requireReadScope, scopedQuery } from '../auth/access.ts';
import { SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { findCollection } from '../collections/registry.ts';
import { InvalidParameter, NotFound } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import type { PropertyFilter } from '../storage/provider.ts';
import { encodeTile, THIN_BELOW_ZOOM, THIN_CELLS } from './build.ts';
import { createTileCache } from './cache.ts';
import { padded, tileBounds } from './math.ts';

export const TILE_RULES: RouteRule[] = [rule('GET', '/api/collections/:collectionId/tiles/WebMercatorQuad/:z/:y/:x', SIGNED_IN)];

const MAX_ZOOM = 22;
/** Below this zoom a cable tile holds backbone routes only. */
export const BACKBONE_ONLY_BELOW_ZOOM = 8;
export const MEDIA_MVT = 'application/vnd.mapbox-vector-tile';

function tileAddress(z: string, y: string, x: string): [number, number, number] {
  const [zoom, row, column] = [z, y, x].map((part) => (/^\d{1,7}$/.test(part) ? Number(part) : NaN));
  if (!(zoom >= 0 && zoom <= MAX_ZOOM)) throw new InvalidParameter('z', `z must be an integer from 0 to ${MAX_ZOOM}`);
  const n = 2 ** zoom;
  if (!(row >= 0 && row < n)) throw new InvalidParameter('y', `y must be an integer from 0 to ${n - 1} at zoom ${zoom}`);
  if (!(column >= 0 && column < n)) throw new InvalidParameter('x', `x must be an integer from 0 to ${n - 1} at zoom ${zoom}`);
  return [zoom, row, column];
}

/**
 * `GET /api/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}` (OGC API – Tiles order: row before column): a
 * Mapbox Vector Tile of the collection, one layer named after it, read through the R*Tree under the caller's read
 * scope (a role that may not read the collection gets no tile of it), points thinned below zoom 10. Tiles are cached
 * per scope with a strong ETag; an edit drops exactly the cached tiles it touches.
 */
export function tileRoutes({ db, provider }: Services) {
  const cache = createTileCache(db);
  return new Hono<AppEnv>().get('/:collectionId/tiles/WebMercatorQuad/:z/:y/:x', (c) => {
    const collection = findCollection(c.req.param('collectionId'));
    if (!collection) throw new NotFound(`collection "${c.req.param('collectionId')}" does not exist`);
    const [z, y, x] = tileAddress(c.req.param('z'), c.req.param('y'), c.req.param('x'));
    const principal = c.get('principal');
    const scope = requireReadScope(principal, collection, provider);
    // A carrier's key-target scope depends on other collections' data, which the change log does not tie to these tiles.
    const cacheable = !scope.ids;
    const key = `${principal.kind === 'user' ? `${principal.role}:${principal.carrier ?? ''}` : 'public'}|${collection.id}|${z}/${x}/${y}`;
    let entry = cacheable ? cache.get(key) : undefined;
    if (!entry) {
      const bounds = tileBounds(z, x, y);
      // Cartographic generalisation: at country zooms only the backbone is drawn, as on any network map.
      const generalised: PropertyFilter[] = collection.id === 'cable_routes' && z < BACKBONE_ONLY_BELOW_ZOOM ? [{ property: 'tier', value: 'backbone' }] : [];
      const query = scopedQuery(scope, { bbox: padded(bounds, 1 / 64), filters: generalised, limit: 200_000, offset: 0 });
      let features;
      if (collection.geometry === 'Point' && z < THIN_BELOW_ZOOM) {
        // Thinned in the store: one point per grid cell, so a low-zoom tile never materialises every point under it.
        const kept = provider.thinPoints(collection.id, query, { bbox: bounds, columns: THIN_CELLS, rows: THIN_CELLS });
        const counts = new Map(kept.map((cell) => [cell.id, cell.count]));
        features = provider.query(collection.id, { filters: [], ids: kept.map((cell) => cell.id), limit: kept.length, offset: 0 }).features
          .map(scope.redact).map((feature) => ({ ...feature, properties: { ...feature.properties, point_count: counts.get(feature.id)! } }));
      } else features = provider.query(collection.id, query).features.map(scope.redact);
      const { bytes } = encodeTile(collection.id, features, z, x, y);
      entry = { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"`, collection: collection.id, bounds: padded(bounds, 1 / 64) };
      if (cacheable) cache.set(key, entry);
    }
    const headers = { ETag: entry.etag, 'Cache-Control': 'private, no-cache', Vary: 'Cookie, Authorization' };
    if (c.req.header('If-None-Match') === entry.etag) return c.body(null, 304, headers);
    return c.body(entry.bytes as unknown as ArrayBuffer, 200, { ...headers, 'Content-Type': MEDIA_MVT });
  });
}
