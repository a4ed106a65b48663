import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createRng } from '../prng/index.ts';
import { evenly, watchedShares as watchedFrom } from '../../../tests/helpers/patrol-coverage.ts';
import { patrolPlan, type PatrolPlan, type PatrolTarget } from './index.ts';

const watchedShares = (plan: PatrolPlan, kinds: ('periodic' | 'surprise')[], days: number, residualMinutes: number) => watchedFrom(plan, kinds, START, days, residualMinutes);

const roads = JSON.parse(readFileSync('data/kontum/roads-national-osm.geojson', 'utf8')) as FeatureCollection<LineString | MultiLineString>;
const communes = JSON.parse(readFileSync('data/kontum/commune-centres-2025.geojson', 'utf8')) as FeatureCollection<Point>;
const START = '2026-12-01';

/** A random configuration: 1–10 units, 1–3 shifts, 2–60 targets near commune centres (a fifth of them key targets), bases at some of those communes. */
function configuration(seed: number, days = 14) {
  const rng = createRng(seed);
  const units = rng.int(1, 10), shiftsPerDay = rng.int(1, 3), count = rng.int(2, 60);
  const places = Array.from({ length: Math.max(2, Math.ceil(count / 4)) }, () => communes.features[rng.int(0, communes.features.length - 1)].geometry.coordinates);
  const targets: PatrolTarget[] = Array.from({ length: count }, (_, i) => {
    const [lon, lat] = rng.pick(places);
    const key = rng.chance(0.2);
    return { id: `t${i}`, kind: key ? 'key_target' : 'hotspot', name: `Mục tiêu ${i}`, point: [lon + rng.range(-0.03, 0.03), lat + rng.range(-0.03, 0.03)], risk: rng.range(0, 100), ...(key ? { cadenceDays: rng.int(2, 7) } : {}) };
  });
  const bases = places.slice(0, Math.max(1, Math.ceil(places.length / 2))).map((point, i) => ({ id: `b${i}`, name: `Công an ${i}`, point: [point[0], point[1]] as [number, number] }));
  const endDate = new Date(Date.parse(`${START}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { input: { targets, bases, roads }, options: { startDate: START, endDate, units, shiftsPerDay, seed: `config-${seed}` } };
}

describe('patrol plans over random configurations (1–10 units, 1–3 shifts, 2–60 targets, 14 days)', () => {
  const plans = Array.from({ length: 16 }, (_, k) => ({ k, ...configuration(100 + k) })).map((c) => ({ ...c, plan: patrolPlan(c.input, c.options) }));

  it('never cover less risk than a uniform plan with the same units, shifts and stops, nor more than always-the-top-risks (recomputed from the published stops)', () => {
    for (const { k, input, plan } of plans) {
      const risk = new Map(input.targets.map((t) => [t.id, t.risk]));
      const riskSum = input.targets.reduce((s, t) => s + t.risk, 0);
      const shares = watchedShares(plan, ['periodic', 'surprise'], 14, 30);
      const share = input.targets.reduce((s, t) => s + t.risk * (shares.get(t.id) ?? 0), 0) / riskSum;
      expect(Math.abs(share - plan.coverage.expectedRiskSharePerDay), `config ${k}`).toBeLessThan(2e-4);
      // Who takes the surprise visits: each target's count and free days (no periodic visit; reachable targets only).
      const periodicDays = new Map<string, Set<string>>(), surprise = new Map<string, number>(), perDay = new Map<string, number>();
      for (const shift of plan.shifts) for (const stop of shift.stops) {
        if (stop.kind === 'periodic') periodicDays.set(stop.targetId, (periodicDays.get(stop.targetId) ?? new Set()).add(shift.date));
        else { surprise.set(stop.targetId, (surprise.get(stop.targetId) ?? 0) + 1); perDay.set(shift.date, (perDay.get(shift.date) ?? 0) + 1); }
      }
      const reachable = input.targets.filter((t) => !plan.warnings.some((w) => w.includes(`(${t.id})`) && /not planned/.test(w)));
      const free = reachable.map((t) => 14 - (periodicDays.get(t.id)?.size ?? 0));
      const total = [...surprise.values()].reduce((a, b) => a + b, 0);
      const uniform = evenly(free, total);
      const planRisk = reachable.reduce((s, t) => s + t.risk * (surprise.get(t.id) ?? 0), 0);
      const uniformRisk = reachable.reduce((s, t, i) => s + t.risk * uniform[i], 0);
      expect(planRisk, `config ${k}: surprise visits go to more risk than an even spread`).toBeGreaterThanOrEqual(uniformRisk - 1e-9);
      expect(plan.coverage.expectedRiskSharePerDay, `config ${k}`).toBeGreaterThanOrEqual(plan.coverage.uniformRiskSharePerDay);
      expect(plan.coverage.expectedRiskSharePerDay, `config ${k}`).toBeLessThanOrEqual(plan.coverage.topKRiskSharePerDay);
      // The uniform figure as the README defines it: same periodic visits, the plan's surprise visits spread evenly, each worth the plan's average.
      const periodic = watchedShares(plan, ['periodic'], 14, 30);
      const periodicShare = input.targets.reduce((s, t) => s + t.risk * (periodic.get(t.id) ?? 0), 0) / riskSum;
      const perVisit = planRisk > 0 ? ((share - periodicShare) * riskSum) / planRisk : 0;
      expect(Math.abs(periodicShare + (perVisit * uniformRisk) / riskSum - plan.coverage.uniformRiskSharePerDay), `config ${k}`).toBeLessThan(2e-4);
      expect(risk.size).toBe(input.targets.length);
    }
  });

  it('has every unit work every shift type over the horizon when there are visits for it', () => {
    for (const { k, options, plan } of plans) {
      const visits = plan.shifts.reduce((s, shift) => s + shift.stops.length, 0);
      if (visits < 3 * options.units * options.shiftsPerDay) continue;
      const worked = new Set(plan.shifts.map((shift) => `${shift.unitId}/${shift.shift}`));
      expect(worked.size, `config ${k}`).toBe(options.units * options.shiftsPerDay);
    }
  });
});

describe('unpredictability of a 14-day plan', () => {
  const { input, options } = configuration(7);
  const slot = (arrival: string) => Math.floor((Number(arrival.slice(11, 13)) * 60 + Number(arrival.slice(14, 16))) / 30);
  const surprises = (plan: PatrolPlan) => plan.shifts.flatMap((shift) => shift.stops.filter((stop) => stop.kind === 'surprise').map((stop) => ({ day: shift.date, target: stop.targetId, slot: slot(stop.arrival) })));
  const plan = patrolPlan(input, options);

  it('puts no more than 40 % of any hotspot target’s surprise visits in one 30-minute time-of-day slot', () => {
    const byTarget = new Map<string, number[]>();
    for (const visit of surprises(plan)) byTarget.set(visit.target, [...(byTarget.get(visit.target) ?? []), visit.slot]);
    expect(byTarget.size).toBeGreaterThan(5);
    for (const target of input.targets.filter((t) => t.kind === 'hotspot')) {
      const slots = byTarget.get(target.id);
      if (!slots) continue;
      const most = Math.max(...[...new Set(slots)].map((s) => slots.filter((x) => x === s).length));
      expect(most / slots.length, `${target.id}: ${slots.join(',')}`).toBeLessThanOrEqual(0.4);
    }
  });

  it('shares at most 30 % of its (day, target, slot) surprise visits with a plan from another seed, and is the same plan for the same seed', () => {
    const other = patrolPlan(input, { ...options, seed: 'another seed' });
    const key = (v: { day: string; target: string; slot: number }) => `${v.day}|${v.target}|${v.slot}`;
    const mine = new Set(surprises(plan).map(key));
    const shared = surprises(other).filter((v) => mine.has(key(v))).length;
    expect(shared / mine.size).toBeLessThanOrEqual(0.3);
    expect(JSON.stringify(patrolPlan(input, options))).toBe(JSON.stringify(plan));
  });
});
