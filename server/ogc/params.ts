import type { CollectionDef } from '../collections/types.ts';
import { InvalidParameter } from '../errors.ts';
import { boxToWgs84, CRS84_CRS, crsFromUri, type Crs } from '../geometry/crs.ts';
import type { SortKey } from '../storage/filter.ts';
import type { Bbox, ItemQuery, PropertyFilter, TimeRange } from '../storage/features.ts';
import { parseFilterParameter } from './cql2/index.ts';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;
/** Parameters of the items endpoint besides the per-property equality filters. */
export const ITEMS_PARAMETERS = ['bbox', 'bbox-crs', 'limit', 'offset', 'datetime', 'f', 'filter', 'filter-lang', 'filter-crs', 'sortby', 'properties', 'skipGeometry', 'crs'];

/**
 * Rejects parameters outside `allowed` (OGC API Features /req/core/query-param-unknown) and checks `f` when allowed.
 * @param allowed parameter names the endpoint understands
 */
export function rejectUnknownParameters(search: URLSearchParams, allowed: readonly string[]): void {
  for (const name of search.keys()) {
    if (!allowed.includes(name)) throw new InvalidParameter(name, `unknown query parameter "${name}"`);
  }
  const f = search.get('f');
  if (f !== null && f !== 'json' && f !== 'geojson') throw new InvalidParameter('f', 'f must be json or geojson');
}

/**
 * Parses `bbox=minx,miny,maxx,maxy` (or the 6-number form with heights, which are ignored) in WGS 84 lon/lat. A box
 * whose minLon exceeds its maxLon crosses the antimeridian (OGC API – Features 1.0 §7.15.3).
 */
export function parseBbox(raw: string): Bbox {
  const parts = raw.split(',');
  const numbers = parts.map((part) => (part.trim() === '' ? NaN : Number(part)));
  if ((parts.length !== 4 && parts.length !== 6) || numbers.some((n) => !Number.isFinite(n))) {
    throw new InvalidParameter('bbox', 'bbox must be 4 comma-separated numbers (minLon,minLat,maxLon,maxLat) or 6 with heights');
  }
  const [minx, miny, maxx, maxy] = parts.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers;
  if ([minx, maxx].some((x) => x < -180 || x > 180)) throw new InvalidParameter('bbox', 'bbox longitudes must be within -180..180');
  if ([miny, maxy].some((y) => y < -90 || y > 90)) throw new InvalidParameter('bbox', 'bbox latitudes must be within -90..90');
  if (miny > maxy) throw new InvalidParameter('bbox', 'bbox minimum latitude must not exceed the maximum');
  return [minx, miny, maxx, maxy];
}

/** A bbox given in `bbox-crs` (any served CRS; axis order as the CRS defines it), as the WGS 84 box covering it. */
function parseBboxIn(raw: string, crs: Crs): Bbox {
  if (crs.code === null) return parseBbox(raw);
  const numbers = raw.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  if ((numbers.length !== 4 && numbers.length !== 6) || numbers.some((n) => !Number.isFinite(n))) throw new InvalidParameter('bbox', 'bbox must be 4 or 6 comma-separated numbers');
  const box = numbers.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers;
  if (box[0] > box[2] || box[1] > box[3]) throw new InvalidParameter('bbox', 'bbox minimum must not exceed its maximum in bbox-crs');
  const wgs84 = boxToWgs84(crs, box);
  if (!wgs84.every(Number.isFinite)) throw new InvalidParameter('bbox', `bbox lies outside the area of ${crs.name}`);
  return parseBbox(wgs84.map((value, index) => Math.max(index % 2 ? -90 : -180, Math.min(index % 2 ? 90 : 180, value))).join(','));
}

/** The CRS a parameter names, or a 400 listing what is served. */
export function parseCrs(name: string, raw: string | null): Crs {
  if (raw === null) return CRS84_CRS;
  const crs = crsFromUri(raw);
  if (!crs) throw new InvalidParameter(name, `${name} "${raw}" is not served; see the collection's crs list`);
  return crs;
}

