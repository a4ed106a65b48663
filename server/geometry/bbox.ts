import type { Geometry, Position } from 'geojson';

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

/**
 * `[minLon, minLat, maxLon, maxLat]` of a geometry, by a loop rather than spreading positions into Math.min (which
 * overflows the stack on large geometries); `[Infinity, Infinity, -Infinity, -Infinity]` when it has no position.
 */
export function geometryBbox(geometry: Geometry): [number, number, number, number] {
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions(geometry)) {
    if (x < bbox[0]) bbox[0] = x;
    if (y < bbox[1]) bbox[1] = y;
    if (x > bbox[2]) bbox[2] = x;
    if (y > bbox[3]) bbox[3] = y;
  }
  return bbox;
}

/** The smallest box around several boxes; null for none. */
export function unionBbox(boxes: Iterable<readonly [number, number, number, number]>): [number, number, number, number] | null {
  let union: [number, number, number, number] | null = null;
  for (const [a, b, c, d] of boxes) {
    if (!union) union = [a, b, c, d];
    else union = [Math.min(union[0], a), Math.min(union[1], b), Math.max(union[2], c), Math.max(union[3], d)];
  }
  return union;
}
