import { EDITABLE_COLLECTION_IDS } from '../auth/access.ts';
import type { CollectionDef } from '../collections/types.ts';
import { MEDIA } from './links.ts';
import { ERRORS, featureSchema, itemsParameters, json, OPEN, SECURITY_SCHEMES, AUTHENTICATED, WRITER } from './openapi-parts.ts';
import { tilePaths, TILE_MATRIX_SET_PATHS } from './openapi-tiles.ts';
import type { AreaConfig } from '../deployment/area.ts';
import { servedData } from '../deployment/area-text.ts';

const FEATURE_ID = { name: 'featureId', in: 'path', required: true, schema: { type: 'integer', minimum: 0 } };
const EDITABLE: readonly string[] = EDITABLE_COLLECTION_IDS;

/** An OpenAPI collection as the document needs it: its definition and whether it has vector tiles. */
export type DocumentedCollection = { def: CollectionDef; tiled: boolean };

function operation(summary: string, operationId: string, tag: string, security: object[], responses: object, extra: object = {}) {
  return { summary, operationId, tags: [tag], security, ...extra, responses };
}

/** Part 1 reads, Part 4 writes (asset collections only), queryables and schemas of one collection. */
function collectionPaths(collection: CollectionDef): Record<string, object> {
  const path = `/collections/${collection.id}`;
  const tag = 'Features';
  const paths: Record<string, object> = {
    [path]: { get: operation(collection.title, `describe_${collection.id}`, tag, AUTHENTICATED, { '200': json('Collection'), ...ERRORS }) },
    [`${path}/queryables`]: { get: operation(`${collection.title}: queryables`, `queryables_${collection.id}`, tag, AUTHENTICATED, { '200': json('Queryables', MEDIA.schema), ...ERRORS }) },
    [`${path}/schema`]: { get: operation(`${collection.title}: schema`, `schema_${collection.id}`, tag, AUTHENTICATED, { '200': json('JSON Schema of the features', MEDIA.schema), ...ERRORS }) },
    [`${path}/schema.xsd`]: { get: operation(`${collection.title}: GML application schema`, `xsd_${collection.id}`, tag, AUTHENTICATED, { '200': { description: 'XML Schema', content: { [MEDIA.xml]: { schema: { type: 'string' } } } }, ...ERRORS }) },
  };
  const items: Record<string, object> = {
    get: operation(`${collection.title}: features`, `items_${collection.id}`, tag, AUTHENTICATED, { '200': json('Features', MEDIA.geojson), ...ERRORS }, { parameters: itemsParameters(collection) }),
  };
  // Part 4 optimistic locking: the item's ETag is its stored version; writes take it back in If-Match.
  const etag = { ETag: { description: 'The stored version of the feature (strong entity tag)', schema: { type: 'string' } } };
  const header = (name: string, description: string) => ({ name, in: 'header', required: false, description, schema: { type: 'string' } });
  const ifMatch = header('If-Match', 'Write only if the stored version is still this ETag (412 otherwise)');
  const item: Record<string, object> = {
    get: operation(`${collection.title}: one feature`, `item_${collection.id}`, tag, AUTHENTICATED, { '200': { ...json('Feature', MEDIA.geojson), headers: etag }, '304': { description: 'Not modified (If-None-Match)', headers: etag }, ...ERRORS }, { parameters: [header('If-None-Match', 'The ETag the client has')] }),
  };
  const stale = { '412': { ...json('Precondition failed: the feature changed since the given ETag (the current one is in the ETag header and details.etag), or it exists already (If-None-Match: *)'), headers: etag } };
  if (EDITABLE.includes(collection.id)) {
    const body = (partial: boolean, type: string) => ({ required: true, content: { [type]: { schema: featureSchema(collection, { partial }) } } });
    const conflict = { '409': json('Conflict (e.g. a site code already in use)') };
    items.post = operation(`${collection.title}: create a feature`, `create_${collection.id}`, tag, WRITER, { '201': { description: 'Created', headers: { Location: { schema: { type: 'string', format: 'uri' } } }, content: { [MEDIA.geojson]: { schema: { type: 'object' } } } }, ...ERRORS, ...conflict }, { requestBody: body(false, MEDIA.geojson) });
    const restore = header('If-None-Match', '`*`: put back a deleted feature under its own id (undo of a delete); 201 when restored');
    item.put = operation(`${collection.title}: replace a feature`, `replace_${collection.id}`, tag, WRITER, { '200': { ...json('Replaced', MEDIA.geojson), headers: etag }, '201': { ...json('Restored under its own id (If-None-Match: *)', MEDIA.geojson), headers: etag }, ...ERRORS, ...conflict, ...stale }, { requestBody: body(false, MEDIA.geojson), parameters: [ifMatch, restore] });
    item.patch = operation(`${collection.title}: update a feature (JSON merge patch of its properties)`, `update_${collection.id}`, tag, WRITER, { '200': { ...json('Updated', MEDIA.geojson), headers: etag }, ...ERRORS, ...conflict, ...stale }, { requestBody: body(true, 'application/merge-patch+json'), parameters: [ifMatch] });
    item.delete = operation(`${collection.title}: delete a feature`, `delete_${collection.id}`, tag, WRITER, { '204': { description: 'Deleted' }, ...ERRORS, ...stale }, { parameters: [ifMatch] });
  }
  paths[`${path}/items`] = items;
  paths[`${path}/items/{featureId}`] = { parameters: [FEATURE_ID], ...item };
  return paths;
}

/**
 * The OpenAPI 3.0 definition of the API, derived from the collection registry: reads for every collection, Part 4
 * writes where carriers edit, vector tiles only where a collection has them, and how to authenticate.
 */
export function openApiDocument(base: string, collections: readonly DocumentedCollection[], area: AreaConfig) {
  const paths: Record<string, object> = {
    '/': { get: operation('Landing page', 'getLandingPage', 'Capabilities', OPEN, { '200': json('Landing page'), '400': ERRORS['400'] }) },
    '/conformance': { get: operation('Conformance classes', 'getConformance', 'Capabilities', OPEN, { '200': json('Conformance'), '400': ERRORS['400'] }) },
    '/collections': { get: operation('Feature collections', 'getCollections', 'Capabilities', AUTHENTICATED, { '200': json('Collections'), ...ERRORS }) },
    '/search': {
      get: operation('Search named features and places', 'search', 'Search', AUTHENTICATED, { '200': json('Search results'), ...ERRORS }, {
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 100 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
        ],
      }),
    },
    ...TILE_MATRIX_SET_PATHS,
  };
  for (const { def, tiled } of collections) {
    Object.assign(paths, collectionPaths(def));
    if (tiled) Object.assign(paths, tilePaths(def));
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'NetGuard OGC API – Features and Tiles',
      version: '0.1.0',
      description: `${servedData(area)}; collections need an API token or a session.`,
      license: { name: 'Proprietary; demo data synthetic', url: `${base}/` },
    },
    servers: [{ url: base }],
    tags: [
      { name: 'Capabilities', description: 'Landing page, conformance, collections' },
      { name: 'Features', description: 'OGC API – Features Parts 1–5' },
      { name: 'Tiles', description: 'OGC API – Tiles: vector tiles (MVT) and their metadata' },
      { name: 'Search', description: 'Diacritic-insensitive search of named features' },
    ],
    security: AUTHENTICATED,
    components: { securitySchemes: SECURITY_SCHEMES },
    paths,
  };
}
