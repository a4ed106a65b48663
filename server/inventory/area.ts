import { buffer, simplify } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { InvalidBody } from '../errors.ts';
import { BUFFERED_AREA_LIMIT, requireGeometryWithin } from '../geometry/limits.ts';
import { geometryProblems } from '../geometry/validate.ts';

const SIMPLIFY_PER_METERS = 50;
const METERS_PER_DEGREE = 111_320;

export type DrawnArea = { polygon: unknown } | { buffer: { geometry: unknown; meters: number } };

/**
 * A drawn inventory area checked and made a polygon: a Polygon or MultiPolygon as it is, a Point, LineString or
 * Polygon buffered by `meters`. Pure and possibly slow (validity is quadratic in the vertices, buffering more), so it
 * runs in the work pool; the caller has already bounded the input's size.
 * @throws InvalidBody listing every problem of the geometry; GeometryTooComplex (413) when the buffer comes out too detailed
 */
export function drawnInventoryArea(body: DrawnArea): Feature<Polygon | MultiPolygon> {
  const geometry = 'polygon' in body ? body.polygon : body.buffer.geometry;
  const path = 'polygon' in body ? 'polygon' : 'buffer.geometry';
  const problems = geometryProblems(geometry, path);
  const kind = (geometry as { type?: string } | null)?.type ?? '';
  const allowed = 'polygon' in body ? ['Polygon', 'MultiPolygon'] : ['Point', 'LineString', 'Polygon'];
  if (problems.length === 0 && !allowed.includes(kind)) problems.push({ path: `${path}.type`, message: `${allowed.join(' or ')} expected` });
  if (problems.length) throw new InvalidBody(`${problems[0].path}: ${problems[0].message}`, { problems });
  if ('polygon' in body) return { type: 'Feature', geometry: geometry as Polygon | MultiPolygon, properties: {} };
  // Detail far below the buffer distance cannot change an inventory but multiplies buffering's cost: simplified first
  // at 1/50 of the distance (a 50 km buffer ignores wiggles under 1 km), a 2 % change of the buffer's reach at most.
  const input = { type: 'Feature' as const, geometry: geometry as Point | LineString | Polygon, properties: {} };
  const simple = simplify(input, { tolerance: body.buffer.meters / SIMPLIFY_PER_METERS / METERS_PER_DEGREE, highQuality: false });
  const area = buffer(simple, body.buffer.meters, { units: 'meters' }) as Feature<Polygon | MultiPolygon>;
  requireGeometryWithin(area.geometry, 'buffer', BUFFERED_AREA_LIMIT);
  return area;
}
