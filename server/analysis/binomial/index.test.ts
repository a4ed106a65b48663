import { describe, expect, it } from 'vitest';
import { binomialLower, binomialTest, binomialUpper, logGamma } from './index.ts';

/** Exact tail by rational arithmetic: Σ_{j ≥ k} C(n, j) a^j (b − a)^(n − j) / b^n with p = a / b, in BigInt. */
function exactUpper(k: number, n: number, a: number, b: number): number {
  let sum = 0n, binomial = 1n;
  for (let j = 0; j <= n; j++) {
    if (j > 0) binomial = (binomial * BigInt(n - j + 1)) / BigInt(j);
    if (j >= k) sum += binomial * BigInt(a) ** BigInt(j) * BigInt(b - a) ** BigInt(n - j);
  }
  const denominator = BigInt(b) ** BigInt(n);
  if (sum === 0n) return 0;
  // Scale so the quotient keeps 20 significant digits whatever the magnitude.
  const digits = denominator.toString().length - sum.toString().length + 20;
  return Number((sum * 10n ** BigInt(digits)) / denominator) / 10 ** digits;
}

describe('binomial tails', () => {
  it('agree with exact rational sums for every k at n = 40, p = 3/40', () => {
    for (let k = 0; k <= 40; k++) {
      const exact = exactUpper(k, 40, 3, 40);
      if (exact === 0) continue;
      expect(Math.abs(binomialUpper(k, 40, 3 / 40) - exact) / exact, `k=${k}`).toBeLessThan(1e-11);
    }
  });

  it('agree with exact rational sums for sparse counts (n = 300, p = 1/133)', () => {
    for (const k of [0, 1, 2, 3, 5, 8, 12, 20]) {
      const exact = exactUpper(k, 300, 1, 133);
      expect(Math.abs(binomialUpper(k, 300, 1 / 133) - exact) / exact, `k=${k}`).toBeLessThan(1e-11);
    }
  });

  // Reference values from scipy 1.17 (scipy.stats.binom.sf(k − 1, n, p) and binom.cdf(k, n, p)).
  it.each([
    [1, 10, 0.1, 0.6513215599000001, 0.7360989291],
    [3, 10, 0.1, 0.0701908264, 0.9872048016],
    [12, 300, 0.0075, 3.85286455511469e-06, 0.9999993641435662],
    [25, 300, 0.0075, 2.0147950321885147e-18, 1],
    [0, 50, 0.3, 1, 1.7984650426474157e-08],
    [40, 50, 0.3, 3.933260914151248e-13, 0.9999999999999595],
    [2100, 1_000_000, 0.002, 0.013457654215142473, 0.9872836285790252],
    [1850, 1_000_000, 0.002, 0.9996733139708139, 0.0003552904739133773],
    [7, 3000, 0.0009, 0.02051575562300314, 0.9934057996102397],
    [150, 3600, 0.01, 2.379073343590046e-46, 1],
  ])('P(X ≥ %i) and P(X ≤ k) for n = %i, p = %f match scipy', (k, n, p, upper, lower) => {
    expect(Math.abs(binomialUpper(k, n, p) - upper) / upper).toBeLessThan(1e-11);
    expect(Math.abs(binomialLower(k, n, p) - lower) / lower).toBeLessThan(1e-11);
  });

  it('doubles the smaller tail for a two-sided test and names its side', () => {
    expect(binomialTest(12, 300, 0.0075)).toEqual({ p: 2 * binomialUpper(12, 300, 0.0075), direction: 1 });
    expect(binomialTest(0, 50, 0.3).direction).toBe(-1);
    expect(binomialTest(2, 4, 0.5)).toEqual({ p: 1, direction: 0 });
    expect(binomialTest(3, 10, 0.1).p).toBeCloseTo(0.1403816528, 12);
  });

  it('handles the edges: p of 0 or 1, k outside 0…n', () => {
    expect(binomialUpper(0, 5, 0)).toBe(1);
    expect(binomialUpper(1, 5, 0)).toBe(0);
    expect(binomialUpper(6, 5, 0.5)).toBe(0);
    expect(binomialLower(-1, 5, 0.5)).toBe(0);
    expect(binomialLower(4, 5, 1)).toBe(0);
    expect(binomialUpper(5, 5, 1)).toBe(1);
  });

  it('logGamma matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(21)).toBeCloseTo(Math.log(2432902008176640000), 11);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
  });

  it('throws on bad arguments, naming them first', () => {
    expect(() => binomialUpper(1, -1, 0.5)).toThrow(/^n must/);
    expect(() => binomialUpper(1, 5, 1.5)).toThrow(/^p must/);
    expect(() => binomialUpper(0.5, 5, 0.5)).toThrow(/^k must/);
  });
});
