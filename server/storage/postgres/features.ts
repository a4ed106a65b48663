import type { Feature, FeatureCollection, Point } from 'geojson';
import { COLLECTIONS, findCollection } from '../../collections/registry.ts';
import { searchDetail, searchGroupRank } from '../../collections/search-labels.ts';
import type { CollectionDef } from '../../collections/types.ts';
import type { Bbox, Extent, FeatureStore, ItemQuery, QueryResult, SearchHit } from '../features.ts';
import type { Row, Sql } from './database.ts';
import { batchesOf, streamHere } from '../export-stream.ts';
import type { ExportCursors } from './export-cursor.ts';
import { binder } from './filter-sql.ts';
import { itemSql, orderSql } from './item-sql.ts';
import { featureColumns, featureToRow, rowToFeature } from './rows.ts';
import { preparePartitions } from './partitions.ts';
import { vectorTile } from './vector-tile.ts';

export function collectionOrThrow(id: string): CollectionDef {
  const collection = findCollection(id);
  if (!collection) throw new Error(`unknown collection ${id}`);
  return collection;
}

/** Names a feature is found by after its own (as SQLite's `search-sql.ts`): a commune by its former district. */
const SEARCH_CONTEXT: Record<string, readonly string[]> = { admin_areas: ['district_name'] };
/** Rows per INSERT statement of a batch: one round trip each, well below the 65,535 bound parameters' limit (one here). */
const BATCH = 2_000;

const geomSql = (collection: CollectionDef, text: string) =>
  collection.geometry === 'Point' ? `ST_SetSRID(ST_GeomFromGeoJSON(${text}), 4326)` : `ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${text}), 4326))`;

/**
 * Inserts rows (already checked), their search entries and their ids' high-water mark, one statement per batch: the
 * rows travel as one JSON parameter that `jsonb_populate_recordset` spreads over the table's own columns.
 */
