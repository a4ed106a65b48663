import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature } from 'geojson';
import type { StoredFeature } from '../storage/provider.ts';
import { tileBounds } from './math.ts';

export const EXTENT = 4096;
/** Below this zoom, points are thinned to one per cell of a 16×16 grid per tile, carrying how many it stands for. */
export const THIN_BELOW_ZOOM = 10;
export const MAX_FEATURES_PER_TILE = 20_000;

/** One point per grid cell (the lowest id), with `point_count`; lines and polygons pass through. */
export function thinPoints(features: StoredFeature[], z: number, x: number, y: number, cells = 16): StoredFeature[] {
  const [w, s, e, n] = tileBounds(z, x, y);
  const kept = new Map<number, StoredFeature & { properties: { point_count: number } }>();
  const others: StoredFeature[] = [];
  for (const feature of features) {
    if (feature.geometry.type !== 'Point') { others.push(feature); continue; }
    const [lon, lat] = feature.geometry.coordinates;
    const column = Math.min(cells - 1, Math.max(0, Math.floor(((lon - w) / (e - w)) * cells)));
    const row = Math.min(cells - 1, Math.max(0, Math.floor(((n - lat) / (n - s)) * cells)));
    const key = row * cells + column;
    const existing = kept.get(key);
    if (existing) existing.properties.point_count += 1;
    else kept.set(key, { ...feature, properties: { ...feature.properties, point_count: 1 } });
  }
  return [...others, ...kept.values()];
}

/** A Mapbox Vector Tile with one layer named `layer`, simplified to the zoom by geojson-vt, ids kept. */
export function encodeTile(layer: string, features: StoredFeature[], z: number, x: number, y: number): { bytes: Uint8Array; truncated: boolean } {
  const truncated = features.length > MAX_FEATURES_PER_TILE;
  const chosen = (z < THIN_BELOW_ZOOM ? thinPoints(features, z, x, y) : features).slice(0, MAX_FEATURES_PER_TILE);
  // Lists become text: a vector tile's values are scalars.
  const flat = chosen.map((feature): Feature => ({
    ...feature, properties: Object.fromEntries(Object.entries(feature.properties).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : v])),
  }));
  const tile = geoJSONToTile({ type: 'FeatureCollection', features: flat }, z, x, y, { extent: EXTENT, buffer: 64, clip: true, tolerance: 3 });
  return { bytes: fromGeojsonVt({ [layer]: tile }, { version: 2, extent: EXTENT }), truncated };
}
