import { distance } from '@turf/turf';
import { childRng } from '../prng/index.ts';
import { roadGraph } from '../road-routing/index.ts';
import { combSample, riskShare, waterFill } from './coverage.ts';
import { dateRange, resolveOptions, seedNumber, validateInput } from './options.ts';
import { emptySlots, placeVisit, schedulePeriodic, type Slots } from './schedule.ts';
import { buildSectors, stationUnits, type Unit } from './sectors.ts';
import { buildShift, createRouter } from './shifts.ts';
import type { PatrolPlan, PatrolPlanInput, PatrolPlanOptions, PatrolTarget, PlanShift, ResolvedOptions } from './types.ts';

export type * from './types.ts';
export { waterFill, combSample } from './coverage.ts';

/**
 * Plans periodic and surprise patrols of `input.targets` by units stationed at `input.bases`.
 * Pure and reproducible: the same input, options and seed give byte-identical JSON. See README.
 * @throws Error naming the first invalid option, e.g. "units must be a positive integer"
 */
export function patrolPlan(input: PatrolPlanInput, options: PatrolPlanOptions): PatrolPlan {
  const o = resolveOptions(options);
  validateInput(input);
  const { targets } = input;
  const base = { seed: String(o.seed), parameters: o, targets: targets.map((t) => ({ id: t.id, name: t.name, risk: t.risk })), sectors: [], shifts: [], warnings: [] };
  if (targets.length === 0) {
    return { ...base, coverage: { expectedRiskSharePerDay: 0, uniformRiskSharePerDay: 0, ratio: 1 }, message: 'No targets to patrol: the plan is empty.' };
  }
  const units = stationUnits(input.bases, targets, o.units);
  const { sectors, unitOf, unreached } = buildSectors(units, targets, o.maxReachKm);
  const warnings = unreached.map((i) => `${targets[i].name} (${targets[i].id}) is beyond ${o.maxReachKm} km of every unit base: not planned`);
  const candidatesOf = targets.map((t, i) => candidateUnits(units, t, unitOf[i], o.maxReachKm));
  const dates = dateRange(o.startDate, o.endDate);
  const slots = emptySlots(dates.length, units.length, o.shiftsPerDay);
  warnings.push(...schedulePeriodic(slots, dates, candidatesOf, units, targets, o));
  const capacity = units.length * o.shiftsPerDay * Math.round(o.stopsPerShift * o.surpriseShare);
  const reached = targets.map((_, i) => i).filter((i) => unitOf[i] >= 0);
  const reachedCoverage = waterFill(reached.map((i) => targets[i].risk), capacity);
  const coverage = targets.map(() => 0);
  reached.forEach((i, k) => (coverage[i] = reachedCoverage[k]));
  warnings.push(...scheduleSurprise(slots, dates, coverage, candidatesOf, units, targets, o));
  const route = createRouter(roadGraph(input.roads));
  const shifts: PlanShift[] = [];
  slots.forEach((byUnit, d) => byUnit.forEach((byShift, k) => byShift.forEach((visits, s) => {
    if (visits.length > 0) shifts.push(buildShift(units[k], dates[d], s + 1, visits, targets, route, o));
  })));
  for (const shift of shifts) {
    if (shift.minutes > o.shiftHours * 60) warnings.push(`${shift.unitName} ${shift.date} shift ${shift.shift} takes ${shift.minutes} min along the roads, over shiftHours`);
  }
  return {
    ...base,
    sectors: units.map((u, k) => ({ unitId: u.id, unitName: u.name, baseId: u.base.id, baseName: u.base.name, targetIds: sectors[k].map((i) => targets[i].id) })),
    shifts,
    coverage: planCoverage(slots, coverage, targets),
    warnings,
    message: null,
  };
}

/** The sector's unit first, then other units within reach by straight distance. */
function candidateUnits(units: readonly Unit[], target: PatrolTarget, own: number, maxReachKm: number): number[] {
  if (own < 0) return [];
  const others = units.map((u, k) => ({ k, km: distance(target.point, u.base.point, { units: 'kilometers' }) }))
    .filter((x) => x.k !== own && x.km <= maxReachKm).sort((a, b) => a.km - b.km || a.k - b.k);
  return [own, ...others.map((x) => x.k)];
}

/** Samples each day's surprise visits (comb sampling, PRNG stream seed + date) and places them. */
function scheduleSurprise(slots: Slots, dates: readonly string[], coverage: readonly number[], candidatesOf: readonly number[][], units: readonly Unit[], targets: readonly PatrolTarget[], o: ResolvedOptions): string[] {
  const warnings: string[] = [];
  const seed = seedNumber(o.seed);
  dates.forEach((date, d) => {
    for (const i of combSample(coverage, childRng(seed, `surprise:${date}`))) {
      if (!placeVisit(slots, d, { target: i, kind: 'surprise' }, candidatesOf[i], units, targets, o)) {
        warnings.push(`surprise visit to ${targets[i].name} (${targets[i].id}) on ${date} could not be placed: shifts full or too long`);
      }
    }
  });
  return warnings;
}

/** Expected risk share per day of the plan vs a uniform plan with the same number of daily stops. */
function planCoverage(slots: Slots, surprise: readonly number[], targets: readonly PatrolTarget[]): PatrolPlan['coverage'] {
  const risks = targets.map((t) => t.risk);
  let planned = 0;
  let stops = 0;
  for (const byUnit of slots) {
    const periodic = new Array<number>(targets.length).fill(0);
    for (const byShift of byUnit) for (const visits of byShift) for (const v of visits) if (v.kind === 'periodic') periodic[v.target] += 1;
    planned += riskShare(risks, periodic.map((p, i) => p + surprise[i]));
    stops += periodic.reduce((s, p) => s + p, 0) + surprise.reduce((s, c) => s + c, 0);
  }
  const days = Math.max(1, slots.length);
  const expected = planned / days;
  const uniform = riskShare(risks, risks.map(() => Math.min(1, stops / days / targets.length)));
  return { expectedRiskSharePerDay: round(expected), uniformRiskSharePerDay: round(uniform), ratio: uniform > 0 ? round(expected / uniform) : 1 };
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;
