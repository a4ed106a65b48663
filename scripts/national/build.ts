import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { generateDemo } from '../generator/index.ts';
import type { FeatureStore } from '../../server/storage/features.ts';

/** One province-sized template: 1,500 sites, 10,000 km of cable, 10,000 incidents over five years. */
export const TEMPLATE_SCALE = { btsSites: 1500, cableKm: 10_000, incidents: 10_000, scrapDealers: 45, serviceAgents: 480, keyTargets: 8, incidentStartDate: '2021-11-01', incidentYears: 5 };
/** Vietnam's extent, which the copies tile (the copies also fall over sea and neighbours: this is a load test set). */
const EXTENT = { west: 102.2, south: 8.6, east: 109.4, north: 23.3 };
const REPLICATED = ['cable_routes', 'bts_sites', 'facilities', 'key_targets', 'scrap_dealers', 'incidents'] as const;

const shift = (geometry: Geometry, dx: number, dy: number): Geometry => {
  const move = (value: unknown): unknown => (typeof (value as number[])[0] === 'number' ? [(value as Position)[0] + dx, (value as Position)[1] + dy] : (value as unknown[]).map(move));
  return { ...geometry, coordinates: move((geometry as { coordinates: unknown }).coordinates) } as Geometry;
};

/** A copy's properties: site codes stay unique, incidents keep pointing at their asset in the same copy. */
function copiedProperties(id: string, properties: Record<string, unknown>, copy: number, template: Record<string, FeatureCollection>): Record<string, unknown> {
  if (id === 'bts_sites') return { ...properties, site_code: `${String(properties.site_code)}-${copy}` };
  if (id === 'incidents' && typeof properties.asset_id === 'number' && typeof properties.asset_collection === 'string') {
    return { ...properties, asset_id: copy * template[properties.asset_collection].features.length + properties.asset_id };
  }
  return properties;
}

/**
 * Loads a national-scale set: the real Kon Tum base geography once, and `copies` shifted copies of a
 * province-sized synthetic network laid over Vietnam's extent (100 copies: 150,000 sites, ~1,000,000 km of cable,
 * 1,000,000 incidents). Deterministic by seed; one transaction per copy, with progress. `features` is a store's, or
 * a provider's bulk load (PostgreSQL: COPY, server/storage/postgres/bulk-load.ts).
 */
export async function loadNational(features: Pick<FeatureStore, 'insertDataset'>, options: { copies: number; seed: number; onProgress?: (done: number, total: number) => void }): Promise<Record<string, number>> {
  const template = generateDemo({ seed: options.seed, scale: TEMPLATE_SCALE });
  await features.insertDataset({ admin_areas: template.admin_areas, roads: template.roads, police_stations: template.police_stations });
  const [tw, ts] = [107.3, 13.9];
  const columns = Math.ceil(Math.sqrt(options.copies));
  const counts: Record<string, number> = {};
  for (let copy = 0; copy < options.copies; copy += 1) {
    const column = copy % columns, row = Math.floor(copy / columns);
    const dx = EXTENT.west + ((EXTENT.east - EXTENT.west - 1.3) * column) / Math.max(1, columns - 1) - tw;
    const dy = EXTENT.south + ((EXTENT.north - EXTENT.south - 1.5) * row) / Math.max(1, columns - 1) - ts;
    const batch: Record<string, FeatureCollection> = {};
    for (const id of REPLICATED) {
      const source = template[id].features as Feature[];
      batch[id] = {
        type: 'FeatureCollection',
        features: source.map((feature) => ({
          ...feature, id: copy * source.length + Number(feature.id), geometry: shift(feature.geometry, dx, dy),
          properties: copiedProperties(id, feature.properties ?? {}, copy, template),
        })),
      };
      counts[id] = (counts[id] ?? 0) + source.length;
    }
    await features.insertDataset(batch);
    options.onProgress?.(copy + 1, options.copies);
  }
  return counts;
}
