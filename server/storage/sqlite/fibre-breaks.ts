import type { FibreBreakStore, StoredFibreBreak } from '../fibre-breaks.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

type Row = { incident_id: number; route_id: number; located: string; located_at: string };

/** incident_fibre_breaks (migration 061). */
export function createSqliteFibreBreaks(db: SqliteDatabase): Sync<FibreBreakStore> {
  const put = db.prepare(`INSERT INTO incident_fibre_breaks (incident_id, route_id, located, located_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (incident_id) DO UPDATE SET route_id = excluded.route_id, located = excluded.located, located_at = excluded.located_at`);
  const get = db.prepare('SELECT * FROM incident_fibre_breaks WHERE incident_id = ?');
  return {
    put(fibreBreak) {
      put.run(fibreBreak.incidentId, fibreBreak.routeId, JSON.stringify(fibreBreak.located), fibreBreak.locatedAt);
    },
    get(incidentId): StoredFibreBreak | undefined {
      const row = get.get(incidentId) as Row | undefined;
      return row && { incidentId: row.incident_id, routeId: row.route_id, located: JSON.parse(row.located), locatedAt: row.located_at };
    },
  };
}
