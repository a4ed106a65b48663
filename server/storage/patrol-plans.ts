import type { Extent, ItemQuery, QueryResult } from './features.ts';

export const PLAN_STATUSES = ['draft', 'approved', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A saved plan: its record fields plus the generated plan body (JSON-serialisable). */
export type SavedPlan = {
  id: string;
  name: string;
  status: PlanStatus;
  createdAt: string;
  updatedAt: string;
  startDate: string;
  endDate: string;
  body: Record<string, unknown>;
};

/** Saved patrol plans (migration 003). */
export interface PatrolPlanStore {
  save(plan: SavedPlan): Promise<void>;
  /** Newest first. */
  list(): Promise<SavedPlan[]>;
  get(id: string): Promise<SavedPlan | undefined>;
  /** Sets the status; undefined when there is no such plan. */
  setStatus(id: string, status: PlanStatus, now: string): Promise<SavedPlan | undefined>;
  /**
   * The plans as the `patrol_plans` collection (`server/collections/published.ts`): one multi-line of every shift
   * route per plan that has routes, with the items query's bbox, datetime (start_date), filters, ids and paging.
   */
  queryFeatures(query: ItemQuery): Promise<QueryResult>;
  /** Bbox and start_date interval of every plan with routes (the collection's metadata); null members when there is none. */
  extent(): Promise<Extent>;
}
