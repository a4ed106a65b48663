import type { SqliteDatabase } from '../../db/open.ts';

export type KnownAlarm = { incidentId: number; body: string; sequence: number };

/**
 * Carriers' alarms by their own alarm id (migrations 007 and 015): the incident each became, the last accepted body
 * and its sequence number, and the signatures already accepted within the freshness window.
 */
export function createCarrierAlarmStore(db: SqliteDatabase) {
  const select = db.prepare('SELECT incident_id AS incidentId, body, sequence FROM carrier_alarms WHERE carrier = ? AND alarm_id = ?');
  const claim = db.prepare('INSERT INTO alarm_signatures (signature, seen_at_ms) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING');
  const prune = db.prepare('DELETE FROM alarm_signatures WHERE seen_at_ms < ?');
  return {
    find: (carrier: string, alarmId: string) => select.get(carrier, alarmId) as KnownAlarm | undefined,
    add(carrier: string, alarmId: string, incidentId: number, body: string, sequence: number, at: string): void {
      db.prepare('INSERT INTO carrier_alarms (carrier, alarm_id, incident_id, received_at, updated_at, body, sequence) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(carrier, alarmId, incidentId, at, at, body, sequence);
    },
    update(carrier: string, alarmId: string, body: string, sequence: number, at: string): void {
      db.prepare('UPDATE carrier_alarms SET body = ?, sequence = ?, updated_at = ? WHERE carrier = ? AND alarm_id = ?').run(body, sequence, at, carrier, alarmId);
    },
    /**
     * Records a signature as used; false when it was used before (a replay). Signatures older than `forgetBeforeMs`
     * are dropped first: their timestamps are stale, so the freshness check refuses them anyway.
     */
    claimSignature(signature: string, nowMs: number, forgetBeforeMs: number): boolean {
      prune.run(forgetBeforeMs);
      return claim.run(signature, nowMs).changes === 1;
    },
  };
}
export type CarrierAlarmStore = ReturnType<typeof createCarrierAlarmStore>;
