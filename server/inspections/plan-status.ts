import type { Agency } from '../collections/vocabulary.ts';
import type { InspectionPlan, PlanItemRecord } from '../storage/inspections.ts';

export type PlanItemStatus = 'planned' | 'done' | 'overdue';

/**
 * Where a planned joint inspection stands on `today`: done once every agency it names has recorded its own
 * inspection against it; overdue when its day has passed and one has not; planned otherwise.
 */
export function planItemStatus(item: Pick<PlanItemRecord, 'agencies' | 'recorded' | 'date'>, today: string): { status: PlanItemStatus; missing: Agency[] } {
  const missing = item.agencies.filter((agency) => !item.recorded.some((done) => done.agency === agency));
  return { status: missing.length === 0 ? 'done' : item.date < today ? 'overdue' : 'planned', missing };
}

/** A plan as the API answers it: each item with its status, and the plan's counts of items by status. */
export function presentPlan(plan: InspectionPlan & { items: PlanItemRecord[] }, today: string) {
  const items = plan.items.map((item) => ({ ...item, ...planItemStatus(item, today) }));
  const count = (status: PlanItemStatus) => items.filter((item) => item.status === status).length;
  return { ...plan, items, counts: { items: items.length, done: count('done'), overdue: count('overdue'), planned: count('planned') } };
}
