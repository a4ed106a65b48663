import type { CollectionDef } from '../../collections/types.ts';
import type { SqliteDatabase } from './database.ts';
import { tileBounds } from '../../geometry/web-mercator.ts';
import type { ItemQuery, TimeRange } from '../features.ts';
import { ALL_MONTHS, CELL_BITS, CELLS_PER_SIDE, cellOf, LOW_ZOOMS, lowZoomCellsOf, monthOf, monthStart, partOfQuery, partsOf, splitByMonths } from '../tile-grid.ts';
import { itemSql } from './item-sql.ts';
import type { Row } from './rows.ts';

export type ThinnedCell = { id: number; count: number };
type Tile = { z: number; x: number; y: number };

const monthOfRow = (collection: CollectionDef, row: Row) => (collection.temporalProperty && typeof row.temporal_ms === 'number' ? monthOf(row.temporal_ms) : 0);

/**
 * `point_cells`: for every Point collection, low zoom, tile, part (all points, or one value of `aggregateBy`),
 * calendar month and cell of the tile's 16 × 16 grid, how many points there are and the lowest id among them (the one
 * a thinned tile shows). Each read is one range of the primary key.
 */
export function createPointCells(db: SqliteDatabase) {
  const key = 'collection = ? AND z = ? AND x = ? AND y = ? AND part = ? AND month = ? AND cell = ?';
  const upsert = db.prepare(`INSERT INTO point_cells (collection, z, x, y, part, month, cell, n, min_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET n = n + excluded.n, min_id = min(min_id, excluded.min_id)`);
  const decrement = db.prepare(`UPDATE point_cells SET n = n - 1 WHERE ${key} RETURNING n, min_id`);
  const remove = db.prepare(`DELETE FROM point_cells WHERE ${key}`);
  const setLowest = db.prepare(`UPDATE point_cells SET min_id = ? WHERE ${key}`);
  const read = db.prepare('SELECT cell, sum(n), min(min_id) FROM point_cells WHERE collection = ? AND z = ? AND x = ? AND y = ? AND part = ? AND month BETWEEN ? AND ? GROUP BY cell').raw();

  /** Matching points under a tile as [id, lon, lat, part], in no particular order. */
  function pointsOfTile(collection: CollectionDef, { z, x, y }: Tile, query: ItemQuery): [number, number, number, unknown][] {
    const sql = itemSql(collection, { ...query, bbox: tileBounds(z, x, y) });
    // The part column's name comes from the registry.
    const part = collection.aggregateBy ? `t.${collection.aggregateBy}` : 'NULL';
    return db.prepare(`SELECT t.id, t.minx, t.miny, ${part} FROM ${sql.from} ${sql.where}`).raw().all(...sql.params) as [number, number, number, unknown][];
  }

  /** The lowest id left in one cell, month and part, after the one holding that place was removed. */
  function lowestIdInCell(collection: CollectionDef, tile: Tile, part: string, month: number, cell: number): number | undefined {
    const column = tile.x * CELLS_PER_SIDE + (cell % CELLS_PER_SIDE), row = tile.y * CELLS_PER_SIDE + Math.floor(cell / CELLS_PER_SIDE);
    const time: TimeRange | undefined = collection.temporalProperty ? { startMs: monthStart(month), endMs: monthStart(month + 1) - 1 } : undefined;
    const candidates = pointsOfTile(collection, { z: tile.z + CELL_BITS, x: column, y: row }, { datetime: time, filters: [], limit: 0, offset: 0 });
    const ids = candidates.filter(([, lon, lat, value]) => {
      const at = cellOf(lon, lat, tile.z);
      return at.x === tile.x && at.y === tile.y && at.cell === cell && partsOf(collection, value).includes(part);
    }).map(([id]) => id);
    return ids.length > 0 ? Math.min(...ids) : undefined;
  }

  return {
    /** Counts newly inserted points, one upsert per cell touched. */
    added(collection: CollectionDef, rows: readonly Row[]): void {
      const cells = new Map<string, [number, number, number, string, number, number, number, number]>();
      for (const row of rows) {
        const id = Number(row.id), month = monthOfRow(collection, row);
        for (const part of partsOf(collection, row[collection.aggregateBy ?? ''])) {
          for (const { z, x, y, cell } of lowZoomCellsOf(Number(row.minx), Number(row.miny))) {
            const name = `${z}/${x}/${y}/${part}/${month}/${cell}`;
            const entry = cells.get(name);
            if (entry) {
              entry[6] += 1;
              entry[7] = Math.min(entry[7], id);
            } else cells.set(name, [z, x, y, part, month, cell, 1, id]);
          }
        }
      }
      for (const entry of cells.values()) upsert.run(collection.id, ...entry);
    },
    /** Uncounts a point already deleted from its table. */
    removed(collection: CollectionDef, row: Row): void {
      const id = Number(row.id), month = monthOfRow(collection, row);
      for (const part of partsOf(collection, row[collection.aggregateBy ?? ''])) {
        for (const { z, x, y, cell } of lowZoomCellsOf(Number(row.minx), Number(row.miny))) {
          const where = [collection.id, z, x, y, part, month, cell] as const;
          const left = decrement.get(...where) as { n: number; min_id: number } | undefined;
          if (!left) continue;
          if (left.n <= 0) remove.run(...where);
          else if (left.min_id === id) setLowest.run(lowestIdInCell(collection, { z, x, y }, part, month, cell), ...where);
        }
      }
    },
    /**
     * One point per cell of a tile, the lowest id, with how many matching points it stands for. Whole months of a
     * low-zoom tile, unfiltered or filtered on `aggregateBy` alone, come from the counts; everything else is binned
     * from the points.
     */
    thin(collection: CollectionDef, tile: Tile, query: ItemQuery): ThinnedCell[] {
      const kept = new Map<number, ThinnedCell>();
      const add = (cell: number, id: number, count: number) => {
        const entry = kept.get(cell);
        if (entry) {
          entry.count += count;
          entry.id = Math.min(entry.id, id);
        } else kept.set(cell, { id, count });
      };
      const binPoints = (pointQuery: ItemQuery) => {
        for (const [id, lon, lat] of pointsOfTile(collection, tile, pointQuery)) {
          const at = cellOf(lon, lat, tile.z);
          if (at.x === tile.x && at.y === tile.y) add(at.cell, id, 1);
        }
      };
      const part = partOfQuery(collection, query);
      if (tile.z >= LOW_ZOOMS || part === null) binPoints(query);
      else {
        const split = collection.temporalProperty ? splitByMonths(query.datetime) : { months: [0, 0] as [number, number], pieces: [] };
        if (split.months) {
          const [first, last] = split.months.map((month, index) => (Number.isFinite(month) ? month : ALL_MONTHS[index]));
          for (const [cell, count, id] of read.all(collection.id, tile.z, tile.x, tile.y, part, first, last) as [number, number, number][]) add(cell, id, count);
        }
        for (const piece of split.pieces) binPoints({ ...query, datetime: piece });
      }
      return [...kept.values()];
    },
  };
}
