import { bbox, distance, lineString, nearestPointOnLine } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Position } from 'geojson';
import { candidatesInBbox, createGridIndex, padBbox, type GridIndex } from '../spatial-index/index.ts';

/** Where one incident sits on the network: route (input index), part of a MultiLineString, metres along that part. */
export type Snap = { incident: number; route: number; part: number; alongMeters: number; offsetMeters: number; linked: boolean };

/** Parts of a (Multi)LineString as LineString features, skipping parts with fewer than two positions. */
export function routeParts(route: Feature<LineString | MultiLineString>): (Feature<LineString> | null)[] {
  const parts: Position[][] = route.geometry.type === 'LineString' ? [route.geometry.coordinates] : route.geometry.coordinates;
  return parts.map((coordinates) => (coordinates.length >= 2 ? lineString(coordinates) : null));
}

/** A feature's id: the feature id, else `properties.id`, else its input index. */
export function featureId(feature: Feature, index: number): string | number {
  const id = feature.id ?? feature.properties?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : index;
}

/**
 * Snaps each incident to the nearest route part within `snapMeters` (turf `nearestPointOnLine`),
 * preferring the route named by its `asset_collection: 'cable_routes'` / `asset_id` when that one
 * is within reach too. A grid index over incidents, queried with each segment's padded bbox, keeps
 * the exact test to nearby incident–segment pairs.
 *
 * @param snapMeters snapping distance in metres
 * @returns one snap per snapped incident, in incident order
 */
export function snapIncidents(
  incidents: FeatureCollection<Point>,
  cables: FeatureCollection<LineString | MultiLineString>,
  snapMeters: number,
): Snap[] {
  const positions = incidents.features.map((feature) => feature.geometry.coordinates);
  const index = createGridIndex(positions, Math.max(snapMeters, 200));
  const best = new Map<number, Snap>();
  cables.features.forEach((route, routeIndex) => {
    const id = featureId(route, routeIndex);
    routeParts(route).forEach((part, partIndex) => {
      if (!part) return;
      for (const [i, { alongMeters, offsetMeters }] of nearestOnPart(index, positions, part, snapMeters)) {
        const props = incidents.features[i].properties;
        const linked = props?.asset_collection === 'cable_routes' && props.asset_id === id;
        const snap: Snap = { incident: i, route: routeIndex, part: partIndex, alongMeters, offsetMeters, linked };
        const current = best.get(i);
        if (!current || isBetter(snap, current)) best.set(i, snap);
      }
    });
  });
  return [...best.values()].sort((a, b) => a.incident - b.incident);
}

/** Linked asset first, then the smaller offset; on a tie the earlier route keeps the incident. */
function isBetter(candidate: Snap, current: Snap): boolean {
  if (candidate.linked !== current.linked) return candidate.linked;
  return candidate.offsetMeters < current.offsetMeters;
}

/**
 * Nearest point on `part` for every incident within `snapMeters`, segment by segment: only the
 * incidents in a segment's padded bbox are tested, each against that one segment (turf
 * `nearestPointOnLine` on the whole part would cost O(vertices) per incident).
 */
function nearestOnPart(
  index: GridIndex, positions: readonly Position[], part: Feature<LineString>, snapMeters: number,
): Map<number, { alongMeters: number; offsetMeters: number }> {
  const found = new Map<number, { alongMeters: number; offsetMeters: number }>();
  const coordinates = part.geometry.coordinates;
  let startMeters = 0;
  for (let k = 1; k < coordinates.length; k++) {
    const segment = lineString([coordinates[k - 1], coordinates[k]]);
    for (const i of candidatesInBbox(index, padBbox(bbox(segment), snapMeters))) {
      const nearest = nearestPointOnLine(segment, positions[i], { units: 'meters' }).properties;
      const current = found.get(i);
      if (nearest.pointDistance <= snapMeters && (!current || nearest.pointDistance < current.offsetMeters)) {
        found.set(i, { alongMeters: startMeters + nearest.lineDistance, offsetMeters: nearest.pointDistance });
      }
    }
    startMeters += distance(coordinates[k - 1], coordinates[k], { units: 'meters' });
  }
  return found;
}
