import { Hono } from 'hono';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { z } from 'zod';
import { readScope } from '../auth/access.ts';
import { SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { InvalidBody, InvalidParameter } from '../errors.ts';
import { AREA_LIMIT, BUFFER_INPUT_LIMIT, requireGeometryWithin } from '../geometry/limits.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import { geometryBbox } from '../geometry/bbox.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { inventoryCsv, inventoryGeoJson } from './export.ts';

export const INVENTORY_RULES: RouteRule[] = [rule('POST', '/api/inventory', SIGNED_IN)];

export const MAX_BUFFER_METERS = 50_000;
const request = z.union([
  z.object({ district: z.string().min(1) }).strict(),
  z.object({ commune: z.string().min(1) }).strict(),
  z.object({ polygon: z.unknown() }).strict(),
  z.object({ buffer: z.object({ geometry: z.unknown(), meters: z.number().positive().max(MAX_BUFFER_METERS) }).strict() }).strict(),
]);

/**
 * The area asked for: a former district or commune by code (read here), or a drawn polygon or a buffer around a
 * point or line, bounded in size here and checked and buffered in the work pool.
 */
async function resolveArea({ storage, work }: Services, body: z.infer<typeof request>): Promise<Feature<Polygon | MultiPolygon>> {
  if ('district' in body || 'commune' in body) {
    const [level, code] = 'district' in body ? ['district', body.district] : ['commune', body.commune];
    const [area] = (await storage.features.query('admin_areas', { filters: [{ property: 'level', value: level }, { property: 'code', value: code }], limit: 1, offset: 0 })).features;
    if (!area) throw new InvalidBody(`no ${level} with code ${code}`, { problems: [{ path: level, message: 'unknown code' }] });
    return area as Feature<Polygon | MultiPolygon>;
  }
  if ('polygon' in body) requireGeometryWithin(body.polygon, 'polygon', AREA_LIMIT);
  else requireGeometryWithin(body.buffer.geometry, 'buffer.geometry', BUFFER_INPUT_LIMIT);
  return work.run('inventoryArea', body);
}

/**
 * `POST /api/inventory`: every asset inside an area, by owner and kind, for emergency mobilisation (directive item
 * 2d), under the caller's read scope: assets of other carriers count by owner, their details as `undisclosed`. The
 * store is read here; the geometry work (buffering, cutting cables at the boundary) runs in the work pool.
 */
export function inventoryRoutes(services: Services) {
  const { storage, work } = services;
  return new Hono<AppEnv>().post('/', limitBody(256 * 1024), async (c) => {
    const search = new URL(c.req.url).searchParams;
    rejectUnknownParameters(search, ['format', 'lang']);
    const format = search.get('format') ?? 'json';
    if (!['json', 'geojson', 'csv'].includes(format)) throw new InvalidParameter('format', 'format must be json, geojson or csv');
    const language = search.get('lang') ?? 'vi';
    if (language !== 'vi' && language !== 'en') throw new InvalidParameter('lang', 'lang must be vi or en');
    const area = await resolveArea(services, parseWith(request, await jsonObject(c.req.raw)));
    const principal = c.get('principal');
    const read = async <G extends Feature['geometry']>(collection: string) => {
      const scope = await readScope(principal, collection, storage.features);
      if (!scope) return [];
      return (await storage.features.query(collection, { bbox: geometryBbox(area.geometry), filters: scope.filters, limit: 1_000_000, offset: 0 })).features.map(scope.redact) as unknown as Feature<G, Record<string, unknown>>[];
    };
    const carrier = principal.kind === 'user' && principal.role === 'carrier_editor' ? principal.carrier : null;
    const tally = await work.run('inventoryTally', {
      area, assets: { cables: await read<LineString | MultiLineString>('cable_routes'), sites: await read<Point>('bts_sites'), facilities: await read<Point>('facilities') }, carrier,
    });
    await auditRead(services, actorOf(c), { action: format === 'json' ? 'read' : 'export', targetType: 'inventory', details: { assets: tally.assets.length, format } });
    if (format === 'geojson') return c.json(inventoryGeoJson(tally.assets), 200, { 'Content-Type': 'application/geo+json', 'Content-Disposition': 'attachment; filename="kiem-ke.geojson"' });
    if (format === 'csv') return c.body(inventoryCsv(tally.assets, language), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="kiem-ke.csv"' });
    // The JSON answer lists the assets without their geometry: the tables are what it is for.
    return c.json({ area, ...tally, assets: tally.assets.map(({ geometry: _geometry, ...asset }) => asset) });
  });
}