/** Parses a non-negative decimal integer; `name` is the parameter named in the error. */
export function parseNonNegativeInteger(name: string, raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw new InvalidParameter(name, `${name} must be a non-negative integer`);
  return Number(raw);
}

/** Parses `limit` (default 100); values above 10 000 are clamped, as OGC API Features permits. */
export function parseLimit(raw: string | undefined, max = MAX_LIMIT, fallback = DEFAULT_LIMIT): number {
  if (raw === undefined) return fallback;
  const limit = parseNonNegativeInteger('limit', raw);
  if (limit < 1) throw new InvalidParameter('limit', 'limit must be at least 1');
  return Math.min(limit, max);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * One RFC 3339 date-time or `YYYY-MM-DD` date (UTC) as epoch milliseconds: a date's first millisecond as a start,
 * its last as an end. `parameter` is named in the error.
 */
export function parseInstantMs(given: string, end: 'start' | 'end', parameter = 'datetime'): number {
  // GDAL 3.6's OAPIF driver turns `-where "t > '2024-06-01'"` into `2024-06-01T`; read that as the date.
  const raw = /^\d{4}-\d{2}-\d{2}T$/.test(given) ? given.slice(0, -1) : given;
  const ms = DATE.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : DATE_TIME.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms)) throw new InvalidParameter(parameter, `"${raw}" is not an RFC 3339 date-time or a YYYY-MM-DD date`);
  return DATE.test(raw) && end === 'end' ? ms + 86_400_000 - 1 : ms;
}

/** Parses `datetime`: an instant, or an interval `a/b` where either end may be `..` or empty (open). */
export function parseDatetime(raw: string): TimeRange {
  const parts = raw.split('/');
  if (parts.length === 1) {
    if (raw === '' || raw === '..') throw new InvalidParameter('datetime', 'datetime instant must not be empty or ".."');
    return { startMs: parseInstantMs(raw, 'start'), endMs: parseInstantMs(raw, 'end') };
  }
  if (parts.length !== 2) throw new InvalidParameter('datetime', 'datetime interval must have exactly one "/"');
  const open = (part: string): boolean => part === '' || part === '..';
  if (open(parts[0]) && open(parts[1])) throw new InvalidParameter('datetime', 'datetime interval must have at least one closed end');
  const range = { startMs: open(parts[0]) ? null : parseInstantMs(parts[0], 'start'), endMs: open(parts[1]) ? null : parseInstantMs(parts[1], 'end') };
  if (range.startMs !== null && range.endMs !== null && range.startMs > range.endMs) throw new InvalidParameter('datetime', 'datetime interval start is after its end');
  return range;
}

/** The `datetime` parameter of a collection's request, undefined when absent; only a time-stamped collection takes one. */
export function collectionDatetime(collection: CollectionDef, search: URLSearchParams): TimeRange | undefined {
  const raw = search.get('datetime');
  if (raw === null) return undefined;
  if (!collection.temporalProperty) throw new InvalidParameter('datetime', `collection ${collection.id} has no temporal property`);
  return parseDatetime(raw);
}

/**
 * An equality filter `?owner=viettel` on one of the collection's properties. A value outside the property's
 * vocabulary is no error: it matches nothing (a GIS client asking for `owner=Viettel` gets an empty page, not a 400
 * that aborts its download).
 */
function parseFilter(collection: CollectionDef, name: string, raw: string): PropertyFilter {
  const def = collection.properties.find((property) => property.name === name);
  if (!def) throw new InvalidParameter(name, `unknown query parameter "${name}"`);
  if (def.type === 'integer') {
    if (!/^-?\d{1,15}$/.test(raw)) throw new InvalidParameter(name, `${name} must be an integer`);
    return { property: name, value: Number(raw) };
  }
  if (def.type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new InvalidParameter(name, `${name} must be true or false`);
    return { property: name, value: raw === 'true' };
  }
  if (def.type === 'real') {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) throw new InvalidParameter(name, `${name} must be a number`);
    return { property: name, value };
  }
  return { property: name, value: raw.normalize('NFC') };
}

