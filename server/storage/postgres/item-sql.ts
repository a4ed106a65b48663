import type { CollectionDef } from '../../collections/types.ts';
import type { ItemQuery } from '../features.ts';
import { binder, filterSql } from './filter-sql.ts';

/** The WHERE part of an items query on `t` with its parameters; shared by the page query, the count and the extent. */
export type ItemSql = { where: string; params: unknown[] };

/**
 * The conditions of an items query. A bbox is `geom && envelope AND ST_Intersects(geom, envelope)`: the GiST index
 * answers the box overlap, the exact test drops a cable whose box meets the query box but which passes beside it. A
 * box across the antimeridian (minLon > maxLon) is its two halves. Parameters are appended to `params` (a statement
 * with several such parts passes one list).
 */
export function itemSql(collection: CollectionDef, query: Omit<ItemQuery, 'limit' | 'offset'>, params: unknown[] = []): ItemSql {
  const bind = binder(params);
  const conditions: string[] = [];
  if (query.bbox) {
    const [minx, miny, maxx, maxy] = query.bbox;
    const halves = minx <= maxx ? [[minx, maxx]] : [[minx, 180], [-180, maxx]];
    const envelopes = halves.map(([west, east]) => `ST_MakeEnvelope(${bind(west)}, ${bind(miny)}, ${bind(east)}, ${bind(maxy)}, 4326)`);
    conditions.push(`(${envelopes.map((envelope) => `(t.geom && ${envelope} AND ST_Intersects(t.geom, ${envelope}))`).join(' OR ')})`);
  }
  if (query.datetime) {
    if (query.datetime.startMs !== null) conditions.push(`t.temporal_ms >= ${bind(query.datetime.startMs)}`);
    if (query.datetime.endMs !== null) conditions.push(`t.temporal_ms <= ${bind(query.datetime.endMs)}`);
  }
  for (const filter of query.filters) {
    const def = collection.properties.find((property) => property.name === filter.property);
    if (!def) throw new Error(`${filter.property} is not a property of ${collection.id}`);
    // Column names come from the registry, never from the request.
    const value = def.type === 'text' || def.type === 'text[]' ? String(filter.value) : filter.value;
    conditions.push(def.type === 'text[]' ? `${bind(value)} = ANY (t.${def.name})` : `t.${def.name} = ${bind(value)}`);
  }
  if (query.filter) conditions.push(filterSql(collection, query.filter, params));
  if (query.ids) conditions.push(`t.id = ANY (${bind(query.ids)}::bigint[])`);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** ORDER BY for an items query: the `sortby` keys (registry columns, text by code point; nulls last either way), then id. */
export function orderSql(collection: CollectionDef, query: Pick<ItemQuery, 'sortby'>): string {
  const keys = (query.sortby ?? []).map(({ property, descending }) => {
    if (property === 'id') return `t.id ${descending ? 'DESC' : 'ASC'}`;
    const def = collection.properties.find((candidate) => candidate.name === property);
    if (!def) throw new Error(`${property} is not a property of ${collection.id}`);
    const column = property === collection.temporalProperty ? 't.temporal_ms' : def.type === 'integer' || def.type === 'real' || def.type === 'boolean' ? `t.${property}` : `t.${property} COLLATE "C"`;
    return `${column} IS NULL, ${column} ${descending ? 'DESC' : 'ASC'}`;
  });
  return `ORDER BY ${[...keys, 't.id'].join(', ')}`;
}
