import type { IncidentEvent, IncidentHistoryStore, KeyTargetEvent, KeyTargetHistoryStore } from '../histories.ts';
import { positional, type Sql } from './database.ts';

/** incident_events (migration 004). */
export function createPostgresIncidentHistory(sql: Sql): IncidentHistoryStore {
  return {
    async append(incidentId, event) {
      await sql.rows(positional('INSERT INTO incident_events (incident_id, at, actor, role, from_status, to_status, comment, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
        [incidentId, event.at, event.actor, event.role, event.from, event.to, event.comment, event.duplicateOf]);
    },
    list: (incidentId) => sql.rows<IncidentEvent>(
      'SELECT at, actor, role, from_status AS "from", to_status AS "to", comment, duplicate_of AS "duplicateOf" FROM incident_events WHERE incident_id = $1 ORDER BY id', [incidentId]),
  };
}

/** key_target_reviews and key_target_events (migration 004). */
export function createPostgresKeyTargetHistory(sql: Sql): KeyTargetHistoryStore {
  return {
    async saveReview(zoneId, review, updatedAt) {
      await sql.rows(`INSERT INTO key_target_reviews (zone_id, justification, protected_assets, review_date, proposed_by_user, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (zone_id) DO UPDATE SET justification = excluded.justification, protected_assets = excluded.protected_assets, review_date = excluded.review_date, updated_at = excluded.updated_at`,
      [zoneId, review.justification, JSON.stringify(review.protectedAssets), review.reviewDate, review.proposedBy, updatedAt]);
    },
    async review(zoneId) {
      const [row] = await sql.rows<{ justification: string; protected_assets: string; review_date: string; proposed_by_user: string }>(
        'SELECT justification, protected_assets, review_date, proposed_by_user FROM key_target_reviews WHERE zone_id = $1', [zoneId]);
      return row ? { justification: row.justification, protectedAssets: JSON.parse(row.protected_assets) as { collection: string; id: number }[], reviewDate: row.review_date, proposedBy: row.proposed_by_user } : null;
    },
    async append(zoneId, event, snapshot) {
      await sql.rows(positional('INSERT INTO key_target_events (zone_id, at, actor, role, organisation, action, from_state, to_state, comment, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
        [zoneId, event.at, event.actor, event.role, event.organisation, event.action, event.from, event.to, event.comment, JSON.stringify(snapshot)]);
    },
    list: (zoneId) => sql.rows<KeyTargetEvent>(
      'SELECT at, actor, role, organisation, action, from_state AS "from", to_state AS "to", comment FROM key_target_events WHERE zone_id = $1 ORDER BY id', [zoneId]),
  };
}
