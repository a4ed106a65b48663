import type { Position } from 'geojson';
import type { TileFeature } from '../features.ts';

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
