import type { Geometry } from 'geojson';

/**
 * A typed, backend-neutral filter expression: what OGC API – Features Part 3 (CQL2) asks of the store, with property
 * names already checked against the registry and literals already of the property's type. Each backend translates it
 * into its own query language with bound parameters (`server/storage/sqlite/filter-sql.ts`; PostGIS next).
 */
export type FilterExpr =
  | { op: 'and' | 'or'; args: readonly FilterExpr[] }
  | { op: 'not'; arg: FilterExpr }
  /** A constant: `false` is what a comparison that can never hold becomes. */
  | { op: 'const'; value: boolean }
  | { op: 'compare'; property: string; comparison: Comparison; value: FilterValue }
  | { op: 'in'; property: string; values: readonly FilterValue[] }
  | { op: 'between'; property: string; low: FilterValue; high: FilterValue }
  /** SQL LIKE with `%` and `_` wildcards and `\` as escape; case-insensitive when asked (CASEI / ILIKE). */
  | { op: 'like'; property: string; pattern: string; caseInsensitive: boolean }
  | { op: 'isNull'; property: string }
  /** Instants of a date or date-time property against an interval in epoch milliseconds (an instant is start = end). */
  | { op: 'temporal'; property: string; relation: TemporalRelation; startMs: number | null; endMs: number | null }
  /** The feature geometry against a WGS 84 geometry. */
  | { op: 'spatial'; relation: SpatialRelation; geometry: Geometry }
  | { op: 'dwithin'; geometry: Geometry; distanceMeters: number };

export type Comparison = '=' | '<>' | '<' | '<=' | '>' | '>=';
/** Text, numbers and booleans as stored; dates and date-times as epoch milliseconds (a date is its first millisecond, UTC). */
export type FilterValue = string | number | boolean;
export type TemporalRelation = 'intersects' | 'disjoint' | 'before' | 'after' | 'during' | 'equals';
export type SpatialRelation = 'intersects' | 'disjoint' | 'within' | 'contains';

/** Sort keys of an items query (`sortby`); ties are always broken by id. */
export type SortKey = { property: string; descending: boolean };

/** Every property an expression reads, for read scopes that must not let a filter reveal a hidden property. */
export function filterProperties(expr: FilterExpr): string[] {
  switch (expr.op) {
    case 'and':
    case 'or':
      return expr.args.flatMap(filterProperties);
    case 'not':
      return filterProperties(expr.arg);
    case 'const':
    case 'spatial':
    case 'dwithin':
      return [];
    default:
      return [expr.property];
  }
}
