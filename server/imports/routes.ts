import { Hono } from 'hono';
import { EDITABLE_COLLECTION_IDS } from '../auth/access.ts';
import { CARRIERS } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { findCollection } from '../collections/registry.ts';
import { AppError, Forbidden, InvalidParameter, NotFound } from '../errors.ts';
import { siteCodesInUse } from '../editing/asset-check.ts';
import { provinceOutline } from '../geometry/province.ts';
import { limitBody } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { rejectUnknownParameters } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import type { Problem } from '../collections/property-problems.ts';
import { actorOf } from '../http/actor.ts';
import { applied, transact } from '../writes/transact.ts';
import { IMPORT_FORMATS, type ImportFormat } from './parse.ts';
import { csvTemplate, geoJsonTemplate } from './template.ts';
import { templatePlace } from './template-place.ts';
import type { AreaConfig } from '../deployment/area.ts';

export const IMPORT_RULES: RouteRule[] = [
  rule('POST', '/api/imports/:collectionId', CARRIERS),
  rule('GET', '/api/imports/:collectionId/template', CARRIERS),
];

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * `POST /api/imports/:collectionId?format=geojson|kml|csv|gpkg[&dryRun=true]`: a carrier's bulk import. Every feature is
 * checked first (in the work pool) and every problem reported with its feature index or CSV row; only a clean file is stored, all of
 * it in one transaction (with one audit entry), so a file with one bad feature stores nothing.
 */
/** The editable collection named in the path (assets, service agents); other collections are not imported. */
function importable(id: string) {
  const collection = findCollection(id);
  if (!collection) throw new NotFound(`collection "${id}" does not exist`, { collection: id });
  if (!(EDITABLE_COLLECTION_IDS as readonly string[]).includes(id)) throw new Forbidden(`only asset collections and service agents are imported, not ${id}`, { collection: id });
  return collection;
}

export function importRoutes(services: Services, area: AreaConfig) {
  const { storage, work } = services;
  return new Hono<AppEnv>().get('/:collectionId/template', async (c) => {
    const collection = importable(c.req.param('collectionId'));
    const search = new URL(c.req.url).searchParams;
    rejectUnknownParameters(search, ['format']);
    const format = search.get('format') ?? 'geojson';
    if (format !== 'geojson' && format !== 'csv') throw new InvalidParameter('format', 'format must be geojson or csv');
    if (format === 'csv' && collection.geometry !== 'Point') throw new InvalidParameter('format', `CSV carries points; ${collection.id} needs ${collection.geometry} geometries (use GeoJSON or KML)`);
    const principal = c.get('principal');
    const owner = principal.kind === 'user' && principal.carrier ? principal.carrier : 'viettel';
    const name = `mau-nhap-${collection.id}.${format}`;
    const place = await templatePlace(storage.features, area);
    return format === 'csv'
      ? c.body(csvTemplate(collection, owner, place), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` })
      : c.body(geoJsonTemplate(collection, owner, place), 200, { 'Content-Type': 'application/geo+json', 'Content-Disposition': `attachment; filename="${name}"` });
  }).post('/:collectionId', limitBody(MAX_FILE_BYTES), async (c) => {
    const collection = importable(c.req.param('collectionId'));
    const search = new URL(c.req.url).searchParams;
    rejectUnknownParameters(search, ['format', 'dryRun']);
    const format = search.get('format') as ImportFormat | null;
    if (!format || !IMPORT_FORMATS.includes(format)) throw new InvalidParameter('format', `format must be one of ${IMPORT_FORMATS.join(', ')}`);
    const dryRun = search.get('dryRun') === 'true';
    const principal = c.get('principal');
    const { problems, ready, codes, places } = await work.run('checkImport', { format, bytes: new Uint8Array(await c.req.arrayBuffer()), collectionId: collection.id, principal, province: await provinceOutline(storage.features) });
    const invalid = (listed: readonly Problem[]) => new AppError(422, 'ImportInvalid', `${listed.length} problem(s); nothing was imported`, { problems: listed.slice(0, 1000), problemCount: listed.length, accepted: 0 });
    if (problems.length > 0) throw invalid(problems);
    const ids = await transact(services, actorOf(c), {
      // Site codes are checked against the store inside the transaction that stores the file.
      read: async (tx) => (collection.id === 'bts_sites' ? new Set(await siteCodesInUse(tx.features, codes.map(([code]) => code))) : new Set<string>()),
      check: (taken) => places.flatMap((place) => {
        const code = (ready[place.index]?.properties as Record<string, unknown>)?.site_code;
        return typeof code === 'string' && taken.has(code) ? [{ index: place.index, ...(place.row ? { row: place.row } : {}), path: `${place.at}properties.site_code`, message: `site code ${code} is already stored` }] : [];
      }),
      refuse: invalid,
      apply: async (tx) => {
        if (dryRun) return applied(null, []);
        const stored = await tx.features.createAll(collection.id, ready);
        return applied(stored, [{ action: 'create', targetType: collection.id, details: { import: format, count: stored.length, ids: stored } }]);
      },
    });
    // A check answers with the features as they would be stored, so the client can show them on the map first.
    if (!ids) return c.json({ valid: true, count: ready.length, imported: 0, features: ready });
    return c.json({ imported: ids.length, ids }, 201);
  });
}
