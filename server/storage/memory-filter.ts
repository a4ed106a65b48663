import type { Geometry } from 'geojson';
import type { CollectionDef } from '../collections/types.ts';
import { intersects, within, withinDistance } from '../geometry/predicates.ts';
import type { FilterExpr, FilterValue, SortKey } from './filter.ts';
import { likeToGlob } from './sqlite/filter-sql.ts';
import type { StoredFeature } from './provider.ts';

/** SQL's three-valued logic: null is unknown (a comparison with a missing value), which NOT keeps unknown. */
type Truth = boolean | null;

const globRegExp = (glob: string) => new RegExp(`^${glob.replace(/\[(.)\]|([*?])|([.+^${}()|\\/\]])/g, (_, literal, wild, special) => (literal ? `\\${literal}` : wild ? (wild === '*' ? '[\\s\\S]*' : '[\\s\\S]') : `\\${special}`))}$`, 'u');

/**
 * Evaluates a filter on a feature in memory, with the semantics of `sqlite/filter-sql.ts` (for collections published
 * from records rather than stored as tables).
 */
export function matchesFilter(collection: CollectionDef, feature: StoredFeature, expr: FilterExpr): boolean {
  const valueOf = (name: string): unknown => {
    if (name === 'id') return feature.id;
    const def = collection.properties.find((property) => property.name === name);
    const value = feature.properties[name];
    if (value === null || value === undefined) return null;
    return def && (def.type === 'date' || def.type === 'datetime') ? Date.parse(String(value)) : value;
  };
  const compare = (left: unknown, comparison: string, right: FilterValue): Truth => {
    if (left === null) return null;
    if (Array.isArray(left)) return comparison === '<>' ? !left.includes(right) : left.includes(right);
    const [a, b] = [left as FilterValue, right];
    switch (comparison) {
      case '=': return a === b;
      case '<>': return a !== b;
      case '<': return a < b;
      case '<=': return a <= b;
      case '>': return a > b;
      default: return a >= b;
    }
  };
  const evaluate = (node: FilterExpr): Truth => {
    switch (node.op) {
      case 'and': { const values = node.args.map(evaluate); return values.includes(false) ? false : values.includes(null) ? null : true; }
      case 'or': { const values = node.args.map(evaluate); return values.includes(true) ? true : values.includes(null) ? null : false; }
      case 'not': { const value = evaluate(node.arg); return value === null ? null : !value; }
      case 'const': return node.value;
      case 'compare': return compare(valueOf(node.property), node.comparison, node.value);
      case 'in': { const value = valueOf(node.property); return value === null ? null : node.values.some((item) => compare(value, '=', item)); }
      case 'between': { const value = valueOf(node.property) as FilterValue | null; return value === null ? null : value >= node.low && value <= node.high; }
      case 'like': {
        const value = valueOf(node.property);
        if (value === null) return null;
        const pattern = globRegExp(likeToGlob(node.caseInsensitive ? node.pattern.toLowerCase() : node.pattern));
        const test = (text: unknown) => pattern.test(node.caseInsensitive ? String(text).toLowerCase() : String(text));
        return Array.isArray(value) ? value.some(test) : test(value);
      }
      case 'isNull': return valueOf(node.property) === null;
      case 'temporal': {
        const value = valueOf(node.property) as number | null;
        if (value === null) return null;
        const after = node.startMs === null || value >= node.startMs, before = node.endMs === null || value <= node.endMs;
        switch (node.relation) {
          case 'intersects': return after && before;
          case 'disjoint': return !(after && before);
          case 'before': return node.startMs !== null && value < node.startMs;
          case 'after': return node.endMs !== null && value > node.endMs;
          case 'during': return node.startMs !== null && node.endMs !== null && value > node.startMs && value < node.endMs;
          case 'equals': return node.startMs !== null && node.startMs === node.endMs && value === node.startMs;
        }
        return false;
      }
      case 'spatial': {
        const geometry = feature.geometry as Geometry;
        if (node.relation === 'intersects') return intersects(geometry, node.geometry);
        if (node.relation === 'disjoint') return !intersects(geometry, node.geometry);
        return node.relation === 'within' ? within(geometry, node.geometry) : within(node.geometry, geometry);
      }
      case 'dwithin': return withinDistance(feature.geometry as Geometry, node.geometry, node.distanceMeters);
    }
  };
  return evaluate(expr) === true;
}

/** Orders features by sort keys (nulls last), then id: the order of `sqlite/item-sql.ts`. */
export function compareBySortKeys(keys: readonly SortKey[] = []) {
  return (x: StoredFeature, y: StoredFeature): number => {
    for (const { property, descending } of keys) {
      const a = property === 'id' ? x.id : x.properties[property], b = property === 'id' ? y.id : y.properties[property];
      if (a === b) continue;
      if (a === null || a === undefined) return 1;
      if (b === null || b === undefined) return -1;
      const order = (a as number | string) < (b as number | string) ? -1 : 1;
      return descending ? -order : order;
    }
    return x.id - y.id;
  };
}
