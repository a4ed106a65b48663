import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Problem } from '../collections/property-problems.ts';
import type { CollectionDef } from '../collections/types.ts';

export const IMPORT_FORMATS = ['geojson', 'kml', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One candidate feature and where it came from: a feature index, or a CSV line (the header is line 1). */
export type Candidate = { feature: unknown; at: string; index: number; row?: number };
export type Parsed = { candidates: Candidate[]; problems: (Problem & { index?: number; row?: number })[] };

const LAT = ['lat', 'latitude', 'vi_do'];
const LON = ['lon', 'lng', 'long', 'longitude', 'kinh_do'];

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
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'text/xml');
  if (errors.length > 0 || !document.documentElement || document.documentElement.nodeName !== 'kml') {
    return { candidates: [], problems: [{ path: '(file)', message: `not KML: ${errors[0] ?? 'no <kml> root element'}` }] };
  }
  const known = new Set(collection.properties.map((property) => property.name));
  const features = kml(document as unknown as Document).features.map((feature) => {
    const properties = Object.fromEntries(Object.entries(feature.properties ?? {}).filter(([name]) => known.has(name)));
    const geometry = feature.geometry && 'coordinates' in feature.geometry ? { ...feature.geometry, coordinates: flat(feature.geometry.coordinates) } : feature.geometry;
    return { ...feature, geometry, properties: coerce(collection, properties) };
  });
  return { candidates: features.map((feature, index) => ({ feature, index, at: `features[${index}].` })), problems: [] };
}

/** Text from KML or CSV turned into the registry's types; what does not convert is left for the checks to name. */
function coerce(collection: CollectionDef, properties: Record<string, unknown>): Record<string, unknown> {
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

/** CSV with a header row and lat/lon columns (point collections only); `,` or `;` separated, BOM tolerated. */
function fromCsv(text: string, collection: CollectionDef): Parsed {
  if (collection.geometry !== 'Point') return { candidates: [], problems: [{ path: '(file)', message: `CSV carries points; ${collection.id} needs ${collection.geometry} geometries (use GeoJSON or KML)` }] };
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { bom: true, columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), delimiter, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    return { candidates: [], problems: [{ path: '(file)', message: `not CSV: ${(error as Error).message}` }] };
  }
  const columns = Object.keys(rows[0] ?? {});
  const lat = columns.find((name) => LAT.includes(name));
  const lon = columns.find((name) => LON.includes(name));
  if (!lat || !lon) return { candidates: [], problems: [{ path: '(header)', row: 1, message: 'lat and lon columns are required (also accepted: latitude/longitude, lng)' }] };
  const candidates = rows.map((row, index) => {
    const { [lat]: y, [lon]: x, ...rest } = row;
    const coordinates = [Number(String(x).replace(',', '.')), Number(String(y).replace(',', '.'))];
    return { feature: { type: 'Feature', geometry: { type: 'Point', coordinates }, properties: coerce(collection, rest) }, index, row: index + 2, at: '' };
  });
  return { candidates, problems: [] };
}

/** Parses an uploaded file into candidate features, or file-level problems. */
export function parseImport(format: ImportFormat, text: string, collection: CollectionDef): Parsed {
  if (format === 'geojson') return fromGeoJson(text.replace(/^\uFEFF/, ''));
  if (format === 'kml') return fromKml(text, collection);
  return fromCsv(text, collection);
}
