import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Problem } from '../collections/property-problems.ts';
import type { Agency } from '../collections/vocabulary.ts';
import { positionOutsideProvince } from '../geometry/province.ts';
import { geometryProblems } from '../geometry/validate.ts';
import type { AgencyInspection, Decision, Finding, InspectionTarget, PlanItemRecord } from '../storage/inspections.ts';
import type { InspectionBody } from './schema.ts';

/** Decisions that sanction something found, so they need a finding to rest on. */
const SANCTIONS: readonly Decision['kind'][] = ['fine', 'licence_suspension', 'referral_to_police'];

/**
 * What the map shows of an inspection: a violation when it was sanctioned or found something serious, a warning when
 * it warned or found something, compliant otherwise.
 */
export function resultOf(findings: readonly Finding[], decision: Decision): AgencyInspection['result'] {
  if (SANCTIONS.includes(decision.kind) || findings.some((finding) => finding.severity === 'serious')) return 'violation';
  return decision.kind === 'warning' || findings.length > 0 ? 'warning' : 'compliant';
}

/**
 * The agency an inspection is recorded as: the one named, else the caller's only agency, else the only one of the
 * caller's agencies the plan item names; undefined when that leaves a choice.
 */
export function agencyFor(body: Pick<InspectionBody, 'agency'>, allowed: readonly Agency[], planItem?: PlanItemRecord): Agency | undefined {
  if (body.agency) return body.agency;
  const candidates = planItem ? allowed.filter((agency) => planItem.agencies.includes(agency)) : allowed;
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** What is wrong with a drawn area: RFC 7946 validity (no self-crossing) and inside the province. */
export function areaProblems(area: Polygon, province: Feature<Polygon | MultiPolygon> | undefined, path: string): Problem[] {
  const problems = geometryProblems(area, path);
  if (problems.length === 0 && positionOutsideProvince(area, province)) problems.push({ path, message: 'outside the province' });
  return problems;
}

export type InspectionContext = {
  /** Today's local date (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  today: string;
  /** The agencies the caller records as (`agenciesOf`). */
  allowed: readonly Agency[];
  /** The target as stored, or undefined when the body's (or plan item's) target does not exist. */
  target: InspectionTarget | undefined;
  planItem?: PlanItemRecord;
  province?: Feature<Polygon | MultiPolygon>;
};

const sameTarget = (a: InspectionTarget, b: InspectionTarget) => a.kind !== 'area' && a.collection === b.collection && a.id === b.id;

/**
 * Every problem with an inspection to record, with its path, or [] to go ahead. Pure: the target and the plan item
 * are read beforehand, in the transaction that records it.
 */
export function inspectionProblems(body: InspectionBody, context: InspectionContext): Problem[] {
  const problems: Problem[] = [];
  const { planItem, target } = context;
  if (!body.target && !planItem) problems.push({ path: 'target', message: 'a target or a planItemId is required' });
  else if (!target) problems.push({ path: 'target', message: 'the target does not exist' });
  else if (target.kind === 'area' && body.target && 'area' in body.target) problems.push(...areaProblems(target.area!, context.province, 'target.area'));
  if (planItem && body.target && target && planItem.target.kind !== 'area' && !sameTarget(planItem.target, target)) {
    problems.push({ path: 'target', message: `plan item ${planItem.id} is of another target; leave the target out` });
  }
  if (planItem && body.target && planItem.target.kind === 'area') problems.push({ path: 'target', message: `plan item ${planItem.id} is of an area; leave the target out` });
  const agency = agencyFor(body, context.allowed, planItem);
  if (!agency) problems.push({ path: 'agency', message: 'choose the agency you record as' });
  else if (!context.allowed.includes(agency)) problems.push({ path: 'agency', message: 'your role does not record inspections as this agency' });
  else if (planItem && !planItem.agencies.includes(agency)) problems.push({ path: 'agency', message: `plan item ${planItem.id} is not planned for this agency` });
  const joint = body.jointWith;
  if (agency && joint.includes(agency)) problems.push({ path: 'jointWith', message: 'list only the other agencies, not the one recording' });
  if (new Set(joint).size !== joint.length) problems.push({ path: 'jointWith', message: 'an agency is listed twice' });
  if (body.date > context.today) problems.push({ path: 'date', message: 'in the future' });
  if (body.followUpDate !== undefined && body.followUpDate < body.date) problems.push({ path: 'followUpDate', message: 'the follow-up cannot come before the inspection' });
  if (SANCTIONS.includes(body.decision.kind) && body.findings.length === 0) problems.push({ path: 'findings', message: 'a sanction needs at least one finding' });
  if (body.decision.kind === 'licence_suspension' && target?.kind === 'area') problems.push({ path: 'decision.kind', message: 'an area holds no licence to suspend' });
  return problems;
}
