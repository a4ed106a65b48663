import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { actorName } from '../auth/principal.ts';
import { Conflict, NotFound } from '../errors.ts';
import type { Services } from '../services.ts';
import type { Stores } from '../storage/storage.ts';
import type { AgencyInspection, InspectionTarget, PlanItemRecord } from '../storage/inspections.ts';
import { applied, transact, type Actor } from '../writes/transact.ts';
import { agenciesOf } from './agencies.ts';
import { agencyFor, inspectionProblems, resultOf } from './check.ts';
import type { InspectionBody } from './schema.ts';
import { MAPPED_RESULT_COLLECTIONS, refOf, resolveTarget } from './target.ts';

/** Today's date in Vietnam (UTC+07:00, no daylight saving): an inspection at 06:00 local is not "tomorrow" in UTC terms. */
export const localToday = (now: Date): string => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

type State = { target: InspectionTarget | undefined; planItem?: PlanItemRecord };

/**
 * Moves a feature's last inspection on the map to `added` unless the feature shows a later one. The feature is read
 * in the transaction that recorded `added`, and transactions are serialisable, so of inspections recorded at once the
 * latest date wins whatever order they commit in (of one date, the last recorded, as the lists order them).
 */
async function showLatest(tx: Stores, added: AgencyInspection): Promise<void> {
  const { collection, id } = added.target;
  if (!collection || !(MAPPED_RESULT_COLLECTIONS as readonly string[]).includes(collection) || id === null) return;
  const feature = await tx.features.get(collection, id);
  if (!feature || added.date < String(feature.properties.last_inspection_date ?? '')) return;
  await tx.features.replace(collection, id, { ...feature, properties: { ...feature.properties, last_inspection_date: added.date, last_inspection_result: added.result } });
}

/**
 * Records one agency's inspection through the one write path: read the target and the plan item, check purely
 * (`inspectionProblems`), add it, move the target's last result on the map, audit — all in one transaction.
 * @returns the stored inspection
 */
export async function recordInspection(services: Services, actor: Actor, body: InspectionBody, province: Feature<Polygon | MultiPolygon> | undefined): Promise<AgencyInspection> {
  const allowed = agenciesOf(actor.principal);
  return transact<State, AgencyInspection>(services, actor, {
    read: async (tx) => {
      const planItem = body.planItemId === undefined ? undefined : await tx.inspectionPlans.item(body.planItemId);
      if (body.planItemId !== undefined && !planItem) throw new NotFound(`plan item ${body.planItemId} does not exist`, { planItemId: body.planItemId });
      const agency = agencyFor(body, allowed, planItem);
      if (planItem && agency && planItem.recorded.some((done) => done.agency === agency)) {
        throw new Conflict(`${agency} has already recorded its inspection of plan item ${planItem.id}`, { planItemId: planItem.id, agency });
      }
      const ref = body.target ?? (planItem && refOf(planItem.target));
      return { planItem, target: ref && (await resolveTarget(tx.features, ref)) };
    },
    check: (state) => inspectionProblems(body, { today: localToday(services.now()), allowed, target: state.target, planItem: state.planItem, province }),
    apply: async (tx, { target, planItem }) => {
      const added = await tx.inspections.add({
        target: target!, agency: agencyFor(body, allowed, planItem)!, jointWith: body.jointWith, date: body.date, findings: body.findings, decision: body.decision,
        result: resultOf(body.findings, body.decision), followUpDate: body.followUpDate ?? null, notes: body.notes ?? null, planItemId: planItem?.id ?? null,
        recordedBy: actorName(actor.principal), recordedAt: services.now().toISOString(),
      });
      await showLatest(tx, added);
      return applied(added, [{ action: 'create', targetType: 'inspections', targetId: added.id, after: added }]);
    },
  });
}
