import { Hono } from 'hono';
import { COLLECTIONS } from '../collections/registry.ts';
import { publishedSources } from '../published/collections.ts';
import { storedSource, type CollectionSource } from './sources.ts';
import { NotFound } from '../errors.ts';
import { Forbidden } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { collectionInfo, collectionsList, conformance, featureDocument, itemsPage, landingPage } from './envelope.ts';
import { apiBase, MEDIA } from './links.ts';
import { openApiDocument } from './openapi.ts';
import { parseItemOutput, parseItemQuery, rejectUnknownParameters } from './params.ts';
import { queryablesDocument, schemaDocument, schemaXsd } from './schema.ts';

/** The request's API base URL, after checking it carries no parameter but `f` (only items take more). */
function plainBase(url: string): string {
  rejectUnknownParameters(new URL(url).searchParams, ['f']);
  return apiBase(url);
}

/** The registry's collections in the store, then the records other modules publish. */
function allSources(services: Services): CollectionSource[] {
  return [...COLLECTIONS.map((def) => storedSource(services.provider, def, AUDITED_READS.has(def.id))), ...publishedSources(services)];
}

/** Reads of these collections are security information and go to the audit log (issue 4). */
const AUDITED_READS = new Set(['key_targets', 'incidents']);

/**
 * The OGC API – Features Part 1 routes, mounted at `/api`. Every read goes through the caller's read scope: the
 * collections list shows only readable collections, items and single items only admitted rows, trimmed.
 */
export function ogcRoutes(services: Services) {
  const { audit } = services;
  const sources = allSources(services);
  const sourceOr404 = (id: string): CollectionSource => {
    const source = sources.find((candidate) => candidate.def.id === id);
    if (!source) throw new NotFound(`collection "${id}" does not exist`, { collection: id });
    return source;
  };
  /** The source opened for this principal, or a 403 naming the collection. */
  const opened = (source: CollectionSource, principal: Parameters<CollectionSource['open']>[0]) => {
    const reader = source.open(principal);
    if (!reader) throw new Forbidden(`your role may not read ${source.def.id}`, { collection: source.def.id });
    return reader;
  };
  return new Hono<AppEnv>()
    .get('/', (c) => c.json(landingPage(plainBase(c.req.url))))
    .get('/api', (c) => c.body(JSON.stringify(openApiDocument(plainBase(c.req.url), sources.map((source) => ({ def: source.def, tiled: source.tiled })))), 200, { 'Content-Type': MEDIA.openapi }))
    .get('/conformance', (c) => {
      plainBase(c.req.url);
      return c.json(conformance());
    })
    .get('/collections', (c) => {
      const base = plainBase(c.req.url);
      const principal = c.get('principal');
      const readable = sources.filter((source) => source.open(principal) !== null);
      return c.json(collectionsList(base, readable.map((source) => collectionInfo(base, source.def, source.extent(principal), source))));
    })
    .get('/collections/:collectionId', (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      opened(source, c.get('principal'));
      return c.json(collectionInfo(plainBase(c.req.url), source.def, source.extent(c.get('principal')), source));
    })
    .get('/collections/:collectionId/queryables', (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      opened(source, c.get('principal'));
      return c.body(JSON.stringify(queryablesDocument(plainBase(c.req.url), source.def)), 200, { 'Content-Type': MEDIA.schema });
    })
    .get('/collections/:collectionId/schema', (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      opened(source, c.get('principal'));
      return c.body(JSON.stringify(schemaDocument(plainBase(c.req.url), source.def)), 200, { 'Content-Type': MEDIA.schema });
    })
    .get('/collections/:collectionId/schema.xsd', (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      opened(source, c.get('principal'));
      rejectUnknownParameters(new URL(c.req.url).searchParams, []);
      return c.body(schemaXsd(source.def), 200, { 'Content-Type': MEDIA.xml });
    })
    .get('/collections/:collectionId/items', (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      const collection = source.def;
      const search = new URL(c.req.url).searchParams;
      const query = parseItemQuery(collection, search);
      const output = parseItemOutput(collection, search);
      const principal = c.get('principal');
      const result = opened(source, principal).query(query);
      if (source.audited) {
        audit.append({ principal, action: 'read', targetType: collection.id, details: { query: search.toString(), numberReturned: result.features.length }, ip: c.get('clientAddress') });
      }
      const page = itemsPage(apiBase(c.req.url), collection, search, query, result, output);
      return c.body(JSON.stringify(page), 200, { 'Content-Type': MEDIA.geojson, 'Content-Crs': `<${output.crs.uri}>` });
    })
    .get('/collections/:collectionId/items/:featureId', (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      const collection = source.def;
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['f', 'crs', 'properties', 'skipGeometry']);
      const output = parseItemOutput(collection, search);
      const base = apiBase(c.req.url);
      const raw = c.req.param('featureId');
      const principal = c.get('principal');
      const reader = opened(source, principal);
      // Rows outside the scope answer like missing ones, so ids cannot be probed.
      const feature = /^\d{1,15}$/.test(raw) ? reader.get(Number(raw)) : undefined;
      if (feature && source.audited) audit.append({ principal, action: 'read', targetType: collection.id, targetId: feature.id, ip: c.get('clientAddress') });
      if (!feature) throw new NotFound(`feature "${raw}" does not exist in ${collection.id}`, { collection: collection.id, featureId: raw });
      return c.body(JSON.stringify(featureDocument(base, collection, feature, output)), 200, { 'Content-Type': MEDIA.geojson, 'Content-Crs': `<${output.crs.uri}>` });
    });
}
