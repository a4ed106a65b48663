import type { CollectionDef } from '../collections/types.ts';
import { InvalidParameter } from '../errors.ts';
import type { Bbox, ItemQuery, PropertyFilter, TimeRange } from '../storage/features.ts';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;
const CORE_PARAMETERS = ['bbox', 'limit', 'offset', 'datetime', 'f'];

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

/** Parses `bbox=minx,miny,maxx,maxy` in WGS84 (exactly 4 numbers; minx ≤ maxx, miny ≤ maxy). */
export function parseBbox(raw: string): Bbox {
  const parts = raw.split(',');
  const numbers = parts.map((part) => (part.trim() === '' ? NaN : Number(part)));
  if (parts.length !== 4 || numbers.some((n) => !Number.isFinite(n))) throw new InvalidParameter('bbox', 'bbox must be exactly 4 comma-separated numbers: minLon,minLat,maxLon,maxLat');
  const [minx, miny, maxx, maxy] = numbers;
  if ([minx, maxx].some((x) => x < -180 || x > 180)) throw new InvalidParameter('bbox', 'bbox longitudes must be within -180..180');
  if ([miny, maxy].some((y) => y < -90 || y > 90)) throw new InvalidParameter('bbox', 'bbox latitudes must be within -90..90');
  if (minx > maxx || miny > maxy) throw new InvalidParameter('bbox', 'bbox minimum must not exceed maximum');
  return [minx, miny, maxx, maxy];
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
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** One RFC 3339 date-time or `YYYY-MM-DD` date (UTC), as the first or last millisecond it covers. */
function parseInstant(given: string, end: 'start' | 'end'): number {
  // GDAL 3.6's OAPIF driver turns `-where "t > '2024-06-01'"` into `datetime=2024-06-01T/..`; read that as the date.
  const raw = /^\d{4}-\d{2}-\d{2}T$/.test(given) ? given.slice(0, -1) : given;
  const ms = DATE.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : DATE_TIME.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms)) throw new InvalidParameter('datetime', `datetime "${raw}" is not an RFC 3339 date-time, a YYYY-MM-DD date or an interval a/b`);
  // A whole date as an end point covers the day through its last millisecond.
  return DATE.test(raw) && end === 'end' ? ms + 86_400_000 - 1 : ms;
}

/** Parses `datetime`: an instant, or an interval `a/b` where either end may be `..` or empty (open). */
export function parseDatetime(raw: string): TimeRange {
  const parts = raw.split('/');
  if (parts.length === 1) {
    if (raw === '' || raw === '..') throw new InvalidParameter('datetime', 'datetime instant must not be empty or ".."');
    return { startMs: parseInstant(raw, 'start'), endMs: parseInstant(raw, 'end') };
  }
  if (parts.length !== 2) throw new InvalidParameter('datetime', 'datetime interval must have exactly one "/"');
  const open = (part: string): boolean => part === '' || part === '..';
  if (open(parts[0]) && open(parts[1])) throw new InvalidParameter('datetime', 'datetime interval must have at least one closed end');
  const range = { startMs: open(parts[0]) ? null : parseInstant(parts[0], 'start'), endMs: open(parts[1]) ? null : parseInstant(parts[1], 'end') };
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

function parseFilter(collection: CollectionDef, name: string, raw: string): PropertyFilter {
  const def = collection.properties.find((property) => property.name === name && property.filterable);
  if (!def) throw new InvalidParameter(name, `unknown query parameter "${name}"`);
  if (def.type === 'integer') return { property: name, value: parseInteger(name, raw) };
  if (def.type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new InvalidParameter(name, `${name} must be true or false`);
    return { property: name, value: raw === 'true' };
  }
  if (def.type === 'real') {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) throw new InvalidParameter(name, `${name} must be a number`);
    return { property: name, value };
  }
  const value = raw.normalize('NFC');
  if (def.values && !def.values.includes(value)) throw new InvalidParameter(name, `${name} must be one of ${def.values.join(', ')}`);
  return { property: name, value };
}

function parseInteger(name: string, raw: string): number {
  if (!/^-?\d{1,15}$/.test(raw)) throw new InvalidParameter(name, `${name} must be an integer`);
  return Number(raw);
}

/**
 * Parses the items query string once: bbox, limit, offset, datetime, f and equality filters on filterable
 * properties. Any other parameter, a repeated parameter or a malformed value throws InvalidParameter naming it.
 */
export function parseItemQuery(collection: CollectionDef, search: URLSearchParams): ItemQuery {
  const seen = new Set<string>();
  const filters: PropertyFilter[] = [];
  for (const [name, raw] of search) {
    if (seen.has(name)) throw new InvalidParameter(name, `${name} must be given once`);
    seen.add(name);
    if (!CORE_PARAMETERS.includes(name)) filters.push(parseFilter(collection, name, raw));
  }
  rejectUnknownParameters(search, [...CORE_PARAMETERS, ...filters.map((filter) => filter.property)]);
  const datetime = collectionDatetime(collection, search);
  const bbox = search.get('bbox');
  const offset = search.get('offset');
  return {
    bbox: bbox === null ? undefined : parseBbox(bbox),
    datetime,
    filters,
    limit: parseLimit(search.get('limit') ?? undefined),
    offset: offset === null ? 0 : parseNonNegativeInteger('offset', offset),
  };
}
