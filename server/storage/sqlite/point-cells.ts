import type { CollectionDef } from '../../collections/types.ts';
import type { SqliteDatabase } from '../../db/open.ts';
import { tileBounds, tileOfPosition } from '../../geometry/web-mercator.ts';
import type { ItemQuery, TimeRange } from '../provider.ts';
import { CELL_BITS, CELLS_PER_SIDE, cellOf, LOW_ZOOMS, monthOf, monthStart, splitByMonths } from '../tile-grid.ts';
import { itemSql } from './item-sql.ts';
import type { Row } from './rows.ts';

const DEEPEST = LOW_ZOOMS - 1;
/** Months far outside any data: an open end of a time range. */
const ALL_MONTHS: [number, number] = [-1e6, 1e6];

export type ThinnedCell = { id: number; count: number };
type Tile = { z: number; x: number; y: number };

/** Every low-zoom cell a point falls in, from one projection at the deepest zoom. */
function cellsOfPoint(lon: number, lat: number): (Tile & { cell: number })[] {
  const [column, row] = tileOfPosition(lon, lat, DEEPEST + CELL_BITS);
  const mask = CELLS_PER_SIDE - 1;
  return Array.from({ length: LOW_ZOOMS }, (_, z) => {
    const c = column >> (DEEPEST - z), r = row >> (DEEPEST - z);
    return { z, x: c >> CELL_BITS, y: r >> CELL_BITS, cell: (r & mask) * CELLS_PER_SIDE + (c & mask) };
  });
}

const monthOfRow = (collection: CollectionDef, row: Row) => (collection.temporalProperty && typeof row.temporal_ms === 'number' ? monthOf(row.temporal_ms) : 0);

/**
 * `point_cells`: for every Point collection, low zoom, tile, cell of its 16 × 16 grid and calendar month, how many
 * points there are and the lowest id among them (the one a thinned tile shows).
 */
export function createPointCells(db: SqliteDatabase) {
  const upsert = db.prepare(`INSERT INTO point_cells (collection, z, x, y, month, cell, n, min_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET n = n + excluded.n, min_id = min(min_id, excluded.min_id)`);
  const decrement = db.prepare('UPDATE point_cells SET n = n - 1 WHERE collection = ? AND z = ? AND x = ? AND y = ? AND month = ? AND cell = ? RETURNING n, min_id');
  const remove = db.prepare('DELETE FROM point_cells WHERE collection = ? AND z = ? AND x = ? AND y = ? AND month = ? AND cell = ?');
  const setLowest = db.prepare('UPDATE point_cells SET min_id = ? WHERE collection = ? AND z = ? AND x = ? AND y = ? AND month = ? AND cell = ?');
  const read = db.prepare('SELECT cell, sum(n), min(min_id) FROM point_cells WHERE collection = ? AND z = ? AND x = ? AND y = ? AND month BETWEEN ? AND ? GROUP BY cell').raw();

  /** Matching points under a tile as [id, lon, lat], the tile's own cells only. */
  function pointsOfTile(collection: CollectionDef, { z, x, y }: Tile, query: ItemQuery): [number, number, number][] {
    const sql = itemSql(collection, { ...query, bbox: tileBounds(z, x, y) });
    return db.prepare(`SELECT t.id, t.minx, t.miny FROM ${sql.from} ${sql.where} ORDER BY t.id`).raw().all(...sql.params) as [number, number, number][];
  }

  /** The lowest id left in one cell and month, after the one holding that place was removed. */
  function lowestIdInCell(collection: CollectionDef, tile: Tile, month: number, cell: number): number | undefined {
    const column = tile.x * CELLS_PER_SIDE + (cell % CELLS_PER_SIDE), row = tile.y * CELLS_PER_SIDE + Math.floor(cell / CELLS_PER_SIDE);
    const time: TimeRange | undefined = collection.temporalProperty ? { startMs: monthStart(month), endMs: monthStart(month + 1) - 1 } : undefined;
    const candidates = pointsOfTile(collection, { z: tile.z + CELL_BITS, x: column, y: row }, { datetime: time, filters: [], limit: 0, offset: 0 });
    return candidates.find(([, lon, lat]) => {
      const at = cellOf(lon, lat, tile.z);
      return at.x === tile.x && at.y === tile.y && at.cell === cell;
    })?.[0];
  }

  return {
    /** Counts newly inserted points, one upsert per cell touched. */
    added(collection: CollectionDef, rows: readonly Row[]): void {
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
      for (const entry of cells.values()) upsert.run(collection.id, ...entry);
    },
    /** Uncounts a point already deleted from its table. */
    removed(collection: CollectionDef, row: Row): void {
      const id = Number(row.id), month = monthOfRow(collection, row);
      for (const { z, x, y, cell } of cellsOfPoint(Number(row.minx), Number(row.miny))) {
        const key = [collection.id, z, x, y, month, cell] as const;
        const left = decrement.get(...key) as { n: number; min_id: number } | undefined;
        if (!left) continue;
        if (left.n <= 0) remove.run(...key);
        else if (left.min_id === id) setLowest.run(lowestIdInCell(collection, { z, x, y }, month, cell), ...key);
      }
    },
    /**
     * One point per cell of a tile, the lowest id, with how many matching points it stands for. Whole months of an
     * unfiltered low-zoom tile come from the counts; everything else is binned from the points.
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
      if (tile.z >= LOW_ZOOMS || query.filters.length > 0 || query.ids) binPoints(query);
      else {
        const split = collection.temporalProperty ? splitByMonths(query.datetime) : { months: [0, 0] as [number, number], pieces: [] };
        if (split.months) {
          const [first, last] = split.months.map((month, index) => (Number.isFinite(month) ? month : ALL_MONTHS[index]));
          for (const [cell, count, id] of read.all(collection.id, tile.z, tile.x, tile.y, first, last) as [number, number, number][]) add(cell, id, count);
        }
        for (const piece of split.pieces) binPoints({ ...query, datetime: piece });
      }
      return [...kept.values()];
    },
  };
}
