import type { CollectionDef } from '../collections/types.ts';
import type { Extent, ItemQuery, QueryResult, StoredFeature } from '../storage/features.ts';
import { link, MEDIA, type Link } from './links.ts';

export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** The landing page: links to itself, the OpenAPI document, conformance and the collections. */
export function landingPage(base: string) {
  return {
    title: 'NetGuard OGC API – Features',
    description: 'Telecom, postal and IT infrastructure, key targets and incidents of Kon Tum province.',
    links: [
      link(base, '', 'self', MEDIA.json, 'This document'),
      link(base, '/api', 'service-desc', MEDIA.openapi, 'The API definition (OpenAPI 3.0)'),
      link(base, '/conformance', 'conformance', MEDIA.json, 'Conformance classes'),
      link(base, '/collections', 'data', MEDIA.json, 'Feature collections'),
    ],
  };
}

export function conformance() {
  return { conformsTo: CONFORMANCE_CLASSES };
}

/** One collection's metadata: extent (bbox, and interval when time-stamped), item type, CRS and links. */
export function collectionInfo(base: string, collection: CollectionDef, extent: Extent) {
  const path = `/collections/${collection.id}`;
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    extent: {
      spatial: { bbox: extent.bbox ? [extent.bbox] : [[-180, -90, 180, 90]], crs: CRS84 },
      ...(collection.temporalProperty ? { temporal: { interval: [extent.interval ?? [null, null]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } } : {}),
    },
    'x-netguard': { titleVi: collection.titleVi, geometry: collection.geometry, synthetic: collection.synthetic, attribution: collection.attribution },
    links: [
      link(base, path, 'self', MEDIA.json, collection.title),
      link(base, `${path}/items`, 'items', MEDIA.geojson, `${collection.title} (GeoJSON)`),
    ],
  };
}

export function collectionsList(base: string, collections: ReturnType<typeof collectionInfo>[]) {
  return { links: [link(base, '/collections', 'self', MEDIA.json, 'Feature collections')], collections };
}

/**
 * A page of items: numberMatched, numberReturned, timeStamp, and self/collection/next/prev links that keep the
 * request's other parameters, so following `next` visits every match once.
 */
export function itemsPage(base: string, collection: CollectionDef, search: URLSearchParams, query: ItemQuery, result: QueryResult) {
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
    features: result.features,
    numberMatched: result.numberMatched,
    numberReturned: result.features.length,
    timeStamp: new Date().toISOString(),
    links,
  };
}

/** One feature with self and collection links. */
export function featureDocument(base: string, collection: CollectionDef, feature: StoredFeature) {
  const path = `/collections/${collection.id}`;
  return {
    ...feature,
    links: [
      link(base, `${path}/items/${feature.id}`, 'self', MEDIA.geojson, 'This feature'),
      link(base, path, 'collection', MEDIA.json, collection.title),
    ],
  };
}
