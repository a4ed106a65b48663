import type { CollectionDef } from '../../collections/types.ts';
import { MAX_LATITUDE, tileBounds } from '../../geometry/web-mercator.ts';
import type { ItemQuery, TimeRange } from '../features.ts';
import { ALL_MONTHS, CELL_BITS, LOW_ZOOMS, MAX_FEATURES_PER_TILE, partOfQuery, splitByMonths, THIN_BELOW_ZOOM } from '../tile-grid.ts';
import { propertiesAtZoom, tileReach, type TileRequest } from '../vector-tiles.ts';
import type { Sql } from './database.ts';
import { binder } from './filter-sql.ts';
import { itemSql } from './item-sql.ts';
import { lowZoomLinesSql } from './low-zoom-lines-sql.ts';
import { encoderGeneralised, layerSql, mvtGeometry, propertyColumns } from './mvt-sql.ts';
import { isPartitioned } from './partitions.ts';

type Statement = { text: string; params: unknown[] };

/**
 * The column and row of a point's cell in the grid of tile z (the tiles of zoom z + CELL_BITS), computed as
 * `cellOf` (`tile-grid.ts`, through `tileOfPosition`) computes it: the same float8 operations in the same order, so a
 * point on a cell's edge falls in the same cell on either provider.
 */
function cellColumns(z: number, bind: (value: unknown) => string): string {
  const n = bind(2 ** (z + CELL_BITS)), limit = bind(MAX_LATITUDE);
  const latitude = `((greatest(-${limit}::float8, least(${limit}::float8, t.miny)) * pi()) / 180)`;
  const column = `floor(((t.minx + 180) / 360) * ${n}::float8)`;
  const row = `floor(((1 - ln(tan(${latitude}) + 1 / cos(${latitude})) / pi()) / 2) * ${n}::float8)`;
  const clamp = (value: string) => `least(${n}::float8 - 1, greatest(0, ${value}))::bigint`;
  return `${clamp(column)} AS cell_column, ${clamp(row)} AS cell_row`;
}

/**
 * Points below THIN_BELOW_ZOOM: one per cell of the tile's grid, the lowest id among the matching points there,
 * with `point_count` when it stands for more than itself. A point on the tile's edge belongs to the tile its cell
 * is in.
 */
function thinnedPoints(collection: CollectionDef, { z, x, y, datetime, scope }: TileRequest): Statement {
  const { where, params } = itemSql(collection, { datetime, filters: scope.filters, ids: scope.ids });
  const bind = binder(params);
  const [west, south, east, north] = tileBounds(z, x, y);
  // The box only through the index: the cell decides exactly which points are the tile's.
  const conditions = [where.replace(/^WHERE /, ''), `t.geom && ST_MakeEnvelope(${bind(west)}, ${bind(south)}, ${bind(east)}, ${bind(north)}, 4326)`].filter(Boolean);
  const properties = propertyColumns(collection, propertiesAtZoom(collection, z), scope.redaction, bind);
  const shift = bind(CELL_BITS);
  // Materialised, so that each point's cell is computed once (inlined, the filter and the grouping would each compute it).
  const cells = `WITH c AS MATERIALIZED (SELECT t.id, ${cellColumns(z, bind)} FROM ${collection.id} AS t WHERE ${conditions.join(' AND ')}),
    k AS (SELECT min(c.id) AS id, count(*) AS n FROM c
      WHERE c.cell_column >> ${shift}::int = ${bind(x)} AND c.cell_row >> ${shift}::int = ${bind(y)} GROUP BY c.cell_column, c.cell_row)`;
  const features = `SELECT t.id, ${properties.map((column) => `${column}, `).join('')}CASE WHEN k.n > 1 THEN k.n END AS point_count,
    ${mvtGeometry('ST_Transform(t.geom, 3857)', { z, x, y }, bind)} AS geom FROM k JOIN ${collection.id} AS t ON t.id = k.id`;
  return { text: `${cells} ${layerSql(collection.id, features, true, bind)}`, params };
}

/**
 * Points below LOW_ZOOMS, thinned as `thinnedPoints` thins them, from `point_cells` (migration 006): the whole months
 * of the period summed there, in the one part the scope reads, and only its ragged ends (`pieces`) binned from the
 * points, so a tile reads at most 256 counts a month instead of every point under it. The lowest id of a cell comes
 * with the month it is in, so it is fetched from that month's partition alone.
 */
