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

/** Check-ins and findings of patrols carried out with the field app (migration 041). */
export interface FieldStore {
  addVisit(visit: Omit<FieldVisit, 'id'>): Promise<FieldVisit>;
  addFinding(finding: Omit<FieldFinding, 'id'>): Promise<FieldFinding>;
  /** A plan's check-ins by date, shift and stop. */
  visits(planId: string): Promise<FieldVisit[]>;
  /** A plan's findings in the order they were observed. */
  findings(planId: string): Promise<FieldFinding[]>;
  finding(id: number): Promise<FieldFinding | undefined>;
  /** The findings filed as this incident, in the order they were observed (its case page shows their photos). */
  findingsOf(incidentId: number): Promise<FieldFinding[]>;
}

export type PhotoOwner = 'hotline_report' | 'field_finding';
export type StoredPhoto = { mediaType: string; width: number; height: number; bytes: Buffer };
/** What a stored photo is without its bytes: whose, its type, size and when it was received. */
export type PhotoInfo = { ownerId: number; mediaType: string; width: number; height: number; byteSize: number; receivedAt: string };

/** Photos attached to hotline reports and field findings, one per record, as the bytes the phone sent. */
export interface PhotoStore {
  add(owner: PhotoOwner, ownerId: number, photo: StoredPhoto, at: string): Promise<void>;
  get(owner: PhotoOwner, ownerId: number): Promise<StoredPhoto | undefined>;
  /** Which of `ownerIds` have a photo. */
  owners(owner: PhotoOwner, ownerIds: readonly number[]): Promise<Set<number>>;
  /** The photos of `ownerIds` described without their bytes, in the order of `ownerIds`. */
  describe(owner: PhotoOwner, ownerIds: readonly number[]): Promise<PhotoInfo[]>;
}

/** The answer first given to a client's write, kept under its key so a replay gets it again. */
export type StoredAnswer = { fingerprint: string; status: number; body: unknown };

/** Keys of writes replayed from phones' outboxes: one answer per (scope, key), the first one. */
export interface IdempotencyStore {
  get(scope: string, key: string): Promise<StoredAnswer | undefined>;
  put(scope: string, key: string, answer: StoredAnswer, at: string): Promise<void>;
}
