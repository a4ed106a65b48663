import { twoSidedP } from './normal.ts';
import { giClass, giThresholds } from '../fdr/index.ts';

export { erfc, twoSidedP } from './normal.ts';

/** Hot/cold class as ArcGIS Hot Spot Analysis reports it: ±3 = 99 %, ±2 = 95 %, ±1 = 90 %, 0 = not significant. */
export type GiClass = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/**
 * Getis-Ord Gi* z-scores (Ord & Getis 1995, eq. 14) with binary weights, the cell itself included,
 * mean and standard deviation (population variance, as ArcGIS) taken over all n cells.
 * Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √((n Σ_j w_ij² − (Σ_j w_ij)²)/(n−1))).
 * @param values one value per cell (e.g. incident count)
 * @param neighbours for each cell, the other cells within the distance band (not itself), as lists or {@link Neighbours}
 * @returns one z-score per cell; NaN where undefined (n < 2, S = 0, or the cell neighbours every cell)
 * @example giStar([1, 2, 9], [[1], [0, 2], [1]])
 */
export function giStar(values: ArrayLike<number>, neighbours: Neighbours | number[][]): number[] {
  const n = values.length;
  const { offsets, indices } = Array.isArray(neighbours) ? neighbourArrays(neighbours) : neighbours;
  if (offsets.length !== n + 1) throw new Error('neighbours must have one entry per value');
  let sum = 0, sumSq = 0;
  for (let i = 0; i < n; i++) { sum += values[i]; sumSq += values[i] * values[i]; }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(sumSq / n - mean * mean, 0));
  const z = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let local = values[i];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) local += values[indices[k]];
    const w = offsets[i + 1] - offsets[i] + 1; // binary weights: Σw = Σw² = count incl. self
    const denom = s * Math.sqrt((n * w - w * w) / (n - 1));
    z[i] = denom > 0 ? (local - mean * w) / denom : NaN;
  }
  return z;
}

/**
 * Neighbour lists in compressed form: the neighbours of cell i (never i itself) are
 * `indices[offsets[i]] … indices[offsets[i + 1] − 1]`, ascending. One typed array per grid and band, reused.
 */
export type Neighbours = { offsets: Int32Array; indices: Int32Array };

/** {@link Neighbours} from plain lists. */
export function neighbourArrays(lists: readonly (readonly number[])[]): Neighbours {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (offsets[i + 1] = offsets[i] + list.length));
  const indices = new Int32Array(offsets[lists.length]);
  lists.forEach((list, i) => indices.set(list, offsets[i]));
  return { offsets, indices };
}

/**
 * Confidence class of each z-score. Without FDR: |z| ≥ 2.576/1.960/1.645 (two-sided 0.01/0.05/0.10).
 * With FDR (ArcGIS "Apply False Discovery Rate correction"): a cell is ±3/±2/±1 when it is significant under
 * Benjamini–Hochberg at q = 0.01/0.05/0.10 respectively.
 * @param z Gi* z-scores
 * @param fdr apply the FDR correction (default true)
 * @returns classes −3…3 (NaN z gives 0)
 */
export function classifyGi(z: number[], fdr = true): GiClass[] {
  const p = z.map(twoSidedP);
  const thresholds = giThresholds(p, fdr);
  return z.map((zi, i) => giClass(zi, p[i], thresholds));
}