function aggregatedPoints(collection: CollectionDef, { z, x, y, scope }: TileRequest, part: string, [first, last]: [number, number], pieces: TimeRange[]): Statement {
  const params: unknown[] = [];
  const bind = binder(params);
  const byMonth = isPartitioned(collection);
  const whole = `SELECT p.cell, p.n, p.min_id AS id${byMonth ? ', netguard_month_start(p.month) AS lo, netguard_month_start(p.month + 1) AS hi' : ''}
    FROM point_cells AS p WHERE p.collection = ${bind(collection.id)} AND p.z = ${bind(z)}::smallint AND p.x = ${bind(x)}::int AND p.y = ${bind(y)}::int
      AND p.part = ${bind(part)}::text AND p.month BETWEEN ${bind(first)}::int AND ${bind(last)}::int`;
  let ragged = '';
  if (pieces.length > 0) {
    const { where } = itemSql(collection, { filters: scope.filters }, params);
    const [west, south, east, north] = tileBounds(z, x, y);
    const conditions = [where.replace(/^WHERE /, ''), `(${pieces.map((piece) => `(t.temporal_ms >= ${bind(piece.startMs)} AND t.temporal_ms <= ${bind(piece.endMs)})`).join(' OR ')})`,
      `t.geom && ST_MakeEnvelope(${bind(west)}, ${bind(south)}, ${bind(east)}, ${bind(north)}, 4326)`].filter(Boolean);
    const shift = bind(CELL_BITS);
    ragged = `WITH c AS MATERIALIZED (SELECT t.id, t.temporal_ms, ${cellColumns(z, bind)} FROM ${collection.id} AS t WHERE ${conditions.join(' AND ')})
      SELECT ((c.cell_row & 15) * 16 + (c.cell_column & 15))::smallint AS cell, 1::bigint AS n, c.id${byMonth ? ', c.temporal_ms AS lo, c.temporal_ms + 1 AS hi' : ''}
      FROM c WHERE c.cell_column >> ${shift}::int = ${bind(x)} AND c.cell_row >> ${shift}::int = ${bind(y)}`;
  }
  const counted = ragged ? `${whole} UNION ALL (${ragged})` : whole;
  const kept = `SELECT DISTINCT ON (u.cell) u.id, ${byMonth ? 'u.lo, u.hi, ' : ''}sum(u.n) OVER (PARTITION BY u.cell)::bigint AS n FROM (${counted}) AS u ORDER BY u.cell, u.id`;
  const properties = propertyColumns(collection, propertiesAtZoom(collection, z), scope.redaction, bind);
  const features = `SELECT t.id, ${properties.map((column) => `${column}, `).join('')}CASE WHEN k.n > 1 THEN k.n END AS point_count,
    ${mvtGeometry('ST_Transform(t.geom, 3857)', { z, x, y }, bind)} AS geom
    FROM (${kept}) AS k JOIN ${collection.id} AS t ON t.id = k.id${byMonth ? ' AND t.temporal_ms >= k.lo AND t.temporal_ms < k.hi' : ''}`;
  return { text: layerSql(collection.id, features, true, bind), params };
}

/** Every other tile: the features under the tile and its buffer, the lowest MAX_FEATURES_PER_TILE ids, redacted. */
function features(collection: CollectionDef, { z, x, y, datetime, scope }: TileRequest): Statement {
  const query: Omit<ItemQuery, 'limit' | 'offset'> = { bbox: tileReach(z, x, y), datetime, filters: scope.filters, ids: scope.ids };
  const { where, params } = itemSql(collection, query);
  const bind = binder(params);
  const properties = propertyColumns(collection, propertiesAtZoom(collection, z), scope.redaction, bind);
  const chosen = `SELECT t.* FROM ${collection.id} AS t ${where} ORDER BY t.id LIMIT ${bind(MAX_FEATURES_PER_TILE)}`;
  const geometry = mvtGeometry(encoderGeneralised('t.geom', collection.geometry, z, bind), { z, x, y }, bind);
  const rows = `SELECT t.id, ${properties.map((column) => `${column}, `).join('')}${geometry} AS geom FROM (${chosen}) AS t`;
  return { text: layerSql(collection.id, rows, true, bind), params };
}

/** The one statement that encodes tile z/x/y of a collection (`vectorTile`), with its parameters. */
export function tileStatement(collection: CollectionDef, request: TileRequest): Statement {
  if (collection.geometry === 'Point' && request.z < THIN_BELOW_ZOOM) {
    const part = request.z < LOW_ZOOMS ? partOfQuery(collection, request.scope) : null;
    const split = collection.temporalProperty ? splitByMonths(request.datetime) : { months: [0, 0] as [number, number], pieces: [] };
    if (part === null || !split.months) return thinnedPoints(collection, request);
    const months = split.months.map((month, index) => (Number.isFinite(month) ? month : ALL_MONTHS[index])) as [number, number];
    return aggregatedPoints(collection, request, part, months, split.pieces);
  }
  return collection.geometry === 'Line' && request.z < LOW_ZOOMS ? lowZoomLinesSql(collection, request)
      : features(collection, request);
}

/**
 * Tile z/x/y of a collection encoded by PostGIS (ST_AsMVT, ST_AsMVTGeom, ST_TileEnvelope) under the same rules as
 * the Node encoder's tiles (`FeatureStore.vectorTile`), in one statement.
 */
export async function vectorTile(sql: Sql, collection: CollectionDef, request: TileRequest): Promise<Uint8Array> {
  const statement = tileStatement(collection, request);
  const [row] = await sql.rows<{ tile: Buffer }>(statement.text, statement.params);
  return new Uint8Array(row.tile.buffer, row.tile.byteOffset, row.tile.byteLength);
}
