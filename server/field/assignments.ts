import type { Feature, LineString } from 'geojson';
import type { PlanShift } from '../analysis/patrol-plan/index.ts';
import type { SavedPlan } from '../storage/patrol-plans.ts';

/** A stop as the officer sees it: where, what, and the window to be there (planned arrival to arrival + dwell). */
export type AssignedStop = {
  order: number; targetId: string; targetName: string; kind: 'periodic' | 'surprise'; lon: number; lat: number;
  dwellMinutes: number; windowStart: string; windowEnd: string;
};
/** One unit's shift on one day of an approved plan: the field app's "today's assignment". */
export type Assignment = {
  planId: string; planName: string; date: string; shift: number; unitId: string; unitName: string; baseName: string;
  stops: AssignedStop[]; route: Feature<LineString>; distanceMeters: number; minutes: number;
};

/** Adds minutes to an ISO 8601 local time with its offset, keeping the offset (`2026-12-01T07:30:00+07:00`). */
function addMinutes(iso: string, minutes: number): string {
  const offset = iso.slice(19);
  const local = new Date(Date.parse(iso) + (minutes + 7 * 60) * 60_000).toISOString().slice(0, 19);
  return `${local}${offset || '+07:00'}`;
}

/**
 * The shifts of approved plans on `date` (a Vietnam-local YYYY-MM-DD), in plan, shift and unit order. Draft and
 * archived plans assign nobody.
 */
export function assignmentsOn(plans: readonly SavedPlan[], date: string): Assignment[] {
  const assignments: Assignment[] = [];
  for (const plan of plans) {
    if (plan.status !== 'approved' || date < plan.startDate || date > plan.endDate) continue;
    const shifts = ((plan.body.shifts ?? []) as PlanShift[]).filter((shift) => shift.date === date);
    for (const shift of shifts) {
      assignments.push({
        planId: plan.id, planName: plan.name, date, shift: shift.shift, unitId: shift.unitId, unitName: shift.unitName, baseName: shift.baseName,
        route: shift.route, distanceMeters: shift.distanceMeters, minutes: shift.minutes,
        stops: shift.stops.map((stop) => ({
          order: stop.order, targetId: stop.targetId, targetName: stop.targetName, kind: stop.kind, lon: stop.lon, lat: stop.lat,
          dwellMinutes: stop.dwellMinutes, windowStart: stop.arrival, windowEnd: addMinutes(stop.arrival, stop.dwellMinutes),
        })),
      });
    }
  }
  return assignments.sort((a, b) => a.planName.localeCompare(b.planName, 'vi') || a.shift - b.shift || a.unitName.localeCompare(b.unitName, 'vi'));
}
