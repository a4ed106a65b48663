/** Result of {@link benjaminiHochberg}, in the input order. */
export type FdrResult = { adjusted: number[]; significant: boolean[]; threshold: number };

/**
 * Benjamini & Hochberg (1995) step-up false discovery rate control.
 * Adjusted p_(i) = min_{k ≥ i} (m / k) p_(k), capped at 1; p_i is significant when adjusted ≤ q,
 * i.e. p_i ≤ the largest p_(k) with p_(k) ≤ (k / m) q. NaN p-values are never significant and are not counted in m.
 * @param pValues p-values in [0, 1]
 * @param q false discovery rate in (0, 1] (default 0.05)
 * @returns adjusted p-values, significance flags and the p threshold used (0 when nothing is significant)
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.2], 0.05).significant // [true, false, false, false]
 */
export function benjaminiHochberg(pValues: number[], q = 0.05): FdrResult {
  if (!(q > 0 && q <= 1)) throw new Error('q must be in (0, 1]');
  const order = pValues.map((_, i) => i).filter((i) => !Number.isNaN(pValues[i]))
    .sort((a, b) => pValues[a] - pValues[b]);
  const m = order.length;
  const adjusted = pValues.map(() => NaN);
  let running = 1, threshold = 0;
  for (let r = m - 1; r >= 0; r--) {
    const p = pValues[order[r]];
    running = Math.min(running, (p * m) / (r + 1));
    adjusted[order[r]] = running;
    if (threshold === 0 && p <= ((r + 1) / m) * q) threshold = p;
  }
  return { adjusted, significant: adjusted.map((a) => a <= q), threshold };
}

/** p-value cut-offs of the 99 / 95 / 90 % classes: a p at or below `p99` is ±3, and so on. */
export type GiThresholds = { p99: number; p95: number; p90: number };

/**
 * Cut-offs for {@link giClass}. Without FDR: 0.01 / 0.05 / 0.10. With FDR (as ArcGIS Hot Spot Analysis):
 * the Benjamini–Hochberg p threshold at q = 0.01 / 0.05 / 0.10 over all cells (0 when nothing passes).
 * @param pValues two-sided p-values of every cell (NaN ignored)
 * @param fdr apply the FDR correction (default true)
 */
export function giThresholds(pValues: ArrayLike<number>, fdr = true): GiThresholds {
  if (!fdr) return { p99: 0.01, p95: 0.05, p90: 0.1 };
  // One sort serves the three levels: the threshold at q is the largest p_(k) with p_(k) ≤ (k / m) q.
  const sorted = Float64Array.from(Array.prototype.filter.call(pValues, (p: number) => !Number.isNaN(p)) as number[]).sort();
  const m = sorted.length;
  const cut = (q: number): number => {
    for (let k = m; k >= 1; k--) if (sorted[k - 1] <= (k / m) * q) return sorted[k - 1];
    return 0;
  };
  return { p99: cut(0.01), p95: cut(0.05), p90: cut(0.1) };
}

/**
 * Hot/cold class of one cell: sign(z) × 3 / 2 / 1 when p ≤ p99 / p95 / p90, else 0 (NaN z or p → 0).
 * @param z Gi* z-score; @param p its two-sided p-value; @param thresholds from {@link giThresholds}
 * @example giClass(2.2, 0.028, giThresholds([], false)) // 2
 */
export function giClass(z: number, p: number, thresholds: GiThresholds): -3 | -2 | -1 | 0 | 1 | 2 | 3 {
  if (Number.isNaN(z) || Number.isNaN(p) || z === 0) return 0;
  const level = p <= thresholds.p99 ? 3 : p <= thresholds.p95 ? 2 : p <= thresholds.p90 ? 1 : 0;
  return (Math.sign(z) * level || 0) as -3 | -2 | -1 | 0 | 1 | 2 | 3;
}
