import { simplify } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { CollectionDef } from '../../collections/types.ts';
import { tileBounds } from '../../geometry/web-mercator.ts';
import type { ItemQuery, TileFeature } from '../features.ts';
import { cellOf, COARSE_BELOW_ZOOM, LOW_ZOOMS } from '../tile-grid.ts';
import type { Row, Sql } from './database.ts';
import { itemSql } from './item-sql.ts';

/** The properties a low-zoom tile carries: `tileProperties`, else all. */
const tilePropertyNames = (collection: CollectionDef): readonly string[] => collection.tileProperties ?? collection.properties.map((property) => property.name);

/**
 * Thins a Point collection for tile z/x/y on the shared grid (`tile-grid.ts`): the points in the tile's box (GiST),
 * each put in its cell by `cellOf` as every provider does, one per cell (the lowest id) with how many match.
 */
export async function thinTile(sql: Sql, collection: CollectionDef, tile: { z: number; x: number; y: number }, query: ItemQuery): Promise<{ id: number; count: number }[]> {
  if (collection.geometry !== 'Point') throw new Error(`${collection.id} is not a point collection`);
  const { where, params } = itemSql(collection, { ...query, bbox: tileBounds(tile.z, tile.x, tile.y) });
  const rows = await sql.rows<{ id: number; minx: number; miny: number }>(`SELECT t.id, t.minx, t.miny FROM ${collection.id} AS t ${where} ORDER BY t.id`, params);
  const cells = new Map<number, { id: number; count: number }>();
  for (const row of rows) {
    const cell = cellOf(row.minx, row.miny, tile.z);
    // A point on the tile's edge belongs to the tile its cell is in.
    if (cell.x !== tile.x || cell.y !== tile.y) continue;
    const kept = cells.get(cell.cell);
    if (kept) kept.count += 1;
    else cells.set(cell.cell, { id: row.id, count: 1 });
  }
  return [...cells.entries()].sort(([a], [b]) => a - b).map(([, kept]) => kept);
}

/**
 * Lines are simplified for country zooms (below COARSE_BELOW_ZOOM) and for the rest of the low zooms, each at half a
 * screen pixel (512-pixel tiles) of the deepest zoom it serves, as the SQLite provider's generalised lines are.
 */
const halfPixel = (zoom: number) => 360 / (2 ** zoom * 512) / 2;
const round = (position: Position): Position => [Math.round(position[0] * 1e5) / 1e5, Math.round(position[1] * 1e5) / 1e5];

function generalisedParts(geometry: Geometry, zoom: number): Position[][] {
  const tolerance = halfPixel(zoom < COARSE_BELOW_ZOOM ? COARSE_BELOW_ZOOM - 1 : LOW_ZOOMS - 1);
  const simple = simplify(geometry, { tolerance, highQuality: false, mutate: false }) as Geometry;
  const parts = simple.type === 'LineString' ? [simple.coordinates] : simple.type === 'MultiLineString' ? simple.coordinates : [];
  return parts.map((part) => part.map(round));
}

/** Low-zoom lines under the tile: those drawn from this zoom on (`tileMinZoom`), generalised, merged by their tile properties. */
async function lowZoomLines(sql: Sql, collection: CollectionDef, query: ItemQuery, zoom: number): Promise<TileFeature[]> {
  const names = tilePropertyNames(collection);
  const rule = collection.tileMinZoom;
  // As SQLite's generalised lines: the lines whose box meets the tile's, drawn from this zoom on (a value without a
  // rule from zoom 0), the other conditions of the query, up to the limit.
  const { where, params } = itemSql(collection, { ...query, bbox: undefined });
  const [west, south, east, north] = query.bbox!;
  const conditions = [where.replace(/^WHERE /, ''), `t.minx <= $${params.push(east)} AND t.maxx >= $${params.push(west)} AND t.miny <= $${params.push(north)} AND t.maxy >= $${params.push(south)}`];
  if (rule) conditions.push(`coalesce(($${params.push(JSON.stringify(rule.zooms))}::jsonb ->> t.${rule.property})::int, 0) <= $${params.push(zoom)}`);
  const columns = [...names.map((name) => `t.${name}`), 't.geometry'];
  const rows = await sql.rows<Row>(`SELECT ${columns.join(', ')} FROM ${collection.id} AS t WHERE ${conditions.filter(Boolean).join(' AND ')} ORDER BY t.id LIMIT $${params.push(query.limit)}`, params);
  const groups = new Map<string, { count: number; parts: Position[][] }>();
  for (const row of rows) {
    const key = JSON.stringify(names.map((name) => row[name] ?? null));
    const group = groups.get(key) ?? { count: 0, parts: [] };
    group.count += 1;
    group.parts.push(...generalisedParts(JSON.parse(String(row.geometry)) as Geometry, zoom));
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, group]) => {
    const values = JSON.parse(key) as unknown[];
    return { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: group.parts }, properties: { ...Object.fromEntries(names.map((name, index) => [name, values[index]])), line_count: group.count } };
  });
}

/**
 * The features of a vector tile, ordered by id up to the limit, never counted. Below LOW_ZOOMS they carry the
 * collection's `tileProperties`, and lines come generalised and merged (`lowZoomLines`).
 */
export async function tileFeatures(sql: Sql, collection: CollectionDef, query: ItemQuery, zoom: number): Promise<TileFeature[]> {
  if (collection.geometry === 'Line' && zoom < LOW_ZOOMS && query.bbox) return lowZoomLines(sql, collection, query, zoom);
  const names = zoom < LOW_ZOOMS ? tilePropertyNames(collection) : collection.properties.map((property) => property.name);
  const { where, params } = itemSql(collection, query);
  const rows = await sql.rows<Row>(`SELECT t.id, ${names.map((name) => `t.${name}, `).join('')}t.minx, t.miny, t.geometry FROM ${collection.id} AS t ${where} ORDER BY t.id LIMIT $${params.length + 1}`,
    [...params, query.limit]);
  return rows.map((row) => ({
    type: 'Feature', id: Number(row.id),
    geometry: collection.geometry === 'Point' ? { type: 'Point', coordinates: [Number(row.minx), Number(row.miny)] } : (JSON.parse(String(row.geometry)) as Geometry),
    properties: Object.fromEntries(names.map((name) => [name, row[name] ?? null])),
  }));
}
