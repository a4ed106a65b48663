import type { Feature, FeatureCollection } from 'geojson';
import { coordinatesSql, pointsSql, rowsToPoints } from './points-sql.ts';
import { COLLECTIONS, findCollection } from '../../collections/registry.ts';
import type { CollectionDef } from '../../collections/types.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';
import { Conflict } from '../../errors.ts';
import type { Extent, FeatureStore, ItemQuery, QueryResult, StoredFeature } from '../features.ts';
import { countMatched, itemSql, orderSql } from './item-sql.ts';
import { registerSpatialFunctions, type SpatialBudget } from './spatial-functions.ts';
import { featureToRow, rowToFeature, type Row } from './rows.ts';
import { indexForSearch, searchIndex } from './search-sql.ts';
import { createLowZoomStore, type LowZoomStore } from './low-zoom.ts';
import { createSqliteTileReader } from './tile-sql.ts';
import { batchesOf, streamHere } from '../export-stream.ts';
import { buildTileInNode } from '../node-tiles/build.ts';

function collectionOrThrow(id: string): CollectionDef {
  const collection = findCollection(id);
  if (!collection) throw new Error(`unknown collection ${id}`);
  return collection;
}

/** Runs `write` in a transaction, turning a duplicate id into Conflict so callers need not know SQLite's codes. */
function transact(db: SqliteDatabase, write: () => void): void {
  try {
    db.transaction(write).immediate();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new Conflict(`duplicate feature id: ${error.message}`);
    }
    throw error;
  }
}

function insertRows(db: SqliteDatabase, lowZoom: LowZoomStore, collection: CollectionDef, features: readonly Feature[], single?: null): void {
  const rows = features.map((feature, index) => featureToRow(collection, feature, single === null ? null : index));
  const columns = ['id', ...collection.properties.map((property) => property.name), 'geometry', 'minx', 'miny', 'maxx', 'maxy'];
  if (collection.temporalProperty) columns.push('temporal_ms');
  const insert = db.prepare(`INSERT INTO ${collection.id} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`);
  const insertBox = db.prepare(`INSERT INTO ${collection.id}_rtree (id, minx, maxx, miny, maxy) VALUES (@id, @minx, @maxx, @miny, @maxy)`);
  rows.forEach((row: Row, index) => {
    insert.run(row);
    insertBox.run(row);
    indexForSearch(db, collection, features[index].properties ?? {}, row);
  });
  lowZoom.added(collection, rows, features.map((feature) => feature.geometry));
  if (rows.length > 0) {
    db.prepare('INSERT INTO feature_ids (collection, last_id) VALUES (?, ?) ON CONFLICT (collection) DO UPDATE SET last_id = max(last_id, excluded.last_id)')
      .run(collection.id, rows.reduce((highest, row) => Math.max(highest, Number(row.id)), 0));
  }
}

/**
 * The first new id for `collection`: above every id it ever handed out or stored (`feature_ids`,
 * migration 042), so a deleted feature's id is never given to another one.
 */
function firstNewId(db: SqliteDatabase, collection: CollectionDef): number {
  return db.prepare(`SELECT max(coalesce((SELECT last_id FROM feature_ids WHERE collection = ?), 0), coalesce((SELECT max(id) FROM ${collection.id}), 0)) + 1`)
    .pluck().get(collection.id) as number;
}

/** Deletes a feature's row and everything indexing it; returns the row, undefined when there was none. */
function deleteRow(db: SqliteDatabase, lowZoom: LowZoomStore, collection: CollectionDef, id: number): Row | undefined {
  const row = db.prepare(`DELETE FROM ${collection.id} WHERE id = ? RETURNING *`).get(id) as Row | undefined;
  if (!row) return undefined;
  lowZoom.removed(collection, row);
  db.prepare(`DELETE FROM ${collection.id}_rtree WHERE id = ?`).run(id);
  // Only collections with search properties have rows there; FTS5 cannot index feature_id, so skip the scan otherwise.
  if (collection.searchProperties?.length) db.prepare('DELETE FROM search_index WHERE collection = ? AND feature_id = ?').run(collection.id, id);
  return row;
}

/**
 * An items query on `db` (read-only connections of `reader.ts` too): the page of features and the count. A CQL2
 * spatial filter's exact tests run within the budget `spatialBudget` set on that connection (`spatial-functions.ts`).
 */
export function queryFeatures(db: SqliteDatabase, collectionId: string, query: ItemQuery): QueryResult {
  const collection = collectionOrThrow(collectionId);
  const sql = itemSql(collection, query);
  const rows = db
    .prepare(`SELECT t.* FROM ${sql.from} ${sql.where} ${orderSql(collection, query)} LIMIT ? OFFSET ?`)
    .all(...sql.params, query.limit, query.offset) as Row[];
  // A page that is not full ends the matches, so it tells their number: the count query (the whole query again) is
  // needed only for a full page, or an empty one past the start.
  const numberMatched = rows.length < query.limit && (rows.length > 0 || query.offset === 0) ? query.offset + rows.length : countMatched(db, sql);
  return { features: rows.map((row) => rowToFeature(collection, row)), numberMatched };
}

/**
 * An export's features: every match of `query` in its order (limit and offset do not apply), from a cursor, each
 * row made a feature as it is read. Closing the iterator (`return`) closes the cursor.
 */