async function insertRows(sql: Sql, collection: CollectionDef, rows: Row[], features: readonly Feature[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = rowColumns(collection);
  await preparePartitions(sql, collection, rows);
  for (let start = 0; start < rows.length; start += BATCH) {
    await sql.rows(
      `INSERT INTO ${collection.id} (${columns.join(', ')}, geom)
       SELECT ${columns.map((column) => `r.${column}`).join(', ')}, ${geomSql(collection, 'r.geometry')}
       FROM jsonb_populate_recordset(NULL::${collection.id}, $1::jsonb) AS r`,
      [JSON.stringify(rows.slice(start, start + BATCH))],
    );
  }
  await afterRowsInserted(sql, collection, rows, features);
}

/** The columns of a collection's table that a row carries (all but `geom`, which SQL makes from `geometry`). */
export function rowColumns(collection: CollectionDef): string[] {
  const columns = ['id', ...collection.properties.map((property) => property.name), 'geometry', 'minx', 'miny', 'maxx', 'maxy'];
  if (collection.temporalProperty) columns.push('temporal_ms');
  return columns;
}

/**
 * What the store keeps beside newly inserted rows, on every path that inserts them (statements, COPY): their search
 * entries and their collection's id high-water mark. The change log, the change counters and the incidents' id
 * uniqueness are triggers' (migrations 002, 003, 005), which COPY fires too.
 */
export async function afterRowsInserted(sql: Sql, collection: CollectionDef, rows: Row[], features: readonly Feature[]): Promise<void> {
  if (collection.searchProperties?.length) await indexForSearch(sql, collection, rows, features);
  await sql.rows(
    'INSERT INTO feature_ids (collection, last_id) VALUES ($1, $2) ON CONFLICT (collection) DO UPDATE SET last_id = greatest(feature_ids.last_id, excluded.last_id)',
    [collection.id, rows.reduce((highest, row) => Math.max(highest, Number(row.id)), 0)],
  );
}

/**
 * The search entries of new rows: the labels as every provider words them (`search-labels.ts`), the names folded in
 * SQL by `netguard_compact` (unaccent), once per distinct folded name; context names only where no own name folds
 * the same.
 */
async function indexForSearch(sql: Sql, collection: CollectionDef, rows: Row[], features: readonly Feature[]): Promise<void> {
  const texts = (properties: Record<string, unknown>, names: readonly string[]) =>
    names.map((name) => properties[name]).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  const entries = rows.flatMap((row, index) => {
    const properties = features[index].properties ?? {};
    const own = texts(properties, collection.searchProperties ?? []);
    if (own.length === 0) return [];
    return [{
      id: row.id, own, context: texts(properties, SEARCH_CONTEXT[collection.id] ?? []), label: own[0].normalize('NFC'),
      detail: searchDetail(collection.id, properties), group_rank: searchGroupRank(collection.id, properties),
      minx: row.minx, miny: row.miny, maxx: row.maxx, maxy: row.maxy,
    }];
  });
  for (let start = 0; start < entries.length; start += BATCH) {
    await sql.rows(
      `WITH e AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS e(id bigint, own text[], context text[], label text, detail text, group_rank integer,
                  minx double precision, miny double precision, maxx double precision, maxy double precision)),
            names AS (SELECT e.id, 0 AS tier, netguard_compact(name) AS compact FROM e, unnest(e.own) AS name
                      UNION SELECT e.id, 1, netguard_compact(name) FROM e, unnest(e.context) AS name),
            kept AS (SELECT id, min(tier) AS tier, compact FROM names WHERE compact <> '' GROUP BY id, compact)
       INSERT INTO search_index (collection, feature_id, compact, tier, label, detail, group_rank, minx, miny, maxx, maxy)
       SELECT $1, e.id, kept.compact, kept.tier, e.label, e.detail, e.group_rank, e.minx, e.miny, e.maxx, e.maxy FROM kept JOIN e USING (id)`,
      [collection.id, JSON.stringify(entries.slice(start, start + BATCH))],
    );
  }
}

export function checkedRows(collection: CollectionDef, features: readonly Feature[], single?: null): Row[] {
  return features.map((feature, index) => featureToRow(collection, feature, single === null ? null : index));
}

/** Deletes a feature's row and its search entries; returns the row, undefined when there was none. */
async function deleteRow(sql: Sql, collection: CollectionDef, id: number): Promise<Row | undefined> {
  const [row] = await sql.rows(`DELETE FROM ${collection.id} AS t WHERE t.id = $1 RETURNING ${featureColumns(collection)}`, [id]);
  if (row && collection.searchProperties?.length) await sql.rows('DELETE FROM search_index WHERE collection = $1 AND feature_id = $2', [collection.id, id]);
  return row;
}

/** The statement of an items page and its parameters (also what the partition-pruning test explains). */
export function itemsStatement(collection: CollectionDef, query: ItemQuery): { text: string; values: unknown[] } {
  const { where, params } = itemSql(collection, query);
  return {
    text: `SELECT ${featureColumns(collection)} FROM ${collection.id} AS t ${where} ${orderSql(collection, query)} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    values: [...params, query.limit, query.offset],
  };
}

async function queryFeatures(sql: Sql, collectionId: string, query: ItemQuery): Promise<QueryResult> {
  const collection = collectionOrThrow(collectionId);
  const { where, params } = itemSql(collection, query);
  const page = itemsStatement(collection, query);
  const rows = await sql.rows(page.text, page.values);
  // A page that is not full ends the matches, so it tells their number; only a full page (or an empty one past the
  // start) needs the count.
  const numberMatched = rows.length < query.limit && (rows.length > 0 || query.offset === 0)
    ? query.offset + rows.length
    : Number((await sql.rows<{ count: number }>(`SELECT count(*) AS count FROM ${collection.id} AS t ${where}`, params))[0].count);
  return { features: rows.map((row) => rowToFeature(collection, row)), numberMatched };
}

/** Search rank as SQLite's: exact, prefix, contains on own names, then the same on context names; then group; then id. */
async function search(sql: Sql, query: string, limit: number): Promise<SearchHit[]> {
  const rows = await sql.rows<{ collection: string; feature_id: number; label: string; detail: string | null; minx: number; miny: number; maxx: number; maxy: number }>(
    `WITH needle AS (SELECT netguard_compact($1) AS value)
     SELECT s.collection, s.feature_id, min(s.label) AS label, min(s.detail) AS detail, min(s.minx) AS minx, min(s.miny) AS miny, min(s.maxx) AS maxx, min(s.maxy) AS maxy,
       min(s.group_rank) AS group_rank,
       min(s.tier * 3 + CASE WHEN s.compact = needle.value THEN 0 WHEN starts_with(s.compact, needle.value) THEN 1 ELSE 2 END) AS match_rank
     FROM search_index AS s, needle
     WHERE needle.value <> '' AND s.compact LIKE '%' || replace(replace(replace(needle.value, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
     GROUP BY s.collection, s.feature_id
     ORDER BY match_rank, group_rank, s.feature_id LIMIT $2`,
    [query, limit],
  );
  return rows.map((row) => ({ collection: row.collection, id: row.feature_id, label: row.label, detail: row.detail, bbox: [row.minx, row.miny, row.maxx, row.maxy] as Bbox }));
}

/** Every match of `query` in its order (limit and offset ignored): the statement an export's cursor runs. */
function exportSql(collection: CollectionDef, query: ItemQuery): { text: string; params: unknown[] } {
  const { where, params } = itemSql(collection, query);
  return { text: `SELECT ${featureColumns(collection)} FROM ${collection.id} AS t ${where} ${orderSql(collection, query)}`, params };
}

/**
 * The features of every registry collection in PostgreSQL (`migrations/001_collections.sql`), on `sql`. Exports
 * stream from `exports`' cursors (outside a transaction); inside a transaction, whose client serves its other
 * statements meanwhile, they are read whole on it. Vector tiles are read on `tiles` (outside a transaction: the tile
 * pool, whose connections plan each tile statement once).
 */
export function createPostgresFeatures(sql: Sql, exports?: ExportCursors, tiles: Sql = sql): FeatureStore {
  const store: FeatureStore = {
    query: (collectionId, query) => queryFeatures(sql, collectionId, query),
    exportStream: async (collectionId, query, encoder, options) => {
      const collection = collectionOrThrow(collectionId);
      const { text, params } = exportSql(collection, query);
      const toFeature = (row: Row) => rowToFeature(collection, row);
      if (!exports) return streamHere(batchesOf((await sql.rows(text, params)).map(toFeature).values()), encoder, options);
      return streamHere(await exports.open(text, params, toFeature), encoder, { stallMs: exports.stallMs, ...options });
    },
    async get(collectionId, id) {
      const collection = collectionOrThrow(collectionId);
      const [row] = await sql.rows(`SELECT ${featureColumns(collection)} FROM ${collection.id} AS t WHERE t.id = $1`, [id]);
      return row && rowToFeature(collection, row);
    },
    async points(collectionId, query) {
      const collection = collectionOrThrow(collectionId);
      if (collection.geometry !== 'Point') throw new Error(`${collection.id} is not a point collection`);
      const defs = query.properties.map((name) => {
        const def = collection.properties.find((property) => property.name === name);
        if (!def) throw new Error(`${collection.id} has no property ${name}`);
        return def;
      });
      const { where, params } = itemSql(collection, { filters: [], datetime: collection.temporalProperty ? query.datetime : undefined });
      const rows = await sql.rows(`SELECT t.id, t.minx, t.miny${defs.map((def) => `, t.${def.name}`).join('')} FROM ${collection.id} AS t ${where} ORDER BY t.id`, params);
      const features = rows.map((row) => ({
        type: 'Feature' as const, id: Number(row.id), geometry: { type: 'Point' as const, coordinates: [Number(row.minx), Number(row.miny)] },
        properties: Object.fromEntries(defs.map((def) => [def.name, row[def.name] ?? null])),
      }));
      return { type: 'FeatureCollection', features } as FeatureCollection<Point, Record<string, unknown>>;
    },
    vectorTile: (collectionId, request) => vectorTile(tiles, collectionOrThrow(collectionId), request),
    async pointCoordinates(collectionId, filter) {
      const collection = collectionOrThrow(collectionId);
      if (collection.geometry !== 'Point') throw new Error(`${collection.id} is not a point collection`);
      const { where, params } = itemSql(collection, { filters: [], datetime: filter.datetime });
      const bind = binder(params);
      const conditions = filter.where.map((condition) => {
        if (!collection.properties.some((property) => property.name === condition.property)) throw new Error(`${collection.id} has no property ${condition.property}`);
        const within = `t.${condition.property} = ANY (${bind(condition.values)}::text[])`;
        // As SQL's NOT IN: a row without the property is left out, except that NOT IN an empty list takes every row.
        return condition.negate ? `NOT (${within})` : within;
      });
      const all = [where.replace(/^WHERE /, ''), ...conditions].filter(Boolean);
      const [row] = await sql.rows<{ x: number[] | null; y: number[] | null }>(
        `SELECT array_agg(t.minx) AS x, array_agg(t.miny) AS y FROM ${collection.id} AS t ${all.length ? `WHERE ${all.join(' AND ')}` : ''}`,
        params,
      );
      return { x: Float64Array.from(row.x ?? []), y: Float64Array.from(row.y ?? []) };
    },
    insert: async (collectionId, features) => {
      const collection = collectionOrThrow(collectionId);
      const rows = checkedRows(collection, features);
      await sql.atomic((tx) => insertRows(tx, collection, rows, features));
    },
    createAll: async (collectionId, features) => {
      const collection = collectionOrThrow(collectionId);
      checkedRows(collection, features.map((feature) => ({ ...feature, id: 0 })), features.length === 1 ? null : undefined);
      return sql.atomic(async (tx) => {
        // The high-water mark row is locked until commit: concurrent creators of one collection take turns.
        const [{ first }] = await tx.rows<{ first: number }>(
          `INSERT INTO feature_ids AS f (collection, last_id) VALUES ($1, (SELECT coalesce(max(id), 0) FROM ${collection.id}) + $2)
           ON CONFLICT (collection) DO UPDATE SET last_id = greatest(f.last_id + $2, excluded.last_id) RETURNING f.last_id - $2 + 1 AS first`,
          [collection.id, features.length],
        );
        const numbered = features.map((feature, index) => ({ ...feature, id: first + index }));
        await insertRows(tx, collection, checkedRows(collection, numbered, features.length === 1 ? null : undefined), numbered);
        return numbered.map((feature) => feature.id);
      });
    },
    async create(collectionId, feature) {
      const [id] = await store.createAll(collectionId, [feature]);
      return (await store.get(collectionId, id))!;
    },
    replace: async (collectionId, id, feature) => {
      const collection = collectionOrThrow(collectionId);
      const rows = checkedRows(collection, [{ ...feature, id }], null);
      return sql.atomic(async (tx) => {
        if (!(await deleteRow(tx, collection, id))) return undefined;
        await insertRows(tx, collection, rows, [feature]);
        const [row] = await tx.rows(`SELECT ${featureColumns(collection)} FROM ${collection.id} AS t WHERE t.id = $1`, [id]);
        return rowToFeature(collection, row);
      });
    },
    remove: async (collectionId, id) => {
      const collection = collectionOrThrow(collectionId);
      return sql.atomic(async (tx) => {
        const row = await deleteRow(tx, collection, id);
        return row && rowToFeature(collection, row);
      });
    },
    insertDataset: async (dataset) => {
      const checked = Object.entries(dataset).map(([id, layer]) => {
        const collection = collectionOrThrow(id);
        return { collection, rows: checkedRows(collection, layer.features), features: layer.features };
      });
      await sql.atomic(async (tx) => {
        for (const { collection, rows, features } of checked) await insertRows(tx, collection, rows, features);
      });
    },
    search: (query, limit) => search(sql, query, limit),
    async extent(collectionId, scope = { filters: [] }): Promise<Extent> {
      const collection = collectionOrThrow(collectionId);
      const { where, params } = itemSql(collection, scope);
      const [row] = await sql.rows<{ a: number | null; b: number; c: number; d: number; t0?: number | null; t1?: number | null }>(
        `SELECT min(t.minx) AS a, min(t.miny) AS b, max(t.maxx) AS c, max(t.maxy) AS d${
          collection.temporalProperty ? ', min(t.temporal_ms) AS t0, max(t.temporal_ms) AS t1' : ''
        } FROM ${collection.id} AS t ${where}`,
        params,
      );
      const interval: [string, string] | null = row.t0 != null && row.t1 != null ? [new Date(row.t0).toISOString(), new Date(row.t1).toISOString()] : null;
      return { bbox: row.a === null ? null : [row.a, row.b, row.c, row.d], interval };
    },
    async counts() {
      const [row] = await sql.rows(`SELECT ${COLLECTIONS.map((collection) => `(SELECT count(*) FROM ${collection.id}) AS ${collection.id}`).join(', ')}`);
      return Object.fromEntries(COLLECTIONS.map((collection) => [collection.id, Number(row[collection.id])]));
    },
  };
  return store;
}
