import type { Geometry } from 'geojson';
import { COLLECTIONS } from '../../collections/registry.ts';
import type { CollectionDef } from '../../collections/types.ts';
import type { SqliteDatabase } from './database.ts';
import { createGeneralisedLines } from './generalised-lines.ts';
import { createPointCells } from './point-cells.ts';
import type { Row } from './rows.ts';

/**
 * What low-zoom vector tiles read instead of every feature under them (migration 013): point counts per cell and
 * month, and generalised lines. The provider calls `added` and `removed` inside each write's transaction, so they
 * never drift from the feature tables.
 */
export function createLowZoomStore(db: SqliteDatabase) {
  const points = createPointCells(db);
  const lines = createGeneralisedLines(db);
  const store = {
    /** Records newly inserted rows (with their parsed geometries). */
    added(collection: CollectionDef, rows: readonly Row[], geometries: readonly Geometry[]): void {
      if (collection.geometry === 'Point') points.added(collection, rows);
      else if (collection.geometry === 'Line') lines.added(collection, rows, geometries);
    },
    /** Forgets a row already deleted from its table. */
    removed(collection: CollectionDef, row: Row): void {
      if (collection.geometry === 'Point') points.removed(collection, row);
      else if (collection.geometry === 'Line') lines.removed(collection, row);
    },
    thinTile: points.thin,
    lines: lines.read,
    /** Builds what is missing for a database stored before these tables existed (once, at open). */
    backfill(): void {
      for (const collection of COLLECTIONS) {
        if (collection.geometry === 'Polygon') continue;
        const table = collection.geometry === 'Point' ? 'point_cells' : 'line_generalised';
        const missing = db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table} WHERE collection = ?) AND EXISTS (SELECT 1 FROM ${collection.id})`).pluck().get(collection.id);
        if (!missing) continue;
        // Read in id order, a page at a time: a statement may not write while another still iterates.
        const page = db.prepare(`SELECT * FROM ${collection.id} WHERE id > ? ORDER BY id LIMIT 10000`);
        db.transaction(() => {
          for (let rows = page.all(Number.MIN_SAFE_INTEGER) as Row[]; rows.length > 0; rows = page.all(rows[rows.length - 1].id) as Row[]) {
            store.added(collection, rows, collection.geometry === 'Line' ? rows.map((row) => JSON.parse(String(row.geometry)) as Geometry) : []);
          }
        }).immediate();
      }
    },
  };
  return store;
}
export type LowZoomStore = ReturnType<typeof createLowZoomStore>;