export function* exportFeatures(db: SqliteDatabase, collectionId: string, query: ItemQuery): Generator<StoredFeature, void, undefined> {
  const collection = collectionOrThrow(collectionId);
  const sql = itemSql(collection, query);
  const rows = db.prepare(`SELECT t.* FROM ${sql.from} ${sql.where} ${orderSql(collection, query)}`).iterate(...sql.params) as IterableIterator<Row>;
  for (const row of rows) yield rowToFeature(collection, row);
}

/**
 * The features of a migrated better-sqlite3 database (see `database.ts`), synchronously; `index.ts` makes it the
 * asynchronous FeatureStore. Multi-statement writes run in a transaction of their own, or join the open one.
 * `spatialBudget` bounds the exact spatial tests of a query run on this connection (`registerSpatialFunctions`).
 */
export function createSqliteFeatures(db: SqliteDatabase, spatialBudget: SpatialBudget = registerSpatialFunctions(db)): Sync<FeatureStore> {
  const lowZoom = createLowZoomStore(db);
  lowZoom.backfill();
  const tileReader = createSqliteTileReader(db, lowZoom);
  const provider: Sync<FeatureStore> = {
    query: (collectionId, query) => spatialBudget(() => queryFeatures(db, collectionId, query)),
    // On the main connection only for an in-memory database (tests); a file's exports stream from export threads
    // (`reader.ts`). The one connection serves every other call meanwhile, so the rows are read at once, not kept
    // in a cursor between chunks.
    exportStream: (collectionId, query, encoder, options) => streamHere(batchesOf(spatialBudget(() => [...exportFeatures(db, collectionId, query)]).values()), encoder, options),
    get(collectionId: string, id: number): StoredFeature | undefined {
      const collection = collectionOrThrow(collectionId);
      const row = db.prepare(`SELECT * FROM ${collection.id} WHERE id = ?`).get(id) as Row | undefined;
      return row && rowToFeature(collection, row);
    },
    points(collectionId, query) {
      const collection = collectionOrThrow(collectionId);
      const { sql, params } = pointsSql(collection, query);
      return rowsToPoints(collection, query.properties, db.prepare(sql).raw().all(...params) as unknown[][]);
    },
    // Built in Node from the low-zoom aggregates and generalised lines (migration 013), encoded by geojson-vt.
    vectorTile: (collectionId, request) => buildTileInNode(tileReader, collectionOrThrow(collectionId), request),
    pointCoordinates(collectionId, filter) {
      const { sql, params } = coordinatesSql(collectionOrThrow(collectionId), filter);
      const [xs, ys] = db.prepare(sql).raw().get(params) as [string, string];
      return { x: Float64Array.from(JSON.parse(xs) as number[]), y: Float64Array.from(JSON.parse(ys) as number[]) };
    },
    insert(collectionId: string, features: readonly Feature[]): void {
      const collection = collectionOrThrow(collectionId);
      transact(db, () => insertRows(db, lowZoom, collection, features));
    },
    createAll(collectionId, features) {
      const collection = collectionOrThrow(collectionId);
      return db.transaction(() => {
        const first = firstNewId(db, collection);
        const numbered = features.map((feature, index) => ({ ...feature, id: first + index }));
        insertRows(db, lowZoom, collection, numbered, features.length === 1 ? null : undefined);
        return numbered.map((feature) => feature.id);
      }).immediate();
    },
    create(collectionId, feature) {
      const [id] = provider.createAll(collectionId, [feature]);
      return provider.get(collectionId, id)!;
    },
    replace(collectionId, id, feature) {
      const collection = collectionOrThrow(collectionId);
      return db.transaction(() => {
        if (!deleteRow(db, lowZoom, collection, id)) return undefined;
        insertRows(db, lowZoom, collection, [{ ...feature, id }], null);
        return provider.get(collection.id, id)!;
      }).immediate();
    },
    remove(collectionId, id) {
      const collection = collectionOrThrow(collectionId);
      return db.transaction(() => {
        const row = deleteRow(db, lowZoom, collection, id);
        return row && rowToFeature(collection, row);
      }).immediate();
    },
    insertDataset(dataset: Record<string, FeatureCollection>): void {
      for (const id of Object.keys(dataset)) collectionOrThrow(id);
      transact(db, () => {
        for (const [id, collection] of Object.entries(dataset)) insertRows(db, lowZoom, collectionOrThrow(id), collection.features);
      });
    },
    search: (query, limit) => searchIndex(db, query, limit),
    extent(collectionId: string, scope: Pick<ItemQuery, 'filters' | 'ids'> = { filters: [] }): Extent {
      const collection = collectionOrThrow(collectionId);
      const sql = itemSql(collection, { ...scope, limit: 0, offset: 0 });
      const row = db
        .prepare(`SELECT min(t.minx) AS a, min(t.miny) AS b, max(t.maxx) AS c, max(t.maxy) AS d${
          collection.temporalProperty ? ', min(t.temporal_ms) AS t0, max(t.temporal_ms) AS t1' : ''
        } FROM ${sql.from} ${sql.where}`)
        .get(...sql.params) as { a: number | null; b: number; c: number; d: number; t0?: number | null; t1?: number | null };
      const interval: [string, string] | null =
        row.t0 != null && row.t1 != null ? [new Date(row.t0).toISOString(), new Date(row.t1).toISOString()] : null;
      return { bbox: row.a === null ? null : [row.a, row.b, row.c, row.d], interval };
    },
    counts(): Record<string, number> {
      return Object.fromEntries(
        COLLECTIONS.map((collection) => [collection.id, db.prepare(`SELECT count(*) FROM ${collection.id}`).pluck().get() as number]),
      );
    },
  };
  return provider;
}
