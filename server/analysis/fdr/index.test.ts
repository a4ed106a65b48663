import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, giClass, giThresholds } from './index.ts';

describe('benjaminiHochberg', () => {
  it('matches a hand-worked example', () => {
    // m = 5, q = 0.05. Sorted p: 0.001, 0.008, 0.039, 0.041, 0.60 (ranks 1..5).
    // Critical (k/m)q: 0.01, 0.02, 0.03, 0.04, 0.05 → largest k with p_(k) ≤ crit is k = 2 → threshold 0.008.
    // Adjusted: 5·0.60/5 = 0.60; min(0.60, 5·0.041/4 = 0.05125); min(.., 5·0.039/3 = 0.065) = 0.05125;
    // min(.., 5·0.008/2 = 0.02) = 0.02; min(.., 5·0.001/1 = 0.005) = 0.005.
    const p = [0.039, 0.001, 0.60, 0.008, 0.041];
    const r = benjaminiHochberg(p, 0.05);
    const want = [0.05125, 0.005, 0.6, 0.02, 0.05125];
    r.adjusted.forEach((a, i) => expect(a).toBeCloseTo(want[i], 12));
    expect(r.significant).toEqual([false, true, false, true, false]);
    expect(r.threshold).toBe(0.008);
  });

  it('ignores NaN and throws on a bad q', () => {
    expect(benjaminiHochberg([NaN, 0.01], 0.05).significant).toEqual([false, true]);
    expect(() => benjaminiHochberg([0.1], 0)).toThrow('q must be');
  });

  it('defaults q to 0.05', () => {
    expect(benjaminiHochberg([0.039, 0.001, 0.60, 0.008, 0.041]).significant).toEqual([false, true, false, true, false]);
  });
});

describe('giClass with FDR thresholds (ArcGIS style)', () => {
  it('matches a hand-worked example', () => {
    // Same p as above, m = 5. q = 0.01: crit 0.002, 0.004, 0.006, 0.008, 0.01 → only p_(1) = 0.001 passes → p99 = 0.001.
    // q = 0.05: threshold 0.008 (worked above) → p95 = 0.008.
    // q = 0.10: crit 0.02, 0.04, 0.06, 0.08, 0.10 → p_(4) = 0.041 ≤ 0.08 is the largest → p90 = 0.041.
    const p = [0.039, 0.001, 0.60, 0.008, 0.041];
    const t = giThresholds(p);
    expect(t).toEqual({ p99: 0.001, p95: 0.008, p90: 0.041 });
    const z = [2.06, 3.29, 0.52, -2.65, -2.04];
    expect(z.map((zi, i) => giClass(zi, p[i], t))).toEqual([1, 3, 0, -2, -1]);
    // without FDR the plain cut-offs apply: 0.039 → 95 %, 0.008 → 99 %
    expect(z.map((zi, i) => giClass(zi, p[i], giThresholds(p, false)))).toEqual([2, 3, 0, -3, -2]);
    expect(giClass(NaN, NaN, t)).toBe(0);
  });
});
