import { kml } from '@tmcw/togeojson';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Problem } from '../collections/property-problems.ts';
import type { CollectionDef } from '../collections/types.ts';
import { parseWkt } from '../geometry/wkt.ts';
import { readGeoPackage } from './gpkg.ts';
import { readXml } from './xml.ts';

export const IMPORT_FORMATS = ['geojson', 'kml', 'csv', 'gpkg'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One candidate feature and where it came from: a feature index, or a CSV line (the header is line 1). */
export type Candidate = { feature: unknown; at: string; index: number; row?: number };
export type Parsed = { candidates: Candidate[]; problems: (Problem & { index?: number; row?: number; line?: number | null; column?: number | null })[] };

const LAT = ['lat', 'latitude', 'vi_do'];
const LON = ['lon', 'lng', 'long', 'longitude', 'kinh_do'];
/** Geometry columns as WKT: the one NetGuard's CSV export writes, and GDAL's and QGIS's names for it. */
const WKT = ['wkt', 'wkt_geom', 'geometry', 'geom'];
/** Feature ids in a file are the file's, not the store's: new features get new ids, as in a GeoJSON import. */
const IGNORED = ['id', 'fid'];

function fromGeoJson(text: string): Parsed {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { candidates: [], problems: [{ path: '(file)', message: `not JSON: ${(error as Error).message}` }] };
  }
  const features = (document as { type?: string; features?: unknown }).type === 'FeatureCollection' ? (document as { features: unknown }).features : null;
  if (!Array.isArray(features)) return { candidates: [], problems: [{ path: '(file)', message: 'a GeoJSON FeatureCollection is required' }] };
  return { candidates: features.map((feature, index) => ({ feature, index, at: `features[${index}].` })), problems: [] };
}

/** Drops KML's altitudes: placemarks are clamped to the ground and every NetGuard geometry is 2D. */
function flat(value: unknown): unknown {
  if (Array.isArray(value) && typeof value[0] === 'number') return value.slice(0, 2);
  return Array.isArray(value) ? value.map(flat) : value;
}

/** KML placemarks; ExtendedData becomes properties (togeojson), KML's own name/description/styles are dropped. */
function fromKml(text: string, collection: CollectionDef): Parsed {
  const read = readXml(text, 'kml');
  if ('problem' in read) return { candidates: [], problems: [{ path: '(file)', message: `not KML: ${read.problem.message}`, line: read.problem.line, column: read.problem.column }] };
  const known = new Set(collection.properties.map((property) => property.name));
  const features = kml(read.document).features.map((feature) => {
    const properties = Object.fromEntries(Object.entries(feature.properties ?? {}).filter(([name]) => known.has(name)));
    const geometry = feature.geometry && 'coordinates' in feature.geometry ? { ...feature.geometry, coordinates: flat(feature.geometry.coordinates) } : feature.geometry;
    return { ...feature, geometry, properties: coerce(collection, properties) };
  });
  return { candidates: features.map((feature, index) => ({ feature, index, at: `features[${index}].` })), problems: [] };
}

/** Text from KML or CSV (or GeoPackage cells) turned into the registry's types; what does not convert is left for the checks to name. */
export function coerce(collection: CollectionDef, properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of collection.properties) {
    const value = properties[def.name];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      out[def.name] = value;
      continue;
    }
    const text = value.trim();
    if (text === '') continue;
    if (def.type === 'integer' || def.type === 'real') out[def.name] = Number.isFinite(Number(text.replace(',', '.'))) ? Number(text.replace(',', '.')) : text;
    else if (def.type === 'boolean') out[def.name] = ['true', '1', 'yes', 'có', 'x'].includes(text.toLowerCase()) ? true : ['false', '0', 'no', 'không'].includes(text.toLowerCase()) ? false : text;
    else if (def.type === 'text[]') out[def.name] = text.split(/[;|]/).map((item) => item.trim()).filter(Boolean);
    else out[def.name] = text.normalize('NFC');
  }
  for (const name of Object.keys(properties)) if (!(name in out) && !collection.properties.some((def) => def.name === name)) out[name] = properties[name];
  return out;
}

/**
 * CSV with a header row: a WKT geometry column (`wkt`, as the export writes it; any geometry kind) or lat/lon columns
 * (points); `,` or `;` separated, BOM tolerated; an `id` column is the file's and is ignored.
 */
function fromCsv(text: string, collection: CollectionDef): Parsed {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { bom: true, columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), delimiter, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    return { candidates: [], problems: [{ path: '(file)', message: `not CSV: ${(error as Error).message}` }] };
  }
  const columns = Object.keys(rows[0] ?? {});
  const wkt = columns.find((name) => WKT.includes(name));
  const lat = columns.find((name) => LAT.includes(name));
  const lon = columns.find((name) => LON.includes(name));
  if (!wkt && collection.geometry !== 'Point') return { candidates: [], problems: [{ path: '(header)', row: 1, message: `a wkt column is required: ${collection.id} needs ${collection.geometry} geometries` }] };
  if (!wkt && (!lat || !lon)) return { candidates: [], problems: [{ path: '(header)', row: 1, message: 'a wkt column, or lat and lon columns, are required (also accepted: latitude/longitude, lng)' }] };
  const problems: Parsed['problems'] = [];
  const candidates = rows.map((row, index) => {
    const rest = Object.fromEntries(Object.entries(row).filter(([name]) => name !== wkt && name !== lat && name !== lon && !IGNORED.includes(name)));
    let geometry: unknown = null;
    if (wkt) {
      try {
        geometry = parseWkt(row[wkt]);
      } catch (error) {
        problems.push({ index, row: index + 2, path: wkt, message: (error as Error).message });
      }
    } else {
      geometry = { type: 'Point', coordinates: [Number(String(row[lon!]).replace(',', '.')), Number(String(row[lat!]).replace(',', '.'))] };
    }
    return { feature: { type: 'Feature', geometry, properties: coerce(collection, rest) }, index, row: index + 2, at: '' };
  });
  return problems.length ? { candidates: [], problems } : { candidates, problems: [] };
}

/** Parses an uploaded file into candidate features, or file-level problems. */
export function parseImport(format: ImportFormat, body: Uint8Array, collection: CollectionDef): Parsed {
  if (format === 'gpkg') return readGeoPackage(body, collection);
  const text = new TextDecoder().decode(body);
  if (format === 'geojson') return fromGeoJson(text.replace(/^\uFEFF/, ''));
  if (format === 'kml') return fromKml(text, collection);
  return fromCsv(text, collection);
}
