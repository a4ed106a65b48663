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

const TYPES: Record<number, string> = Object.fromEntries(Object.entries(CODES).map(([name, code]) => [code, name]));

/**
 * GeoJSON from OGC WKB (either byte order; ISO Z/M codes and EWKB flags read, the extra ordinates dropped), for
 * GeoPackage imports. Throws on a type it does not know or bytes that end early.
 */
export function fromWkb(bytes: Uint8Array): Geometry {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const read = (): Geometry => {
    const little = view.getUint8(offset) === 1;
    const raw = view.getUint32(offset + 1, little);
    offset += 5;
    // ISO WKB adds 1000 for Z, 2000 for M, 3000 for ZM; EWKB sets high bits.
    const dimensions = 2 + (((raw % 10000) >= 3000 || raw & 0x80000000) ? 1 : 0) + (((raw % 10000) >= 1000 && (raw % 10000) < 2000) || (raw % 10000) >= 2000 || raw & 0x40000000 ? 1 : 0) - ((raw % 10000) >= 3000 ? 1 : 0);
    const type = TYPES[(raw & 0x0fffffff) % 1000];
    if (!type) throw new Error(`WKB geometry type ${raw} is not supported`);
    const point = (): Position => {
      const position: Position = [view.getFloat64(offset, little), view.getFloat64(offset + 8, little)];
      offset += 8 * dimensions;
      return position;
    };
    const count = () => { const n = view.getUint32(offset, little); offset += 4; return n; };
    const ring = () => Array.from({ length: count() }, point);
    switch (type) {
      case 'Point': return { type, coordinates: point() };
      case 'LineString': return { type, coordinates: ring() };
      case 'Polygon': return { type, coordinates: Array.from({ length: count() }, ring) };
      case 'MultiPoint': return { type, coordinates: Array.from({ length: count() }, () => (read() as { coordinates: Position }).coordinates) };
      case 'MultiLineString': return { type, coordinates: Array.from({ length: count() }, () => (read() as { coordinates: Position[] }).coordinates) };
      default: return { type: 'MultiPolygon', coordinates: Array.from({ length: count() }, () => (read() as { coordinates: Position[][] }).coordinates) };
    }
  };
  return read();
}
