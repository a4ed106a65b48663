import type { Feature, Geometry } from 'geojson';
import { ApiError, getJsonWithTag, sendJson, sendText } from '../api/client.ts';
import type { ApiFeature } from '../api/types.ts';

/** What a carrier maintains itself (the server's EDITABLE_COLLECTION_IDS): its assets and its service agents. */
export const EDITABLE_COLLECTIONS = ['cable_routes', 'bts_sites', 'facilities', 'service_agents'] as const;
export type EditableCollection = (typeof EDITABLE_COLLECTIONS)[number];
export const GEOMETRY_KIND = { cable_routes: 'LineString', bts_sites: 'Point', facilities: 'Point', service_agents: 'Point' } as const;

export type ImportFormat = 'geojson' | 'kml' | 'csv' | 'gpkg';
export type ImportProblem = { index?: number; row?: number; path?: string; message: string };
export type ImportResult = { imported: number; ids: number[] } | { valid: true; count?: number; [key: string]: unknown };

const itemsPath = (collection: string) => `/api/collections/${encodeURIComponent(collection)}/items`;
const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });

const itemPath = (collection: string, id: number | string) => `${itemsPath(collection)}/${encodeURIComponent(String(id))}`;
/** `If-Match` with the version the user saw, so a write never overwrites a change made meanwhile by someone else. */
const ifMatch = (etag: string | null): Record<string, string> => (etag ? { 'If-Match': etag } : {});

/** An asset as stored, with its version (the item's ETag). */
export type VersionedAsset = { feature: ApiFeature; etag: string | null };
export const fetchAsset = async (collection: string, id: number | string, signal?: AbortSignal): Promise<VersionedAsset> => {
  const { body, etag } = await getJsonWithTag<ApiFeature>(itemPath(collection, id), signal);
  return { feature: body, etag };
};

/**
 * OGC API – Features Part 4: create, replace and delete one asset. Replace and delete send the version the user
 * edited (`If-Match`): the server answers 412 when someone else changed the asset first.
 */
export const createAsset = (collection: string, geometry: Geometry, properties: Record<string, unknown>) =>
  sendJson<ApiFeature>('POST', itemsPath(collection), feature(geometry, properties));
export const replaceAsset = (collection: string, id: number | string, geometry: Geometry, properties: Record<string, unknown>, etag: string | null) =>
  sendJson<ApiFeature>('PUT', itemPath(collection, id), feature(geometry, properties), ifMatch(etag));
export const deleteAsset = (collection: string, id: number | string, etag: string | null) => sendJson<void>('DELETE', itemPath(collection, id), undefined, ifMatch(etag));
/** A 412 answer: the asset changed on the server (someone else's edit) after the user loaded it. */
export const changedMeanwhile = (error: unknown) => error instanceof ApiError && error.status === 412;

/** Undo of a delete: puts the asset back under its own id, only where nothing is (`If-None-Match: *`). */
export const restoreAsset = (collection: string, id: number | string, geometry: Geometry, properties: Record<string, unknown>) =>
  sendJson<ApiFeature>('PUT', itemPath(collection, id), feature(geometry, properties), { 'If-None-Match': '*' });

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
