import { childRng, createRng } from '../prng/index.ts';
import { roadGraph } from '../road-routing/index.ts';
import { apportion, waterFill } from './allocation.ts';
import { dateRange, resolveOptions, seedNumber, validateInput } from './options.ts';
import { planCoverage } from './plan-coverage.ts';
import { createPlacer, emptySlots, nearbyUnits, schedulePeriodic, surpriseDays, type Slots } from './schedule.ts';
import { buildSectors, stationUnits } from './sectors.ts';
import { createRouter, prepareShift, timeShift, type PreparedShift } from './shifts.ts';
import { countSlots, slotOf } from './timing.ts';
import { estimateMinutes, orderStops } from './tour.ts';
import type { PatrolPlan, PatrolPlanInput, PatrolPlanOptions, PatrolTarget, PlanShift, ResolvedOptions } from './types.ts';

export type * from './types.ts';
export { waterFill, apportion } from './allocation.ts';
export { watchedShare, visitShare, riskShare, type Watch } from './dwell.ts';
export { slotOf, SLOT_MINUTES } from './timing.ts';

/**
 * Plans periodic and surprise patrols of `input.targets` by units stationed at `input.bases` (see README):
 * periodic key-target visits first; then surprise visits water-filled on the residual — in proportion to risk over
 * the days a target has no periodic visit — rounded to whole visits, on days, units, shifts, stop orders, start times
 * and road routes all drawn from the seed. Pure and reproducible: the same input, options and seed give
 * byte-identical JSON.
 * @throws Error naming the first invalid option, e.g. "units must be a positive integer"
 */
export function patrolPlan(input: PatrolPlanInput, options: PatrolPlanOptions): PatrolPlan {
  const o = resolveOptions(options);
  validateInput(input);
  const { targets } = input;
  const base = { seed: String(o.seed), parameters: o, targets: targets.map((t) => ({ id: t.id, name: t.name, risk: t.risk })), sectors: [], shifts: [], warnings: [] };
  if (targets.length === 0) return { ...base, coverage: planCoverage([], [], [], 1, o), message: 'No targets to patrol: the plan is empty.' };
  const seed = seedNumber(o.seed);
  const units = stationUnits(input.bases, targets, o.units);
  const { sectors, unitOf, unreached } = buildSectors(units, targets, o.maxReachKm);
  const warnings = unreached.map((i) => `${targets[i].name} (${targets[i].id}) is beyond ${o.maxReachKm} km of every unit base: not planned`);
  const candidatesOf = targets.map((t, i) => (unitOf[i] < 0 ? [] : reachableIn(nearbyUnits(units, t, o.maxReachKm), units, t, o)));
  candidatesOf.forEach((c, i) => { if (unitOf[i] >= 0 && c.length === 0) warnings.push(`${targets[i].name} (${targets[i].id}) cannot be visited within one ${o.shiftHours}-hour shift: not planned`); });
  const dates = dateRange(o.startDate, o.endDate);
  const slots = emptySlots(dates.length, units.length, o.shiftsPerDay);
  const route = createRouter(roadGraph(input.roads), seed);
  const tourMinutes = (base: [number, number], stops: readonly [number, number][]) => {
    const points = [base, ...orderStops(base, stops).map((i) => stops[i]), base];
    const meters = points.slice(1).reduce((sum, p, k) => sum + route(points[k], p, 0).lengthMeters, 0);
    return (meters / 1000 / o.speedKmh) * 60 + stops.length * o.dwellMinutes;
  };
  const place = createPlacer(slots, units, targets, o, childRng(seed, 'place'), tourMinutes);
  warnings.push(...schedulePeriodic(dates, candidatesOf, targets, place));
  const eligible = targets.map((_, i) => dates.map((__, d) => candidatesOf[i].length > 0 && !slots[d].some((byUnit) => byUnit.some((visits) => visits.some((v) => v.target === i)))));
  warnings.push(...scheduleSurprise(slots, eligible, candidatesOf, targets, units.length, o, place, seed));
  const usage = new Map<number, Map<number, number>>();
  const timing = childRng(seed, 'timing');
  const prepared: PreparedShift[] = [];
  slots.forEach((byUnit, d) => {
    for (let s = 0; s < o.shiftsPerDay; s++) byUnit.forEach((byShift, k) => {
      if (byShift[s].length > 0) prepared.push(prepareShift(units[k], dates[d], s + 1, byShift[s], targets, route, timing));
    });
  });
  const shifts = prepared.map((shift) => timeShift(shift, targets, usage, o, timing));
  spreadTimes(prepared, shifts, targets, usage, o, timing);
  for (const shift of shifts) {
    if (shift.minutes > o.shiftHours * 60) warnings.push(`${shift.unitName} ${shift.date} shift ${shift.shift} takes ${shift.minutes} min along the roads, over shiftHours`);
  }
  return {
    ...base,
    sectors: units.map((u, k) => ({ unitId: u.id, unitName: u.name, baseId: u.base.id, baseName: u.base.name, targetIds: sectors[k].map((i) => targets[i].id) })),
    shifts,
    coverage: planCoverage(shifts, targets, eligible, dates.length, o),
    warnings,
    message: null,
  };
}

/** No time-of-day slot should hold more than this share of a target's surprise visits. */
export const MAX_SLOT_SHARE = 0.4;
const SPREAD_PASSES = 6;

