import type { Agency } from '../collections/vocabulary.ts';
import { contentTag } from '../http/etag.ts';
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

/**
 * The version of a plan item's editable part (who, which day, notes) as an entity tag: an edit sends it back in
 * `If-Match`, so it never overwrites a colleague's change made since the editor opened.
 */
export const planItemTag = (item: Pick<PlanItemRecord, 'agencies' | 'date' | 'notes'>) => contentTag({ agencies: item.agencies, date: item.date, notes: item.notes });

/** A plan item as the API answers it: with its status and its version (`etag`). */
export const presentPlanItem = (item: PlanItemRecord, today: string) => ({ ...item, ...planItemStatus(item, today), etag: planItemTag(item) });

/** A plan as the API answers it: each item with its status and version, and the plan's counts of items by status. */
export function presentPlan(plan: InspectionPlan & { items: PlanItemRecord[] }, today: string) {
  const items = plan.items.map((item) => presentPlanItem(item, today));
  const count = (status: PlanItemStatus) => items.filter((item) => item.status === status).length;
  return { ...plan, items, counts: { items: items.length, done: count('done'), overdue: count('overdue'), planned: count('planned') } };
}
