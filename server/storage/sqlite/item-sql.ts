import type { CollectionDef } from '../../collections/types.ts';
import type { SqliteDatabase } from './database.ts';
import type { ItemQuery } from '../features.ts';

/** The FROM … WHERE part of an items query with its parameters; shared by the page query and the count. */
export type ItemSql = { from: string; where: string; params: unknown[] };

/**
 * Builds the FROM/WHERE for an items query. With a bbox the R*Tree drives the join (CROSS JOIN fixes the loop order
 * in SQLite) so only candidate rows are read; the R*Tree stores 32-bit floats rounded outwards, so the exact test on
 * the table's bbox columns follows. A feature matches when its bounding box intersects the query bbox (OGC API
 * Features allows bbox-intersects); for points that is exact.
 */
export function itemSql(collection: CollectionDef, query: ItemQuery): ItemSql {
  const table = collection.id;
  const conditions: string[] = [];
  const params: unknown[] = [];
  let from = `${table} AS t`;
  if (query.bbox) {
    const [minx, miny, maxx, maxy] = query.bbox;
    from = `${table}_rtree AS r CROSS JOIN ${table} AS t ON t.id = r.id`;
    conditions.push('r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?');
    conditions.push('t.minx <= ? AND t.maxx >= ? AND t.miny <= ? AND t.maxy >= ?');
    params.push(maxx, minx, maxy, miny, maxx, minx, maxy, miny);
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
  if (query.ids) {
    conditions.push('t.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.ids));
  }
  return { from, where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** The one place that counts `numberMatched` for an items query. */
export function countMatched(db: SqliteDatabase, sql: ItemSql): number {
  return db.prepare(`SELECT count(*) FROM ${sql.from} ${sql.where}`).pluck().get(...sql.params) as number;
}
