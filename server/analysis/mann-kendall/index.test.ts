import { describe, expect, it } from 'vitest';
import { mannKendall } from './index.ts';

describe('mannKendall', () => {
  it('matches a hand-worked series with ties', () => {
    // x = [1, 3, 2, 3, 5, 4, 6], n = 7.
    // Pairs (i<j) sign(x_j − x_i): from 1: +,+,+,+,+,+ = 6; from 3: −,0,+,+,+ = 2; from 2: +,+,+,+ = 4;
    // from 3: +,+,+ = 3; from 5: −,+ = 0; from 4: + = 1 → S = 16.
    // Ties: value 3 twice → t = 2: 2·1·9 = 18. Var = (7·6·19 − 18)/18 = (798 − 18)/18 = 43.3333…
    // z = (16 − 1)/√43.3333 = 15/6.582806 = 2.278664; p = erfc(2.278664/√2) = 0.022687.
    const r = mannKendall([1, 3, 2, 3, 5, 4, 6]);
    expect(r.s).toBe(16);
    expect(r.variance).toBeCloseTo(780 / 18, 12);
    expect(r.z).toBeCloseTo(15 / Math.sqrt(780 / 18), 12);
    expect(r.z).toBeCloseTo(2.278664, 6);
    expect(r.p).toBeCloseTo(0.022687, 5);
    expect(r.trend).toBe('increasing');
    // tau-b: N₀ = 21 pairs, one tied pair (the two 3s) → tau = 16/√(20·21) = 16/20.493902 = 0.780720
    expect(r.tau).toBeCloseTo(0.780720, 6);
  });

  it('finds no trend in a constant series and a decreasing trend in a falling one', () => {
    expect(mannKendall([4, 4, 4, 4])).toMatchObject({ s: 0, z: 0, p: 1, trend: 'none' });
    expect(mannKendall([9, 8, 7, 6, 5, 4, 3, 2]).trend).toBe('decreasing');
  });

  it('throws on a bad alpha', () => {
    expect(() => mannKendall([1, 2], 2)).toThrow('alpha must be');
  });
});
