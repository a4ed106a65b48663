import { simplify } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { COLLECTIONS } from '../../collections/registry.ts';
import type { CollectionDef } from '../../collections/types.ts';
import type { SqliteDatabase } from '../../db/open.ts';
import { tileBounds, tileOfPosition } from '../../geometry/web-mercator.ts';
import type { ItemQuery, TileFeature, TimeRange } from '../provider.ts';
import { CELL_BITS, CELLS_PER_SIDE, cellOf, COARSE_BELOW_ZOOM, LOW_ZOOMS, monthOf, monthStart, splitByMonths } from '../tile-grid.ts';
import { itemSql } from './item-sql.ts';
import { decodeProperty } from './points-sql.ts';
import type { Row } from './rows.ts';

/**
 * Lines are simplified twice: for country zooms (below COARSE_BELOW_ZOOM) and for the rest of the low zooms, each at
 * half a screen pixel (512-pixel tiles) of the deepest zoom it serves, so the simplification never shows.
 */
const halfPixel = (zoom: number) => 360 / (2 ** zoom * 512) / 2;
const COARSE_TOLERANCE = halfPixel(COARSE_BELOW_ZOOM - 1);
const FINE_TOLERANCE = halfPixel(LOW_ZOOMS - 1);
const DEEPEST = LOW_ZOOMS - 1;
/** Months far outside any data: an open end of a time range. */
const ALL_MONTHS: [number, number] = [-1e6, 1e6];

export type ThinnedCell = { id: number; count: number };

// About a metre: far below half a pixel at any low zoom, and shorter text to parse.
const round = (position: Position): Position => [Math.round(position[0] * 1e5) / 1e5, Math.round(position[1] * 1e5) / 1e5];

function generalise(geometry: Geometry, tolerance: number): Geometry {
  const simple = simplify(geometry as Geometry, { tolerance, highQuality: false, mutate: false }) as Geometry;
  if (simple.type === 'LineString') return { type: 'LineString', coordinates: simple.coordinates.map(round) };
  if (simple.type === 'MultiLineString') return { type: 'MultiLineString', coordinates: simple.coordinates.map((line) => line.map(round)) };
  return simple;
}

/** The properties a low-zoom tile carries: `tileProperties`, else all. */
export const tilePropertyNames = (collection: CollectionDef): readonly string[] => collection.tileProperties ?? collection.properties.map((property) => property.name);

/**
 * A generalised line's parts as stored: each part's coordinates as JSON, parts separated by commas and not enclosed,
 * so that SQL can join many lines' parts into one list by concatenation.
 */
function packParts(geometry: Geometry): string {
  const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  return parts.map((part) => JSON.stringify(part)).join(',');
}

const lineGeometry = (parts: Position[][]): Geometry => (parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts });

/** The tile properties of a row of `values`, a JSON array in `tilePropertyNames` order. */
function unpackProperties(collection: CollectionDef, values: string): Record<string, unknown> {
  const list = JSON.parse(values) as unknown[];
  return Object.fromEntries(tilePropertyNames(collection).map((name, index) => [name, list[index]]));
}

/** The zoom from which a line is drawn: by its collection's `tileMinZoom` rule, else from zoom 0. */
function minZoomOf(collection: CollectionDef, row: Row): number {
  const rule = collection.tileMinZoom;
  return rule ? (rule.zooms[String(row[rule.property])] ?? 0) : 0;
}

/**
 * What low-zoom vector tiles read instead of every feature under them, kept in step with the feature tables by the
 * provider inside each write's transaction:
 * - `point_cells`: for every Point collection, zoom below LOW_ZOOMS, tile, cell and month, how many points there are
 *   and the lowest id among them (the one a thinned tile shows);
 * - `line_generalised`: every line as a tile feature, simplified for country and for regional zooms, under an R*Tree
 *   whose third dimension is the zoom the line appears from.
 */
