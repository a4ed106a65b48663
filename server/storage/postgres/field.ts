import type { FieldFinding, FieldStore, FieldVisit, IdempotencyStore, PhotoInfo, PhotoStore } from '../field.ts';
import { positional, type Sql } from './database.ts';

const VISIT_COLUMNS = positional(`id, client_id AS clientId, plan_id AS planId, shift_date AS date, shift, unit_name AS unitName, stop_order AS stopOrder,
  target_id AS targetId, target_name AS targetName, arrived_at AS arrivedAt, confirmed_at AS confirmedAt, dwell_seconds AS dwellSeconds,
  lon, lat, accuracy_meters AS accuracyMeters, distance_meters AS distanceMeters, officer, received_at AS receivedAt`);
const FINDING_COLUMNS = positional(`id, client_id AS clientId, plan_id AS planId, visit_client_id AS visitClientId, kind, note, lon, lat,
  observed_at AS observedAt, incident_id AS incidentId, officer, received_at AS receivedAt`);

/** field_visits and field_findings (migration 004). */
export function createPostgresField(sql: Sql): FieldStore {
  return {
    addVisit: async (input) => (await sql.rows<FieldVisit>(positional(
      `INSERT INTO field_visits (client_id, plan_id, shift_date, shift, unit_name, stop_order, target_id, target_name, arrived_at, confirmed_at,
         dwell_seconds, lon, lat, accuracy_meters, distance_meters, officer, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING `) + VISIT_COLUMNS,
    [input.clientId, input.planId, input.date, input.shift, input.unitName, input.stopOrder, input.targetId, input.targetName, input.arrivedAt,
      input.confirmedAt, input.dwellSeconds, input.lon, input.lat, input.accuracyMeters, input.distanceMeters, input.officer, input.receivedAt]))[0],
    addFinding: async (input) => (await sql.rows<FieldFinding>(positional(
      `INSERT INTO field_findings (client_id, plan_id, visit_client_id, kind, note, lon, lat, observed_at, incident_id, officer, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING `) + FINDING_COLUMNS,
    [input.clientId, input.planId, input.visitClientId, input.kind, input.note, input.lon, input.lat, input.observedAt, input.incidentId, input.officer, input.receivedAt]))[0],
    visits: (planId) => sql.rows<FieldVisit>(`SELECT ${VISIT_COLUMNS} FROM field_visits WHERE plan_id = $1 ORDER BY shift_date COLLATE "C", shift, stop_order, id`, [planId]),
    findings: (planId) => sql.rows<FieldFinding>(`SELECT ${FINDING_COLUMNS} FROM field_findings WHERE plan_id = $1 ORDER BY observed_at COLLATE "C", id`, [planId]),
    finding: async (id) => (await sql.rows<FieldFinding>(`SELECT ${FINDING_COLUMNS} FROM field_findings WHERE id = $1`, [id]))[0],
    findingsOf: (incidentId) => sql.rows<FieldFinding>(`SELECT ${FINDING_COLUMNS} FROM field_findings WHERE incident_id = $1 ORDER BY observed_at COLLATE "C", id`, [incidentId]),
  };
}

/** photos (migration 004). */
export function createPostgresPhotos(sql: Sql): PhotoStore {
  return {
    async add(owner, ownerId, photo, at) {
      await sql.rows('INSERT INTO photos (owner_type, owner_id, media_type, width, height, bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [owner, ownerId, photo.mediaType, photo.width, photo.height, photo.bytes, at]);
    },
    async get(owner, ownerId) {
      const [row] = await sql.rows<{ media_type: string; width: number; height: number; bytes: Buffer }>(
        'SELECT media_type, width, height, bytes FROM photos WHERE owner_type = $1 AND owner_id = $2', [owner, ownerId]);
      return row && { mediaType: row.media_type, width: row.width, height: row.height, bytes: row.bytes };
    },
    async owners(owner, ownerIds) {
      if (ownerIds.length === 0) return new Set<number>();
      const rows = await sql.rows<{ owner_id: number }>('SELECT owner_id FROM photos WHERE owner_type = $1 AND owner_id = ANY ($2::bigint[])', [owner, ownerIds]);
      return new Set(rows.map((row) => row.owner_id));
    },
    async describe(owner, ownerIds) {
      if (ownerIds.length === 0) return [];
      const rows = await sql.rows<PhotoInfo>(`SELECT owner_id AS "ownerId", media_type AS "mediaType", width, height, octet_length(bytes) AS "byteSize", created_at AS "receivedAt"
        FROM photos WHERE owner_type = $1 AND owner_id = ANY ($2::bigint[])`, [owner, ownerIds]);
      return ownerIds.flatMap((id) => rows.filter((row) => row.ownerId === id));
    },
  };
}

/** idempotency_keys (migration 004). */
export function createPostgresIdempotency(sql: Sql): IdempotencyStore {
  return {
    async get(scope, key) {
      const [row] = await sql.rows<{ fingerprint: string; status: number; body: string }>('SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
      return row && { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body) as unknown };
    },
    async put(scope, key, answer, at) {
      await sql.rows('INSERT INTO idempotency_keys (scope, key, fingerprint, status, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [scope, key, answer.fingerprint, answer.status, JSON.stringify(answer.body), at]);
    },
  };
}
