import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { requireReadScope, scopedQuery, type ReadScope } from '../auth/access.ts';
import { SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { findCollection } from '../collections/registry.ts';
import { InvalidParameter, NotFound } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { apiBase, MEDIA } from '../ogc/links.ts';
import { collectionDatetime, rejectUnknownParameters } from '../ogc/params.ts';
import { OWNERS } from '../collections/vocabulary.ts';
import type { FeatureStore, ItemQuery, TileFeature } from '../storage/features.ts';
import { EVERY_LINE_ZOOM, FOREIGN_LINES_FROM_ZOOM, LOW_ZOOMS } from '../storage/tile-grid.ts';
import { encodeTile, MAX_FEATURES_PER_TILE, mergeLines, THIN_BELOW_ZOOM } from './build.ts';
import { createTileCache } from './cache.ts';
import { tileBounds } from '../geometry/web-mercator.ts';
import { padded } from './math.ts';
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
 * A low-zoom line tile's features before merging. A reader who sees some owners' rows in full and others' redacted
 * (a carrier) gets its own lines by their zoom rule and the others' lines of every tier alike from
 * FOREIGN_LINES_FROM_ZOOM, so neither their presence nor their merged `line_count` tells another carrier's tier.
 */
async function lowZoomLines(features: FeatureStore, collectionId: string, scope: ReadScope, query: ItemQuery, z: number): Promise<TileFeature[]> {
  if (!scope.privateRows) return features.tileFeatures(collectionId, scopedQuery(scope, query), z);
  const own = scope.privateRows;
  const lines = await features.tileFeatures(collectionId, scopedQuery(scope, { ...query, filters: [own] }), z);
  if (z < FOREIGN_LINES_FROM_ZOOM) return lines;
  for (const owner of OWNERS.filter((candidate) => candidate !== own.value)) {
    lines.push(...(await features.tileFeatures(collectionId, scopedQuery(scope, { ...query, filters: [{ property: own.property, value: owner }] }), EVERY_LINE_ZOOM)));
  }
  return lines;
}

/**
 * `GET /api/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}[?datetime=…]` (OGC API – Tiles order: row before
 * column): a Mapbox Vector Tile of the collection, one layer named after it, read under the caller's read scope (a
 * role that may not read the collection gets no tile of it). Points are thinned below THIN_BELOW_ZOOM; below
 * LOW_ZOOMS the store answers from its aggregates and generalised lines, features carry only the properties the map
 * draws by, and lines are merged by those properties. Tiles are cached per scope and period with a strong ETag; an
 * edit drops exactly the tiles it touches.
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
      const bounds = padded(tileBounds(z, x, y), 1 / 64);
      let tile: TileFeature[];
      if (collection.geometry === 'Point' && z < THIN_BELOW_ZOOM) {
        // Thinned in the store: one point per grid cell, so a low-zoom tile never materialises every point under it.
        const kept = await features.thinTile(collection.id, { z, x, y }, scopedQuery(scope, { datetime, filters: [], limit: 0, offset: 0 }));
        const counts = new Map(kept.map((cell) => [cell.id, cell.count]));
        tile = (await features.tileFeatures(collection.id, { filters: [], ids: [...counts.keys()], limit: kept.length, offset: 0 }, z))
          // As in clustered GeoJSON, a point standing for itself alone is not a cluster.
          .map(scope.redact).map((feature) => {
            const count = counts.get(feature.id!)!;
            return count > 1 ? { ...feature, properties: { ...feature.properties, point_count: count } } : feature;
          });
      } else if (collection.geometry === 'Line' && z < LOW_ZOOMS) {
        tile = mergeLines(await lowZoomLines(features, collection.id, scope, { bbox: bounds, datetime, filters: [], limit: MAX_FEATURES_PER_TILE, offset: 0 }, z), scope.redact);
      } else {
        tile = (await features.tileFeatures(collection.id, scopedQuery(scope, { bbox: bounds, datetime, filters: [], limit: MAX_FEATURES_PER_TILE, offset: 0 }), z)).map(scope.redact);
      }
      const { bytes } = encodeTile(collection.id, tile, z, x, y);
      entry = { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"`, collection: collection.id, bounds };
      if (cacheable) cache.set(key, entry);
    }
    const headers = { ETag: entry.etag, 'Cache-Control': 'private, no-cache', Vary: 'Cookie, Authorization' };
    // If-None-Match compares weakly (RFC 9110 §13.1.2): the compressed answer carries the tag as W/"…".
    const sent = c.req.header('If-None-Match')?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (sent?.includes(entry.etag)) return c.body(null, 304, headers);
    return c.body(entry.bytes as unknown as ArrayBuffer, 200, { ...headers, 'Content-Type': MEDIA.mvt });
  });
}
