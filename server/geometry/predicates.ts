import { distance, pointToLineDistance } from '@turf/turf';
import type { Geometry, Position } from 'geojson';

/**
 * Exact planar spatial predicates on WGS 84 GeoJSON (lon/lat treated as plane coordinates, as OGC API – Features and
 * CQL2 do for CRS84): what the store applies after its R*Tree's bounding-box prefilter. Boundaries count: a line
 * touching a box's edge intersects it.
 */
type Parts = { points: Position[]; lines: Position[][]; polygons: Position[][][] };

function parts(geometry: Geometry): Parts {
  const out: Parts = { points: [], lines: [], polygons: [] };
  const add = (g: Geometry): void => {
    switch (g.type) {
      case 'Point': out.points.push(g.coordinates); break;
      case 'MultiPoint': out.points.push(...g.coordinates); break;
      case 'LineString': out.lines.push(g.coordinates); break;
      case 'MultiLineString': out.lines.push(...g.coordinates); break;
      case 'Polygon': out.polygons.push(g.coordinates); out.lines.push(...g.coordinates); break;
      case 'MultiPolygon': for (const polygon of g.coordinates) { out.polygons.push(polygon); out.lines.push(...polygon); } break;
      case 'GeometryCollection': g.geometries.forEach(add); break;
    }
  };
  add(geometry);
  return out;
}

const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const within1d = (p: Position, a: Position, b: Position) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** True when point p lies on segment ab (end points included). */
function onSegment(p: Position, a: Position, b: Position): boolean {
  return cross(a, b, p) === 0 && within1d(p, a, b);
}

/** True when segments ab and cd share at least one point; `proper` asks for a crossing of both interiors. */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position, proper = false): boolean {
  if (Math.max(a[0], b[0]) < Math.min(c[0], d[0]) || Math.max(c[0], d[0]) < Math.min(a[0], b[0])) return false;
  if (Math.max(a[1], b[1]) < Math.min(c[1], d[1]) || Math.max(c[1], d[1]) < Math.min(a[1], b[1])) return false;
  const d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (proper) return false;
  return (d1 === 0 && within1d(a, c, d)) || (d2 === 0 && within1d(b, c, d)) || (d3 === 0 && within1d(c, a, b)) || (d4 === 0 && within1d(d, a, b));
}

/** 1 inside, 0 on the boundary, -1 outside a polygon with holes (even-odd rule). */
function pointInPolygon(p: Position, polygon: Position[][]): -1 | 0 | 1 {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i], b = ring[j];
      if (onSegment(p, a, b)) return 0;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

const segments = function* (lines: Position[][]): Generator<[Position, Position]> {
  for (const line of lines) for (let i = 1; i < line.length; i++) yield [line[i - 1], line[i]];
};

/** A representative vertex of each component (point, line, polygon) of a geometry. */
const representatives = (p: Parts): Position[] => [...p.points, ...p.lines.map((line) => line[0]), ...p.polygons.map((polygon) => polygon[0][0])];

function partsIntersect(a: Parts, b: Parts): boolean {
  for (const p of a.points) if (b.points.some((q) => q[0] === p[0] && q[1] === p[1])) return true;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (const p of x.points) for (const [s, t] of segments(y.lines)) if (onSegment(p, s, t)) return true;
  }
  for (const [s, t] of segments(a.lines)) for (const [u, v] of segments(b.lines)) if (segmentsMeet(s, t, u, v)) return true;
  // No boundaries meet, so each component lies wholly inside or outside each polygon: one vertex tells.
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (const p of representatives(x)) if (y.polygons.some((polygon) => pointInPolygon(p, polygon) >= 0)) return true;
  }
  return false;
}

/** True when the two geometries share at least one point. */
export function intersects(a: Geometry, b: Geometry): boolean {
  return partsIntersect(parts(a), parts(b));
}

/** True when the geometry touches or crosses the box `[minx, miny, maxx, maxy]`. */
export function intersectsBox(geometry: Geometry, [minx, miny, maxx, maxy]: readonly number[]): boolean {
  return intersects(geometry, { type: 'Polygon', coordinates: [[[minx, miny], [maxx, miny], [maxx, maxy], [minx, maxy], [minx, miny]]] });
}

/**
 * True when every point of `a` lies in `b` (interior or boundary). For a polygonal `b`: every vertex of `a` in it, no
 * segment of `a` crossing its boundary, and every segment's midpoint in it (a chord across a concave notch leaves).
 */
export function within(a: Geometry, b: Geometry): boolean {
  const pa = parts(a), pb = parts(b);
  if (pb.polygons.length > 0) {
    const inB = (p: Position) => pb.polygons.some((polygon) => pointInPolygon(p, polygon) >= 0);
    const vertices = [...pa.points, ...pa.lines.flat()];
    if (!vertices.every(inB)) return false;
    for (const [s, t] of segments(pa.lines)) {
      for (const [u, v] of segments(pb.lines)) if (segmentsMeet(s, t, u, v, true)) return false;
      if (!inB([(s[0] + t[0]) / 2, (s[1] + t[1]) / 2])) return false;
    }
    return true;
  }
  if (pb.lines.length > 0) {
    const onB = (p: Position) => [...segments(pb.lines)].some(([s, t]) => onSegment(p, s, t));
    return pa.polygons.length === 0 && [...pa.points, ...pa.lines.flat()].every(onB) && [...segments(pa.lines)].every(([s, t]) => onB([(s[0] + t[0]) / 2, (s[1] + t[1]) / 2]));
  }
  return pa.lines.length === 0 && pa.points.every((p) => pb.points.some((q) => q[0] === p[0] && q[1] === p[1]));
}

/** The geodesic distance in metres from a position to a geometry's lines and points (turf). */
function distanceToParts(p: Position, target: Parts): number {
  let best = Infinity;
  for (const q of target.points) best = Math.min(best, distance(p, q, { units: 'meters' }));
  for (const line of target.lines) {
    best = Math.min(best, line.length > 1 ? pointToLineDistance(p, { type: 'LineString', coordinates: line }, { units: 'meters' }) : distance(p, line[0], { units: 'meters' }));
  }
  return best;
}

/**
 * True when the geometries come within `meters` of each other (geodesic, by turf): they intersect, or a vertex of one
 * lies within `meters` of the other's points or lines (the nearest points of two disjoint segments include a vertex).
 */
export function withinDistance(a: Geometry, b: Geometry, meters: number): boolean {
  const pa = parts(a), pb = parts(b);
  if (partsIntersect(pa, pb)) return true;
  for (const [x, y] of [[pa, pb], [pb, pa]] as const) {
    for (const p of [...x.points, ...x.lines.flat()]) if (distanceToParts(p, y) <= meters) return true;
  }
  return false;
}
