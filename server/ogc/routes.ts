import { Hono } from 'hono';
import { COLLECTIONS } from '../collections/registry.ts';
import { publishedSources } from '../published/collections.ts';
import { storedSource, type CollectionSource } from './sources.ts';
import { NotFound } from '../errors.ts';
import { Forbidden } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { collectionInfo, collectionsList, conformance, featureDocument, itemsPage, landingPage } from './envelope.ts';
import { apiBase, MEDIA } from './links.ts';
import { openApiDocument } from './openapi.ts';
import { parseItemOutput, parseItemQuery, rejectUnknownParameters } from './params.ts';
import { queryablesDocument, schemaDocument, schemaXsd } from './schema.ts';
import { conditionTags, featureTag, tagMatches } from '../http/etag.ts';
import type { AreaConfig } from '../deployment/area.ts';

/** The request's API base URL, after checking it carries no parameter but `f` (only items take more). */
function plainBase(url: string): string {
  rejectUnknownParameters(new URL(url).searchParams, ['f']);
  return apiBase(url);
}

/** The registry's collections in the store, then the records other modules publish. */
function allSources(services: Services): CollectionSource[] {
  return [...COLLECTIONS.map((def) => storedSource(services.storage.features, def, AUDITED_READS.has(def.id))), ...publishedSources(services)];
}

/** Reads of these collections are security information and go to the audit log (issue 4). */
const AUDITED_READS = new Set(['key_targets', 'incidents']);

/**
 * The OGC API – Features Part 1 routes, mounted at `/api`. Every read goes through the caller's read scope: the
 * collections list shows only readable collections, items and single items only admitted rows, trimmed.
 */
export function ogcRoutes(services: Services, area: AreaConfig) {
  const sources = allSources(services);
  const sourceOr404 = (id: string): CollectionSource => {
    const source = sources.find((candidate) => candidate.def.id === id);
    if (!source) throw new NotFound(`collection "${id}" does not exist`, { collection: id });
    return source;
  };
  /** A 403 naming the collection unless the principal may read it at all. */
  const readable = (source: CollectionSource, principal: Parameters<CollectionSource['open']>[0]) => {
    if (!source.readable(principal)) throw new Forbidden(`your role may not read ${source.def.id}`, { collection: source.def.id });
  };
  /** The source opened for this principal, or a 403 naming the collection. */
  const opened = async (source: CollectionSource, principal: Parameters<CollectionSource['open']>[0]) => {
    const reader = await source.open(principal);
    if (!reader) throw new Forbidden(`your role may not read ${source.def.id}`, { collection: source.def.id });
    return reader;
  };
  return new Hono<AppEnv>()
    .get('/', (c) => c.json(landingPage(plainBase(c.req.url), area)))
    .get('/api', (c) => c.body(JSON.stringify(openApiDocument(plainBase(c.req.url), sources.map((source) => ({ def: source.def, tiled: source.tiled })), area)), 200, { 'Content-Type': MEDIA.openapi }))
    .get('/conformance', (c) => {
      plainBase(c.req.url);
      return c.json(conformance());
    })
    .get('/collections', async (c) => {
      const base = plainBase(c.req.url);
      const principal = c.get('principal');
      const infos = [];
      for (const source of sources.filter((candidate) => candidate.readable(principal))) infos.push(collectionInfo(base, source.def, await source.extent(principal), source));
      return c.json(collectionsList(base, infos));
    })
    .get('/collections/:collectionId', async (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      readable(source, c.get('principal'));
      return c.json(collectionInfo(plainBase(c.req.url), source.def, await source.extent(c.get('principal')), source));
    })
    .get('/collections/:collectionId/queryables', (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      readable(source, c.get('principal'));
      return c.body(JSON.stringify(queryablesDocument(plainBase(c.req.url), source.def)), 200, { 'Content-Type': MEDIA.schema });
    })
    .get('/collections/:collectionId/schema', (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      readable(source, c.get('principal'));
      return c.body(JSON.stringify(schemaDocument(plainBase(c.req.url), source.def)), 200, { 'Content-Type': MEDIA.schema });
    })
    .get('/collections/:collectionId/schema.xsd', (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      readable(source, c.get('principal'));
      rejectUnknownParameters(new URL(c.req.url).searchParams, []);
      return c.body(schemaXsd(source.def), 200, { 'Content-Type': MEDIA.xml });
    })
    .get('/collections/:collectionId/items', async (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      const collection = source.def;
      const search = new URL(c.req.url).searchParams;
      const query = parseItemQuery(collection, search);
      const output = parseItemOutput(collection, search);
      const principal = c.get('principal');
      const result = await (await opened(source, principal)).query(query);
      if (source.audited) {
        await auditRead(services, actorOf(c), { action: 'read', targetType: collection.id, details: { query: search.toString(), numberReturned: result.features.length } });
      }
      const page = itemsPage(apiBase(c.req.url), collection, search, query, result, output);
      return c.body(JSON.stringify(page), 200, { 'Content-Type': MEDIA.geojson, 'Content-Crs': `<${output.crs.uri}>` });
    })
    .get('/collections/:collectionId/items/:featureId', async (c) => {
      const source = sourceOr404(c.req.param('collectionId'));
      const collection = source.def;
      const search = new URL(c.req.url).searchParams;
      rejectUnknownParameters(search, ['f', 'crs', 'properties', 'skipGeometry']);
      const output = parseItemOutput(collection, search);
      const base = apiBase(c.req.url);
      const raw = c.req.param('featureId');
      const principal = c.get('principal');
      const reader = await opened(source, principal);
      // Rows outside the scope answer like missing ones, so ids cannot be probed.
      const feature = /^\d{1,15}$/.test(raw) ? await reader.get(Number(raw)) : undefined;
      if (feature && source.audited) await auditRead(services, actorOf(c), { action: 'read', targetType: collection.id, targetId: feature.id });
      if (!feature) throw new NotFound(`feature "${raw}" does not exist in ${collection.id}`, { collection: collection.id, featureId: raw });
      // The stored version, which PUT, PATCH and DELETE take back in If-Match (OGC API – Features Part 4).
      const etag = featureTag(feature);
      const cached = conditionTags(c.req.header('If-None-Match'));
      if (cached && tagMatches(cached, etag)) return c.body(null, 304, { ETag: etag });
      return c.body(JSON.stringify(featureDocument(base, collection, feature, output)), 200, { 'Content-Type': MEDIA.geojson, 'Content-Crs': `<${output.crs.uri}>`, ETag: etag });
    });
}
