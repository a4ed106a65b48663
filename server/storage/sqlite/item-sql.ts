import type { CollectionDef } from '../../collections/types.ts';
import type { SqliteDatabase } from './database.ts';
import type { ItemQuery } from '../features.ts';
import { filterSql } from './filter-sql.ts';

/** The FROM … WHERE part of an items query with its parameters; shared by the page query and the count. */
export type ItemSql = { from: string; where: string; params: unknown[] };

/**
 * Builds the FROM/WHERE for an items query. With a bbox the R*Tree drives the join (CROSS JOIN fixes the loop order
 * in SQLite) so only candidate rows are read; the R*Tree stores 32-bit floats rounded outwards, so the test on the
 * table's bbox columns follows, and for lines and polygons whose box is not inside the query box the exact geometry
 * test (`ng_intersects_box`): a cable whose box meets the query box but which passes beside it does not match. A box across the antimeridian
 * (minLon > maxLon) is its two halves.
 */
export function itemSql(collection: CollectionDef, query: ItemQuery): ItemSql {
  const table = collection.id;
  const conditions: string[] = [];
  const params: unknown[] = [];
  let from = `${table} AS t`;
  if (query.bbox) {
    const [minx, miny, maxx, maxy] = query.bbox;
    from = `${table}_rtree AS r CROSS JOIN ${table} AS t ON t.id = r.id`;
    const halves = minx <= maxx ? [[minx, maxx]] : [[minx, 180], [-180, maxx]];
    const boxes = (prefix: string) => `(${halves.map(() => `${prefix}minx <= ? AND ${prefix}maxx >= ?`).join(' OR ')})`;
    conditions.push(`${boxes('r.')} AND r.miny <= ? AND r.maxy >= ?`, `${boxes('t.')} AND t.miny <= ? AND t.maxy >= ?`);
    for (let i = 0; i < 2; i++) params.push(...halves.flatMap(([w, e]) => [e, w]), maxy, miny);
    if (collection.geometry !== 'Point') {
      // A row whose own box lies inside the query box meets it: only the others need the exact test, which parses
      // the stored geometry (most rows of a large box, such as an inventory's, are inside it).
      conditions.push(`(${halves.map(() => '(t.minx >= ? AND t.maxx <= ? AND t.miny >= ? AND t.maxy <= ? OR ng_intersects_box(t.geometry, ?, ?, ?, ?))').join(' OR ')})`);
      params.push(...halves.flatMap(([w, e]) => [w, e, miny, maxy, w, miny, e, maxy]));
    }
  }
  if (query.datetime) {
    if (query.datetime.startMs !== null) conditions.push('t.temporal_ms >= ?') && params.push(query.datetime.startMs);
    if (query.datetime.endMs !== null) conditions.push('t.temporal_ms <= ?') && params.push(query.datetime.endMs);
  }
  for (const filter of query.filters) {
    const def = collection.properties.find((property) => property.name === filter.property);
    if (!def) throw new Error(`${filter.property} is not a property of ${collection.id}`);
    // Column names come from the registry, never from the request.
    if (def.type === 'text[]') conditions.push(`EXISTS (SELECT 1 FROM json_each(t.${def.name}) WHERE value = ?)`);
    else conditions.push(`t.${def.name} = ?`);
    params.push(typeof filter.value === 'boolean' ? Number(filter.value) : filter.value);
  }
  if (query.filter) conditions.push(filterSql(collection, query.filter, params));
  if (query.ids) {
    conditions.push('t.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.ids));
  }
  return { from, where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** ORDER BY for an items query: the `sortby` keys (registry columns; nulls last either way), then id. */
export function orderSql(collection: CollectionDef, query: Pick<ItemQuery, 'sortby'>): string {
  const keys = (query.sortby ?? []).map(({ property, descending }) => {
    if (property === 'id') return `t.id ${descending ? 'DESC' : 'ASC'}`;
    if (!collection.properties.some((candidate) => candidate.name === property)) throw new Error(`${property} is not a property of ${collection.id}`);
    const column = property === collection.temporalProperty ? 't.temporal_ms' : `t.${property}`;
    return `${column} IS NULL, ${column} ${descending ? 'DESC' : 'ASC'}`;
  });
  return `ORDER BY ${[...keys, 't.id'].join(', ')}`;
}

/** The one place that counts `numberMatched` for an items query. */
export function countMatched(db: SqliteDatabase, sql: ItemSql): number {
  return db.prepare(`SELECT count(*) FROM ${sql.from} ${sql.where}`).pluck().get(...sql.params) as number;
}
