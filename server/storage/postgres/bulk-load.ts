import type { FeatureCollection, Geometry } from 'geojson';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { CollectionDef } from '../../collections/types.ts';
import { toWkt } from '../../geometry/wkt.ts';
import type { FeatureStore } from '../features.ts';
import { clientSql, mapped, migrate, openPool, poolSql, type Row } from './database.ts';
import { afterRowsInserted, checkedRows, collectionOrThrow, rowColumns } from './features.ts';
import { preparePartitions } from './partitions.ts';
import { createPostgresChangeLog } from './change-log.ts';

/** A bulk load into PostgreSQL: datasets in, then `finish` once (statistics, the change log of the load dropped). */
export type PostgresBulkLoad = Pick<FeatureStore, 'insertDataset'> & { finish(): Promise<void>; close(): Promise<void> };

/** Rows per chunk written to the COPY stream. */
const CHUNK = 500;

/** One value in COPY's text format: `\N` for null, booleans as t/f, lists as array literals, `\`, tab and newlines escaped. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = Array.isArray(value) ? `{${value.map((item) => `"${String(item).replace(/[\\"]/g, '\\$&')}"`).join(',')}}` : String(value);
  return text.replace(/[\\\t\n\r]/g, (character) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[character]!);
}

/** The PostGIS value of a row's geometry as EWKT, lines and polygons as their Multi type (the columns' types, migration 001). */
function ewkt(collection: CollectionDef, geometryText: string): string {
  const geometry = JSON.parse(geometryText) as Geometry;
  const multi: Geometry = geometry.type === 'LineString' ? { type: 'MultiLineString', coordinates: [geometry.coordinates] }
    : geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [geometry.coordinates] } : geometry;
  return `SRID=4326;${toWkt(collection.geometry === 'Point' ? geometry : multi)}`;
}

function* copyLines(collection: CollectionDef, rows: Row[]): Generator<string> {
  const columns = rowColumns(collection);
  for (let start = 0; start < rows.length; start += CHUNK) {
    yield rows.slice(start, start + CHUNK)
      .map((row) => `${columns.map((column) => copyValue(row[column])).join('\t')}\t${ewkt(collection, String(row.geometry))}\n`).join('');
  }
}

/**
 * Opens a bulk load into the PostgreSQL database at `url` (migrated first). Each `insertDataset` is one transaction:
 * per collection, the features checked as every write path checks them, the month partitions they need made, the rows
 * sent with COPY, then their search entries and id high-water mark as the store writes them. The statement-level
 * triggers stay on: COPY fires them with the whole batch as the transition table, so the change log, the change
 * counters and the incidents' unique ids come out as if the API had written the rows. `finish` drops the load's
 * change-log entries (no tile was cached before it; numbers still only grow, as SQLite's bulk load does) and runs
 * VACUUM ANALYZE: planner statistics, and the visibility map the covering indexes' index-only scans need.
 */
export async function openPostgresBulkLoad(url: string): Promise<PostgresBulkLoad> {
  const pool = await openPool(url, 2);
  await migrate(pool);
  const loaded = new Set<string>();
  return {
    async insertDataset(dataset: Record<string, FeatureCollection>) {
      const checked = Object.entries(dataset).map(([id, layer]) => {
        const collection = collectionOrThrow(id);
        return { collection, rows: checkedRows(collection, layer.features), features: layer.features };
      });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const sql = clientSql(client);
        for (const { collection, rows, features } of checked) {
          if (rows.length === 0) continue;
          await preparePartitions(sql, collection, rows);
          await pipeline(Readable.from(copyLines(collection, rows)), client.query(copyFrom(`COPY ${collection.id} (${rowColumns(collection).join(', ')}, geom) FROM STDIN`)));
          await afterRowsInserted(sql, collection, rows, features);
          loaded.add(collection.id);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw mapped(error);
      } finally {
        client.release();
      }
    },
    async finish() {
      await createPostgresChangeLog(poolSql(pool)).prune(0);
      for (const table of [...loaded, 'search_index', 'tile_changes', 'incident_ids', 'feature_ids']) await pool.query(`VACUUM (ANALYZE) ${table}`);
    },
    close: () => pool.end(),
  };
}
