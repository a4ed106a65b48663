import type { CollectionDef, PropertyDef } from '../../collections/types.ts';
import type { FilterExpr, FilterValue } from '../filter.ts';

/** The `id` pseudo-property every collection has. */
const ID: PropertyDef = { name: 'id', type: 'integer', title: 'Id', titleVi: 'Mã' };

/** A bound parameter: appends `value` to `params` and returns its placeholder. */
export const binder = (params: unknown[]) => (value: unknown): string => {
  params.push(value);
  return `$${params.length}`;
};

/** `geometry` (GeoJSON, WGS 84) as a PostGIS value bound in `params`. */
export const geometryParam = (bind: (value: unknown) => string, geometry: unknown) => `ST_SetSRID(ST_GeomFromGeoJSON(${bind(JSON.stringify(geometry))}::text), 4326)`;

/**
 * Translates a CQL2 filter expression into a PostgreSQL condition on the feature table `t`, its values bound in
 * `params` (never in the text). Column names come from the registry. Spatial tests are PostGIS's on `t.geom` (the
 * GiST index answers `&&` first); distances are metres on the spheroid; dates compare as epoch milliseconds; text
 * compares by code point (COLLATE "C"), as SQLite's BINARY does.
 */
export function filterSql(collection: CollectionDef, expr: FilterExpr, params: unknown[]): string {
  const bind = binder(params);
  const property = (name: string): PropertyDef => {
    const def = name === 'id' ? ID : collection.properties.find((candidate) => candidate.name === name);
    if (!def) throw new Error(`${name} is not a property of ${collection.id}`);
    return def;
  };
  const column = (def: PropertyDef): string => {
    if (def.type === 'date' || def.type === 'datetime') {
      return def.name === collection.temporalProperty ? 't.temporal_ms' : `round(extract(epoch FROM t.${def.name}::timestamptz) * 1000)::bigint`;
    }
    return def.type === 'text' ? `t.${def.name} COLLATE "C"` : `t.${def.name}`;
  };
  /** For a list property, the condition on its items (`value`), true when any item meets it. */
  const onItems = (def: PropertyDef, condition: string): string => `EXISTS (SELECT 1 FROM unnest(t.${def.name}) AS item(value) WHERE ${condition})`;
  const value = (def: PropertyDef, literal: FilterValue): string => bind(def.type === 'text' || def.type === 'text[]' ? String(literal) : literal);

  const translate = (node: FilterExpr): string => {
    switch (node.op) {
      case 'and':
      case 'or':
        return node.args.length === 0 ? (node.op === 'and' ? 'true' : 'false') : `(${node.args.map(translate).join(` ${node.op.toUpperCase()} `)})`;
      case 'not':
        return `NOT (${translate(node.arg)})`;
      case 'const':
        return node.value ? 'true' : 'false';
      case 'compare': {
        const def = property(node.property);
        if (def.type === 'text[]') {
          const holds = onItems(def, `value = ${value(def, node.value)}`);
          return node.comparison === '<>' ? `NOT ${holds}` : holds;
        }
        return `${column(def)} ${node.comparison} ${value(def, node.value)}`;
      }
      case 'in': {
        const def = property(node.property);
        if (node.values.length === 0) return 'false';
        const list = `(${node.values.map((item) => value(def, item)).join(', ')})`;
        return def.type === 'text[]' ? onItems(def, `value IN ${list}`) : `${column(def)} IN ${list}`;
      }
      case 'between': {
        const def = property(node.property);
        return `${column(def)} BETWEEN ${value(def, node.low)} AND ${value(def, node.high)}`;
      }
      case 'like': {
        const def = property(node.property);
        // LIKE is case-sensitive as CQL2's is; CASEI folds with lower(), which knows Đ and Ắ.
        const pattern = node.caseInsensitive ? node.pattern.toLowerCase() : node.pattern;
        const subject = (text: string) => (node.caseInsensitive ? `lower(${text})` : text);
        const like = (text: string) => `${subject(text)} LIKE ${bind(pattern)} ESCAPE '\\'`;
        return def.type === 'text[]' ? onItems(def, like('value')) : like(`t.${def.name}`);
      }
      case 'isNull':
        return `${column(property(node.property))} IS NULL`;
      case 'temporal':
        return temporalSql(column(property(node.property)), node, bind);
      case 'spatial': {
        const other = geometryParam(bind, node.geometry);
        switch (node.relation) {
          case 'intersects': return `ST_Intersects(t.geom, ${other})`;
          case 'disjoint': return `ST_Disjoint(t.geom, ${other})`;
          case 'within': return `ST_Within(t.geom, ${other})`;
          case 'contains': return `ST_Contains(t.geom, ${other})`;
        }
        throw new Error('unknown spatial relation');
      }
      case 'dwithin':
        return `ST_DWithin(t.geom::geography, ${geometryParam(bind, node.geometry)}::geography, ${bind(node.distanceMeters)})`;
    }
  };
  return translate(expr);
}

/** Instants against an interval, by CQL2's temporal relations (open ends never bound); values bound only where used. */
function temporalSql(column: string, node: Extract<FilterExpr, { op: 'temporal' }>, bind: (value: number) => string): string {
  const { startMs, endMs } = node;
  const inside = () => `${startMs === null ? 'true' : `${column} >= ${bind(startMs)}`} AND ${endMs === null ? 'true' : `${column} <= ${bind(endMs)}`}`;
  switch (node.relation) {
    case 'intersects': return `(${column} IS NOT NULL AND ${inside()})`;
    case 'disjoint': return `(${column} IS NOT NULL AND NOT (${inside()}))`;
    case 'before': return startMs === null ? 'false' : `${column} < ${bind(startMs)}`;
    case 'after': return endMs === null ? 'false' : `${column} > ${bind(endMs)}`;
    case 'during': return startMs === null || endMs === null ? 'false' : `(${column} > ${bind(startMs)} AND ${column} < ${bind(endMs)})`;
    case 'equals': return startMs === null || startMs !== endMs ? 'false' : `${column} = ${bind(startMs)}`;
  }
}
