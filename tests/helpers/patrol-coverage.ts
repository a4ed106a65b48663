import { expect } from 'vitest';
import type { PatrolPlan } from '../../server/analysis/patrol-plan/index.ts';

/**
 * The watched share of each target from the plan's published stops: min(1, Σ presence or e^{−t/θ} after leaving),
 * integrated every 6 seconds over the windows where any stop of the target is in effect (12 θ after it, beyond which
 * less than 1e-5 θ is left). Written for the tests from the model's definition (README "Patrol plans"), not from its code.
 */
export function watchedShares(plan: PatrolPlan, kinds: ('periodic' | 'surprise')[], start: string, days: number, residualMinutes: number): Map<string, number> {
  const origin = Date.parse(`${start}T07:00:00+07:00`); // the horizon starts with the first shift, and runs days × 24 h
  const horizon = days * 1440, step = 0.1;
  const byTarget = new Map<string, [number, number][]>();
  for (const shift of plan.shifts) for (const stop of shift.stops) {
    if (!kinds.includes(stop.kind)) continue;
    const start = (Date.parse(stop.arrival) - origin) / 60_000;
    byTarget.set(stop.targetId, [...(byTarget.get(stop.targetId) ?? []), [start, start + stop.dwellMinutes]]);
  }
  const shares = new Map<string, number>();
  for (const [id, visits] of byTarget) {
    expect(visits.every(([a, b]) => a >= 0 && b <= horizon)).toBe(true);
    const windows = visits.map(([a, b]) => [a, Math.min(horizon, b + 12 * residualMinutes)]).sort((x, y) => x[0] - y[0]);
    const merged: number[][] = [];
    for (const w of windows) if (merged.length && w[0] <= merged[merged.length - 1][1]) merged[merged.length - 1][1] = Math.max(merged[merged.length - 1][1], w[1]); else merged.push([...w]);
    let watched = 0;
    for (const [from, to] of merged) {
      const inWindow = visits.filter(([a, b]) => a < to && b + 12 * residualMinutes > from);
      for (let t = from + step / 2; t < to; t += step) {
        let level = 0;
        for (const [a, b] of inWindow) level += t < a ? 0 : t <= b ? 1 : Math.exp(-(t - b) / residualMinutes);
        watched += Math.min(1, level) * step;
      }
    }
    shares.set(id, watched / horizon);
  }
  return shares;
}

/** Equal water-filling: μ with Σ min(free_i, μ) = total, by bisection. */
export function evenly(free: number[], total: number): number[] {
  let low = 0, high = Math.max(...free);
  for (let k = 0; k < 100; k++) {
    const mid = (low + high) / 2;
    if (free.reduce((s, f) => s + Math.min(f, mid), 0) < total) low = mid; else high = mid;
  }
  return free.map((f) => Math.min(f, high));
}
