import { booleanPointInPolygon, distance, pointToLineDistance } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { ASSET_COLLECTION_IDS } from '../auth/access.ts';
import type { FeatureStore, StoredFeature } from '../storage/features.ts';

/** How far an incident may lie from the asset it is linked to (issue 4). */
export const LINK_RADIUS_METERS = 200;

export type NearbyAsset = { collection: string; id: number; owner: string; label: string | null; meters: number; feature: StoredFeature };

function metersTo(feature: StoredFeature, lonLat: [number, number]): number {
  const geometry = feature.geometry;
  if (geometry.type === 'Point') return distance(lonLat, geometry.coordinates, { units: 'meters' });
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : (geometry as MultiLineString).coordinates;
  return Math.min(...lines.map((line) => pointToLineDistance(lonLat, { type: 'LineString', coordinates: line } as LineString, { units: 'meters' })));
}

/** Assets within `radius` metres of a point, nearest first: R*Tree candidates from a padded bbox, then exact distances. */
export async function nearestAssets(features: FeatureStore, lonLat: [number, number], radius = LINK_RADIUS_METERS): Promise<NearbyAsset[]> {
  const [lon, lat] = lonLat;
  const dLat = radius / 111_000 * 1.1;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const bbox: [number, number, number, number] = [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
  const near: NearbyAsset[] = [];
  for (const collection of ASSET_COLLECTION_IDS) {
    for (const feature of (await features.query(collection, { bbox, filters: [], limit: 1000, offset: 0 })).features) {
      near.push({
        collection, id: feature.id, owner: String(feature.properties.owner), feature, meters: Math.round(metersTo(feature, lonLat) * 10) / 10,
        label: (feature.properties.site_code ?? feature.properties.name ?? null) as string | null,
      });
    }
  }
  return near.filter((asset) => asset.meters <= radius).sort((a, b) => a.meters - b.meters);
}

/** The 2025 commune holding a point and its former district, for reports by commune or district; nulls outside every commune. */
export async function communeAt(features: FeatureStore, [lon, lat]: [number, number]): Promise<{ commune_code: string | null; district_code: string | null }> {
  const communes = (await features.query('admin_areas', { bbox: [lon, lat, lon, lat], filters: [{ property: 'level', value: 'commune' }], limit: 50, offset: 0 })).features;
  const commune = communes.find((area) => booleanPointInPolygon([lon, lat], area as Feature<Polygon | MultiPolygon>));
  return { commune_code: (commune?.properties.code as string | undefined) ?? null, district_code: (commune?.properties.district_code as string | undefined) ?? null };
}