export function createLowZoomStore(db: SqliteDatabase) {
  const upsertCell = db.prepare(`INSERT INTO point_cells (collection, z, x, y, month, cell, n, min_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET n = n + excluded.n, min_id = min(min_id, excluded.min_id)`);
  const decrementCell = db.prepare('UPDATE point_cells SET n = n - 1 WHERE collection = ? AND z = ? AND x = ? AND y = ? AND month = ? AND cell = ? RETURNING n, min_id');
  const deleteCell = db.prepare('DELETE FROM point_cells WHERE collection = ? AND z = ? AND x = ? AND y = ? AND month = ? AND cell = ?');
  const setCellMin = db.prepare('UPDATE point_cells SET min_id = ? WHERE collection = ? AND z = ? AND x = ? AND y = ? AND month = ? AND cell = ?');
  const readCells = db.prepare('SELECT cell, sum(n), min(min_id) FROM point_cells WHERE collection = ? AND z = ? AND x = ? AND y = ? AND month BETWEEN ? AND ? GROUP BY cell');
  const insertLine = db.prepare('INSERT INTO line_generalised (collection, id, property_values, coarse, fine) VALUES (?, ?, ?, ?, ?)');
  const insertLineBox = db.prepare('INSERT INTO line_generalised_rtree (gid, minx, maxx, miny, maxy, min_zoom, max_zoom) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const deleteLine = db.prepare('DELETE FROM line_generalised WHERE collection = ? AND id = ? RETURNING gid');
  const deleteLineBox = db.prepare('DELETE FROM line_generalised_rtree WHERE gid = ?');

  const monthOfRow = (collection: CollectionDef, row: Row) => (collection.temporalProperty && typeof row.temporal_ms === 'number' ? monthOf(row.temporal_ms) : 0);

  /** Every low-zoom cell a point falls in, from one projection at the deepest zoom. */
  function cellsOfPoint(lon: number, lat: number): { z: number; x: number; y: number; cell: number }[] {
    const [column, row] = tileOfPosition(lon, lat, DEEPEST + CELL_BITS);
    const mask = CELLS_PER_SIDE - 1;
    return Array.from({ length: LOW_ZOOMS }, (_, z) => {
      const c = column >> (DEEPEST - z), r = row >> (DEEPEST - z);
      return { z, x: c >> CELL_BITS, y: r >> CELL_BITS, cell: (r & mask) * CELLS_PER_SIDE + (c & mask) };
    });
  }

  /** The lowest id left in one cell and month, after the one holding that place was removed. */
  function lowestIdInCell(collection: CollectionDef, z: number, x: number, y: number, month: number, cell: number): number | undefined {
    const column = x * CELLS_PER_SIDE + (cell % CELLS_PER_SIDE), row = y * CELLS_PER_SIDE + Math.floor(cell / CELLS_PER_SIDE);
    const [w, s, e, n] = tileBounds(z + CELL_BITS, column, row);
    const time: TimeRange | undefined = collection.temporalProperty ? { startMs: monthStart(month), endMs: monthStart(month + 1) - 1 } : undefined;
    const sql = itemSql(collection, { bbox: [w, s, e, n], datetime: time, filters: [], limit: 0, offset: 0 });
    const rows = db.prepare(`SELECT t.id, t.minx, t.miny FROM ${sql.from} ${sql.where} ORDER BY t.id`).raw().all(...sql.params) as [number, number, number][];
    return rows.find(([, lon, lat]) => { const at = cellOf(lon, lat, z); return at.x === x && at.y === y && at.cell === cell; })?.[0];
  }

  const store = {
    /** Records newly inserted rows (with their parsed geometries). */
    added(collection: CollectionDef, rows: readonly Row[], geometries: readonly Geometry[]): void {
      if (collection.geometry === 'Point') {
        const cells = new Map<string, [number, number, number, number, number, number, number]>();
        for (const row of rows) {
          const id = Number(row.id), month = monthOfRow(collection, row);
          for (const { z, x, y, cell } of cellsOfPoint(Number(row.minx), Number(row.miny))) {
            const key = `${z}/${x}/${y}/${month}/${cell}`;
            const entry = cells.get(key);
            if (entry) {
              entry[5] += 1;
              entry[6] = Math.min(entry[6], id);
            } else cells.set(key, [z, x, y, month, cell, 1, id]);
          }
        }
        for (const entry of cells.values()) upsertCell.run(collection.id, ...entry);
      } else if (collection.geometry === 'Line') {
        rows.forEach((row, index) => {
          // Stored with their tile properties, so a low-zoom tile reads this table alone.
          const values = JSON.stringify(tilePropertyNames(collection).map((name) => decodeProperty(collection.properties.find((property) => property.name === name)!, row[name])));
          const parts = (tolerance: number) => packParts(generalise(geometries[index], tolerance));
          const { lastInsertRowid } = insertLine.run(collection.id, row.id, values, parts(COARSE_TOLERANCE), parts(FINE_TOLERANCE));
          const zoom = minZoomOf(collection, row);
          insertLineBox.run(lastInsertRowid, row.minx, row.maxx, row.miny, row.maxy, zoom, zoom);
        });
      }
    },
    /** Forgets a row already deleted from its table. */
    removed(collection: CollectionDef, row: Row): void {
      if (collection.geometry === 'Point') {
        const id = Number(row.id), month = monthOfRow(collection, row);
        for (const { z, x, y, cell } of cellsOfPoint(Number(row.minx), Number(row.miny))) {
          const key = [collection.id, z, x, y, month, cell] as const;
          const left = decrementCell.get(...key) as { n: number; min_id: number } | undefined;
          if (!left) continue;
          if (left.n <= 0) deleteCell.run(...key);
          else if (left.min_id === id) setCellMin.run(lowestIdInCell(collection, z, x, y, month, cell), ...key);
        }
      } else if (collection.geometry === 'Line') {
        for (const { gid } of deleteLine.all(collection.id, row.id) as { gid: number }[]) deleteLineBox.run(gid);
      }
    },
    /**
     * One point per cell of tile z/x/y, the lowest id, with how many matching points it stands for. Whole months of
     * an unfiltered low-zoom tile come from `point_cells`; everything else is binned from the points.
     */
    thinTile(collection: CollectionDef, tile: { z: number; x: number; y: number }, query: ItemQuery): ThinnedCell[] {
      const { z, x, y } = tile;
      const kept = new Map<number, ThinnedCell>();
      const add = (cell: number, id: number, count: number) => {
        const entry = kept.get(cell);
        if (entry) {
          entry.count += count;
          entry.id = Math.min(entry.id, id);
        } else kept.set(cell, { id, count });
      };
      const binPoints = (pointQuery: ItemQuery) => {
        const sql = itemSql(collection, { ...pointQuery, bbox: tileBounds(z, x, y) });
        for (const [id, lon, lat] of db.prepare(`SELECT t.id, t.minx, t.miny FROM ${sql.from} ${sql.where}`).raw().all(...sql.params) as [number, number, number][]) {
          const at = cellOf(lon, lat, z);
          if (at.x === x && at.y === y) add(at.cell, id, 1);
        }
      };
      const aggregated = z < LOW_ZOOMS && query.filters.length === 0 && !query.ids;
      if (!aggregated) binPoints(query);
      else {
        const split = collection.temporalProperty ? splitByMonths(query.datetime) : { months: [0, 0] as [number, number], pieces: [] };
        if (split.months) {
          const [first, last] = split.months.map((month, index) => (Number.isFinite(month) ? month : ALL_MONTHS[index]));
          for (const [cell, count, id] of readCells.raw().all(collection.id, z, x, y, first, last) as [number, number, number][]) add(cell, id, count);
        }
        for (const piece of split.pieces) binPoints({ ...query, datetime: piece });
      }
      return [...kept.values()];
    },
    /**
     * Generalised lines under a bbox at a low zoom, leaving out those drawn only from a deeper zoom and those `where`
     * (conditions on the feature table `t`) excludes. At country zooms lines with the same properties come merged, as
     * one MultiLineString with `line_count` and no id: SQLite joins their parts' text, and one parse reads them all.
     */
    lines(collection: CollectionDef, bbox: [number, number, number, number], zoom: number, where: { sql: string; params: unknown[] }, limit: number): TileFeature[] {
      const [w, s, e, n] = bbox;
      const from = `line_generalised_rtree AS r CROSS JOIN line_generalised AS g ON g.gid = r.gid${where.sql ? ` CROSS JOIN ${collection.id} AS t ON t.id = g.id` : ''}`;
      const conditions = ['r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ? AND r.min_zoom <= ? AND g.collection = ?', ...(where.sql ? [where.sql] : [])];
      const params = [e, w, n, s, zoom, collection.id, ...where.params, limit];
      const chosen = `SELECT g.id, g.property_values, g.${zoom < COARSE_BELOW_ZOOM ? 'coarse' : 'fine'} AS parts FROM ${from} WHERE ${conditions.join(' AND ')}`;
      if (zoom < COARSE_BELOW_ZOOM) {
        // Merged lines have no order to keep, so no sort: the R*Tree's order decides which lines a full tile keeps.
        const groups = db.prepare(`SELECT property_values, count(*), '[' || group_concat(parts, ',') || ']' FROM (${chosen} LIMIT ?) GROUP BY property_values ORDER BY property_values`).raw().all(...params) as [string, number, string][];
        return groups.map(([values, count, parts]) => ({
          type: 'Feature', geometry: { type: 'MultiLineString', coordinates: JSON.parse(parts) as Position[][] }, properties: { ...unpackProperties(collection, values), line_count: count },
        }));
      }
      return (db.prepare(`${chosen} ORDER BY g.id LIMIT ?`).raw().all(...params) as [number, string, string][]).map(([id, values, parts]) => ({
        type: 'Feature', id, geometry: lineGeometry(JSON.parse(`[${parts}]`) as Position[][]), properties: unpackProperties(collection, values),
      }));
    },
    /** Builds what is missing for a database stored before these tables existed (once, at open). */
    backfill(): void {
      for (const collection of COLLECTIONS) {
        if (collection.geometry === 'Polygon') continue;
        const table = collection.geometry === 'Point' ? 'point_cells' : 'line_generalised';
        const empty = db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table} WHERE collection = ?) AND EXISTS (SELECT 1 FROM ${collection.id})`).pluck().get(collection.id);
        if (!empty) continue;
        // Read in id order, a page at a time: a statement may not write while another still iterates.
        const page = db.prepare(`SELECT * FROM ${collection.id} WHERE id > ? ORDER BY id LIMIT 10000`);
        db.transaction(() => {
          for (let rows = page.all(Number.MIN_SAFE_INTEGER) as Row[]; rows.length > 0; rows = page.all(rows[rows.length - 1].id) as Row[]) {
            store.added(collection, rows, collection.geometry === 'Line' ? rows.map((row) => JSON.parse(String(row.geometry)) as Geometry) : []);
          }
        })();
      }
    },
  };
  return store;
}
export type LowZoomStore = ReturnType<typeof createLowZoomStore>;
