import { toKML } from '@placemarkio/tokml';
import { redactWith, type Redaction } from '../auth/access.ts';
import { findCollection } from '../collections/registry.ts';
import { outputFeature } from '../ogc/envelope.ts';
import type { CollectionDef } from '../collections/types.ts';
import { CRS84_CRS, crsFromUri, transformGeometry, type Crs } from '../geometry/crs.ts';
import type { StoredFeature } from '../storage/features.ts';
import { toGeoPackage } from '../storage/geopackage.ts';
import { csvField } from './patrol-plan.ts';
import { toWkt } from '../geometry/wkt.ts';

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml', 'gpkg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportFile = { content: string | Buffer; mediaType: string; extension: string };

/** CSV for spreadsheets: a BOM so Excel reads UTF-8 Vietnamese, id, WKT geometry, then the registry's columns. */
export function toCsv(collection: CollectionDef, features: readonly StoredFeature[]): string {
  const names = collection.properties.map((property) => property.name);
  const header = ['id', 'wkt', ...names].map(csvField).join(',');
  const rows = features.map((feature) => [feature.id, toWkt(feature.geometry), ...names.map((name) => feature.properties[name])].map(csvField).join(','));
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

/** Formats whose coordinates are WGS 84 by definition (KML 2.2 §6.2). */
export const WGS84_ONLY: readonly ExportFormat[] = ['kml'];

/**
 * One collection's features as a file in `format`, with coordinates in `crs` (CRS84 by default). Files keep the GIS
 * order x = easting or longitude, so an EPSG:4326 file is lon/lat as GDAL and QGIS write it; a GeoJSON file in
 * another CRS names it in the pre-RFC 7946 `crs` member, which GDAL reads. Properties a reader may not see are
 * already trimmed by the caller.
 */
export function collectionExport(collection: CollectionDef, input: StoredFeature[], format: ExportFormat, now: Date, crs: Crs = CRS84_CRS): ExportFile {
  const projected = crs.code === null || crs.code === 4326;
  const features = projected ? input : input.map((feature) => ({ ...feature, geometry: transformGeometry(feature.geometry, crs.fromWgs84) }));
  const code = crs.code ?? 4326;
  switch (format) {
    case 'geojson': {
      const named = projected ? {} : { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code}` } } };
      return { content: JSON.stringify({ type: 'FeatureCollection', ...named, features }), mediaType: 'application/geo+json', extension: 'geojson' };
    }
    case 'csv':
      return { content: toCsv(collection, features), mediaType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'kml': {
      const label = collection.searchProperties?.[0] ?? 'name';
      // A missing value is left out: KML has no null, and tokml would write the text "null".
      const named = features.map((feature) => ({
        ...feature,
        properties: {
          name: String(feature.properties[label] ?? `${collection.id} ${feature.id}`),
          ...Object.fromEntries(Object.entries(feature.properties).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : v])),
        },
      }));
      return { content: toKML({ type: 'FeatureCollection', features: named }), mediaType: 'application/vnd.google-earth.kml+xml', extension: 'kml' };
    }
    case 'gpkg':
      return { content: toGeoPackage(collection, features, now, code), mediaType: 'application/geopackage+sqlite3', extension: 'gpkg' };
  }
}

/** What an export job gets: the store's JSON text of the matches, the reader's redaction, and the request's choices. */
export type ExportJob = {
  collectionId: string;
  /** `FeatureStore.exportQuery`'s text: the matches as stored, before the reader's redaction. */
  featuresJson: string;
  redaction: Redaction | null;
  /** The `properties` parameter: only these, in this order; all when absent. */
  properties?: readonly string[];
  format: ExportFormat;
  now: string;
  crs: string;
};

/**
 * `collectionExport` for the work pool: the features come as the store's JSON text and are parsed, trimmed to what the
 * reader may see (`redactWith`, the same rule as every other read path) and encoded here, so the event loop only
 * passes strings on; the collection and the CRS are named by id and URI (definitions with functions do not cross
 * threads), the time is an ISO string. Encoding a large layer takes seconds; it must not hold the event loop.
 */
export function encodeExport(input: ExportJob): ExportFile {
  const collection = findCollection(input.collectionId);
  if (!collection) throw new Error(`collection ${input.collectionId} is not in the registry`);
  const redact = redactWith(input.redaction);
  const output = { crs: CRS84_CRS, skipGeometry: false, ...(input.properties ? { properties: [...input.properties] } : {}) };
  const features = (JSON.parse(input.featuresJson) as StoredFeature[]).map((feature) => outputFeature(redact(feature), output));
  return collectionExport(collection, features, input.format, new Date(input.now), crsFromUri(input.crs) ?? CRS84_CRS);
}
