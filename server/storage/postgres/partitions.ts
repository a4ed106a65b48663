import type { CollectionDef } from '../../collections/types.ts';
import type { Row, Sql } from './database.ts';

/** The collections partitioned by their temporal_ms, and the function that makes the partitions instants need (migration 005). */
const PARTITIONED: Record<string, string> = { incidents: 'netguard_incident_months' };

/** Whether a collection's table is partitioned by month of its temporal_ms (a read that knows the month reads one partition). */
export const isPartitioned = (collection: CollectionDef): boolean => collection.id in PARTITIONED;

/**
 * Makes the month partitions that `rows` fall in and that do not exist yet, before they are inserted: a write into a
 * month never seen lands in a table of its own, not in the DEFAULT partition. Nothing for other collections.
 */
export async function preparePartitions(sql: Sql, collection: CollectionDef, rows: readonly Row[]): Promise<void> {
  const make = PARTITIONED[collection.id];
  if (!make || rows.length === 0) return;
  const days = new Set(rows.map((row) => row.temporal_ms).filter((ms): ms is number => typeof ms === 'number').map((ms) => Math.floor(ms / 86_400_000) * 86_400_000));
  await sql.rows(`SELECT ${make}($1::bigint[])`, [[...days]]);
}
