import type { Geometry, Position } from 'geojson';

const CODES: Record<string, number> = { Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6 };

/** Little-endian OGC WKB of a 2D GeoJSON geometry (GeometryCollection is not a NetGuard geometry). */
export function toWkb(geometry: Geometry): Buffer {
  const chunks: Buffer[] = [];
  const uint32 = (value: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(value); chunks.push(b); };
  const point = ([x, y]: Position) => { const b = Buffer.alloc(16); b.writeDoubleLE(x, 0); b.writeDoubleLE(y, 8); chunks.push(b); };
  const header = (type: string) => { chunks.push(Buffer.from([1])); uint32(CODES[type]); };
  const ring = (positions: Position[]) => { uint32(positions.length); positions.forEach(point); };
  const write = (g: Geometry): void => {
    header(g.type);
    switch (g.type) {
      case 'Point': return point(g.coordinates);
      case 'LineString': return ring(g.coordinates);
      case 'Polygon': uint32(g.coordinates.length); return g.coordinates.forEach(ring);
      case 'MultiPoint': uint32(g.coordinates.length); return g.coordinates.forEach((p) => write({ type: 'Point', coordinates: p }));
      case 'MultiLineString': uint32(g.coordinates.length); return g.coordinates.forEach((l) => write({ type: 'LineString', coordinates: l }));
      case 'MultiPolygon': uint32(g.coordinates.length); return g.coordinates.forEach((p) => write({ type: 'Polygon', coordinates: p }));
      default: throw new Error(`cannot encode ${g.type} as WKB`);
    }
  };
  write(geometry);
  return Buffer.concat(chunks);
}

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
