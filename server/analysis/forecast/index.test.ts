import { bboxPolygon, distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { hexGridOver } from '../hex-bin/index.ts';
import { createRng } from '../prng/index.ts';
import { backtest, hitsAt, incidentForecast, monthlyCutoffs, rankCells, scores, type Events } from './index.ts';
import { gridKernel, smooth } from './kernel.ts';
import { DAY_MS, kernelForecast, mixedForecast } from './methods.ts';

const AREA = bboxPolygon([107.9, 14.3, 108.1, 14.5]);
const GRID = hexGridOver(AREA, { cellSizeMeters: 1000 });
const N = GRID.cells.features.length;
const SHARES = Float64Array.from(GRID.cells.features, (f) => f.properties.area_share);
const NO_EXPOSURE = { sites: new Float64Array(N), cableKm: new Float64Array(N) };

describe('hit rate, PAI and PEI', () => {
  it('match a hand-worked example', () => {
    // Four equal cells; the forecast ranks 2 > 0 > 1 > 3; 10 incidents fell 1, 2, 3, 4 in cells 0…3.
    const areas = [1, 1, 1, 1], outcome = [1, 2, 3, 4];
    const [quarter, half] = hitsAt(rankCells([0.3, 0.2, 0.4, 0.1]), areas, outcome, [0.25, 0.5]);
    // 25 %: cell 2 holds 3 of 10 → hit rate 0.3, PAI 0.3 / 0.25 = 1.2; best is cell 3 (4 of 10), PAI* 1.6, PEI 0.75.
    expect(quarter).toEqual({ hits: 3, total: 10, areaShare: 0.25, bestHits: 4, bestAreaShare: 0.25 });
    const q = scores([quarter]);
    expect([q.hitRate, q.pai, q.pei].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.3, 1.2, 0.75]);
    // 50 %: cells 2 and 0 hold 4 → 0.4, PAI 0.8; best cells 3 and 2 hold 7 → PAI* 1.4; PEI 4/7.
    const half2 = scores([half]);
    expect(half2.hitRate).toBeCloseTo(0.4, 12);
    expect(half2.pai).toBeCloseTo(0.8, 12);
    expect(half2.pei).toBeCloseTo(4 / 7, 12);
  });
});

describe('kernel density', () => {
  it('equals a brute-force Gaussian sum over the cell centres (turf distances) times the area inside', () => {
    const masses = Float64Array.from({ length: N }, (_, i) => (i % 7 === 0 ? 3 : i % 11 === 0 ? 1 : 0));
    const result = smooth(masses, gridKernel(GRID, 1000), SHARES);
    const centres = GRID.cells.features.map((f) => f.properties.center);
    const brute = centres.map((c, i) => SHARES[i] * centres.reduce((s, d, j) => {
      const meters = distance(c, d, { units: 'meters' });
      return meters <= 3500 ? s + masses[j] * Math.exp(-(meters * meters) / (2 * 1000 * 1000)) : s;
    }, 0));
    const total = brute.reduce((a, b) => a + b, 0);
    // Planar metres against turf's great-circle ones: within 0.5 % of each share.
    brute.forEach((value, i) => expect(Math.abs(result[i] - value / total)).toBeLessThanOrEqual(0.005 * (value / total) + 1e-12));
  });

  it('weighs an incident by 2^(−age / half-life) and ignores those at or after the origin', () => {
    const events: Events = { cell: Int32Array.from([0, 5, 5]), time: Float64Array.from([0, 90 * DAY_MS, 200 * DAY_MS]) };
    const origin = 180 * DAY_MS;
    const shares = kernelForecast(events, GRID, origin, { bandwidthMeters: 100, halfLifeDays: 90 }, new Float64Array(N).fill(1));
    // With a 100 m bandwidth the kernel keeps each cell to itself: cell 0 weighs 2^-2, cell 5 weighs 2^-1.
    expect(shares[0] / shares[5]).toBeCloseTo(0.5, 9);
    expect(shares[0] + shares[5]).toBeCloseTo(1, 9);
  });

  it('mixes in the cells’ shares of sites and cable by their weights', () => {
    const density = Float64Array.from({ length: N }, (_, i) => (i === 0 ? 1 : 0));
    const sites = Float64Array.from({ length: N }, (_, i) => (i === 1 ? 4 : 0));
    const cable = Float64Array.from({ length: N }, (_, i) => (i === 2 ? 2 : i === 3 ? 2 : 0));
    const mixed = mixedForecast(density, { sites, cableKm: cable }, { siteWeight: 0.2, cableWeight: 0.4 });
    expect([mixed[0], mixed[1], mixed[2], mixed[3]].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.4, 0.2, 0.2, 0.2]);
  });
});

