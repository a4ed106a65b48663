import { toKML } from '@placemarkio/tokml';
import { redactWith, type Redaction } from '../storage/redaction.ts';
import { findCollection } from '../collections/registry.ts';
import { outputFeature } from '../ogc/envelope.ts';
import type { CollectionDef } from '../collections/types.ts';
import { CRS84_CRS, crsFromUri, transformGeometry } from '../geometry/crs.ts';
import type { FeatureEncoder, StoredFeature } from '../storage/features.ts';
import { createGeoPackageWriter } from '../storage/geopackage.ts';
import { csvField } from './patrol-plan.ts';
import { toWkt } from '../geometry/wkt.ts';

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml', 'gpkg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Media type and file name extension of each format. */
export const EXPORT_FILES: Record<ExportFormat, { mediaType: string; extension: string }> = {
  geojson: { mediaType: 'application/geo+json', extension: 'geojson' },
  csv: { mediaType: 'text/csv; charset=utf-8', extension: 'csv' },
  kml: { mediaType: 'application/vnd.google-earth.kml+xml', extension: 'kml' },
  gpkg: { mediaType: 'application/geopackage+sqlite3', extension: 'gpkg' },
};

/** Formats whose coordinates are WGS 84 by definition (KML 2.2 §6.2). */
export const WGS84_ONLY: readonly ExportFormat[] = ['kml'];

/** What an export's encoder is given (plain data: it crosses to the thread that reads). */
export type ExportOptions = {
  collectionId: string;
  /** The reader's redaction: properties it may not see are trimmed from each feature (`redactWith`, as every read path). */
  redaction: Redaction | null;
  /** The `properties` parameter: only these, in this order; all when absent. */
  properties?: readonly string[];
  format: ExportFormat;
  /** ISO instant the file is dated (the GeoPackage's last change). */
  now: string;
  /** URI of the output CRS. */
  crs: string;
  /** Where a GeoPackage is written (`gpkg` only): a file in a directory the route removes after. */
  path?: string;
};

/** CSV for spreadsheets: a BOM so Excel reads UTF-8 Vietnamese, id, WKT geometry, then the registry's columns. */
function csvEncoder(collection: CollectionDef): FeatureEncoder {
  const names = collection.properties.map((property) => property.name);
  let head = `\uFEFF${['id', 'wkt', ...names].map(csvField).join(',')}\r\n`;
  return {
    write(features) {
      const rows = features.map((feature) => `${[feature.id, toWkt(feature.geometry), ...names.map((name) => feature.properties[name])].map(csvField).join(',')}\r\n`).join('');
      const text = head + rows;
      head = '';
      return text;
    },
    end: () => head,
  };
}

/** GeoJSON: an RFC 7946 FeatureCollection, or in another CRS one naming it in the pre-RFC `crs` member, which GDAL reads. */
function geojsonEncoder(code: number | null): FeatureEncoder {
  const named = code === null || code === 4326 ? '' : `"crs":${JSON.stringify({ type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code}` } })},`;
  let head = `{"type":"FeatureCollection",${named}"features":[`;
  return {
    write(features) {
      if (features.length === 0) return '';
      const text = head + features.map((feature) => JSON.stringify(feature)).join(',');
      head = ',';
      return text;
    },
    end: () => (head === ',' ? ']}' : `${head}]}`),
  };
}

const KML_HEAD = '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>';
const KML_TAIL = '</Document></kml>';

/** KML 2.2 as tokml writes it, batch by batch: each batch's Placemarks without the document around them. */
function kmlEncoder(collection: CollectionDef): FeatureEncoder {
  const label = collection.searchProperties?.[0] ?? 'name';
  let head = KML_HEAD;
  return {
    write(features) {
      // A missing value is left out: KML has no null, and tokml would write the text "null".
      const named = features.map((feature) => ({
        ...feature,
        properties: {
          name: String(feature.properties[label] ?? `${collection.id} ${feature.id}`),
          ...Object.fromEntries(Object.entries(feature.properties).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : v])),
        },
      }));
      const document = toKML({ type: 'FeatureCollection', features: named });
      if (!document.startsWith(KML_HEAD) || !document.endsWith(KML_TAIL)) throw new Error('tokml wrote a document of another shape');
      const text = head + document.slice(KML_HEAD.length, -KML_TAIL.length);
      head = '';
      return text;
    },
    end: () => head + KML_TAIL,
  };
}

/**
 * The encoder of one export (`FeatureStore.exportStream` loads this module where it reads): each feature trimmed to
 * what the reader may see, its coordinates in `crs` (GIS order: x = easting or longitude, so an EPSG:4326 file is
 * lon/lat as GDAL and QGIS write it), then written as `format`. The collection and CRS are named by id and URI
 * (definitions with functions do not cross threads).
 */
export function createEncoder(options: ExportOptions): FeatureEncoder {
  const collection = findCollection(options.collectionId);
  if (!collection) throw new Error(`collection ${options.collectionId} is not in the registry`);
  const crs = crsFromUri(options.crs) ?? CRS84_CRS;
  const redact = redactWith(options.redaction);
  const output = { crs: CRS84_CRS, skipGeometry: false, ...(options.properties ? { properties: [...options.properties] } : {}) };
  const reprojected = crs.code !== null && crs.code !== 4326;
  const prepare = (feature: StoredFeature): StoredFeature => {
    const trimmed = outputFeature(redact(feature), output);
    return reprojected ? { ...trimmed, geometry: transformGeometry(trimmed.geometry, crs.fromWgs84) } : trimmed;
  };
  const encoder = encoderOf(collection, options, crs.code);
  return { ...encoder, write: (features) => encoder.write(features.map(prepare)) };
}

function encoderOf(collection: CollectionDef, options: ExportOptions, code: number | null): FeatureEncoder {
  switch (options.format) {
    case 'geojson': return geojsonEncoder(code);
    case 'csv': return csvEncoder(collection);
    case 'kml': return kmlEncoder(collection);
    case 'gpkg':
      if (!options.path) throw new Error('a GeoPackage export needs a path to write to');
      return createGeoPackageWriter(options.path, collection, new Date(options.now), code ?? 4326);
  }
}
