/**
 * Exact binomial tail probabilities, summed term by term from the tail inwards (no normal approximation), for the
 * exact null of a neighbourhood count under complete spatial randomness.
 */

// Lanczos (g = 7, n = 9) coefficients, as in Numerical Recipes 3rd ed. §6.1 and Boost; relative error ~1e-15.
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
const HALF_LOG_TWO_PI = 0.91893853320467274;

/**
 * ln Γ(x) for x > 0: Lanczos below 10, the Stirling series (to x⁻⁹) above, where it is exact to double precision.
 * @example logGamma(5) // ln 24
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error('x must be positive');
  if (x >= 10) {
    const inverse = 1 / x, inverse2 = inverse * inverse;
    const series = inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 * (1 / 1680 - inverse2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
  }
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** stirlerr(n) = ln n! − ln(√(2πn) (n/e)ⁿ): from ln Γ below 16 (no cancellation there), else its series. */
function stirlingError(n: number): number {
  if (n < 16) return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_TWO_PI;
  const inverse2 = 1 / (n * n);
  return (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 * (1 / 1680 - inverse2 / 1188)))) / n;
}

/** bd0(x, m) = x ln(x/m) + m − x, by its series when x is near m (where the direct form cancels). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) >= 0.1 * (x + m)) return x * Math.log(x / m) + m - x;
  const v = (x - m) / (x + m);
  let sum = (x - m) * v, term = 2 * x * v;
  for (let j = 1; ; j++) {
    term *= v * v;
    const next = sum + term / (2 * j + 1);
    if (next === sum) return sum;
    sum = next;
  }
}

/**
 * ln P(X = k) for X ~ Binomial(n, p), 0 < p < 1, 0 ≤ k ≤ n, by Loader's saddle-point form (C. Loader 2000,
 * "Fast and accurate computation of binomial probabilities", as in R's dbinom): accurate to ~1e-14 relative even at
 * n = 10⁶, where differences of ln Γ lose six digits.
 */
function logPmf(k: number, n: number, p: number): number {
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const q = 1 - p;
  const lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  return lc - 0.5 * (Math.log(2 * Math.PI) + Math.log(k) + Math.log1p(-k / n));
}

/** Σ pmf from k outwards (up: k, k+1, …; down: k, k−1, …) until the terms no longer change the sum. */
function sumFrom(k: number, n: number, p: number, direction: 1 | -1): number {
  let term = Math.exp(logPmf(k, n, p));
  let sum = term;
  const odds = p / (1 - p);
  for (let j = k; term > sum * 1e-17; j += direction) {
    if (direction === 1 ? j >= n : j <= 0) break;
    term *= direction === 1 ? ((n - j) / (j + 1)) * odds : (j / (n - j + 1)) / odds;
    sum += term;
  }
  return Math.min(1, sum);
}

function check(k: number, n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error('n must be a non-negative integer');
  if (!(p >= 0 && p <= 1)) throw new Error('p must be in [0, 1]');
  if (!Number.isInteger(k)) throw new Error('k must be an integer');
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), exact to about 1e-13 relative in the far tail (tails below ~1e-308 are 0).
 * @param k count (any integer; k ≤ 0 gives 1)
 * @param n trials (non-negative integer)
 * @param p success probability in [0, 1]
 * @example binomialUpper(3, 10, 0.1) // 0.0701908264
 */
export function binomialUpper(k: number, n: number, p: number): number {
  check(k, n, p);
  if (k <= 0) return 1;
  if (k > n || p === 0) return 0;
  if (p === 1) return 1;
  return k > n * p ? sumFrom(k, n, p, 1) : 1 - binomialLower(k - 1, n, p);
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p).
 * @example binomialLower(0, 50, 0.3) // 1.798e-8
 */
export function binomialLower(k: number, n: number, p: number): number {
  check(k, n, p);
  if (k < 0) return 0;
  if (k >= n || p === 1) return k >= n ? 1 : 0;
  if (p === 0) return 1;
  return k < n * p ? sumFrom(k, n, p, -1) : 1 - binomialUpper(k + 1, n, p);
}

/**
 * Two-sided exact p-value of observing k (doubling the smaller tail, capped at 1) and the side it lies on.
 * @returns p and direction +1 when k is above its expectation n·p, −1 below, 0 at it
 * @example binomialTest(12, 300, 0.0075) // { p: 7.7e-6, direction: 1 }
 */
export function binomialTest(k: number, n: number, p: number): { p: number; direction: -1 | 0 | 1 } {
  const expected = n * p;
  if (k > expected) return { p: Math.min(1, 2 * binomialUpper(k, n, p)), direction: 1 };
  if (k < expected) return { p: Math.min(1, 2 * binomialLower(k, n, p)), direction: -1 };
  return { p: 1, direction: 0 };
}
