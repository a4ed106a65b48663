import { Hono } from 'hono';
import { requireReadScope, scopedQuery } from '../auth/access.ts';
import { SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { findCollection } from '../collections/registry.ts';
import { InvalidParameter, NotFound } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { parseItemOutput, parseItemQuery } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { EXPORT_FORMATS, WGS84_ONLY, type ExportFormat } from './collection.ts';

export const EXPORT_RULES: RouteRule[] = [rule('GET', '/api/collections/:collectionId/export', SIGNED_IN)];

const MAX_FEATURES = 1_000_000;

/**
 * `GET /api/collections/{id}/export?format=geojson|csv|kml|gpkg[&crs=…][&properties=…]&…`: every feature matching
 * the items endpoint's filters (bbox, datetime, CQL2 filter, property filters, sortby), with the same read scope — rows a role may not read are absent and
 * trimmed properties stay trimmed — as a file GIS tools and spreadsheets open. Each export is audited. The rows are
 * read off the event loop (`FeatureStore.exportQuery`) and trimmed and encoded in the work pool (`encodeExport`).
 */
export function exportRoutes(services: Services) {
  const { storage, now, work } = services;
  return new Hono<AppEnv>().get('/:collectionId/export', async (c) => {
    const collection = findCollection(c.req.param('collectionId'));
    if (!collection) throw new NotFound(`collection "${c.req.param('collectionId')}" does not exist`);
    const search = new URL(c.req.url).searchParams;
    const format = search.get('format') as ExportFormat | null;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new InvalidParameter('format', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
    search.delete('format');
    for (const paging of ['limit', 'offset']) if (search.has(paging)) throw new InvalidParameter(paging, 'an export holds every match; limit and offset do not apply');
    const output = parseItemOutput(collection, search);
    if (output.skipGeometry) throw new InvalidParameter('skipGeometry', 'an export carries geometry');
    if (output.crs.code !== null && WGS84_ONLY.includes(format)) throw new InvalidParameter('crs', `${format} is always WGS 84 longitude/latitude`);
    const principal = c.get('principal');
    const scope = await requireReadScope(principal, collection, storage.features);
    const query = scopedQuery(scope, { ...parseItemQuery(collection, search), limit: MAX_FEATURES, offset: 0 });
    // Read on a reader thread, redacted and encoded in the work pool: the event loop only hands the text on, so a
    // layer of a million rows delays no other request (issue 13).
    const { json, count } = await storage.features.exportQuery(collection.id, query);
    const file = await work.run('encodeExport', {
      collectionId: collection.id, featuresJson: json, redaction: scope.redaction, properties: output.properties, format, now: now().toISOString(), crs: output.crs.uri,
    });
    await auditRead(services, actorOf(c), { action: 'export', targetType: collection.id, details: { format, query: search.toString(), count } });
    const name = `${collection.id}-${now().toISOString().slice(0, 10)}.${file.extension}`;
    return c.body(file.content as string | Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${name}"` });
  });
}