/** A synthetic record with a known truth: a few hot cells hold most incidents, the rest are spread evenly. */
function syntheticEvents(seed: number, days: number): Events {
  const rng = createRng(seed);
  const hot = [3, 40, 77, 120];
  const cells: number[] = [], times: number[] = [];
  for (let d = 0; d < days; d++) {
    for (let k = 0; k < 3; k++) {
      cells.push(rng.chance(0.6) ? rng.pick(hot) : rng.int(0, N - 1));
      times.push(Date.UTC(2024, 0, 1) + (d + rng.next()) * DAY_MS);
    }
  }
  return { cell: Int32Array.from(cells), time: Float64Array.from(times) };
}

describe('forecast and backtest', () => {
  const events = syntheticEvents(5, 730);
  const start = Date.UTC(2024, 0, 1);

  it('ranks every cell, spreads the expected total over them, and flags the top 1/3/5 % of the area', () => {
    const f = incidentForecast(events, GRID, Date.UTC(2025, 6, 1), 28, start, NO_EXPOSURE);
    const props = f.cells.features.map((c) => c.properties).sort((a, b) => a.rank - b.rank);
    expect(props.map((p) => p.rank)).toEqual(props.map((_, i) => i + 1));
    expect(props.reduce((s, p) => s + p.expected, 0)).toBeCloseTo(f.expectedTotal, 6);
    expect(props.at(-1)!.cumulative_area_share).toBeCloseTo(1, 9);
    expect(props.at(-1)!.cumulative_expected_share).toBeCloseTo(1, 9);
    // The four hot cells lead (together ~2 % of this small area's cells, so in the top 3 %).
    expect(props.slice(0, 4).map((p) => p.cell_id).sort((a, b) => a - b)).toEqual([3, 40, 77, 120]);
    expect(props.filter((p) => p.top_percent === 1).every((p) => p.cumulative_area_share <= 0.01 + 1e-9)).toBe(true);
    // The expected total is the same 28 days a year earlier: ~3 a day.
    expect(f.expectedTotal).toBeGreaterThan(60);
    expect(f.expectedTotal).toBeLessThan(110);
  });

  it('never looks past the origin: incidents after it change nothing', () => {
    const origin = Date.UTC(2025, 2, 1);
    const later: Events = { cell: Int32Array.from([...events.cell, 200, 200, 200]), time: Float64Array.from([...events.time, origin + DAY_MS, origin + 2 * DAY_MS, origin]) };
    const a = incidentForecast(events, GRID, origin, 28, start, NO_EXPOSURE), b = incidentForecast(later, GRID, origin, 28, start, NO_EXPOSURE);
    expect(b.cells.features.map((c) => c.properties.rank)).toEqual(a.cells.features.map((c) => c.properties.rank));
  });

  it('beats random by far where the truth is concentrated, while random scores a PAI of about 1', () => {
    const cutoffs = monthlyCutoffs(Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1), 28);
    expect(cutoffs).toHaveLength(12);
    const result = backtest(events, GRID, cutoffs, 28, NO_EXPOSURE, { bootstrap: 200 });
    const row = (method: string, level: number) => result.rows.find((r) => r.method === method && r.level === level)!;
    expect(row('forecast', 0.03).pai).toBeGreaterThan(5 * row('random', 0.03).pai);
    expect(row('random', 0.05).pai).toBeGreaterThan(0.6);
    expect(row('random', 0.05).pai).toBeLessThan(1.6);
    for (const r of result.rows) {
      expect(r.ci.pai[0]).toBeLessThanOrEqual(r.pai + 1e-9);
      expect(r.ci.pai[1]).toBeGreaterThanOrEqual(r.pai - 1e-9);
      expect(r.pei).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(result.comparison.map((c) => c.level)).toEqual([0.01, 0.03, 0.05]);
  });

  it('names a bad period length', () => {
    expect(() => incidentForecast(events, GRID, Date.UTC(2025, 0, 1), 0, start, NO_EXPOSURE)).toThrow(/^days must be positive/);
  });
});
