/** A carrier's anti-theft alarm as last received, and the incident it became (migration 007). */
export type CarrierAlarm = { carrier: string; alarmId: string; incidentId: number; receivedAt: string; updatedAt: string; body: string };

/** Carriers' alarms, idempotent by the carrier's own alarm id. */
export interface CarrierAlarmStore {
  get(carrier: string, alarmId: string): Promise<CarrierAlarm | undefined>;
  /** Records a new alarm; Conflict when the carrier already sent this alarm id. */
  add(alarm: CarrierAlarm): Promise<void>;
  /** Replaces the stored body of a known alarm. */
  update(carrier: string, alarmId: string, body: string, updatedAt: string): Promise<void>;
}

export type Bulletin = { id: number; title: string; body: string; severity: 'info' | 'warning' | 'urgent'; audience: 'all' | string[]; publishedBy: string; organisation: string | null; publishedAt: string };

/** Police bulletins on criminals' methods (migration 008). */
export interface BulletinStore {
  add(bulletin: Omit<Bulletin, 'id'>): Promise<Bulletin>;
  /** Newest first. */
  list(): Promise<Bulletin[]>;
  get(id: number): Promise<Bulletin | undefined>;
}

export type Inspection = { id: number; dealerId: number; date: string; result: 'compliant' | 'warning' | 'violation'; notes: string | null; recordedBy: string; recordedAt: string };

/** Scrap-dealer inspections (migration 008). */
export interface InspectionStore {
  add(inspection: Omit<Inspection, 'id'>): Promise<Inspection>;
  /** A dealer's inspections, latest date first. */
  list(dealerId: number): Promise<Inspection[]>;
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
