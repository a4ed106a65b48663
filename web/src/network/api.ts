import type { Feature, Geometry } from 'geojson';
import { sendJson, sendText } from '../api/client.ts';
import type { ApiFeature } from '../api/types.ts';

export const EDITABLE_COLLECTIONS = ['cable_routes', 'bts_sites', 'facilities'] as const;
export type EditableCollection = (typeof EDITABLE_COLLECTIONS)[number];
export const GEOMETRY_KIND = { cable_routes: 'LineString', bts_sites: 'Point', facilities: 'Point' } as const;

export type ImportFormat = 'geojson' | 'kml' | 'csv' | 'gpkg';
export type ImportProblem = { index?: number; row?: number; path?: string; message: string };
export type ImportResult = { imported: number; ids: number[] } | { valid: true; count?: number; [key: string]: unknown };

const itemsPath = (collection: string) => `/api/collections/${encodeURIComponent(collection)}/items`;
const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });

/** OGC API – Features Part 4: create, replace and delete one asset. */
export const createAsset = (collection: string, geometry: Geometry, properties: Record<string, unknown>) =>
  sendJson<ApiFeature>('POST', itemsPath(collection), feature(geometry, properties));
export const replaceAsset = (collection: string, id: number | string, geometry: Geometry, properties: Record<string, unknown>) =>
  sendJson<ApiFeature>('PUT', `${itemsPath(collection)}/${encodeURIComponent(String(id))}`, feature(geometry, properties));
export const deleteAsset = (collection: string, id: number | string) => sendJson<void>('DELETE', `${itemsPath(collection)}/${encodeURIComponent(String(id))}`);

const MEDIA: Record<ImportFormat, string> = { geojson: 'application/geo+json', kml: 'application/vnd.google-earth.kml+xml', csv: 'text/csv', gpkg: 'application/geopackage+sqlite3' };

/** Bulk import of a file, sent as its bytes (a GeoPackage is binary): checked in full first; with `dryRun` nothing is stored. */
export const importFile = (collection: string, format: ImportFormat, file: Blob, dryRun: boolean) =>
  sendText<ImportResult>(`/api/imports/${encodeURIComponent(collection)}?format=${format}${dryRun ? '&dryRun=true' : ''}`, file, MEDIA[format]);

/** The format a file name suggests. */
export function formatOf(fileName: string): ImportFormat | null {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'geojson' || extension === 'json') return 'geojson';
  if (extension === 'kml') return 'kml';
  if (extension === 'csv') return 'csv';
  if (extension === 'gpkg') return 'gpkg';
  return null;
}
