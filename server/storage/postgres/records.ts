import { Conflict } from '../../errors.ts';
import type { Bulletin, BulletinStore, CarrierAlarm, CarrierAlarmStore, PatrolTrack, PatrolTrackStore } from '../records.ts';
import { positional, type Sql } from './database.ts';

/** carrier_alarms and alarm_signatures (migration 004). */
export function createPostgresAlarms(sql: Sql): CarrierAlarmStore {
  return {
    get: async (carrier, alarmId) => (await sql.rows<CarrierAlarm>(positional(
      'SELECT carrier, alarm_id AS alarmId, incident_id AS incidentId, received_at AS receivedAt, updated_at AS updatedAt, body, sequence FROM carrier_alarms WHERE carrier = ? AND alarm_id = ?'),
    [carrier, alarmId]))[0],
    async add(alarm) {
      const rows = await sql.rows(positional('INSERT INTO carrier_alarms (carrier, alarm_id, incident_id, received_at, updated_at, body, sequence) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1'),
        [alarm.carrier, alarm.alarmId, alarm.incidentId, alarm.receivedAt, alarm.updatedAt, alarm.body, alarm.sequence]);
      if (rows.length === 0) throw new Conflict(`alarm ${alarm.alarmId} is already recorded`);
    },
    async update(carrier, alarmId, body, sequence, updatedAt) {
      await sql.rows(positional('UPDATE carrier_alarms SET body = ?, sequence = ?, updated_at = ? WHERE carrier = ? AND alarm_id = ?'), [body, sequence, updatedAt, carrier, alarmId]);
    },
    async claimSignature(signature, nowMs, forgetBeforeMs) {
      await sql.rows('DELETE FROM alarm_signatures WHERE seen_at_ms < $1', [forgetBeforeMs]);
      return (await sql.rows('INSERT INTO alarm_signatures (signature, seen_at_ms) VALUES ($1, $2) ON CONFLICT (signature) DO NOTHING RETURNING 1', [signature, nowMs])).length === 1;
    },
  };
}

type BulletinRow = { id: number; title: string; body: string; severity: Bulletin['severity']; audience: string; published_by: string; organisation: string | null; published_at: string };
const bulletin = (row: BulletinRow): Bulletin => ({
  id: row.id, title: row.title, body: row.body, severity: row.severity, audience: JSON.parse(row.audience) as Bulletin['audience'],
  publishedBy: row.published_by, organisation: row.organisation, publishedAt: row.published_at,
});

/** bulletins (migration 004). */
export function createPostgresBulletins(sql: Sql): BulletinStore {
  const get = async (id: number) => {
    const [row] = await sql.rows<BulletinRow>('SELECT * FROM bulletins WHERE id = $1', [id]);
    return row && bulletin(row);
  };
  return {
    async add(input) {
      const [row] = await sql.rows<BulletinRow>(positional('INSERT INTO bulletins (title, body, severity, audience, published_by, organisation, published_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *'),
        [input.title, input.body, input.severity, JSON.stringify(input.audience), input.publishedBy, input.organisation, input.publishedAt]);
      return bulletin(row);
    },
    list: async () => (await sql.rows<BulletinRow>('SELECT * FROM bulletins ORDER BY published_at COLLATE "C" DESC, id DESC')).map(bulletin),
    get,
  };
}

/** patrol_tracks (migration 004). */
export function createPostgresTracks(sql: Sql): PatrolTrackStore {
  return {
    add: async (track) => (await sql.rows<{ id: number }>(positional('INSERT INTO patrol_tracks (plan_id, name, uploaded_by, uploaded_at, started_at, ended_at, geometry, measure) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id'),
      [track.planId, track.name, track.uploadedBy, track.uploadedAt, track.startedAt, track.endedAt, JSON.stringify(track.geometry), JSON.stringify(track.measure)]))[0].id,
    list: async (planId) =>
      (await sql.rows<Omit<PatrolTrack, 'geometry' | 'planId' | 'measure'> & { measure: string }>(positional(
        'SELECT id, name, uploaded_by AS uploadedBy, uploaded_at AS uploadedAt, started_at AS startedAt, ended_at AS endedAt, measure FROM patrol_tracks WHERE plan_id = ? ORDER BY id'), [planId]))
        .map((row) => ({ ...row, measure: JSON.parse(row.measure) as unknown })),
  };
}
