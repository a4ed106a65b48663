import type { FeatureCollection } from 'geojson';
import { getJson } from '../api/client.ts';
import { save } from './field-db.ts';
import type { Assignment } from './types.ts';

/** The plan's layers taken along: what the officer protects and where. */
export const FIELD_LAYERS = ['key_targets', 'cable_routes', 'bts_sites', 'facilities'] as const;
export const BASEMAP_URL = '/basemap/kontum.pmtiles';
const MARGIN_DEGREES = 0.03;

/** The stops' and route's extent, with a margin of about 3 km. */
export function assignmentBbox(assignment: Assignment): [number, number, number, number] {
  const points = [...assignment.stops.map((stop) => [stop.lon, stop.lat]), ...assignment.route.geometry.coordinates];
  const xs = points.map((point) => point[0]), ys = points.map((point) => point[1]);
  return [Math.min(...xs) - MARGIN_DEGREES, Math.min(...ys) - MARGIN_DEGREES, Math.max(...xs) + MARGIN_DEGREES, Math.max(...ys) + MARGIN_DEGREES];
}

/**
 * Downloads the area of an assignment before leaving: the province basemap archive whole (a plain 200 GET, kept as a
 * Blob — the Cache API refuses 206 range answers), the plan area's assets and key-target zones, and the assignment
 * itself; then asks the browser to keep it all (persistent storage).
 * @returns whether the browser granted persistent storage
 */
export async function downloadArea(assignment: Assignment, onStep: (step: string) => void): Promise<boolean> {
  onStep(BASEMAP_URL);
  const response = await fetch(BASEMAP_URL, { cache: 'no-store' });
  if (response.status !== 200) throw new Error(`the basemap answered HTTP ${response.status}`);
  const basemap = await response.blob();
  const bbox = assignmentBbox(assignment).map((value) => value.toFixed(5)).join(',');
  const layers: Record<string, FeatureCollection> = {};
  for (const collection of FIELD_LAYERS) {
    onStep(collection);
    layers[collection] = await getJson<FeatureCollection>(`/api/collections/${collection}/items?bbox=${bbox}&limit=10000`);
  }
  await save('basemap', basemap);
  await save('layers', layers);
  await save('assignment', assignment);
  await save('downloadedAt', new Date().toISOString());
  return (await navigator.storage?.persist?.()) ?? false;
}

/** How much the app keeps on the phone, of how much it may, and whether the browser keeps it under storage pressure. */
export async function storageUsage(): Promise<{ usageBytes: number; quotaBytes: number; persisted: boolean } | null> {
  if (!navigator.storage?.estimate) return null;
  const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.() ?? Promise.resolve(false)]);
  return { usageBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted };
}
