import type { Geometry } from 'geojson';
import type { CollectionDef } from '../../collections/types.ts';
import type { SqliteDatabase } from './database.ts';
import type { ItemQuery, TileFeature } from '../features.ts';
import { LOW_ZOOMS } from '../tile-grid.ts';
import { itemSql } from './item-sql.ts';
import { propertiesAtZoom } from '../vector-tiles.ts';
import type { LowZoomStore } from './low-zoom.ts';
import type { TileReader } from '../node-tiles/build.ts';
import { decodeProperty } from './points-sql.ts';

/**
 * The features of a vector tile: the id, the properties and the geometry only, never a count. Below LOW_ZOOMS they
 * carry the collection's `tileProperties`, and lines come from the generalised store, merged; a point's geometry is
 * its bbox corner, so no JSON is parsed.
 */
export function readTileFeatures(db: SqliteDatabase, lowZoom: LowZoomStore, collection: CollectionDef, query: ItemQuery, zoom: number): TileFeature[] {
  if (collection.geometry === 'Line' && zoom < LOW_ZOOMS && query.bbox) {
    const rest = itemSql(collection, { ...query, bbox: undefined });
    return lowZoom.lines(collection, query.bbox, zoom, { sql: rest.where.replace(/^WHERE /, ''), params: rest.params }, query.limit);
  }
  const names = propertiesAtZoom(collection, zoom);
  const definitions = names.map((name) => collection.properties.find((property) => property.name === name)!);
  const sql = itemSql(collection, query);
  const geometry = collection.geometry === 'Point' ? ['t.minx', 't.miny'] : ['t.geometry'];
  const columns = ['t.id', ...names.map((name) => `t.${name}`), ...geometry];
  const rows = db.prepare(`SELECT ${columns.join(', ')} FROM ${sql.from} ${sql.where} ORDER BY t.id LIMIT ?`).raw().all(...sql.params, query.limit) as unknown[][];
  return rows.map((row) => {
    const properties: Record<string, unknown> = {};
    definitions.forEach((definition, index) => (properties[definition.name] = decodeProperty(definition, row[index + 1])));
    const [first, second] = row.slice(names.length + 1);
    const shape: Geometry = collection.geometry === 'Point' ? { type: 'Point', coordinates: [Number(first), Number(second)] } : (JSON.parse(String(first)) as Geometry);
    return { type: 'Feature', id: Number(row[0]), geometry: shape, properties };
  });
}

/** The reads the Node tile builder (`node-tiles/build.ts`) makes of this database: the aggregates and the generalised lines. */
export function createSqliteTileReader(db: SqliteDatabase, lowZoom: LowZoomStore): TileReader {
  return { thinTile: lowZoom.thinTile, tileFeatures: (collection, query, zoom) => readTileFeatures(db, lowZoom, collection, query, zoom) };
}
