import type { Geometry, Position } from 'geojson';
import type { CollectionDef, PropertyDef } from '../../collections/types.ts';
import { InvalidParameter } from '../../errors.ts';
import type { Comparison, FilterExpr, FilterValue, SpatialRelation, TemporalRelation } from '../../storage/filter.ts';
import { parseInstantMs } from '../params.ts';
import type { CqlJson } from './text.ts';

/** What a filter may ask for at most: list items, geometry vertices, operators. */
const LIMITS = { listItems: 1_000, vertices: 10_000, nodes: 2_000 };
const COMPARISONS: readonly string[] = ['=', '<>', '<', '<=', '>', '>='];
const SPATIAL: Record<string, SpatialRelation> = { s_intersects: 'intersects', s_disjoint: 'disjoint', s_within: 'within', s_contains: 'contains' };
const TEMPORAL: Record<string, TemporalRelation> = { t_intersects: 'intersects', t_disjoint: 'disjoint', t_before: 'before', t_after: 'after', t_during: 'during', t_equals: 'equals' };
/** Relations seen from the other side, for `T_BEFORE(TIMESTAMP(…), occurred_at)` and `S_WITHIN(POLYGON(…), geometry)`. */
const FLIPPED_TEMPORAL: Partial<Record<TemporalRelation, TemporalRelation>> = { before: 'after', after: 'before', intersects: 'intersects', disjoint: 'disjoint', equals: 'equals' };
const FLIPPED_SPATIAL: Record<SpatialRelation, SpatialRelation> = { intersects: 'intersects', disjoint: 'disjoint', within: 'contains', contains: 'within' };
/** Names the feature geometry goes by in filters. */
const GEOMETRY_NAMES = ['geometry', 'geom', 'the_geom', 'shape'];
const ID: PropertyDef = { name: 'id', type: 'integer', title: 'Id', titleVi: 'Mã' };

export type ResolveOptions = {
  /** Turns a filter geometry's positions into WGS 84 lon/lat (`filter-crs`); identity when absent. */
  toWgs84?: (position: Position) => Position;
};

const fail = (message: string): never => {
  throw new InvalidParameter('filter', message);
};
const isObject = (value: CqlJson): value is { [key: string]: CqlJson } => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a CQL2 JSON expression against a collection and turns it into the store's typed filter: properties must be
 * the collection's (or `id`, or the geometry), literals must fit their property's type. A value outside a property's
 * vocabulary is no error: it simply matches nothing, as an equality on any other value would.
 */
