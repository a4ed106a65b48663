import { kinks } from '@turf/turf';
import type { Geometry, Polygon, Position } from 'geojson';

/** One thing wrong with a geometry, with the JSON path of the offending part (`coordinates[0][3]`). */
export type GeometryProblem = { path: string; message: string };

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && (value.length === 2 || value.length === 3) && value.every((n) => typeof n === 'number' && Number.isFinite(n));

function checkPosition(value: unknown, path: string, problems: GeometryProblem[]): void {
  if (!isPosition(value)) return void problems.push({ path, message: 'a position is [longitude, latitude] with finite numbers' });
  const [lon, lat] = value;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) problems.push({ path, message: `[${lon}, ${lat}] is outside WGS84 longitude/latitude (RFC 7946 positions are lon, lat)` });
}

function checkLine(value: unknown, path: string, problems: GeometryProblem[]): void {
  if (!Array.isArray(value) || value.length < 2) return void problems.push({ path, message: 'a line needs at least 2 positions' });
  value.forEach((position, index) => checkPosition(position, `${path}[${index}]`, problems));
}

function checkRing(value: unknown, path: string, problems: GeometryProblem[]): void {
  if (!Array.isArray(value) || value.length < 4) return void problems.push({ path, message: 'a polygon ring needs at least 4 positions' });
  value.forEach((position, index) => checkPosition(position, `${path}[${index}]`, problems));
  const first = value[0] as Position;
  const last = value[value.length - 1] as Position;
  if (isPosition(first) && isPosition(last) && (first[0] !== last[0] || first[1] !== last[1])) {
    problems.push({ path, message: 'a polygon ring must end where it starts' });
  }
}

function checkPolygon(value: unknown, path: string, problems: GeometryProblem[]): void {
  if (!Array.isArray(value) || value.length === 0) return void problems.push({ path, message: 'a polygon needs an outer ring' });
  const before = problems.length;
  value.forEach((ring, index) => checkRing(ring, `${path}[${index}]`, problems));
  if (problems.length > before) return;
  // Self-intersections make areas and point-in-polygon answers meaningless (a "bow-tie" zone covers nothing sensible).
  const crossings = kinks({ type: 'Polygon', coordinates: value } as Polygon).features;
  if (crossings.length > 0) {
    const [x, y] = crossings[0].geometry.coordinates;
    problems.push({ path, message: `the polygon crosses itself near [${x.toFixed(6)}, ${y.toFixed(6)}]` });
  }
}

/**
 * Checks a geometry against RFC 7946 and simple-feature validity: structure, finite WGS84 positions, lines of two
 * or more positions, closed rings of four or more, polygons that do not cross themselves.
 * @returns every problem found; empty when the geometry is valid
 */
export function geometryProblems(geometry: unknown, path = 'geometry'): GeometryProblem[] {
  const problems: GeometryProblem[] = [];
  if (typeof geometry !== 'object' || geometry === null) return [{ path, message: 'a GeoJSON geometry object is required' }];
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  const at = `${path}.coordinates`;
  const list = (value: unknown, each: (item: unknown, path: string, problems: GeometryProblem[]) => void) => {
    if (!Array.isArray(value) || value.length === 0) problems.push({ path: at, message: `${String(type)} needs at least one part` });
    else value.forEach((item, index) => each(item, `${at}[${index}]`, problems));
  };
  switch (type) {
    case 'Point': checkPosition(coordinates, at, problems); break;
    case 'MultiPoint': list(coordinates, checkPosition); break;
    case 'LineString': checkLine(coordinates, at, problems); break;
    case 'MultiLineString': list(coordinates, checkLine); break;
    case 'Polygon': checkPolygon(coordinates, at, problems); break;
    case 'MultiPolygon': list(coordinates, checkPolygon); break;
    default: problems.push({ path: `${path}.type`, message: `unsupported geometry type ${JSON.stringify(type)}` });
  }
  return problems;
}

export const isValidGeometry = (geometry: unknown): geometry is Geometry => geometryProblems(geometry).length === 0;
