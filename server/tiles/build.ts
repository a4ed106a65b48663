import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature } from 'geojson';
import type { StoredFeature } from '../storage/provider.ts';

export const EXTENT = 4096;
/** Below this zoom, points are thinned to one per cell of a 16×16 grid per tile (the store does it), carrying how many it stands for. */
export const THIN_CELLS = 16;
export const THIN_BELOW_ZOOM = 12;
export const MAX_FEATURES_PER_TILE = 20_000;

/** A Mapbox Vector Tile with one layer named `layer`, simplified to the zoom by geojson-vt, ids kept. */
export function encodeTile(layer: string, features: StoredFeature[], z: number, x: number, y: number): { bytes: Uint8Array; truncated: boolean } {
  const truncated = features.length > MAX_FEATURES_PER_TILE;
  const chosen = features.slice(0, MAX_FEATURES_PER_TILE);
  // Lists become text: a vector tile's values are scalars.
  const flat = chosen.map((feature): Feature => ({
    ...feature, properties: Object.fromEntries(Object.entries(feature.properties).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : v])),
  }));
  const tile = geoJSONToTile({ type: 'FeatureCollection', features: flat }, z, x, y, { extent: EXTENT, buffer: 64, clip: true, tolerance: 3 });
  return { bytes: fromGeojsonVt({ [layer]: tile }, { version: 2, extent: EXTENT }), truncated };
}
