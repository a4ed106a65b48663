import { Hono } from 'hono';
import { COLLECTIONS, findCollection } from '../collections/registry.ts';
import type { CollectionDef } from '../collections/types.ts';
import { NotFound } from '../errors.ts';
import type { FeatureProvider } from '../storage/provider.ts';
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

/** The OGC API – Features Part 1 routes, mounted at `/api`. */
export function ogcRoutes(provider: FeatureProvider) {
  return new Hono()
    .get('/', (c) => c.json(landingPage(plainBase(c.req.url))))
    .get('/api', (c) => c.body(JSON.stringify(openApiDocument(plainBase(c.req.url))), 200, { 'Content-Type': MEDIA.openapi }))
    .get('/conformance', (c) => {
      plainBase(c.req.url);
      return c.json(conformance());
    })
    .get('/collections', (c) => {
      const base = plainBase(c.req.url);
      return c.json(collectionsList(base, COLLECTIONS.map((collection) => collectionInfo(base, collection, provider.extent(collection.id)))));
    })
    .get('/collections/:collectionId', (c) => {
      const collection = collectionOr404(c.req.param('collectionId'));
      return c.json(collectionInfo(plainBase(c.req.url), collection, provider.extent(collection.id)));
    })
    .get('/collections/:collectionId/items', (c) => {
      const collection = collectionOr404(c.req.param('collectionId'));
      const search = new URL(c.req.url).searchParams;
      const query = parseItemQuery(collection, search);
      const page = itemsPage(apiBase(c.req.url), collection, search, query, provider.query(collection.id, query));
      return c.body(JSON.stringify(page), 200, { 'Content-Type': MEDIA.geojson });
    })
    .get('/collections/:collectionId/items/:featureId', (c) => {
      const collection = collectionOr404(c.req.param('collectionId'));
      const base = plainBase(c.req.url);
      const raw = c.req.param('featureId');
      const feature = /^\d{1,15}$/.test(raw) ? provider.get(collection.id, Number(raw)) : undefined;
      if (!feature) throw new NotFound(`feature "${raw}" does not exist in ${collection.id}`, { collection: collection.id, featureId: raw });
      return c.body(JSON.stringify(featureDocument(base, collection, feature)), 200, { 'Content-Type': MEDIA.geojson });
    });
}
