import type { CollectionDef, PropertyDef } from '../../collections/types.ts';
import type { FilterExpr, FilterValue } from '../filter.ts';
import { geometryBbox } from '../../geometry/bbox.ts';

/** The `id` pseudo-property every collection has. */
const ID: PropertyDef = { name: 'id', type: 'integer', title: 'Id', titleVi: 'Mã' };

/**
 * Translates a filter expression into a SQLite condition on the feature table `t`, appending its values to `params`
 * (never into the text). Column names come from the registry. Spatial tests start from the R*Tree and finish with
 * the exact test of `spatial-functions.ts`; dates and date-times compare as epoch milliseconds.
 */
export function filterSql(collection: CollectionDef, expr: FilterExpr, params: unknown[], prefilter: Prefilter = rtreeCandidates): string {
  const candidates = prefilter;
  const property = (name: string): PropertyDef => {
    const def = name === 'id' ? ID : collection.properties.find((candidate) => candidate.name === name);
    if (!def) throw new Error(`${name} is not a property of ${collection.id}`);
    return def;
  };
  const column = (def: PropertyDef): string => {
    if (def.type === 'date' || def.type === 'datetime') {
      return def.name === collection.temporalProperty ? 't.temporal_ms' : `CAST(round(unixepoch(t.${def.name}, 'subsec') * 1000) AS INTEGER)`;
    }
    return `t.${def.name}`;
  };
  const bind = (value: FilterValue): string => {
    params.push(typeof value === 'boolean' ? Number(value) : value);
    return '?';
  };
  /** For a list property, the condition on its items (`value`), true when any item meets it. */
  const onItems = (def: PropertyDef, condition: string): string => `EXISTS (SELECT 1 FROM json_each(t.${def.name}) WHERE ${condition})`;

  const translate = (node: FilterExpr): string => {
    switch (node.op) {
      case 'and':
      case 'or':
        return node.args.length === 0 ? (node.op === 'and' ? '1' : '0') : `(${node.args.map(translate).join(` ${node.op.toUpperCase()} `)})`;
      case 'not':
        return `NOT (${translate(node.arg)})`;
      case 'const':
        return node.value ? '1' : '0';
      case 'compare': {
        const def = property(node.property);
        if (def.type === 'text[]') {
          // `technologies = '4G'` means the list holds 4G (as the equality query parameter does).
          const holds = onItems(def, `value = ${bind(node.value)}`);
          return node.comparison === '<>' ? `NOT ${holds}` : holds;
        }
        return `${column(def)} ${node.comparison} ${bind(node.value)}`;
      }
      case 'in': {
        const def = property(node.property);
        if (node.values.length === 0) return '0';
        const list = `(${node.values.map(bind).join(', ')})`;
        return def.type === 'text[]' ? onItems(def, `value IN ${list}`) : `${column(def)} IN ${list}`;
      }
      case 'between': {
        const def = property(node.property);
        return `${column(def)} BETWEEN ${bind(node.low)} AND ${bind(node.high)}`;
      }
      case 'like': {
        const def = property(node.property);
        // GLOB is case-sensitive as CQL2's LIKE is; SQLite's LIKE folds ASCII case.
        const pattern = likeToGlob(node.caseInsensitive ? node.pattern.toLowerCase() : node.pattern);
        const subject = (value: string) => (node.caseInsensitive ? `ng_lower(${value})` : value);
        return def.type === 'text[]' ? onItems(def, `${subject('value')} GLOB ${bind(pattern)}`) : `${subject(`t.${def.name}`)} GLOB ${bind(pattern)}`;
      }
      case 'isNull':
        return `${column(property(node.property))} IS NULL`;
      case 'temporal':
        return temporalSql(column(property(node.property)), node, bind);
      case 'spatial': {
        // Parameters are bound in the order they appear: the prefilter's box first, then the geometry.
        const prefilter = node.relation === 'disjoint' ? '' : `${candidates(collection, geometryBbox(node.geometry), 0, params)} AND `;
        return `(${prefilter}ng_relate(t.geometry, ${bind(JSON.stringify(node.geometry))}, '${node.relation}'))`;
      }
      case 'dwithin': {
        const box = candidates(collection, geometryBbox(node.geometry), node.distanceMeters, params);
        return `(${box} AND ng_dwithin(t.geometry, ${bind(JSON.stringify(node.geometry))}, ${bind(node.distanceMeters)}))`;
      }
    }
  };
  return translate(expr);
}

/** Instants against an interval, by CQL2's temporal relations (open ends never bound); values bound only where used. */
function temporalSql(column: string, node: Extract<FilterExpr, { op: 'temporal' }>, bind: (value: number) => string): string {
  const { startMs, endMs } = node;
  const inside = () => `${startMs === null ? '1' : `${column} >= ${bind(startMs)}`} AND ${endMs === null ? '1' : `${column} <= ${bind(endMs)}`}`;
  switch (node.relation) {
    case 'intersects': return `(${column} IS NOT NULL AND ${inside()})`;
    case 'disjoint': return `(${column} IS NOT NULL AND NOT (${inside()}))`;
    case 'before': return startMs === null ? '0' : `${column} < ${bind(startMs)}`;
    case 'after': return endMs === null ? '0' : `${column} > ${bind(endMs)}`;
    case 'during': return startMs === null || endMs === null ? '0' : `(${column} > ${bind(startMs)} AND ${column} < ${bind(endMs)})`;
    case 'equals': return startMs === null || startMs !== endMs ? '0' : `${column} = ${bind(startMs)}`;
  }
}

/** Degrees of latitude per metre, rounded up (a degree of latitude is at least 110.57 km). */
const DEGREES_PER_METRE = 1 / 110_000;

/** The cheap test before an exact spatial one: rows whose box meets `bbox` grown by `meters`, its values appended to `params`. */
export type Prefilter = (collection: CollectionDef, bbox: number[], meters: number, params: unknown[]) => string;

/** `bbox` grown by `meters`, the longitude widened for the box's highest latitude, as the four bound values of a box test. */
function grown([minx, miny, maxx, maxy]: number[], meters: number): [number, number, number, number] {
  const dy = meters * DEGREES_PER_METRE;
  const cos = Math.max(0.01, Math.cos((Math.min(89, Math.max(Math.abs(miny), Math.abs(maxy)) + dy) * Math.PI) / 180));
  const dx = dy / cos;
  return [maxx + dx, minx - dx, maxy + dy, miny - dy];
}

/** Ids whose R*Tree box meets the grown box: the prefilter of the feature tables. */
function rtreeCandidates(collection: CollectionDef, bbox: number[], meters: number, params: unknown[]): string {
  params.push(...grown(bbox, meters));
  return `t.id IN (SELECT id FROM ${collection.id}_rtree WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)`;
}

/** Rows whose own bbox columns meet the grown box: the prefilter of tables without an R*Tree (workflow records). */
export function columnCandidates(_collection: CollectionDef, bbox: number[], meters: number, params: unknown[]): string {
  params.push(...grown(bbox, meters));
  return 't.minx <= ? AND t.maxx >= ? AND t.miny <= ? AND t.maxy >= ?';
}

/** A CQL2 LIKE pattern (`%`, `_`, `\` escapes) as a GLOB pattern, GLOB's own wildcards made literal. */
export function likeToGlob(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\' && i + 1 < pattern.length) out += literalGlob(pattern[++i]);
    else if (char === '%') out += '*';
    else if (char === '_') out += '?';
    else out += literalGlob(char);
  }
  return out;
}

const literalGlob = (char: string): string => (char === '*' || char === '?' || char === '[' ? `[${char}]` : char);
