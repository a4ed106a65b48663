import { COLLECTIONS } from '../collections/registry.ts';
import type { CollectionDef, PropertyDef } from '../collections/types.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from './params.ts';
import { MEDIA } from './links.ts';

const SCHEMA_TYPES: Record<PropertyDef['type'], object> = {
  text: { type: 'string' },
  integer: { type: 'integer' },
  real: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  'text[]': { type: 'string', description: 'matches features whose list contains this value' },
};

const json = (description: string, type: string = MEDIA.json) => ({ description, content: { [type]: { schema: { type: 'object' } } } });
const errors = { '400': json('Invalid parameter'), '404': json('Not found') };

function itemsParameters(collection: CollectionDef): object[] {
  const core: object[] = [
    { name: 'bbox', in: 'query', style: 'form', explode: false, schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } } },
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
    { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
  ];
  if (collection.temporalProperty) core.push({ name: 'datetime', in: 'query', schema: { type: 'string' } });
  const filters = collection.properties
    .filter((property) => property.filterable)
    .map((property) => ({ name: property.name, in: 'query', schema: { ...SCHEMA_TYPES[property.type], ...(property.values ? { enum: property.values } : {}) } }));
  return [...core, ...filters];
}

/** The OpenAPI 3.0 definition of the API, derived from the collection registry. */
export function openApiDocument(base: string, collections: readonly CollectionDef[] = COLLECTIONS) {
  const paths: Record<string, object> = {
    '/': { get: { summary: 'Landing page', operationId: 'getLandingPage', responses: { '200': json('Landing page') } } },
    '/conformance': { get: { summary: 'Conformance classes', operationId: 'getConformance', responses: { '200': json('Conformance') } } },
    '/collections': { get: { summary: 'Feature collections', operationId: 'getCollections', responses: { '200': json('Collections') } } },
    '/search': {
      get: {
        summary: 'Search named features and places',
        operationId: 'search',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 100 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
        ],
        responses: { '200': json('Search results'), ...errors },
      },
    },
  };
  for (const collection of collections) {
    const path = `/collections/${collection.id}`;
    paths[path] = { get: { summary: collection.title, operationId: `describe_${collection.id}`, responses: { '200': json('Collection'), ...errors } } };
    paths[`${path}/items`] = {
      get: { summary: `${collection.title}: features`, operationId: `items_${collection.id}`, parameters: itemsParameters(collection), responses: { '200': json('Features', MEDIA.geojson), ...errors } },
    };
    paths[`${path}/items/{featureId}`] = {
      get: {
        summary: `${collection.title}: one feature`,
        operationId: `item_${collection.id}`,
        parameters: [{ name: 'featureId', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': json('Feature', MEDIA.geojson), ...errors },
      },
    };
    paths[`${path}/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}`] = {
      get: {
        summary: `${collection.title}: vector tile (OGC API – Tiles)`,
        operationId: `tile_${collection.id}`,
        parameters: [
          ...['tileMatrix', 'tileRow', 'tileCol'].map((name) => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 0 } })),
          ...(collection.temporalProperty ? [{ name: 'datetime', in: 'query', schema: { type: 'string' } }] : []),
        ],
        responses: { '200': { description: 'Mapbox Vector Tile', content: { [MEDIA.mvt]: { schema: { type: 'string', format: 'binary' } } } }, '304': { description: 'Not modified (ETag)' }, ...errors },
      },
    };
  }
  return { openapi: '3.0.3', info: { title: 'NetGuard OGC API – Features', version: '0.1.0' }, servers: [{ url: base }], paths };
}
