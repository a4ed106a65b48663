import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createRng } from '../prng/index.ts';
import { localIso } from './options.ts';
import { apportion, patrolPlan, waterFill, type PatrolPlanInput, type PatrolPlanOptions, type PatrolTarget } from './index.ts';

const roads = JSON.parse(readFileSync('data/kontum/roads-national-osm.geojson', 'utf8')) as FeatureCollection<LineString | MultiLineString>;
// Commune centres around Kon Tum city and along QL14 / QL24.
const places: Array<[string, [number, number]]> = [
  ['Đăk Cấm', [108.011035, 14.416984]], ['Kon Tum', [108.014272, 14.3517]], ['Đăk Bla', [107.988364, 14.32518]],
  ['Ngọk Bay', [107.901869, 14.395867]], ['Ia Chim', [107.912721, 14.31558]], ['Đăk Rơ Wa', [108.025517, 14.301116]],
  ['Đăk Hà', [107.928321, 14.463429]], ['Ngọk Réo', [108.038378, 14.495369]], ['Sa Thầy', [107.759272, 14.428848]],
  ['Đăk Tô', [107.825813, 14.619284]], ['Kon Braih', [108.159122, 14.430646]], ['Sa Bình', [107.849455, 14.447235]],
];
const targets: PatrolTarget[] = places.map(([name, point], i) => ({
  id: `t${i}`, kind: i % 3 === 0 ? 'key_target' : 'hotspot', name: `Trạm BTS ${name}`, point, risk: 12 - i, ...(i % 3 === 0 ? { cadenceDays: 3 } : {}),
}));
const input: PatrolPlanInput = {
  targets,
  bases: [
    { id: 'b1', name: 'Công an phường Kon Tum', point: [108.0, 14.355] },
    { id: 'b2', name: 'Công an xã Đăk Tô', point: [107.83, 14.62] },
  ],
  roads,
};
const options: PatrolPlanOptions = { startDate: '2026-12-01', endDate: '2026-12-07', units: 3, shiftsPerDay: 2, surpriseShare: 0.2, seed: 'kontum-42' };
// Surprise capacity: 3 units × 2 shifts × round(6 × 0.2) = 6 visits a day for 12 targets.

describe('waterFill', () => {
  it('hand-worked example: risks [10,1,1], capacity 2 → [1, 0.5, 0.5]', () => {
    expect(waterFill([10, 1, 1], 2)).toEqual([1, 0.5, 0.5]);
  });
  it('capacity above the number of targets covers everything once', () => {
    expect(waterFill([3, 2, 1], 5)).toEqual([1, 1, 1]);
  });
  it('zero total risk spreads uniformly; empty input is empty', () => {
    expect(waterFill([0, 0], 1)).toEqual([0.5, 0.5]);
    expect(waterFill([], 3)).toEqual([]);
  });
});

describe('apportion', () => {
  it('rounds shares to whole visits that add up, never above a cap, a larger share never getting fewer', () => {
    const shares = [3.7, 2.2, 2.2, 0.9, 1.0];
    const counts = apportion(shares, [14, 14, 14, 14, 1], createRng(3));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(counts[0]).toBe(4);
    expect(counts[4]).toBeLessThanOrEqual(1);
    for (let i = 0; i < shares.length; i++) for (let j = 0; j < shares.length; j++) if (shares[i] > shares[j] && j !== 4 && i !== 4) expect(counts[i]).toBeGreaterThanOrEqual(counts[j]);
  });
});

describe('waterFill with caps', () => {
  it('caps each item and redistributes in proportion to weight: [10, 5, 1] over 3 with caps [1, 2, 2] → [1, 5/3, 1/3]', () => {
    const c = waterFill([10, 5, 1], 3, [1, 2, 2]);
    expect(c[0]).toBeCloseTo(1, 12);
    expect(c[1]).toBeCloseTo(5 / 3, 12);
    expect(c[2]).toBeCloseTo(1 / 3, 12);
  });
});

