import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { requireReadScope, scopedQuery } from '../auth/access.ts';
import { SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { findCollection } from '../collections/registry.ts';
import { InvalidParameter, NotFound } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { apiBase, MEDIA } from '../ogc/links.ts';
import { collectionDatetime, rejectUnknownParameters } from '../ogc/params.ts';
import { createTileCache } from './cache.ts';
import { tileReach } from '../storage/vector-tiles.ts';
import { MAX_ZOOM, tileJson, tileMatrixSets, tileset, tilesetList, webMercatorQuad } from './metadata.ts';
import { EVERYONE } from '../auth/audiences.ts';

const TILESET = '/api/collections/:collectionId/tiles/WebMercatorQuad';
export const TILE_RULES: RouteRule[] = [
  rule('GET', `${TILESET}/:z/:y/:x`, SIGNED_IN),
  rule('GET', '/api/collections/:collectionId/tiles', SIGNED_IN),
  rule('GET', TILESET, SIGNED_IN),
  rule('GET', `${TILESET}/tilejson`, SIGNED_IN),
  // Tiling schemes are open metadata, like the conformance document.
  rule('GET', '/api/tileMatrixSets', EVERYONE),
  rule('GET', '/api/tileMatrixSets/:tileMatrixSetId', EVERYONE),
];

/** `/api/tileMatrixSets[/WebMercatorQuad]`: the one tiling scheme the tiles use. */
export function tileMatrixSetRoutes() {
  return new Hono<AppEnv>()
    .get('/tileMatrixSets', (c) => {
      rejectUnknownParameters(new URL(c.req.url).searchParams, ['f']);
      return c.json(tileMatrixSets(apiBase(c.req.url)));
    })
    .get('/tileMatrixSets/:tileMatrixSetId', (c) => {
      rejectUnknownParameters(new URL(c.req.url).searchParams, ['f']);
      if (c.req.param('tileMatrixSetId') !== 'WebMercatorQuad') throw new NotFound(`tile matrix set "${c.req.param('tileMatrixSetId')}" does not exist; WebMercatorQuad does`);
      return c.json(webMercatorQuad());
    });
}

function tileAddress(z: string, y: string, x: string): [number, number, number] {
  const [zoom, row, column] = [z, y, x].map((part) => (/^\d{1,7}$/.test(part) ? Number(part) : NaN));
  if (!(zoom >= 0 && zoom <= MAX_ZOOM)) throw new InvalidParameter('z', `z must be an integer from 0 to ${MAX_ZOOM}`);
  const n = 2 ** zoom;
  if (!(row >= 0 && row < n)) throw new InvalidParameter('y', `y must be an integer from 0 to ${n - 1} at zoom ${zoom}`);
  if (!(column >= 0 && column < n)) throw new InvalidParameter('x', `x must be an integer from 0 to ${n - 1} at zoom ${zoom}`);
  return [zoom, row, column];
}

/**
 * `GET /api/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}[?datetime=…]` (OGC API – Tiles order: row before
 * column): a Mapbox Vector Tile of the collection, one layer named after it, read under the caller's read scope (a
 * role that may not read the collection gets no tile of it). The store builds the tile under the caller's scope
 * (`FeatureStore.vectorTile`: thinned points, generalised and merged lines, redaction); tiles are cached here per
 * scope and period with a strong ETag, and an edit by any process drops exactly the tiles it touches.
 */
export function tileRoutes({ storage }: Services) {
  const features = storage.features;
  const cache = createTileCache(storage.changes);
  /** The collection a metadata request names, readable by the caller, after checking it carries no parameter but `f`. */
  const described = async (c: Context<AppEnv>) => {
    const id = c.req.param('collectionId') ?? '';
    const collection = findCollection(id);
    if (!collection) throw new NotFound(`collection "${id}" has no tiles`);
    rejectUnknownParameters(new URL(c.req.url).searchParams, ['f']);
    const scope = await requireReadScope(c.get('principal'), collection, features);
    // The extent of what this caller may read, as in the collection's own metadata (issue 13).
    return { collection, extent: () => features.extent(collection.id, scopedQuery(scope, { filters: [], limit: 0, offset: 0 })) };
  };
  return new Hono<AppEnv>()
    .get('/:collectionId/tiles', async (c) => c.json(tilesetList(apiBase(c.req.url), (await described(c)).collection)))
    .get('/:collectionId/tiles/WebMercatorQuad', async (c) => {
      const { collection, extent } = await described(c);
      return c.json(tileset(apiBase(c.req.url), collection, await extent()));
    })
    .get('/:collectionId/tiles/WebMercatorQuad/tilejson', async (c) => {
      const { collection, extent } = await described(c);
      return c.json(tileJson(apiBase(c.req.url), collection, await extent()));
    })
    .get('/:collectionId/tiles/WebMercatorQuad/:z/:y/:x', async (c) => {
    const collection = findCollection(c.req.param('collectionId'));
    if (!collection) throw new NotFound(`collection "${c.req.param('collectionId')}" does not exist`);
    const [z, y, x] = tileAddress(c.req.param('z'), c.req.param('y'), c.req.param('x'));
    const search = new URL(c.req.url).searchParams;
    rejectUnknownParameters(search, ['datetime']);
    const datetime = collectionDatetime(collection, search);
    const principal = c.get('principal');
    const scope = await requireReadScope(principal, collection, features);
    // A carrier's key-target scope depends on other collections' data, which the change log does not tie to these tiles.
    const cacheable = !scope.ids;
    const period = datetime ? `${datetime.startMs ?? '..'}/${datetime.endMs ?? '..'}` : '';
    const key = `${principal.kind === 'user' ? `${principal.role}:${principal.carrier ?? ''}` : 'public'}|${collection.id}|${z}/${x}/${y}|${period}`;
    let entry = cacheable ? await cache.get(key) : undefined;
    if (!entry) {
      const builtAfter = cache.position();
      const bytes = await features.vectorTile(collection.id, { z, x, y, datetime, scope });
      entry = { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"`, collection: collection.id, bounds: tileReach(z, x, y) };
      if (cacheable) cache.set(key, entry, builtAfter);
    }
    const headers = { ETag: entry.etag, 'Cache-Control': 'private, no-cache', Vary: 'Cookie, Authorization' };
    // If-None-Match compares weakly (RFC 9110 §13.1.2): the compressed answer carries the tag as W/"…".
    const sent = c.req.header('If-None-Match')?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (sent?.includes(entry.etag)) return c.body(null, 304, headers);
    return c.body(entry.bytes as unknown as ArrayBuffer, 200, { ...headers, 'Content-Type': MEDIA.mvt });
  });
}