export function resolveFilter(collection: CollectionDef, json: CqlJson, options: ResolveOptions = {}): FilterExpr {
  let nodes = 0;
  const propertyOf = (value: CqlJson): PropertyDef | null => {
    if (!isObject(value) || typeof value.property !== 'string') return null;
    const name = value.property;
    const def = name === 'id' ? ID : collection.properties.find((candidate) => candidate.name === name);
    if (!def) fail(`"${name}" is not a queryable of ${collection.id} (see /collections/${collection.id}/queryables)`);
    return def!;
  };
  const caseInsensitive = (value: CqlJson): { inner: CqlJson; folded: boolean } =>
    isObject(value) && value.op === 'casei' && Array.isArray(value.args) && value.args.length === 1 ? { inner: value.args[0], folded: true } : { inner: value, folded: false };

  const literal = (def: PropertyDef, value: CqlJson, end: 'start' | 'end' = 'start'): FilterValue => {
    if (def.type === 'date' || def.type === 'datetime') return instant(value, def.name, end);
    if (value === null || isObject(value) || Array.isArray(value)) return fail(`${def.name} is compared with ${JSON.stringify(value)}, which is not a ${def.type} value`);
    switch (def.type) {
      case 'integer':
      case 'real':
        if (typeof value !== 'number' && !(typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))) fail(`${def.name} is a number; ${JSON.stringify(value)} is not`);
        return Number(value);
      case 'boolean':
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        return fail(`${def.name} is true or false; ${JSON.stringify(value)} is neither`);
      default:
        return String(value).normalize('NFC');
    }
  };

  const instant = (value: CqlJson, name: string, end: 'start' | 'end'): number => {
    const text = isObject(value) ? (typeof value.timestamp === 'string' ? value.timestamp : typeof value.date === 'string' ? value.date : null) : typeof value === 'string' ? value : null;
    if (text === null) return fail(`${name} is compared with ${JSON.stringify(value)}, which is not a date or timestamp`);
    return parseInstantMs(text, end, 'filter');
  };

  const interval = (value: CqlJson, name: string): { startMs: number | null; endMs: number | null } => {
    if (isObject(value) && Array.isArray(value.interval) && value.interval.length === 2) {
      const [a, b] = value.interval;
      const open = (end: CqlJson) => end === '..' || end === '';
      return { startMs: open(a) ? null : instant(a, name, 'start'), endMs: open(b) ? null : instant(b, name, 'end') };
    }
    return { startMs: instant(value, name, 'start'), endMs: instant(value, name, 'end') };
  };

  const geometry = (value: CqlJson): Geometry | null => {
    if (!isObject(value)) return null;
    if (Array.isArray(value.bbox)) {
      const box = value.bbox as number[];
      if (!(box.length === 4 || box.length === 6) || !box.every((n) => typeof n === 'number' && Number.isFinite(n))) fail('a bbox literal takes 4 or 6 numbers');
      const [minx, miny, maxx, maxy] = box.length === 6 ? [box[0], box[1], box[3], box[4]] : box;
      return transformed({ type: 'Polygon', coordinates: [[[minx, miny], [maxx, miny], [maxx, maxy], [minx, maxy], [minx, miny]]] });
    }
    const types = ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'];
    if (typeof value.type !== 'string' || !types.includes(value.type) || !Array.isArray(value.coordinates)) return null;
    return transformed(value as unknown as Geometry);
  };

  const transformed = (input: Geometry): Geometry => {
    let vertices = 0;
    const map = (coordinates: unknown): unknown => {
      if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
        if (coordinates.length < 2 || !coordinates.every((n) => typeof n === 'number' && Number.isFinite(n))) fail('a geometry position must be numbers');
        if (++vertices > LIMITS.vertices) fail(`a filter geometry may have at most ${LIMITS.vertices} positions`);
        const [x, y] = options.toWgs84 ? options.toWgs84(coordinates as Position) : (coordinates as Position);
        if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) fail(`a filter geometry position lies outside longitude/latitude bounds: ${x}, ${y}`);
        return [x, y];
      }
      if (!Array.isArray(coordinates) || coordinates.length === 0) return fail('a geometry has empty or malformed coordinates');
      return coordinates.map(map);
    };
    return { type: input.type, coordinates: map((input as { coordinates: unknown }).coordinates) } as Geometry;
  };

  const isGeometryProperty = (value: CqlJson) => isObject(value) && typeof value.property === 'string' && GEOMETRY_NAMES.includes(value.property);

  const spatial = (op: string, args: CqlJson[]): FilterExpr => {
    const [first, second, third] = args;
    const [target, flipped] = isGeometryProperty(first) ? [second, false] : isGeometryProperty(second) ? [first, true] : fail(`${op.toUpperCase()} needs the feature geometry ("geometry") as one argument`);
    const shape = geometry(target) ?? fail(`${op.toUpperCase()} needs a geometry literal (WKT, BBOX or GeoJSON)`);
    if (op === 's_dwithin') {
      if (typeof third !== 'number' || !(third >= 0) || third > 1_000_000) fail('S_DWITHIN takes a distance in metres from 0 to 1,000,000');
      return { op: 'dwithin', geometry: shape, distanceMeters: third as number };
    }
    if (!(op in SPATIAL)) fail(`${op.toUpperCase()} is not supported; use S_INTERSECTS, S_DISJOINT, S_WITHIN, S_CONTAINS or S_DWITHIN`);
    const relation = SPATIAL[op];
    return { op: 'spatial', relation: flipped ? FLIPPED_SPATIAL[relation] : relation, geometry: shape };
  };

  const temporal = (op: string, args: CqlJson[]): FilterExpr => {
    if (!(op in TEMPORAL)) fail(`${op.toUpperCase()} is not supported; use T_INTERSECTS, T_DISJOINT, T_BEFORE, T_AFTER, T_DURING or T_EQUALS`);
    const [first, second] = args;
    const left = propertyOf(first), right = propertyOf(second);
    const def = left ?? right ?? fail(`${op.toUpperCase()} needs a date or date-time property as one argument`);
    if (def!.type !== 'date' && def!.type !== 'datetime') fail(`${def!.name} is not a date or date-time property`);
    let relation = TEMPORAL[op];
    if (!left) {
      const flipped = FLIPPED_TEMPORAL[relation];
      if (!flipped) fail(`${op.toUpperCase()} takes the property first`);
      relation = flipped!;
    }
    return { op: 'temporal', property: def!.name, relation, ...interval(left ? second : first, def!.name) };
  };

  const resolve = (node: CqlJson): FilterExpr => {
    if (++nodes > LIMITS.nodes) fail(`a filter may have at most ${LIMITS.nodes} terms`);
    if (typeof node === 'boolean') return { op: 'const', value: node };
    if (!isObject(node) || typeof node.op !== 'string' || !Array.isArray(node.args)) return fail(`${JSON.stringify(node).slice(0, 80)} is not a predicate`);
    const op = node.op.toLowerCase();
    const args = node.args;
    if (op === 'and' || op === 'or') {
      if (args.length < 2) fail(`${op.toUpperCase()} takes at least two arguments`);
      return { op, args: args.map(resolve) };
    }
    if (op === 'not') {
      if (args.length !== 1) fail('NOT takes one argument');
      return { op: 'not', arg: resolve(args[0]) };
    }
    if (op.startsWith('s_')) return spatial(op, args);
    if (op.startsWith('t_')) return temporal(op, args);
    const { inner, folded } = caseInsensitive(args[0] ?? null);
    const flipped = !propertyOf(inner) && COMPARISONS.includes(op) && args.length === 2 && propertyOf(caseInsensitive(args[1]).inner);
    const def = flipped ? propertyOf(caseInsensitive(args[1]).inner)! : propertyOf(inner) ?? fail(`${op} needs a property as its first argument`);
    const other = (index: number) => caseInsensitive(args[index] ?? null).inner;
    switch (op) {
      case 'isnull':
        return { op: 'isNull', property: def.name };
      case 'like':
      case 'ilike': {
        const pattern = other(1);
        if (typeof pattern !== 'string') fail('LIKE takes a quoted pattern');
        if (def.type !== 'text' && def.type !== 'text[]') fail(`LIKE applies to text; ${def.name} is ${def.type}`);
        return { op: 'like', property: def.name, pattern: (pattern as string).normalize('NFC'), caseInsensitive: op === 'ilike' || folded || caseInsensitive(args[1]).folded };
      }
      case 'between':
        if (def.type === 'text' || def.type === 'text[]' || def.type === 'boolean') fail(`BETWEEN applies to numbers and dates; ${def.name} is ${def.type}`);
        return { op: 'between', property: def.name, low: literal(def, other(1), 'start'), high: literal(def, other(2), 'end') };
      case 'in': {
        const list = other(1);
        if (!Array.isArray(list) || list.length === 0) return fail('IN takes a list of values');
        if (list.length > LIMITS.listItems) fail(`IN takes at most ${LIMITS.listItems} values`);
        return { op: 'in', property: def.name, values: list.map((value) => literal(def, value)) };
      }
      default: {
        if (!COMPARISONS.includes(op)) return fail(`"${node.op}" is not a supported operator`);
        let comparison = op as Comparison;
        if (flipped) comparison = ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, Comparison>)[comparison] ?? comparison;
        if (def.type === 'text[]' && comparison !== '=' && comparison !== '<>') fail(`${def.name} is a list: compare it with = or <>`);
        const value = flipped ? args[0] : other(1);
        if (value === null) fail(`compare with NULL through IS NULL`);
        if (folded && def.type === 'text') return { op: 'like', property: def.name, pattern: String(value).replace(/[\\%_]/g, '\\$&'), caseInsensitive: true };
        // GDAL sends `occurred_at > '2024-06-01T'` for a day: a date's end is its last millisecond when it bounds from above.
        const end = comparison === '>' || comparison === '<=' ? 'end' : 'start';
        return { op: 'compare', property: def.name, comparison, value: literal(def, value, end) };
      }
    }
  };
  return resolve(json);
}
