/** A carrier's anti-theft alarm as last accepted, its sequence number, and the incident it became (migrations 007, 015). */
export type CarrierAlarm = { carrier: string; alarmId: string; incidentId: number; receivedAt: string; updatedAt: string; body: string; sequence: number };

/** Carriers' alarms, idempotent by the carrier's own alarm id, and the signatures already accepted (replay-proof). */
export interface CarrierAlarmStore {
  get(carrier: string, alarmId: string): Promise<CarrierAlarm | undefined>;
  /** Records a new alarm; Conflict when the carrier already sent this alarm id. */
  add(alarm: CarrierAlarm): Promise<void>;
  /** Replaces the stored body and sequence of a known alarm. */
  update(carrier: string, alarmId: string, body: string, sequence: number, updatedAt: string): Promise<void>;
  /**
   * Records a signature as used; false when it was used before (a replay). Signatures older than `forgetBeforeMs` are
   * dropped first: their timestamps are stale, so the freshness check refuses them anyway.
   */
  claimSignature(signature: string, nowMs: number, forgetBeforeMs: number): Promise<boolean>;
}

export type Bulletin = { id: number; title: string; body: string; severity: 'info' | 'warning' | 'urgent'; audience: 'all' | string[]; publishedBy: string; organisation: string | null; publishedAt: string };

/** Police bulletins on criminals' methods (migration 008). */
export interface BulletinStore {
  add(bulletin: Omit<Bulletin, 'id'>): Promise<Bulletin>;
  /** Newest first. */
  list(): Promise<Bulletin[]>;
  get(id: number): Promise<Bulletin | undefined>;
}

export type PatrolTrack = {
  id: number; planId: string; name: string | null; uploadedBy: string; uploadedAt: string; startedAt: string | null; endedAt: string | null;
  geometry: unknown; measure: unknown;
};

/** GPX tracks of patrols carried out, with their measure against the plan (migration 009). */
export interface PatrolTrackStore {
  add(track: Omit<PatrolTrack, 'id'>): Promise<number>;
  /** A plan's tracks in upload order, without their geometry. */
  list(planId: string): Promise<Omit<PatrolTrack, 'geometry' | 'planId'>[]>;
}