/**
 * Re-times the shifts holding a target's surprise visit in a time-of-day slot that has more than
 * {@link MAX_SLOT_SHARE} of that target's surprise visits (with more draws, the shift's own slots not counted against
 * it), for a few passes: the chronological first pass cannot see the visits still to come.
 */
function spreadTimes(prepared: readonly PreparedShift[], shifts: PlanShift[], targets: readonly PatrolTarget[], usage: Map<number, Map<number, number>>, o: ResolvedOptions, rng: ReturnType<typeof createRng>): void {
  const index = new Map(targets.map((t, i) => [t.id, i]));
  const minuteOf = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
  for (let pass = 0; pass < SPREAD_PASSES; pass++) {
    const totals = new Map<number, number>();
    for (const [target, slots] of usage) totals.set(target, [...slots.values()].reduce((a, b) => a + b, 0));
    const crowded = (target: number, slot: number) => (usage.get(target)?.get(slot) ?? 0) > MAX_SLOT_SHARE * (totals.get(target) ?? 0);
    const redo = shifts.map((shift, j) => (shift.stops.some((stop) => stop.kind === 'surprise' && crowded(index.get(stop.targetId)!, slotOf(minuteOf(stop.arrival)))) ? j : -1)).filter((j) => j >= 0);
    if (redo.length === 0) return;
    for (const j of redo) {
      const stops = shifts[j].stops.map((stop) => ({ target: index.get(stop.targetId)!, kind: stop.kind }));
      countSlots(usage, stops, shifts[j].stops.map((stop) => minuteOf(stop.arrival)), 0, -1);
      shifts[j] = timeShift(prepared[j], targets, usage, o, rng, 512);
    }
  }
}

/** A target surprised at all is surprised at least this often (or on all its free days): a time-of-day pattern needs repeats to hide in. */
export const MIN_SURPRISE_VISITS = 3;

/**
 * Whole surprise visits per target from the water-filled shares. A target left with fewer than
 * {@link MIN_SURPRISE_VISITS} (but some) is dropped — the lowest-risk first — and the effort water-filled again over
 * the others, until every count is 0 or at least the minimum; moving visits to higher risks never lowers coverage.
 */
function spreadCounts(targets: readonly PatrolTarget[], shares: number[], freeDays: readonly number[], total: number, rng: ReturnType<typeof createRng>): number[] {
  const risks = targets.map((t) => t.risk);
  const caps = [...freeDays];
  let counts = apportion(shares, caps, rng);
  for (;;) {
    const small = counts.map((_, i) => i).filter((i) => counts[i] > 0 && counts[i] < Math.min(MIN_SURPRISE_VISITS, caps[i]));
    if (small.length === 0) return counts;
    const drop = small.reduce((a, b) => (risks[b] < risks[a] || (risks[b] === risks[a] && b > a) ? b : a));
    caps[drop] = 0;
    counts = apportion(waterFill(risks, total, caps), caps, rng);
  }
}

/** The candidate units that can visit the target alone within one shift (straight-line estimate). */
function reachableIn(candidates: number[], units: ReturnType<typeof stationUnits>, target: PatrolTarget, o: ResolvedOptions): number[] {
  return candidates.filter((k) => estimateMinutes(units[k].base.point, [target.point], o.speedKmh, o.dwellMinutes) <= o.shiftHours * 60);
}

/**
 * Surprise visits on the residual: the day's surprise capacity (units × shifts × round(stopsPerShift × surpriseShare))
 * over the horizon is water-filled in proportion to risk, each target capped at its free days (no periodic visit, at
 * most one surprise a day); rounded to whole visits; days drawn at random; placed like periodic visits. A visit that no
 * shift can take moves to another free day of its target with room, else becomes a warning.
 */
function scheduleSurprise(slots: Slots, eligible: boolean[][], candidatesOf: number[][], targets: readonly PatrolTarget[], unitCount: number, o: ResolvedOptions,
  place: ReturnType<typeof createPlacer>, seed: number): string[] {
  const days = slots.length;
  const perDay = unitCount * o.shiftsPerDay * Math.round(o.stopsPerShift * o.surpriseShare);
  const freeDays = eligible.map((row) => row.filter(Boolean).length);
  const shares = waterFill(targets.map((t) => t.risk), perDay * days, freeDays);
  const counts = spreadCounts(targets, shares, freeDays, perDay * days, createRng(seed ^ 0x5eed));
  const chosen = surpriseDays(counts, eligible, new Array<number>(days).fill(perDay), childRng(seed, 'surprise-days'));
  const warnings: string[] = [];
  const placedOn = targets.map(() => new Set<number>());
  chosen.forEach((list, i) => {
    for (const day of list) {
      if (place(day, { target: i, kind: 'surprise' }, candidatesOf[i])) { placedOn[i].add(day); continue; }
      const other = eligible[i].findIndex((ok, d) => ok && !placedOn[i].has(d) && !list.includes(d) && place(d, { target: i, kind: 'surprise' }, candidatesOf[i]));
      if (other >= 0) placedOn[i].add(other);
      else warnings.push(`surprise visit to ${targets[i].name} (${targets[i].id}) on day ${day + 1} could not be placed: shifts full or too long`);
    }
  });
  return warnings;
}
