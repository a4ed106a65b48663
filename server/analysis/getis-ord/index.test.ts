import { describe, expect, it } from 'vitest';
import { classifyGi, erfc, giStar, twoSidedP } from './index.ts';

// Reference: PySAL esda, esda/tests/test_getisord.py, TestGLocal.test_star_binary
// (github.com/pysal/esda, commit 01704e94). Six points, libpysal DistanceBand(threshold=15) (d ≤ 15),
// y = [2, 3, 3.2, 5, 8, 7], G_Local(y, w, transform="B", star=True) → Zs[0] = -1.39727626.
// transform "B" = binary weights with the cell itself added, the same setting as ours (esda's default
// transform "R" row-standardises and gives -0.62488094 instead, which we do not reproduce).
const POINTS = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]];
const Y = [2, 3, 3.2, 5, 8, 7];
const band = (threshold: number): number[][] => POINTS.map((p, i) => POINTS.map((_, j) => j)
  .filter((j) => j !== i && Math.hypot(POINTS[j][0] - p[0], POINTS[j][1] - p[1]) <= threshold));

describe('giStar', () => {
  it('reproduces the esda binary Gi* z-score of the published test (1e-6)', () => {
    expect(Math.abs(giStar(Y, band(15))[0] - -1.39727626)).toBeLessThan(1e-6);
  });

  it('reproduces all six esda G_Local(transform="B", star=True) Zs of its docstring (1e-6)', () => {
    // esda/getisord.py, G_Local docstring: lg_star.Zs
    const esda = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];
    giStar(Y, band(15)).forEach((z, i) => expect(Math.abs(z - esda[i])).toBeLessThan(1e-6));
  });

  it('matches a hand-worked 5-cell chain', () => {
    // x = [1, 2, 3, 4, 10], chain neighbours 0–1–2–3–4. n = 5, Σx = 20, X̄ = 4, Σx² = 130,
    // S² = 130/5 − 16 = 10, S = √10 = 3.16227766.
    // Cell 4: {3} + itself → Σw = Σw² = 2, Σwx = 4 + 10 = 14; num = 14 − 4·2 = 6;
    //   den = √10 · √((5·2 − 2²)/4) = √10 · √1.5 = √15 = 3.87298335 → z = 6/√15 = 1.54919334.
    // Cell 2: {1, 3} + itself → Σw = 3, Σwx = 2 + 3 + 4 = 9; num = 9 − 12 = −3;
    //   den = √10 · √((15 − 9)/4) = √15 → z = −3/√15 = −0.77459667.
    // Cell 0: {1} + itself → Σw = 2, Σwx = 3; num = 3 − 8 = −5 → z = −5/√15 = −1.29099445.
    const z = giStar([1, 2, 3, 4, 10], [[1], [0, 2], [1, 3], [2, 4], [3]]);
    expect(z[4]).toBeCloseTo(1.54919334, 7);
    expect(z[2]).toBeCloseTo(-0.77459667, 7);
    expect(z[0]).toBeCloseTo(-1.29099445, 7);
  });

  it('matches a hand-worked value for the last point', () => {
    // n = 6, X̄ = 28.2/6 = 4.7, S² = Σx²/n − X̄² = 161.24/6 − 22.09 = 4.78333…, S = 2.187084.
    // Point 6 (30,30): neighbours {5}, plus itself → Σw = 2, Σwx = 7 + 8 = 15.
    // num = 15 − 4.7·2 = 5.6; den = S·√((6·2 − 4)/5) = 2.187084·1.264911 = 2.766465; z = 2.024243…
    const expected = 5.6 / (Math.sqrt(161.24 / 6 - 4.7 * 4.7) * Math.sqrt(8 / 5));
    expect(giStar(Y, band(15))[5]).toBeCloseTo(expected, 10);
    expect(expected).toBeCloseTo(2.0242433, 6);
  });

  it('gives NaN when every value is equal', () => {
    expect(giStar([1, 1, 1], [[1], [0, 2], [1]]).every(Number.isNaN)).toBe(true);
  });
});

describe('normal tail', () => {
  it('erfc matches high-precision values to 1e-15 relative', () => {
    // Values from Python math.erfc (libm, correctly rounded to ~1 ulp).
    const table: [number, number][] = [[0.1, 0.8875370839817152], [0.5, 0.4795001221869535],
      [1, 0.15729920705028513], [3, 2.2090496998585438e-5], [5, 1.5374597944280351e-12], [-1, 1.842700792949715]];
    for (const [x, want] of table) expect(Math.abs(erfc(x) / want - 1)).toBeLessThan(1e-14);
  });

  it('two-sided p at the usual critical values', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 13);
    expect(twoSidedP(-2.5758293035489004)).toBeCloseTo(0.01, 13);
  });
});

describe('classifyGi', () => {
  it('uses 90/95/99 % cut-offs without FDR', () => {
    expect(classifyGi([3, 2, 1.7, 0.5, -1.7, -2, -3, NaN], false)).toEqual([3, 2, 1, 0, -1, -2, -3, 0]);
  });

  it('with FDR a lone z of 2.0 among many nulls is not significant', () => {
    const z = [2.0, ...Array.from({ length: 99 }, () => 0.1)];
    expect(classifyGi(z, true)[0]).toBe(0);
    expect(classifyGi([5, 5, 5], true)).toEqual([3, 3, 3]);
  });
});
