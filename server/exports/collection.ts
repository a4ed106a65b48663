import { toKML } from '@placemarkio/tokml';
import type { CollectionDef } from '../collections/types.ts';
import type { StoredFeature } from '../storage/features.ts';
import { toGeoPackage } from '../storage/geopackage.ts';
import { csvField } from './patrol-plan.ts';
import { toWkt } from '../geometry/wkb.ts';

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml', 'gpkg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportFile = { content: string | Buffer; mediaType: string; extension: string };

/** CSV for spreadsheets: a BOM so Excel reads UTF-8 Vietnamese, id, WKT geometry, then the registry's columns. */
export function toCsv(collection: CollectionDef, features: readonly StoredFeature[]): string {
  const names = collection.properties.map((property) => property.name);
  const header = ['id', 'wkt', ...names].join(',');
  const rows = features.map((feature) => [feature.id, toWkt(feature.geometry), ...names.map((name) => feature.properties[name])].map(csvField).join(','));
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

/** One collection's features as a file in `format`; properties a reader may not see are already trimmed by the caller. */
export function collectionExport(collection: CollectionDef, features: StoredFeature[], format: ExportFormat, now: Date): ExportFile {
  switch (format) {
    case 'geojson':
      return { content: JSON.stringify({ type: 'FeatureCollection', features }), mediaType: 'application/geo+json', extension: 'geojson' };
    case 'csv':
      return { content: toCsv(collection, features), mediaType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'kml': {
      const label = collection.searchProperties?.[0] ?? 'name';
      const named = features.map((feature) => ({
        ...feature,
        properties: { name: String(feature.properties[label] ?? `${collection.id} ${feature.id}`), ...Object.fromEntries(Object.entries(feature.properties).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : v])) },
      }));
      return { content: toKML({ type: 'FeatureCollection', features: named }), mediaType: 'application/vnd.google-earth.kml+xml', extension: 'kml' };
    }
    case 'gpkg':
      return { content: toGeoPackage(collection, features, now), mediaType: 'application/geopackage+sqlite3', extension: 'gpkg' };
  }
}
