import { twoSidedP } from '../getis-ord/normal.ts';

/** Result of {@link mannKendall}. */
export type MannKendallResult = { s: number; variance: number; z: number; p: number; tau: number; trend: 'increasing' | 'decreasing' | 'none' };

/**
 * Mann-Kendall trend test (Mann 1945, Kendall 1975; tie correction as in Hipel & McLeod 1994).
 * S = Σ_{i<j} sign(x_j − x_i); Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)]/18 over tie groups of size t;
 * Kendall's tau-b = S / √((N₀ − T)(N₀)), N₀ = n(n−1)/2, T = Σ_t t(t−1)/2 (ties in time impossible; 0 if undefined).
 * z = (S − 1)/√Var if S > 0, (S + 1)/√Var if S < 0, else 0 (continuity correction); two-sided normal p.
 * @param series values in time order (e.g. monthly incident counts)
 * @param alpha significance level for `trend` (default 0.05)
 * @returns S, Var(S), z, two-sided p, tau and the trend direction at alpha
 * @example mannKendall([1, 2, 3, 4, 5]).s // 10
 */
export function mannKendall(series: number[], alpha = 0.05): MannKendallResult {
  if (!(alpha > 0 && alpha < 1)) throw new Error('alpha must be in (0, 1)');
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(series[j] - series[i]);
  }
  const ties = new Map<number, number>();
  for (const x of series) ties.set(x, (ties.get(x) ?? 0) + 1);
  let tieTerm = 0, tiePairs = 0;
  for (const t of ties.values()) { tieTerm += t * (t - 1) * (2 * t + 5); tiePairs += (t * (t - 1)) / 2; }
  const pairs = (n * (n - 1)) / 2;
  const tauDen = Math.sqrt((pairs - tiePairs) * pairs);
  const tau = tauDen > 0 ? s / tauDen : 0;
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 ? (s > 0 ? (s - 1) : s < 0 ? (s + 1) : 0) / Math.sqrt(variance) : 0;
  const p = variance > 0 ? twoSidedP(z) : 1;
  const trend = p <= alpha ? (z > 0 ? 'increasing' : 'decreasing') : 'none';
  return { s, variance, z, p, tau, trend };
}
