import { riskShare, visitShare, watchedShare, type Watch } from './dwell.ts';
import { waterFill } from './allocation.ts';
import type { PatrolTarget, PlanCoverage, PlanShift, ResolvedOptions } from './types.ts';

const DAY_MINUTES = 1440;
const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * When each stop of the plan watches its target, in minutes since the horizon's start: 07:00 local time on the first
 * day (the first shift's start), so a plan of D days spans D × 24 h and its last night shift lies inside it.
 */
export function planWatches(shifts: readonly PlanShift[], startDate: string): Map<string, Watch[]> {
  const origin = Date.parse(`${startDate}T07:00:00+07:00`);
  const watches = new Map<string, Watch[]>();
  for (const shift of shifts) {
    for (const stop of shift.stops) {
      const start = (Date.parse(stop.arrival) - origin) / 60_000;
      watches.set(stop.targetId, [...(watches.get(stop.targetId) ?? []), { startMinute: start, endMinute: start + stop.dwellMinutes }]);
    }
  }
  return watches;
}

/**
 * The plan's coverage under the dwell model and its two baselines, with the same periodic visits and, each day, the
 * same number of surprise visits as the plan placed: spread evenly over the targets that may take one (equal
 * water-filling over their free days), or given to each day's highest risks. A baseline visit is worth what the
 * plan's surprise visits are worth on average, so the comparison is between allocations, not timings.
 * @param eligible per target, the days it may take a surprise visit (reachable, no periodic visit that day)
 */
export function planCoverage(shifts: readonly PlanShift[], targets: readonly PatrolTarget[], eligible: readonly boolean[][], days: number, o: ResolvedOptions): PlanCoverage {
  const horizon = days * DAY_MINUTES;
  const watches = planWatches(shifts, o.startDate);
  const risks = targets.map((t) => t.risk);
  const riskOf = new Map(targets.map((t) => [t.id, t.risk]));
  const plan = riskShare(risks, targets.map((t) => watchedShare(watches.get(t.id) ?? [], horizon, o.residualMinutes)));
  const periodicOnly = shifts.map((shift) => ({ ...shift, stops: shift.stops.filter((stop) => stop.kind === 'periodic') }));
  const periodicWatches = planWatches(periodicOnly, o.startDate);
  const periodic = riskShare(risks, targets.map((t) => watchedShare(periodicWatches.get(t.id) ?? [], horizon, o.residualMinutes)));
  const perDay = new Array<number>(days).fill(0);
  const origin = Date.parse(`${o.startDate}T00:00:00Z`);
  for (const shift of shifts) perDay[(Date.parse(`${shift.date}T00:00:00Z`) - origin) / 86_400_000] += shift.stops.filter((s) => s.kind === 'surprise').length;
  const total = perDay.reduce((a, b) => a + b, 0);
  // A baseline visit is worth what the plan's surprise visits are worth on average per unit of risk (the same visits in
  // the same slots, given to other targets), so plan and baselines differ only in whom the visits go to.
  const planVisitRisk = shifts.reduce((s, shift) => s + shift.stops.filter((stop) => stop.kind === 'surprise').reduce((t, stop) => t + (riskOf.get(stop.targetId) ?? 0), 0), 0);
  const riskSum = risks.reduce((a, b) => a + b, 0);
  const value = planVisitRisk > 0 ? ((plan - periodic) * riskSum) / planVisitRisk : visitShare(o.dwellMinutes, horizon, o.residualMinutes);
  const freeDays = eligible.map((row) => row.filter(Boolean).length);
  const uniformVisits = waterFill(targets.map(() => 1), total, freeDays);
  const topVisits = new Array<number>(targets.length).fill(0);
  perDay.forEach((count, d) => {
    const open = targets.map((_, i) => i).filter((i) => eligible[i][d]).sort((a, b) => risks[b] - risks[a] || a - b);
    for (const i of open.slice(0, count)) topVisits[i] += 1;
  });
  const uniform = periodic + riskShare(risks, uniformVisits.map((v) => v * value));
  const topK = periodic + riskShare(risks, topVisits.map((v) => v * value));
  return {
    expectedRiskSharePerDay: round(plan), uniformRiskSharePerDay: round(uniform), topKRiskSharePerDay: round(topK),
    ratio: uniform > 0 ? round(plan / uniform) : 1, topKRatio: topK > 0 ? round(plan / topK) : 1, surpriseVisits: total,
    model: {
      dwellMinutes: o.dwellMinutes, residualMinutes: o.residualMinutes,
      description: `share of the risk-weighted time the targets are watched: during each ${o.dwellMinutes}-minute stop, then a deterrence decaying with a ${o.residualMinutes}-minute time constant (Koper 1995)`,
    },
  };
}
