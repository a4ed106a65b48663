import type { CollectionDef } from '../../collections/types.ts';
import type { ItemQuery, QueryResult, StoredFeature } from '../features.ts';
import type { SqliteDatabase } from './database.ts';

/** How one table of workflow records reads as a feature collection (the published collections). */
export type RecordFeatures<Row> = {
  collection: CollectionDef;
  table: string;
  /** The integer feature id's column. */
  id: string;
  /** Conditions every row must meet to be a feature (e.g. having a geometry). */
  where?: string;
  /** SQL for the bounding box columns [minx, miny, maxx, maxy]. */
  bbox: [string, string, string, string];
  /** SQL for each filterable property, by property name. */
  columns: Record<string, string>;
  /** The temporal property's SQL and how a bound in epoch ms compares with it. */
  temporal: { sql: string; bound: (ms: number) => string | number };
  /** A row (with its id as `feature_id`) as a feature. */
  toFeature: (row: Row) => StoredFeature;
};

/**
 * The items query (bbox intersects, datetime, equality filters, ids, paging by id, counted) over a record table, in
 * SQL. Column names come from the spec, never from the request; values are bound.
 */
export function queryRecordFeatures<Row>(db: SqliteDatabase, spec: RecordFeatures<Row>, query: ItemQuery): QueryResult {
  const conditions: string[] = spec.where ? [spec.where] : [];
  const params: unknown[] = [];
  if (query.bbox) {
    const [minx, miny, maxx, maxy] = spec.bbox;
    conditions.push(`${minx} <= ? AND ${maxx} >= ? AND ${miny} <= ? AND ${maxy} >= ?`);
    params.push(query.bbox[2], query.bbox[0], query.bbox[3], query.bbox[1]);
  }
  if (query.datetime?.startMs != null) conditions.push(`${spec.temporal.sql} >= ?`) && params.push(spec.temporal.bound(query.datetime.startMs));
  if (query.datetime?.endMs != null) conditions.push(`${spec.temporal.sql} <= ?`) && params.push(spec.temporal.bound(query.datetime.endMs));
  for (const filter of query.filters) {
    const column = spec.columns[filter.property];
    if (!column) throw new Error(`${filter.property} is not a filterable property of ${spec.collection.id}`);
    conditions.push(`${column} = ?`);
    params.push(typeof filter.value === 'boolean' ? Number(filter.value) : filter.value);
  }
  if (query.ids) conditions.push(`${spec.id} IN (SELECT value FROM json_each(?))`) && params.push(JSON.stringify(query.ids));
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT ${spec.id} AS feature_id, * FROM ${spec.table} ${where} ORDER BY ${spec.id} LIMIT ? OFFSET ?`).all(...params, query.limit, query.offset) as Row[];
  const numberMatched = db.prepare(`SELECT count(*) FROM ${spec.table} ${where}`).pluck().get(...params) as number;
  return { features: rows.map(spec.toFeature), numberMatched };
}

/** The bounding box of every record that is a feature; null when there is none. */
export function recordExtent(db: SqliteDatabase, spec: RecordFeatures<unknown>): [number, number, number, number] | null {
  const [minx, miny, maxx, maxy] = spec.bbox;
  const row = db.prepare(`SELECT min(${minx}), min(${miny}), max(${maxx}), max(${maxy}) FROM ${spec.table} ${spec.where ? `WHERE ${spec.where}` : ''}`).raw().get() as (number | null)[];
  return row[0] === null ? null : (row as [number, number, number, number]);
}
