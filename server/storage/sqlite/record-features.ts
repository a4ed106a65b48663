import type { Geometry } from 'geojson';
import type { CollectionDef } from '../../collections/types.ts';
import type { Extent, ItemQuery, QueryResult, StoredFeature } from '../features.ts';
import type { SqliteDatabase } from './database.ts';
import { columnCandidates, filterSql } from './filter-sql.ts';
import { orderSql } from './item-sql.ts';
import { decodeProperty } from './points-sql.ts';

/**
 * How one table of workflow records reads as a feature collection (the published collections): a SELECT giving,
 * per record that is a feature, the columns `id` (integer), one per property of `collection` (named after it),
 * `geometry` (GeoJSON text), `temporal_ms` (the temporal property in epoch ms) and `minx`, `miny`, `maxx`, `maxy`.
 */
export type RecordFeatures = { collection: CollectionDef; select: string };

/**
 * The items query over a record table, in SQL, with the semantics of the feature tables (`item-sql.ts`): bbox
 * meeting the geometry itself (two halves across the antimeridian), datetime, equality and CQL2 filters, ids,
 * sortby then id, paging and the count. The record SELECT is the table `t` the shared filter and order SQL expect.
 */
export function queryRecordFeatures(db: SqliteDatabase, spec: RecordFeatures, query: ItemQuery): QueryResult {
  const { collection } = spec;
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (query.bbox) {
    const [minx, miny, maxx, maxy] = query.bbox;
    const halves = minx <= maxx ? [[minx, maxx]] : [[minx, 180], [-180, maxx]];
    conditions.push(`(${halves.map(() => 't.minx <= ? AND t.maxx >= ?').join(' OR ')}) AND t.miny <= ? AND t.maxy >= ?`);
    params.push(...halves.flatMap(([w, e]) => [e, w]), maxy, miny);
    if (collection.geometry !== 'Point') {
      conditions.push(`(${halves.map(() => 'ng_intersects_box(t.geometry, ?, ?, ?, ?)').join(' OR ')})`);
      params.push(...halves.flatMap(([w, e]) => [w, miny, e, maxy]));
    }
  }
  if (query.datetime?.startMs != null) conditions.push('t.temporal_ms >= ?') && params.push(query.datetime.startMs);
  if (query.datetime?.endMs != null) conditions.push('t.temporal_ms <= ?') && params.push(query.datetime.endMs);
  for (const filter of query.filters) {
    // Column names come from the registry, never from the request.
    if (!collection.properties.some((property) => property.name === filter.property)) throw new Error(`${filter.property} is not a property of ${collection.id}`);
    conditions.push(`t.${filter.property} = ?`);
    params.push(typeof filter.value === 'boolean' ? Number(filter.value) : filter.value);
  }
  if (query.filter) conditions.push(filterSql(collection, query.filter, params, columnCandidates));
  if (query.ids) conditions.push('t.id IN (SELECT value FROM json_each(?))') && params.push(JSON.stringify(query.ids));
  const from = `(${spec.select}) AS t ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
  const rows = db.prepare(`SELECT * FROM ${from} ${orderSql(collection, query)} LIMIT ? OFFSET ?`).all(...params, query.limit, query.offset) as Record<string, unknown>[];
  const numberMatched = db.prepare(`SELECT count(*) FROM ${from}`).pluck().get(...params) as number;
  return {
    numberMatched,
    features: rows.map((row): StoredFeature => ({
      type: 'Feature', id: Number(row.id), geometry: JSON.parse(String(row.geometry)) as Geometry,
      properties: Object.fromEntries(collection.properties.map((def) => [def.name, decodeProperty(def, row[def.name])])),
    })),
  };
}

/**
 * The bounding box and the temporal interval of every record that is a feature; null when there is none. The
 * interval is the collection's metadata as much as the box: without it a client sees "no time" for dated records.
 */
export function recordExtent(db: SqliteDatabase, spec: RecordFeatures): Extent {
  const row = db.prepare(`SELECT min(minx), min(miny), max(maxx), max(maxy), min(temporal_ms), max(temporal_ms) FROM (${spec.select})`).raw().get() as (number | null)[];
  const [t0, t1] = row.slice(4);
  return {
    bbox: row[0] === null ? null : (row.slice(0, 4) as [number, number, number, number]),
    interval: t0 === null || t1 === null ? null : [new Date(t0).toISOString(), new Date(t1).toISOString()],
  };
}
