import type { FieldFinding, FieldStore, FieldVisit, IdempotencyStore, PhotoInfo, PhotoStore } from '../field.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

const VISIT_COLUMNS = `id, client_id AS clientId, plan_id AS planId, shift_date AS date, shift, unit_name AS unitName, stop_order AS stopOrder,
  target_id AS targetId, target_name AS targetName, arrived_at AS arrivedAt, confirmed_at AS confirmedAt, dwell_seconds AS dwellSeconds,
  lon, lat, accuracy_meters AS accuracyMeters, distance_meters AS distanceMeters, officer, received_at AS receivedAt`;
const FINDING_COLUMNS = `id, client_id AS clientId, plan_id AS planId, visit_client_id AS visitClientId, kind, note, lon, lat,
  observed_at AS observedAt, incident_id AS incidentId, officer, received_at AS receivedAt`;

/** field_visits and field_findings (migration 041). */
export function createSqliteField(db: SqliteDatabase): Sync<FieldStore> {
  const visit = db.prepare(`SELECT ${VISIT_COLUMNS} FROM field_visits WHERE id = ?`);
  const finding = db.prepare(`SELECT ${FINDING_COLUMNS} FROM field_findings WHERE id = ?`);
  return {
    addVisit(input) {
      const { lastInsertRowid } = db.prepare(
        `INSERT INTO field_visits (client_id, plan_id, shift_date, shift, unit_name, stop_order, target_id, target_name, arrived_at, confirmed_at,
           dwell_seconds, lon, lat, accuracy_meters, distance_meters, officer, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.clientId, input.planId, input.date, input.shift, input.unitName, input.stopOrder, input.targetId, input.targetName, input.arrivedAt,
        input.confirmedAt, input.dwellSeconds, input.lon, input.lat, input.accuracyMeters, input.distanceMeters, input.officer, input.receivedAt);
      return visit.get(lastInsertRowid) as FieldVisit;
    },
    addFinding(input) {
      const { lastInsertRowid } = db.prepare(
        `INSERT INTO field_findings (client_id, plan_id, visit_client_id, kind, note, lon, lat, observed_at, incident_id, officer, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.clientId, input.planId, input.visitClientId, input.kind, input.note, input.lon, input.lat, input.observedAt,
        input.incidentId, input.officer, input.receivedAt);
      return finding.get(lastInsertRowid) as FieldFinding;
    },
    visits: (planId) => db.prepare(`SELECT ${VISIT_COLUMNS} FROM field_visits WHERE plan_id = ? ORDER BY shift_date, shift, stop_order, id`).all(planId) as FieldVisit[],
    findings: (planId) => db.prepare(`SELECT ${FINDING_COLUMNS} FROM field_findings WHERE plan_id = ? ORDER BY observed_at, id`).all(planId) as FieldFinding[],
    finding: (id) => finding.get(id) as FieldFinding | undefined,
    findingsOf: (incidentId) => db.prepare(`SELECT ${FINDING_COLUMNS} FROM field_findings WHERE incident_id = ? ORDER BY observed_at, id`).all(incidentId) as FieldFinding[],
  };
}

/** photos (migration 041). */
export function createSqlitePhotos(db: SqliteDatabase): Sync<PhotoStore> {
  return {
    add(owner, ownerId, photo, at) {
      db.prepare('INSERT INTO photos (owner_type, owner_id, media_type, width, height, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(owner, ownerId, photo.mediaType, photo.width, photo.height, photo.bytes, at);
    },
    get(owner, ownerId) {
      const row = db.prepare('SELECT media_type, width, height, bytes FROM photos WHERE owner_type = ? AND owner_id = ?').get(owner, ownerId) as
        { media_type: string; width: number; height: number; bytes: Buffer } | undefined;
      return row && { mediaType: row.media_type, width: row.width, height: row.height, bytes: row.bytes };
    },
    owners(owner, ownerIds) {
      if (ownerIds.length === 0) return new Set<number>();
      const rows = db.prepare(`SELECT owner_id FROM photos WHERE owner_type = ? AND owner_id IN (${ownerIds.map(() => '?').join(',')})`).pluck().all(owner, ...ownerIds) as number[];
      return new Set(rows);
    },
    describe(owner, ownerIds) {
      if (ownerIds.length === 0) return [];
      const rows = db.prepare(`SELECT owner_id AS ownerId, media_type AS mediaType, width, height, length(bytes) AS byteSize, created_at AS receivedAt
        FROM photos WHERE owner_type = ? AND owner_id IN (${ownerIds.map(() => '?').join(',')})`).all(owner, ...ownerIds) as PhotoInfo[];
      return ownerIds.flatMap((id) => rows.filter((row) => row.ownerId === id));
    },
  };
}

/** idempotency_keys (migration 041). */
export function createSqliteIdempotency(db: SqliteDatabase): Sync<IdempotencyStore> {
  const find = db.prepare('SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = ? AND key = ?');
  const insert = db.prepare('INSERT INTO idempotency_keys (scope, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    get(scope, key) {
      const row = find.get(scope, key) as { fingerprint: string; status: number; body: string } | undefined;
      return row && { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body) as unknown };
    },
    put(scope, key, answer, at) {
      insert.run(scope, key, answer.fingerprint, answer.status, JSON.stringify(answer.body), at);
    },
  };
}
