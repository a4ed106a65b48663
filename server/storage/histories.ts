/** One step of an incident's lifecycle: who, when, from which status to which, why. */
export type IncidentEvent = { at: string; actor: string; role: string | null; from: string | null; to: string; comment: string | null; duplicateOf: number | null };

/** Every status change of every incident, in order (migration 005). */
export interface IncidentHistoryStore {
  append(incidentId: number, event: IncidentEvent): Promise<void>;
  /** The incident's events, oldest first. */
  list(incidentId: number): Promise<IncidentEvent[]>;
}

/** What a key-target review rests on besides the zone itself. */
export type KeyTargetReview = { justification: string; protectedAssets: { collection: string; id: number }[]; reviewDate: string; proposedBy: string };

/** One step of a zone's designation: who, from which organisation, did what, from and to which state, why. */
export type KeyTargetEvent = {
  at: string; actor: string; role: string | null; organisation: string | null; action: string; from: string | null; to: string; comment: string | null;
};

/** Key-target reviews and the history of every step, with a snapshot of the zone after it (migration 006). */
export interface KeyTargetHistoryStore {
  /** Creates or replaces the review of a zone (its proposer stays the first one's). */
  saveReview(zoneId: number, review: KeyTargetReview, updatedAt: string): Promise<void>;
  review(zoneId: number): Promise<KeyTargetReview | null>;
  append(zoneId: number, event: KeyTargetEvent, snapshot: unknown): Promise<void>;
  /** The zone's steps, oldest first. */
  list(zoneId: number): Promise<KeyTargetEvent[]>;
}