/** `sortby=+owner,-year_installed` (Part 8 / OGC API – Records): registry properties or id, `+` ascending by default. */
export function parseSortby(collection: CollectionDef, raw: string | null): SortKey[] | undefined {
  if (raw === null) return undefined;
  const keys = raw.split(',').map((part) => part.trim());
  if (keys.length > 5 || keys.some((key) => key === '')) throw new InvalidParameter('sortby', 'sortby takes 1 to 5 comma-separated properties, each optionally prefixed with + or -');
  return keys.map((key) => {
    const descending = key.startsWith('-');
    const property = key.replace(/^[+-]/, '').replace(/:(asc|desc)$/i, '');
    const def = collection.properties.find((candidate) => candidate.name === property);
    if (property !== 'id' && (!def || def.type === 'text[]')) throw new InvalidParameter('sortby', `cannot sort ${collection.id} by "${property}"`);
    return { property, descending: descending || /:desc$/i.test(key) };
  });
}

/**
 * Parses the items query string once: bbox (with bbox-crs), limit, offset, datetime, the CQL2 filter (filter,
 * filter-lang, filter-crs), sortby and equality filters on the collection's properties. Output parameters (crs,
 * properties, skipGeometry, f) are read by `parseItemOutput`. Any other parameter, a repeated parameter or a
 * malformed value throws InvalidParameter naming it.
 */
export function parseItemQuery(collection: CollectionDef, search: URLSearchParams): ItemQuery {
  const seen = new Set<string>();
  const filters: PropertyFilter[] = [];
  for (const [name, raw] of search) {
    if (seen.has(name)) throw new InvalidParameter(name, `${name} must be given once`);
    seen.add(name);
    if (!ITEMS_PARAMETERS.includes(name)) filters.push(parseFilter(collection, name, raw));
  }
  rejectUnknownParameters(search, [...ITEMS_PARAMETERS, ...filters.map((filter) => filter.property)]);
  const datetime = collectionDatetime(collection, search);
  const bbox = search.get('bbox');
  if (search.has('bbox-crs') && bbox === null) throw new InvalidParameter('bbox-crs', 'bbox-crs needs a bbox');
  const offset = search.get('offset');
  const filter = parseFilterParameter(collection, search);
  return {
    bbox: bbox === null ? undefined : parseBboxIn(bbox, parseCrs('bbox-crs', search.get('bbox-crs'))),
    datetime,
    filters,
    ...(filter ? { filter } : {}),
    ...(search.has('sortby') ? { sortby: parseSortby(collection, search.get('sortby')) } : {}),
    limit: parseLimit(search.get('limit') ?? undefined),
    offset: offset === null ? 0 : parseNonNegativeInteger('offset', offset),
  };
}

/** How the features of a response are written: in which CRS, with which properties, with or without geometry. */
export type ItemOutput = { crs: Crs; properties?: readonly string[]; skipGeometry: boolean };

/** Reads `crs`, `properties` (a comma-separated subset of the registry's) and `skipGeometry=true|false`. */
export function parseItemOutput(collection: CollectionDef, search: URLSearchParams): ItemOutput {
  const raw = search.get('properties');
  let properties: string[] | undefined;
  if (raw !== null) {
    properties = raw === '' ? [] : raw.split(',').map((name) => name.trim());
    const unknown = properties.find((name) => !collection.properties.some((property) => property.name === name));
    if (unknown !== undefined) throw new InvalidParameter('properties', `"${unknown}" is not a property of ${collection.id}`);
  }
  const skip = search.get('skipGeometry');
  if (skip !== null && skip !== 'true' && skip !== 'false') throw new InvalidParameter('skipGeometry', 'skipGeometry must be true or false');
  return { crs: parseCrs('crs', search.get('crs')), ...(properties ? { properties } : {}), skipGeometry: skip === 'true' };
}
