import type { CollectionDef, PropertyDef } from '../collections/types.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/middleware.ts';
import { SUPPORTED_CRS } from '../geometry/crs.ts';
import { FILTER_LANGUAGES } from './cql2/index.ts';
import { MEDIA } from './links.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from './params.ts';
import { propertySchema } from './schema.ts';

/** Shared pieces of the OpenAPI document: security schemes, responses, parameters, feature schemas. */
export const SECURITY_SCHEMES = {
  bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token issued by an administrator (`npm run user -- token`).' },
  sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The web app session, set by POST /api/auth/login.' },
  csrfHeader: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'The session’s CSRF token; writes authenticated by the cookie must carry it.' },
};
/** Metadata is open; a caller may still authenticate. */
export const OPEN = [{}, { bearerToken: [] }, { sessionCookie: [] }];
/** Data needs an API token or a session. */
export const AUTHENTICATED = [{ bearerToken: [] }, { sessionCookie: [] }];
export const WRITER = [{ bearerToken: [] }, { sessionCookie: [], csrfHeader: [] }];

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message', 'details'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } } } },
};
const error = (description: string) => ({ description, content: { [MEDIA.json]: { schema: ERROR_SCHEMA } } });
export const ERRORS = {
  '400': error('Invalid parameter or body'),
  '401': { ...error('Not signed in, or the API token is unknown'), headers: { 'WWW-Authenticate': { description: 'Bearer realm="NetGuard"', schema: { type: 'string' } } } },
  '403': error('The caller’s role may not do this'),
  '404': error('Not found'),
};
export const json = (description: string, type: string = MEDIA.json, schema: object = { type: 'object' }) => ({ description, content: { [type]: { schema } } });

const crsParameter = (name: string, description: string) => ({
  name, in: 'query', description, schema: { type: 'string', format: 'uri', enum: SUPPORTED_CRS.map((crs) => crs.uri), default: SUPPORTED_CRS[0].uri },
});
const listParameter = (name: string, description: string, items: object) => ({ name, in: 'query', description, style: 'form', explode: false, schema: { type: 'array', items } });

/** Parameters of a collection's items operation: Part 1 core, Part 2 CRS, Part 3 filters, sorting, selection, and one equality filter per property. */
export function itemsParameters(collection: CollectionDef): object[] {
  const core: object[] = [
    { name: 'bbox', in: 'query', description: 'minLon,minLat,maxLon,maxLat (or 6 numbers with heights); minLon > maxLon crosses the antimeridian', style: 'form', explode: false, schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } } },
    crsParameter('bbox-crs', 'CRS of bbox'),
    { name: 'limit', in: 'query', style: 'form', explode: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
    { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
    { name: 'filter', in: 'query', description: 'CQL2 filter (see /conformance)', schema: { type: 'string' } },
    { name: 'filter-lang', in: 'query', schema: { type: 'string', enum: [...FILTER_LANGUAGES], default: 'cql2-text' } },
    crsParameter('filter-crs', 'CRS of geometries in filter'),
    listParameter('sortby', 'Properties to sort by, each optionally prefixed + (ascending) or -', { type: 'string' }),
    listParameter('properties', 'Only these properties', { type: 'string', enum: collection.properties.map((property) => property.name) }),
    { name: 'skipGeometry', in: 'query', schema: { type: 'boolean', default: false } },
    crsParameter('crs', 'CRS of the response geometries'),
  ];
  if (collection.temporalProperty) core.push({ name: 'datetime', in: 'query', description: `RFC 3339 instant or interval on ${collection.temporalProperty}`, schema: { type: 'string' } });
  // Every property is a query parameter too: GDAL 3.6 pushes a -where only on properties declared here.
  const equality = collection.properties.map((property) => ({ name: property.name, in: 'query', description: `equality on ${property.name}${property.type === 'text[]' ? ' (the list holds the value)' : ''}`, schema: equalitySchema(property) }));
  return [...core, ...equality];
}

function equalitySchema(property: PropertyDef): object {
  const schema = propertySchema(property);
  return property.type === 'text[]' ? { type: 'string' } : { type: schema.type, ...(schema.format ? { format: schema.format } : {}) };
}

const GEOMETRY: Record<CollectionDef['geometry'], string[]> = { Point: ['Point'], Line: ['LineString', 'MultiLineString'], Polygon: ['Polygon', 'MultiPolygon'] };

/** A GeoJSON feature of the collection as a request body schema (Part 4). */
export function featureSchema(collection: CollectionDef, { partial }: { partial: boolean }): object {
  return {
    type: 'object',
    required: partial ? [] : ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      geometry: { type: 'object', required: ['type', 'coordinates'], properties: { type: { type: 'string', enum: GEOMETRY[collection.geometry] }, coordinates: { type: 'array', items: {} } } },
      properties: {
        type: 'object',
        ...(partial ? {} : { required: collection.properties.filter((property) => property.required).map((property) => property.name) }),
        properties: Object.fromEntries(collection.properties.map((property) => [property.name, propertySchema(property)])),
      },
    },
  };
}