describe('patrolPlan', () => {
  const plan = patrolPlan(input, options);
  it('same seed gives a byte-identical plan', () => {
    expect(JSON.stringify(patrolPlan(input, options))).toBe(JSON.stringify(plan));
  });
  it('a different seed gives different surprise visits', () => {
    const surprises = (p: typeof plan): string => JSON.stringify(p.shifts.map((s) => s.stops.filter((x) => x.kind === 'surprise').map((x) => `${s.date} ${x.targetId} ${x.arrival}`).sort()));
    expect(surprises(patrolPlan(input, { ...options, seed: 'other' }))).not.toBe(surprises(plan));
  });
  it('every target with cadenceDays is visited in every window of that many days', () => {
    const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'];
    for (const t of targets.filter((x) => x.cadenceDays)) {
      const visited = days.map((d) => plan.shifts.some((s) => s.date === d && s.stops.some((x) => x.targetId === t.id && x.kind === 'periodic')));
      for (let start = 0; start + (t.cadenceDays as number) <= days.length; start++) {
        expect(visited.slice(start, start + (t.cadenceDays as number)).some(Boolean), `${t.id} from ${days[start]}`).toBe(true);
      }
    }
  });
  it('no shift exceeds stopsPerShift or shiftHours; arrivals are local +07:00 after the shift start, in order, a dwell apart at least', () => {
    expect(plan.shifts.length).toBeGreaterThan(0);
    for (const s of plan.shifts) {
      expect(s.stops.length).toBeLessThanOrEqual(6);
      expect(s.minutes).toBeLessThanOrEqual(8 * 60);
      expect(s.stops[0].arrival >= `${s.date}T${s.shift === 1 ? '07' : '15'}:00:00+07:00`).toBe(true);
      expect(s.stops[0].arrival.endsWith('+07:00')).toBe(true);
      s.stops.slice(1).forEach((stop, k) => expect(Date.parse(stop.arrival) - Date.parse(s.stops[k].arrival)).toBeGreaterThanOrEqual(15 * 60_000));
    }
  });
  it('a day never has more surprise visits than the capacity (6), and a target at most one visit a day', () => {
    const perDay = new Map<string, number>();
    for (const s of plan.shifts) perDay.set(s.date, (perDay.get(s.date) ?? 0) + s.stops.filter((x) => x.kind === 'surprise').length);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(6);
    const visits = plan.shifts.flatMap((s) => s.stops.map((x) => `${s.date} ${x.targetId}`));
    expect(new Set(visits).size).toBe(visits.length);
  });
  it('coverage is between a uniform plan and always-the-top-risks with the same visits', () => {
    expect(plan.coverage.expectedRiskSharePerDay).toBeGreaterThanOrEqual(plan.coverage.uniformRiskSharePerDay);
    expect(plan.coverage.expectedRiskSharePerDay).toBeLessThanOrEqual(plan.coverage.topKRiskSharePerDay);
    expect(plan.coverage.ratio).toBeGreaterThanOrEqual(1);
    expect(plan.coverage.model).toMatchObject({ dwellMinutes: 15, residualMinutes: 30 });
  });
  it('names units in Vietnamese and puts the first unit at the base with the most risk', () => {
    expect(plan.sectors[0]).toMatchObject({ unitName: 'Tổ tuần tra 1', baseId: 'b1' });
    expect(plan.sectors.flatMap((s) => s.targetIds).sort()).toEqual(targets.map((t) => t.id).sort());
  });
  it('does not mutate the input', () => {
    const before = JSON.stringify(input.targets) + JSON.stringify(input.bases);
    patrolPlan(input, options);
    expect(JSON.stringify(input.targets) + JSON.stringify(input.bases)).toBe(before);
  });
});

describe('patrolPlan edge cases', () => {
  it('night-shift times roll over midnight and the year in +07:00', () => {
    expect(localIso('2026-12-31', 23 * 60 + 90)).toBe('2027-01-01T00:30:00+07:00');
  });
  it('empty targets give a valid empty plan with a message', () => {
    const plan = patrolPlan({ ...input, targets: [] }, options);
    expect(plan.shifts).toEqual([]);
    expect(plan.message).toMatch(/no targets/i);
  });
  it('a bad option throws naming it first', () => {
    expect(() => patrolPlan(input, { ...options, units: 0, shiftsPerDay: 9 })).toThrow(/^units must be a positive integer$/);
    expect(() => patrolPlan(input, { ...options, endDate: '2026-11-30' })).toThrow(/^endDate/);
    expect(() => patrolPlan(input, { ...options, startDate: '2026-02-30' })).toThrow(/^startDate/);
  });
  it('targets beyond maxReachKm are warned about, not silently dropped', () => {
    const far: PatrolTarget = { id: 'far', kind: 'hotspot', name: 'Xa', point: [109.5, 15.5], risk: 1 };
    const plan = patrolPlan({ ...input, targets: [...targets, far] }, options);
    expect(plan.warnings.some((w) => w.includes('(far)') && w.includes('80 km'))).toBe(true);
  });
  it('impossible cadences produce warnings naming the targets', () => {
    const plan = patrolPlan(input, { ...options, units: 1, shiftsPerDay: 1, stopsPerShift: 1, surpriseShare: 0 });
    // 4 targets every 3 days need 4/3 visits a day; one unit with one 1-stop shift gives 1.
    const named = plan.warnings.filter((w) => /^periodic visit to Trạm BTS .+ \(t\d+\) due by 2026-12-0\d/.test(w));
    expect(named.length).toBeGreaterThan(0);
  });
  it('zero-risk targets beyond reach get no surprise visits', () => {
    const far: PatrolTarget = { id: 'far', kind: 'hotspot', name: 'Xa', point: [109.5, 15.5], risk: 0 };
    const zero = [...targets.map((t) => ({ ...t, risk: 0 })), far];
    const plan = patrolPlan({ ...input, targets: zero }, options);
    expect(plan.shifts.some((s) => s.stops.some((x) => x.targetId === 'far'))).toBe(false);
    expect(plan.warnings.filter((w) => w.includes('(far)'))).toHaveLength(1);
  });
  it('a single-day horizon and a single target work: one surprise visit, watched its dwell and residual time', () => {
    const plan = patrolPlan({ ...input, targets: [targets[1]] }, { ...options, endDate: options.startDate, units: 1 });
    expect(plan.shifts.length).toBe(1);
    // One 15-minute stop then a deterrence decaying with a 30-minute constant: about (15 + 30) / 1440 of the day.
    expect(plan.coverage.expectedRiskSharePerDay).toBeCloseTo(45 / 1440, 3);
  });
});
