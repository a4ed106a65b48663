import type { Polygon } from 'geojson';
import type { Agency, FINDING_SEVERITIES, INSPECTION_FINDING_KINDS, INSPECTION_TARGET_KINDS, InspectionDecisionKind } from '../collections/vocabulary.ts';

/** What was inspected: a feature (an agent, a dealer, a BTS site or a facility) or a drawn area, as it was then. */
export type InspectionTarget = {
  kind: (typeof INSPECTION_TARGET_KINDS)[number];
  /** The feature's collection and id; null for an area. */
  collection: string | null;
  id: number | null;
  /** The feature's owner when it was inspected (a carrier reads the inspections of its own agents). */
  owner: string | null;
  name: string | null;
  area: Polygon | null;
};

export type Finding = { kind: (typeof INSPECTION_FINDING_KINDS)[number]; severity: (typeof FINDING_SEVERITIES)[number]; note?: string };
export type Decision =
  | { kind: Exclude<InspectionDecisionKind, 'fine'> }
  | { kind: 'fine'; amountVnd: number; legalBasis: string };

/** One agency's inspection (migration 050). `result` sums it up for the map: compliant, warning or violation. */
export type AgencyInspection = {
  id: number;
  target: InspectionTarget;
  agency: Agency;
  /** Other agencies that took part in the joint inspection. */
  jointWith: Agency[];
  date: string;
  findings: Finding[];
  decision: Decision;
  result: 'compliant' | 'warning' | 'violation';
  followUpDate: string | null;
  notes: string | null;
  planItemId: number | null;
  recordedBy: string;
  recordedAt: string;
};

/**
 * Which inspections to list. `collection` + `targetId` pick one feature's; `visibleTo` is the reader's row scope
 * (`server/inspections/scope.ts`): only inspections of these target collections, and of targets owned by `owner` when set.
 */
export type InspectionQuery = {
  collection?: string;
  targetId?: number;
  agency?: Agency;
  from?: string;
  to?: string;
  visibleTo?: { collections: readonly string[]; owner?: string };
  limit: number;
  offset: number;
};

/** Inspections by agency. */
export interface InspectionStore {
  /** Adds an inspection; Conflict when its agency has already recorded one against the same plan item. */
  add(inspection: Omit<AgencyInspection, 'id'>): Promise<AgencyInspection>;
  get(id: number): Promise<AgencyInspection | undefined>;
  /** Latest date first (then latest recorded), with the number of all matches. */
  query(query: InspectionQuery): Promise<{ inspections: AgencyInspection[]; numberMatched: number }>;
}

export type PlanItem = { id: number; planId: number; target: InspectionTarget; agencies: Agency[]; date: string; notes: string | null };
/** A plan item with the inspections recorded against it so far. */
export type PlanItemRecord = PlanItem & { recorded: { inspectionId: number; agency: Agency; date: string; result: AgencyInspection['result'] }[] };
export type InspectionPlan = { id: number; title: string; from: string; to: string; notes: string | null; createdBy: string; createdAt: string };

/** The department's plans of joint inspections for a period (migration 050). */
export interface InspectionPlanStore {
  /** Adds a plan with its items, in one statement group (atomic on its own). */
  create(plan: Omit<InspectionPlan, 'id'>, items: Omit<PlanItem, 'id' | 'planId'>[]): Promise<InspectionPlan & { items: PlanItemRecord[] }>;
  /** Every plan, latest period first, with its items. */
  list(): Promise<(InspectionPlan & { items: PlanItemRecord[] })[]>;
  get(id: number): Promise<(InspectionPlan & { items: PlanItemRecord[] }) | undefined>;
  item(id: number): Promise<PlanItemRecord | undefined>;
  /** Adds an item to a stored plan. */
  addItem(planId: number, item: Omit<PlanItem, 'id' | 'planId'>): Promise<PlanItemRecord>;
  /** Changes who inspects an item, on which day, and its notes (its target stays). */
  updateItem(id: number, change: Pick<PlanItem, 'agencies' | 'date' | 'notes'>): Promise<PlanItemRecord>;
  /** Takes an item out of its plan at `at`: `get`, `list` and `item` no longer see it, `removedItem` does (for undo). */
  removeItem(id: number, at: string): Promise<void>;
  /** A removed item, or undefined when `id` is not one. */
  removedItem(id: number): Promise<PlanItemRecord | undefined>;
  /** Puts a removed item back into its plan under its own id. */
  restoreItem(id: number): Promise<PlanItemRecord>;
}
