import { binomialTest } from '../binomial/index.ts';
import { giClass, giThresholds } from '../fdr/index.ts';
import type { GiClass, Neighbours } from '../getis-ord/index.ts';

/** Per-cell exact test of the neighbourhood count (the cell and its neighbours in the band). */
export type ExactGi = {
  /** Incidents in the neighbourhood. */
  observed: Int32Array;
  /** Its expectation under the null: N × the neighbourhood's share of the weights. */
  expected: Float64Array;
  /** Two-sided exact p; NaN where the neighbourhood carries no weight (nothing can be tested). */
  p: Float64Array;
  /** +1 above expectation, −1 below, 0 at it. */
  direction: Int8Array;
  /** Incidents the test is conditioned on (those in cells with weight). */
  total: number;
};

/**
 * Exact significance of Gi* with binary weights. Given the counts, the Gi* of a cell is an increasing function of its
 * neighbourhood count L, so testing L tests Gi*. Under complete spatial randomness conditional on the N incidents,
 * each falls in cell j with probability w_j / Σw (w = the cell's area inside the study area, or its exposure), so
 * L ~ Binomial(N, Σ_{j in the neighbourhood} w_j / Σw) exactly: no normal approximation, which misfits counts where
 * most cells are zero. Incidents in cells of zero weight (impossible under the null, e.g. no cable) are left out of N.
 * @param counts incidents per cell
 * @param weights non-negative weight per cell
 * @param neighbours the band's neighbour lists (the cell itself is added)
 */
export function exactGiStar(counts: ArrayLike<number>, weights: ArrayLike<number>, neighbours: Neighbours): ExactGi {
  const n = counts.length;
  if (weights.length !== n) throw new Error('weights must have one entry per cell');
  const { offsets, indices } = neighbours;
  let total = 0, weightSum = 0;
  const used = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!(weights[i] >= 0)) throw new Error('weights must be non-negative');
    weightSum += weights[i];
    used[i] = weights[i] > 0 ? counts[i] : 0;
    total += used[i];
  }
  const observed = new Int32Array(n), expected = new Float64Array(n), p = new Float64Array(n).fill(Number.NaN), direction = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    let count = used[i], weight = weights[i];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) { count += used[indices[k]]; weight += weights[indices[k]]; }
    observed[i] = count;
    if (!(weight > 0) || !(weightSum > 0) || total === 0) continue;
    const share = Math.min(1, weight / weightSum);
    expected[i] = total * share;
    const test = binomialTest(count, total, share);
    p[i] = test.p;
    direction[i] = test.direction;
  }
  return { observed, expected, p, direction, total };
}

/**
 * ArcGIS-style classes −3…3 from exact p-values: with FDR, a cell is ±3/±2/±1 when Benjamini–Hochberg over every
 * tested cell keeps it at q = 0.01/0.05/0.10; the sign is the side of its expectation.
 */
export function exactClasses(test: ExactGi, fdr: boolean): GiClass[] {
  const p = Array.from(test.p);
  const thresholds = giThresholds(p, fdr);
  return p.map((value, i) => giClass(test.direction[i], value, thresholds));
}
