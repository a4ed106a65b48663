import { Hono } from 'hono';
import { COLLECTIONS, findCollection } from '../collections/registry.ts';
import type { CollectionDef } from '../collections/types.ts';
import { NotFound } from '../errors.ts';
import { readScope, requireReadScope, scopeAdmits, scopedQuery } from '../auth/access.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { collectionInfo, collectionsList, conformance, featureDocument, itemsPage, landingPage } from './envelope.ts';
import { apiBase, MEDIA } from './links.ts';
import { openApiDocument } from './openapi.ts';
import { parseItemQuery, rejectUnknownParameters } from './params.ts';

/** The request's API base URL, after checking it carries no parameter but `f` (only items take more). */
function plainBase(url: string): string {
  rejectUnknownParameters(new URL(url).searchParams, ['f']);
  return apiBase(url);
}

function collectionOr404(id: string): CollectionDef {
  const collection = findCollection(id);
  if (!collection) throw new NotFound(`collection "${id}" does not exist`, { collection: id });
  return collection;
}

/** Reads of these collections are security information and go to the audit log (issue 4). */
const AUDITED_READS = new Set(['key_targets', 'incidents']);

/**
 * The OGC API – Features Part 1 routes, mounted at `/api`. Every read goes through the caller's read scope: the
 * collections list shows only readable collections, items and single items only admitted rows, trimmed.
 */
export function ogcRoutes({ provider, audit }: Services) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json(landingPage(plainBase(c.req.url))))
    .get('/api', (c) => c.body(JSON.stringify(openApiDocument(plainBase(c.req.url))), 200, { 'Content-Type': MEDIA.openapi }))
    .get('/conformance', (c) => {
      plainBase(c.req.url);
      return c.json(conformance());
    })
    .get('/collections', (c) => {
      const base = plainBase(c.req.url);
      const principal = c.get('principal');
      const readable = COLLECTIONS.filter((collection) => readScope(principal, collection.id, provider));
      return c.json(collectionsList(base, readable.map((collection) => collectionInfo(base, collection, provider.extent(collection.id)))));
    })
    .get('/collections/:collectionId', (c) => {
      const collection = collectionOr404(c.req.param('collectionId'));
      requireReadScope(c.get('principal'), collection, provider);
      return c.json(collectionInfo(plainBase(c.req.url), collection, provider.extent(collection.id)));
    })
    .get('/collections/:collectionId/items', (c) => {
      const collection = collectionOr404(c.req.param('collectionId'));
      const search = new URL(c.req.url).searchParams;
      const query = parseItemQuery(collection, search);
      const principal = c.get('principal');
      const scope = requireReadScope(principal, collection, provider);
      const result = provider.query(collection.id, scopedQuery(scope, query));
      if (AUDITED_READS.has(collection.id)) {
        audit.append({ principal, action: 'read', targetType: collection.id, details: { query: search.toString(), numberReturned: result.features.length }, ip: c.get('clientAddress') });
      }
      const page = itemsPage(apiBase(c.req.url), collection, search, query, { ...result, features: result.features.map(scope.redact) });
      return c.body(JSON.stringify(page), 200, { 'Content-Type': MEDIA.geojson });
    })
    .get('/collections/:collectionId/items/:featureId', (c) => {
      const collection = collectionOr404(c.req.param('collectionId'));
      const base = plainBase(c.req.url);
      const raw = c.req.param('featureId');
      const principal = c.get('principal');
      const scope = requireReadScope(principal, collection, provider);
      const stored = /^\d{1,15}$/.test(raw) ? provider.get(collection.id, Number(raw)) : undefined;
      // Rows outside the scope answer like missing ones, so ids cannot be probed.
      const feature = stored && scopeAdmits(scope, stored) ? scope.redact(stored) : undefined;
      if (feature && AUDITED_READS.has(collection.id)) audit.append({ principal, action: 'read', targetType: collection.id, targetId: feature.id, ip: c.get('clientAddress') });
      if (!feature) throw new NotFound(`feature "${raw}" does not exist in ${collection.id}`, { collection: collection.id, featureId: raw });
      return c.body(JSON.stringify(featureDocument(base, collection, feature)), 200, { 'Content-Type': MEDIA.geojson });
    });
}
