import type { CollectionDef } from '../collections/types.ts';
import { CRS84, SUPPORTED_CRS, transformGeometry } from '../geometry/crs.ts';
import type { Extent, ItemQuery, QueryResult, StoredFeature } from '../storage/features.ts';
import { link, MEDIA, REL, type Link } from './links.ts';
import type { ItemOutput } from './params.ts';
import type { AreaConfig } from '../deployment/area.ts';
import { servedData } from '../deployment/area-text.ts';

const FEATURES = 'http://www.opengis.net/spec/ogcapi-features';
const TILES = 'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf';
const CQL2 = 'http://www.opengis.net/spec/cql2/1.0/conf';

/** Every conformance class declared at /conformance; each is tested (see the README's API section). */
export const CONFORMANCE_CLASSES = [
  `${FEATURES}-1/1.0/conf/core`,
  `${FEATURES}-1/1.0/conf/geojson`,
  `${FEATURES}-1/1.0/conf/oas30`,
  `${FEATURES}-2/1.0/conf/crs`,
  `${FEATURES}-3/1.0/conf/queryables`,
  `${FEATURES}-3/1.0/conf/queryables-query-parameters`,
  `${FEATURES}-3/1.0/conf/filter`,
  `${FEATURES}-3/1.0/conf/features-filter`,
  `${CQL2}/basic-cql2`,
  `${CQL2}/advanced-comparison-operators`,
  `${CQL2}/case-insensitive-comparison`,
  `${CQL2}/basic-spatial-functions`,
  `${CQL2}/basic-spatial-functions-plus`,
  `${CQL2}/cql2-text`,
  `${CQL2}/cql2-json`,
  `${FEATURES}-4/1.0/conf/create-replace-delete`,
  `${FEATURES}-4/1.0/conf/update`,
  `${FEATURES}-4/1.0/conf/features`,
  `${FEATURES}-5/1.0/conf/schemas`,
  `${FEATURES}-8/1.0/conf/sorting`,
  `${TILES}/core`,
  `${TILES}/tileset`,
  `${TILES}/tilesets-list`,
  `${TILES}/geodata-tilesets`,
  `${TILES}/mvt`,
  `${TILES}/oas30`,
  'http://www.opengis.net/spec/tms/2.0/conf/tilematrixset',
  'http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset',
];

/** The landing page: links to itself, the OpenAPI document, conformance and the collections; described from the area. */
export function landingPage(base: string, area: AreaConfig) {
  return {
    title: 'NetGuard OGC API – Features',
    description: `${servedData(area)}.`,
    links: [
      link(base, '', 'self', MEDIA.json, 'This document'),
      link(base, '/api', 'service-desc', MEDIA.openapi, 'The API definition (OpenAPI 3.0)'),
      link(base, '/conformance', 'conformance', MEDIA.json, 'Conformance classes'),
      link(base, '/collections', 'data', MEDIA.json, 'Feature collections'),
      link(base, '/tileMatrixSets', REL.tilingSchemes, MEDIA.json, 'Tile matrix sets'),
    ],
  };
}

export function conformance() {
  return { conformsTo: CONFORMANCE_CLASSES };
}

/**
 * One collection's metadata: extent (bbox, and interval when time-stamped), item type, the CRSs it is served in, and
 * links to its items, queryables, schema and (when it has vector tiles) tilesets.
 */
export function collectionInfo(base: string, collection: CollectionDef, extent: Extent, { tiled }: { tiled: boolean }) {
  const path = `/collections/${collection.id}`;
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    itemType: 'feature',
    crs: SUPPORTED_CRS.map((crs) => crs.uri),
    storageCrs: CRS84,
    extent: {
      spatial: { bbox: extent.bbox ? [extent.bbox] : [[-180, -90, 180, 90]], crs: CRS84 },
      ...(collection.temporalProperty ? { temporal: { interval: [extent.interval ?? [null, null]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } } : {}),
    },
    'x-netguard': { titleVi: collection.titleVi, geometry: collection.geometry, synthetic: collection.synthetic, attribution: collection.attribution },
    links: [
      link(base, path, 'self', MEDIA.json, collection.title),
      link(base, `${path}/items`, 'items', MEDIA.geojson, `${collection.title} (GeoJSON)`),
      link(base, `${path}/queryables`, REL.queryables, MEDIA.schema, 'Queryables (JSON Schema)'),
      link(base, `${path}/schema`, 'describedby', MEDIA.schema, 'Schema of the features (JSON Schema)'),
      // GDAL 3.6 looks for `describedBy` and takes an XML schema's field and geometry types.
      link(base, `${path}/schema.xsd`, 'describedBy', MEDIA.xml, 'Schema of the features (GML application schema)'),
      ...(tiled ? [link(base, `${path}/tiles`, REL.tilesetsVector, MEDIA.json, 'Vector tilesets')] : []),
    ],
  };
}

export function collectionsList(base: string, collections: ReturnType<typeof collectionInfo>[]) {
  return { links: [link(base, '/collections', 'self', MEDIA.json, 'Feature collections')], collections };
}

/** A feature as the request asks to see it: only the chosen properties, without geometry, in the requested CRS. */
export function outputFeature<F extends StoredFeature>(feature: F, output: ItemOutput): F {
  const properties = output.properties ? Object.fromEntries(output.properties.map((name) => [name, feature.properties[name] ?? null])) : feature.properties;
  const geometry = output.skipGeometry ? null : output.crs.code === null ? feature.geometry : transformGeometry(feature.geometry, output.crs.fromWgs84);
  return { ...feature, properties, geometry } as F;
}

/**
 * A page of items: numberMatched, numberReturned, timeStamp, and self/collection/next/prev links that keep the
 * request's other parameters, so following `next` visits every match once.
 */
export function itemsPage(base: string, collection: CollectionDef, search: URLSearchParams, query: ItemQuery, result: QueryResult, output: ItemOutput) {
  const path = `/collections/${collection.id}/items`;
  const at = (offset: number): URLSearchParams => {
    const next = new URLSearchParams(search);
    next.set('limit', String(query.limit));
    next.set('offset', String(offset));
    return next;
  };
  const links: Link[] = [
    link(base, path, 'self', MEDIA.geojson, 'This page', search),
    link(base, `/collections/${collection.id}`, 'collection', MEDIA.json, collection.title),
  ];
  if (query.offset + result.features.length < result.numberMatched) links.push(link(base, path, 'next', MEDIA.geojson, 'Next page', at(query.offset + query.limit)));
  if (query.offset > 0) links.push(link(base, path, 'prev', MEDIA.geojson, 'Previous page', at(Math.max(0, query.offset - query.limit))));
  return {
    type: 'FeatureCollection' as const,
    features: result.features.map((feature) => outputFeature(feature, output)),
    numberMatched: result.numberMatched,
    numberReturned: result.features.length,
    timeStamp: new Date().toISOString(),
    links,
  };
}

/** One feature with self and collection links. */
export function featureDocument(base: string, collection: CollectionDef, feature: StoredFeature, output?: ItemOutput) {
  const path = `/collections/${collection.id}`;
  return {
    ...(output ? outputFeature(feature, output) : feature),
    links: [
      link(base, `${path}/items/${feature.id}`, 'self', MEDIA.geojson, 'This feature'),
      link(base, path, 'collection', MEDIA.json, collection.title),
    ],
  };
}
