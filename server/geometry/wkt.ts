import type { Geometry, Position } from 'geojson';

/** Well-known text, for CSV cells (lon lat order, as WKT and GeoJSON both use). */
export function toWkt(geometry: Geometry): string {
  const pos = (p: Position) => `${p[0]} ${p[1]}`;
  const line = (ps: Position[]) => `(${ps.map(pos).join(', ')})`;
  const poly = (rings: Position[][]) => `(${rings.map(line).join(', ')})`;
  switch (geometry.type) {
    case 'Point': return `POINT (${pos(geometry.coordinates)})`;
    case 'LineString': return `LINESTRING ${line(geometry.coordinates)}`;
    case 'Polygon': return `POLYGON ${poly(geometry.coordinates)}`;
    case 'MultiPoint': return `MULTIPOINT (${geometry.coordinates.map((p) => `(${pos(p)})`).join(', ')})`;
    case 'MultiLineString': return `MULTILINESTRING (${geometry.coordinates.map(line).join(', ')})`;
    case 'MultiPolygon': return `MULTIPOLYGON (${geometry.coordinates.map(poly).join(', ')})`;
    default: throw new Error(`cannot write ${geometry.type} as WKT`);
  }
}

const WKT_TYPES: Record<string, Geometry['type']> = {
  POINT: 'Point', LINESTRING: 'LineString', POLYGON: 'Polygon', MULTIPOINT: 'MultiPoint', MULTILINESTRING: 'MultiLineString', MULTIPOLYGON: 'MultiPolygon',
};
/** How deeply each type's coordinates nest once parsed (a Point's one position comes wrapped, as `(x y)` reads). */
const DEPTH: Record<string, number> = { Point: 2, LineString: 2, MultiPoint: 2, Polygon: 3, MultiLineString: 3, MultiPolygon: 4 };

/**
 * GeoJSON from well-known text (OGC 06-103r4: POINT … MULTIPOLYGON, optional Z/M/ZM whose extra ordinates are
 * dropped; MULTIPOINT with or without parentheses round its points). Throws an Error saying what is wrong.
 */
export function parseWkt(text: string): Geometry {
  const match = /^\s*([A-Za-z]+)\s*(ZM|Z|M)?\s*(\(.*\))\s*$/s.exec(text);
  const type = match ? WKT_TYPES[match[1].toUpperCase()] : undefined;
  if (!match || !type) throw new Error(`not WKT: ${text.slice(0, 40)}`);
  const body = match[3];
  if (!/^[\s\d.eE+\-(),]*$/.test(body)) throw new Error(`WKT has unexpected characters: ${text.slice(0, 40)}`);
  // Positions become arrays, parentheses brackets: then it is JSON.
  const json = body.replace(/[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:\s+[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)+/g, (position) => `[${position.trim().split(/\s+/).slice(0, 2).join(',')}]`).replace(/\(/g, '[').replace(/\)/g, ']');
  let nested: unknown;
  try {
    nested = JSON.parse(json);
  } catch {
    throw new Error(`WKT coordinates are malformed: ${text.slice(0, 40)}`);
  }
  // MULTIPOINT (1 2, 3 4) has one level fewer than MULTIPOINT ((1 2), (3 4)).
  const depth = (value: unknown): number => (Array.isArray(value) ? 1 + depth(value[0]) : 0);
  let coordinates = nested as unknown[];
  if (type === 'MultiPoint') coordinates = (coordinates as unknown[]).map((item) => (depth(item) === 2 ? (item as unknown[])[0] : item));
  if (type === 'Point') {
    if (depth(coordinates) !== 2 || coordinates.length !== 1) throw new Error(`POINT takes one position: ${text.slice(0, 40)}`);
    return { type, coordinates: coordinates[0] as Position };
  }
  if (depth(coordinates) !== DEPTH[type]) throw new Error(`${match[1].toUpperCase()} coordinates are nested wrongly: ${text.slice(0, 40)}`);
  return { type, coordinates } as Geometry;
}
