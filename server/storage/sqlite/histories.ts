import type { IncidentEvent, IncidentHistoryStore, KeyTargetEvent, KeyTargetHistoryStore } from '../histories.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** incident_events (migration 005). */
export function createSqliteIncidentHistory(db: SqliteDatabase): Sync<IncidentHistoryStore> {
  const insert = db.prepare('INSERT INTO incident_events (incident_id, at, actor, role, from_status, to_status, comment, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const select = db.prepare('SELECT at, actor, role, from_status AS "from", to_status AS "to", comment, duplicate_of AS duplicateOf FROM incident_events WHERE incident_id = ? ORDER BY id');
  return {
    append(incidentId, event) {
      insert.run(incidentId, event.at, event.actor, event.role, event.from, event.to, event.comment, event.duplicateOf);
    },
    list: (incidentId) => select.all(incidentId) as IncidentEvent[],
  };
}

/** key_target_reviews and key_target_events (migration 006). */
export function createSqliteKeyTargetHistory(db: SqliteDatabase): Sync<KeyTargetHistoryStore> {
  const upsert = db.prepare(`INSERT INTO key_target_reviews (zone_id, justification, protected_assets, review_date, proposed_by_user, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (zone_id) DO UPDATE SET justification = excluded.justification, protected_assets = excluded.protected_assets, review_date = excluded.review_date, updated_at = excluded.updated_at`);
  const selectReview = db.prepare('SELECT justification, protected_assets, review_date, proposed_by_user FROM key_target_reviews WHERE zone_id = ?');
  const insert = db.prepare('INSERT INTO key_target_events (zone_id, at, actor, role, organisation, action, from_state, to_state, comment, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const select = db.prepare('SELECT at, actor, role, organisation, action, from_state AS "from", to_state AS "to", comment FROM key_target_events WHERE zone_id = ? ORDER BY id');
  return {
    saveReview(zoneId, review, updatedAt) {
      upsert.run(zoneId, review.justification, JSON.stringify(review.protectedAssets), review.reviewDate, review.proposedBy, updatedAt);
    },
    review(zoneId) {
      const row = selectReview.get(zoneId) as { justification: string; protected_assets: string; review_date: string; proposed_by_user: string } | undefined;
      return row ? { justification: row.justification, protectedAssets: JSON.parse(row.protected_assets) as { collection: string; id: number }[], reviewDate: row.review_date, proposedBy: row.proposed_by_user } : null;
    },
    append(zoneId, event, snapshot) {
      insert.run(zoneId, event.at, event.actor, event.role, event.organisation, event.action, event.from, event.to, event.comment, JSON.stringify(snapshot));
    },
    list: (zoneId) => select.all(zoneId) as KeyTargetEvent[],
  };
}
