import { simplify } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { CollectionDef } from '../../collections/types.ts';
import type { SqliteDatabase } from './database.ts';
import type { TileFeature } from '../features.ts';
import { COARSE_BELOW_ZOOM, generalisationDegrees, LOW_ZOOMS } from '../tile-grid.ts';
import { tilePropertyNames } from '../vector-tiles.ts';
import { decodeProperty } from './points-sql.ts';
import type { Row } from './rows.ts';

const COARSE_TOLERANCE = generalisationDegrees(0);
const FINE_TOLERANCE = generalisationDegrees(LOW_ZOOMS - 1);

// About a metre: far below half a pixel at any low zoom, and shorter text to parse.
const round = (position: Position): Position => [Math.round(position[0] * 1e5) / 1e5, Math.round(position[1] * 1e5) / 1e5];

/**
 * A line simplified at `tolerance` as its parts' JSON coordinates joined by commas, not enclosed, so that SQL can
 * join many lines' parts into one list by concatenation.
 */
function generalisedParts(geometry: Geometry, tolerance: number): string {
  const simple = simplify(geometry, { tolerance, highQuality: false, mutate: false }) as Geometry;
  const parts = simple.type === 'LineString' ? [simple.coordinates] : simple.type === 'MultiLineString' ? simple.coordinates : [];
  return parts.map((part) => JSON.stringify(part.map(round))).join(',');
}

/** The tile properties from `values`, a JSON array in `tilePropertyNames` order. */
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
 * `line_generalised`: every line with its tile properties, simplified for country and for regional zooms, under an
 * R*Tree whose third dimension is the zoom the line appears from.
 */
export function createGeneralisedLines(db: SqliteDatabase) {
  const insert = db.prepare('INSERT INTO line_generalised (collection, id, property_values, coarse, fine) VALUES (?, ?, ?, ?, ?)');
  const insertBox = db.prepare('INSERT INTO line_generalised_rtree (gid, minx, maxx, miny, maxy, min_zoom, max_zoom) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM line_generalised WHERE collection = ? AND id = ? RETURNING gid');
  const removeBox = db.prepare('DELETE FROM line_generalised_rtree WHERE gid = ?');

  return {
    /** Generalises newly inserted lines. */
    added(collection: CollectionDef, rows: readonly Row[], geometries: readonly Geometry[]): void {
      const definitions = tilePropertyNames(collection).map((name) => collection.properties.find((property) => property.name === name)!);
      rows.forEach((row, index) => {
        // Stored with their tile properties, so a low-zoom tile reads this table alone.
        const values = JSON.stringify(definitions.map((definition) => decodeProperty(definition, row[definition.name])));
        const { lastInsertRowid } = insert.run(collection.id, row.id, values, generalisedParts(geometries[index], COARSE_TOLERANCE), generalisedParts(geometries[index], FINE_TOLERANCE));
        const zoom = minZoomOf(collection, row);
        insertBox.run(lastInsertRowid, row.minx, row.maxx, row.miny, row.maxy, zoom, zoom);
      });
    },
    /** Forgets a line already deleted from its table. */
    removed(collection: CollectionDef, row: Row): void {
      for (const { gid } of remove.all(collection.id, row.id) as { gid: number }[]) removeBox.run(gid);
    },
    /**
     * Generalised lines under a bbox at a low zoom, leaving out those drawn only from a deeper zoom and those `where`
     * (conditions on the feature table `t`) excludes, merged by their properties: one MultiLineString per group, with
     * `line_count` and no id. SQLite joins the parts' text, so one parse reads a whole group.
     */
    read(collection: CollectionDef, bbox: [number, number, number, number], zoom: number, where: { sql: string; params: unknown[] }, limit: number): TileFeature[] {
      const [w, s, e, n] = bbox;
      const from = `line_generalised_rtree AS r CROSS JOIN line_generalised AS g ON g.gid = r.gid${where.sql ? ` CROSS JOIN ${collection.id} AS t ON t.id = g.id` : ''}`;
      const conditions = ['r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ? AND r.min_zoom <= ? AND g.collection = ?', ...(where.sql ? [where.sql] : [])];
      // Merged lines have no order to keep, so no sort: the R*Tree's order decides which lines a full tile keeps.
      const chosen = `SELECT g.property_values, g.${zoom < COARSE_BELOW_ZOOM ? 'coarse' : 'fine'} AS parts FROM ${from} WHERE ${conditions.join(' AND ')} LIMIT ?`;
      const groups = db.prepare(`SELECT property_values, count(*), '[' || group_concat(parts, ',') || ']' FROM (${chosen}) GROUP BY property_values ORDER BY property_values`)
        .raw().all(e, w, n, s, zoom, collection.id, ...where.params, limit) as [string, number, string][];
      return groups.map(([values, count, parts]) => ({
        type: 'Feature', geometry: { type: 'MultiLineString', coordinates: JSON.parse(parts) as Position[][] }, properties: { ...unpackProperties(collection, values), line_count: count },
      }));
    },
  };
}
