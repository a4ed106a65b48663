import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Position } from 'geojson';
import type { TileFeature } from '../storage/features.ts';

export const EXTENT = 4096;
/** Below this zoom, points are thinned to one per cell of the tile grid (`storage/tile-grid.ts`), carrying how many it stands for. */
export const THIN_BELOW_ZOOM = 12;
/** The most features one tile holds (the lowest ids); the generalisation keeps real tiles far below it. */
export const MAX_FEATURES_PER_TILE = 20_000;

/** A Mapbox Vector Tile with one layer named `layer`, simplified to the zoom by geojson-vt, ids kept. */
export function encodeTile(layer: string, features: readonly TileFeature[], z: number, x: number, y: number): { bytes: Uint8Array } {
  // Lists become text: a vector tile's values are scalars.
  const flat = features.map((feature): TileFeature => ({
    ...feature, properties: Object.fromEntries(Object.entries(feature.properties).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : v])),
  }));
  const tile = geoJSONToTile({ type: 'FeatureCollection', features: flat }, z, x, y, { extent: EXTENT, buffer: 64, clip: true, tolerance: 3 });
  return { bytes: fromGeojsonVt({ [layer]: tile }, { version: 2, extent: EXTENT }) };
}

/**
 * Country-zoom cartography: lines with the same (visible) properties drawn as one MultiLineString carrying
 * `line_count` and no id, as a network map draws a backbone rather than its thousand segments; the map zooms in when
 * one is clicked. The store merges already; this merges again after redaction, which may make groups equal.
 */
export function mergeLines(features: readonly TileFeature[], redact: (feature: TileFeature) => TileFeature): TileFeature[] {
  const groups = new Map<string, { properties: Record<string, unknown>; lines: Position[][]; count: number }>();
  for (const feature of features) {
    const properties = { ...redact(feature).properties };
    delete properties.line_count;
    const key = JSON.stringify(properties);
    const group = groups.get(key) ?? { properties, lines: [], count: 0 };
    groups.set(key, group);
    group.count += Number(feature.properties.line_count ?? 1);
    if (feature.geometry.type === 'LineString') group.lines.push(feature.geometry.coordinates);
    else if (feature.geometry.type === 'MultiLineString') group.lines.push(...feature.geometry.coordinates);
  }
  return [...groups.values()].map(({ properties, lines, count }) => ({
    type: 'Feature', geometry: { type: 'MultiLineString', coordinates: lines }, properties: { ...properties, line_count: count },
  }));
}
