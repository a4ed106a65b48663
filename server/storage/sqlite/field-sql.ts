import type { SqliteDatabase } from '../../db/open.ts';

/** A confirmed check-in at a planned stop, made on the officer's phone (client id = its idempotency key). */
export type FieldVisit = {
  id: number; clientId: string; planId: string; date: string; shift: number; unitName: string; stopOrder: number; targetId: string; targetName: string;
  arrivedAt: string; confirmedAt: string; dwellSeconds: number; lon: number; lat: number; accuracyMeters: number | null; distanceMeters: number; officer: string; receivedAt: string;
};
/** Something an officer recorded on patrol; `incidentId` when it was filed as an incident. */
export type FieldFinding = {
  id: number; clientId: string; planId: string; visitClientId: string | null; kind: string; note: string | null; lon: number; lat: number;
  observedAt: string; incidentId: number | null; officer: string; receivedAt: string;
};

const VISIT_COLUMNS = `id, client_id AS clientId, plan_id AS planId, shift_date AS date, shift, unit_name AS unitName, stop_order AS stopOrder,
  target_id AS targetId, target_name AS targetName, arrived_at AS arrivedAt, confirmed_at AS confirmedAt, dwell_seconds AS dwellSeconds,
  lon, lat, accuracy_meters AS accuracyMeters, distance_meters AS distanceMeters, officer, received_at AS receivedAt`;
const FINDING_COLUMNS = `id, client_id AS clientId, plan_id AS planId, visit_client_id AS visitClientId, kind, note, lon, lat,
  observed_at AS observedAt, incident_id AS incidentId, officer, received_at AS receivedAt`;

/** Check-ins and findings of patrols carried out with the field app. */
export function createSqliteFieldStore(db: SqliteDatabase) {
  return {
    addVisit(visit: Omit<FieldVisit, 'id'>): FieldVisit {
      const { lastInsertRowid } = db.prepare(
        `INSERT INTO field_visits (client_id, plan_id, shift_date, shift, unit_name, stop_order, target_id, target_name, arrived_at, confirmed_at,
           dwell_seconds, lon, lat, accuracy_meters, distance_meters, officer, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(visit.clientId, visit.planId, visit.date, visit.shift, visit.unitName, visit.stopOrder, visit.targetId, visit.targetName, visit.arrivedAt,
        visit.confirmedAt, visit.dwellSeconds, visit.lon, visit.lat, visit.accuracyMeters, visit.distanceMeters, visit.officer, visit.receivedAt);
      return db.prepare(`SELECT ${VISIT_COLUMNS} FROM field_visits WHERE id = ?`).get(lastInsertRowid) as FieldVisit;
    },
    addFinding(finding: Omit<FieldFinding, 'id'>): FieldFinding {
      const { lastInsertRowid } = db.prepare(
        `INSERT INTO field_findings (client_id, plan_id, visit_client_id, kind, note, lon, lat, observed_at, incident_id, officer, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(finding.clientId, finding.planId, finding.visitClientId, finding.kind, finding.note, finding.lon, finding.lat, finding.observedAt,
        finding.incidentId, finding.officer, finding.receivedAt);
      return db.prepare(`SELECT ${FINDING_COLUMNS} FROM field_findings WHERE id = ?`).get(lastInsertRowid) as FieldFinding;
    },
    visits(planId: string): FieldVisit[] {
      return db.prepare(`SELECT ${VISIT_COLUMNS} FROM field_visits WHERE plan_id = ? ORDER BY shift_date, shift, stop_order, id`).all(planId) as FieldVisit[];
    },
    findings(planId: string): FieldFinding[] {
      return db.prepare(`SELECT ${FINDING_COLUMNS} FROM field_findings WHERE plan_id = ? ORDER BY observed_at, id`).all(planId) as FieldFinding[];
    },
    finding(id: number): FieldFinding | undefined {
      return db.prepare(`SELECT ${FINDING_COLUMNS} FROM field_findings WHERE id = ?`).get(id) as FieldFinding | undefined;
    },
  };
}
export type FieldStore = ReturnType<typeof createSqliteFieldStore>;
