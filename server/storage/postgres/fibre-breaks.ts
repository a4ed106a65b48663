import type { FibreBreakStore } from '../fibre-breaks.ts';
import type { Sql } from './database.ts';

/** incident_fibre_breaks (migration 004). */
export function createPostgresFibreBreaks(sql: Sql): FibreBreakStore {
  return {
    async put(fibreBreak) {
      await sql.rows(`INSERT INTO incident_fibre_breaks (incident_id, route_id, located, located_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (incident_id) DO UPDATE SET route_id = excluded.route_id, located = excluded.located, located_at = excluded.located_at`,
      [fibreBreak.incidentId, fibreBreak.routeId, JSON.stringify(fibreBreak.located), fibreBreak.locatedAt]);
    },
    async get(incidentId) {
      const [row] = await sql.rows<{ incident_id: number; route_id: number; located: string; located_at: string }>('SELECT * FROM incident_fibre_breaks WHERE incident_id = $1', [incidentId]);
      return row && { incidentId: row.incident_id, routeId: row.route_id, located: JSON.parse(row.located), locatedAt: row.located_at };
    },
  };
}
