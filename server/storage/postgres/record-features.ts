import type { Geometry } from 'geojson';
import type { CollectionDef } from '../../collections/types.ts';
import type { Extent, ItemQuery, QueryResult, StoredFeature } from '../features.ts';
import type { Sql } from './database.ts';
import { itemSql, orderSql } from './item-sql.ts';

/**
 * How one table of workflow records reads as a feature collection (the published collections): a SELECT giving,
 * per record that is a feature, the columns `id`, one per property of `collection` (named after it), `geometry`
 * (GeoJSON text), `geom` (the same in PostGIS), `temporal_ms` and `minx`, `miny`, `maxx`, `maxy`. The items query
 * of the feature tables (`item-sql.ts`) then runs on it unchanged.
 */
export type RecordFeatures = { collection: CollectionDef; select: string };

export async function queryRecordFeatures(sql: Sql, spec: RecordFeatures, query: ItemQuery): Promise<QueryResult> {
  const { collection } = spec;
  const { where, params } = itemSql(collection, query);
  const from = `(${spec.select}) AS t ${where}`;
  const rows = await sql.rows(`SELECT t.* FROM ${from} ${orderSql(collection, query)} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, query.limit, query.offset]);
  const [{ n }] = await sql.rows<{ n: number }>(`SELECT count(*) AS n FROM ${from}`, params);
  return {
    numberMatched: n,
    features: rows.map((row): StoredFeature => ({
      type: 'Feature', id: Number(row.id), geometry: JSON.parse(String(row.geometry)) as Geometry,
      properties: Object.fromEntries(collection.properties.map((def) => [def.name, row[def.name] ?? null])),
    })),
  };
}

/** The bounding box and the temporal interval of every record that is a feature; null members when there is none. */
export async function recordExtent(sql: Sql, spec: RecordFeatures): Promise<Extent> {
  const [row] = await sql.rows<{ a: number | null; b: number; c: number; d: number; t0: number | null; t1: number | null }>(
    `SELECT min(minx) AS a, min(miny) AS b, max(maxx) AS c, max(maxy) AS d, min(temporal_ms) AS t0, max(temporal_ms) AS t1 FROM (${spec.select}) AS t`);
  return {
    bbox: row.a === null ? null : [row.a, row.b, row.c, row.d],
    interval: row.t0 === null || row.t1 === null ? null : [new Date(row.t0).toISOString(), new Date(row.t1).toISOString()],
  };
}
