import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { CRS_CODES } from './crs-codes.ts';
import { CRS_DEFINITIONS } from './crs-definitions.ts';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const EPSG_URI = 'http://www.opengis.net/def/crs/EPSG/0/';

/** One coordinate reference system a request may name, with its transforms to and from WGS 84 lon/lat (CRS84). */
export type Crs = {
  uri: string;
  name: string;
  /** EPSG code; null for CRS84. */
  code: number | null;
  toWgs84: (position: Position) => Position;
  fromWgs84: (position: Position) => Position;
};

const identity = (position: Position): Position => [position[0], position[1]];

function epsgCrs(code: number): Crs {
  const { name, proj4: definition } = CRS_DEFINITIONS[code];
  // EPSG:4326 is latitude first, as its definition says (OGC API – Features Part 2 keeps the CRS's axis order).
  if (code === 4326) return { uri: `${EPSG_URI}4326`, name, code, toWgs84: ([lat, lon]) => [lon, lat], fromWgs84: ([lon, lat]) => [lat, lon] };
  const converter = proj4('+proj=longlat +datum=WGS84 +no_defs', definition);
  return { uri: `${EPSG_URI}${code}`, name, code, toWgs84: (position) => converter.inverse([position[0], position[1]]), fromWgs84: (position) => converter.forward([position[0], position[1]]) };
}

export const CRS84_CRS: Crs = { uri: CRS84, name: 'WGS 84 longitude/latitude (CRS84)', code: null, toWgs84: identity, fromWgs84: identity };

/** Every CRS served, CRS84 first: what collections list under `crs`. */
export const SUPPORTED_CRS: readonly Crs[] = [CRS84_CRS, ...CRS_CODES.map(epsgCrs)];

/**
 * The CRS a `crs`, `bbox-crs` or `filter-crs` value names: its OGC URI, the `EPSG:9216` short form or the safe CURIE
 * `[EPSG:9216]`; undefined when it is not served.
 */
export function crsFromUri(value: string): Crs | undefined {
  const text = value.trim().replace(/^\[(.*)\]$/, '$1');
  const short = /^EPSG:(\d+)$/i.exec(text);
  const uri = short ? `${EPSG_URI}${short[1]}` : text.replace(/^https:/, 'http:');
  if (uri === 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' || /^OGC:CRS84$/i.test(text)) return CRS84_CRS;
  return SUPPORTED_CRS.find((crs) => crs.uri === uri);
}

/** A geometry with every position passed through `transform` (new object; the input is not changed). */
export function transformGeometry<G extends Geometry>(geometry: G, transform: (position: Position) => Position): G {
  const map = (coordinates: unknown): unknown =>
    Array.isArray(coordinates) && typeof coordinates[0] === 'number' ? transform(coordinates as Position) : (coordinates as unknown[]).map(map);
  if (geometry.type === 'GeometryCollection') return { ...geometry, geometries: geometry.geometries.map((part) => transformGeometry(part, transform)) };
  return { ...geometry, coordinates: map((geometry as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates) } as G;
}

/** The WGS 84 box covering a box given in `crs` (its corners and edge midpoints transformed; projected edges bend). */
export function boxToWgs84(crs: Crs, [minx, miny, maxx, maxy]: readonly number[]): [number, number, number, number] {
  if (crs.code === null) return [minx, miny, maxx, maxy];
  const steps = [0, 0.25, 0.5, 0.75, 1];
  const points = steps.flatMap((s) => [[minx + s * (maxx - minx), miny], [minx + s * (maxx - minx), maxy], [minx, miny + s * (maxy - miny)], [maxx, miny + s * (maxy - miny)]]).map((p) => crs.toWgs84(p));
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
