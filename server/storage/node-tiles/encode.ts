import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { TileFeature } from '../features.ts';
import { ENCODER_MAX_ZOOM, TILE_BUFFER, TILE_EXTENT, TILE_TOLERANCE } from '../vector-tiles.ts';

/** A Mapbox Vector Tile with one layer named `layer`, simplified to the zoom by geojson-vt, ids kept. */
export function encodeTile(layer: string, features: readonly TileFeature[], z: number, x: number, y: number): Uint8Array {
  // Lists become text: a vector tile's values are scalars.
  const flat = features.map((feature): TileFeature => ({
    ...feature, properties: Object.fromEntries(Object.entries(feature.properties).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : v])),
  }));
  const tile = geoJSONToTile({ type: 'FeatureCollection', features: flat }, z, x, y, {
    extent: TILE_EXTENT, buffer: TILE_BUFFER, clip: true, tolerance: TILE_TOLERANCE, maxZoom: ENCODER_MAX_ZOOM,
  });
  return fromGeojsonVt({ [layer]: tile }, { version: 2, extent: TILE_EXTENT });
}
