import { Conflict } from '../../errors.ts';
import type { Bulletin, BulletinStore, CarrierAlarm, CarrierAlarmStore, PatrolTrack, PatrolTrackStore } from '../records.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** carrier_alarms and alarm_signatures (migrations 007 and 015). */
export function createSqliteAlarms(db: SqliteDatabase): Sync<CarrierAlarmStore> {
  const claim = db.prepare('INSERT INTO alarm_signatures (signature, seen_at_ms) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING');
  const prune = db.prepare('DELETE FROM alarm_signatures WHERE seen_at_ms < ?');
  return {
    get: (carrier, alarmId) =>
      db.prepare('SELECT carrier, alarm_id AS alarmId, incident_id AS incidentId, received_at AS receivedAt, updated_at AS updatedAt, body, sequence FROM carrier_alarms WHERE carrier = ? AND alarm_id = ?')
        .get(carrier, alarmId) as CarrierAlarm | undefined,
    add(alarm) {
      try {
        db.prepare('INSERT INTO carrier_alarms (carrier, alarm_id, incident_id, received_at, updated_at, body, sequence) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(alarm.carrier, alarm.alarmId, alarm.incidentId, alarm.receivedAt, alarm.updatedAt, alarm.body, alarm.sequence);
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new Conflict(`alarm ${alarm.alarmId} is already recorded`);
        throw error;
      }
    },
    update(carrier, alarmId, body, sequence, updatedAt) {
      db.prepare('UPDATE carrier_alarms SET body = ?, sequence = ?, updated_at = ? WHERE carrier = ? AND alarm_id = ?').run(body, sequence, updatedAt, carrier, alarmId);
    },
    claimSignature(signature, nowMs, forgetBeforeMs) {
      prune.run(forgetBeforeMs);
      return claim.run(signature, nowMs).changes === 1;
    },
  };
}

type BulletinRow = { id: number; title: string; body: string; severity: Bulletin['severity']; audience: string; published_by: string; organisation: string | null; published_at: string };
const bulletin = (row: BulletinRow): Bulletin => ({
  id: row.id, title: row.title, body: row.body, severity: row.severity, audience: JSON.parse(row.audience) as Bulletin['audience'],
  publishedBy: row.published_by, organisation: row.organisation, publishedAt: row.published_at,
});

/** bulletins (migration 008). */
export function createSqliteBulletins(db: SqliteDatabase): Sync<BulletinStore> {
  const select = db.prepare('SELECT * FROM bulletins WHERE id = ?');
  const get = (id: number) => {
    const row = select.get(id) as BulletinRow | undefined;
    return row && bulletin(row);
  };
  return {
    add(input) {
      const { lastInsertRowid } = db.prepare('INSERT INTO bulletins (title, body, severity, audience, published_by, organisation, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.title, input.body, input.severity, JSON.stringify(input.audience), input.publishedBy, input.organisation, input.publishedAt);
      return get(Number(lastInsertRowid))!;
    },
    list: () => (db.prepare('SELECT * FROM bulletins ORDER BY published_at DESC, id DESC').all() as BulletinRow[]).map(bulletin),
    get,
  };
}

/** patrol_tracks (migration 009). */
export function createSqliteTracks(db: SqliteDatabase): Sync<PatrolTrackStore> {
  return {
    add(track) {
      const { lastInsertRowid } = db.prepare('INSERT INTO patrol_tracks (plan_id, name, uploaded_by, uploaded_at, started_at, ended_at, geometry, measure) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(track.planId, track.name, track.uploadedBy, track.uploadedAt, track.startedAt, track.endedAt, JSON.stringify(track.geometry), JSON.stringify(track.measure));
      return Number(lastInsertRowid);
    },
    list: (planId) =>
      (db.prepare('SELECT id, name, uploaded_by AS uploadedBy, uploaded_at AS uploadedAt, started_at AS startedAt, ended_at AS endedAt, measure FROM patrol_tracks WHERE plan_id = ? ORDER BY id')
        .all(planId) as (Omit<PatrolTrack, 'geometry' | 'planId' | 'measure'> & { measure: string })[]).map((row) => ({ ...row, measure: JSON.parse(row.measure) as unknown })),
  };
}
