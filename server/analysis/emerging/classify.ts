import type { GiClass } from '../getis-ord/index.ts';

/** ESRI Emerging Hot Spot Analysis categories (hot ones and their cold twins). */
export type EmergingCategory =
  | 'new_hot' | 'consecutive_hot' | 'intensifying_hot' | 'persistent_hot' | 'diminishing_hot'
  | 'sporadic_hot' | 'oscillating_hot' | 'historical_hot'
  | 'new_cold' | 'consecutive_cold' | 'intensifying_cold' | 'persistent_cold' | 'diminishing_cold'
  | 'sporadic_cold' | 'oscillating_cold' | 'historical_cold' | 'no_pattern';

type Side = 'hot' | 'cold';

/**
 * One cell's category from its per-slice Gi* classes and the Mann-Kendall test on its Gi* z series
 * (ESRI "How Emerging Hot Spot Analysis works"): a slice is hot/cold when significant at ≥ 90 % (class ≥ 1 / ≤ −1).
 * - ≥ 90 % of slices hot, final hot: MK rising → intensifying, falling → diminishing, else persistent.
 * - ≥ 90 % hot, final not hot → historical.
 * - final hot, < 90 %: only the final slice hot → new; one unbroken run (≥ 2) ending at the final slice → consecutive;
 *   any slice cold → oscillating; otherwise sporadic. Cold twins mirror this with signs flipped.
 * @param classes Gi* classes per slice, oldest first
 * @param mkZ Mann-Kendall z of the Gi* z series; @param mkP its two-sided p; @param alpha MK significance (default 0.05)
 */
export function emergingCategory(classes: readonly GiClass[], mkZ: number, mkP: number, alpha = 0.05): EmergingCategory {
  return side(classes, 1, mkZ, mkP, alpha, 'hot') ?? side(classes, -1, mkZ, mkP, alpha, 'cold') ?? 'no_pattern';
}

function side(classes: readonly GiClass[], sign: 1 | -1, mkZ: number, mkP: number, alpha: number, name: Side): EmergingCategory | null {
  const n = classes.length;
  if (n === 0) return null;
  const isSide = classes.map((c) => c * sign >= 1);
  const isOther = classes.map((c) => c * sign <= -1);
  const count = isSide.filter(Boolean).length;
  if (count === 0) return null;
  const last = isSide[n - 1];
  const mostly = count >= 0.9 * n;
  // for cold spots a "rising" intensity is a falling z
  const trend = mkP <= alpha ? Math.sign(mkZ) * sign : 0;
  if (mostly && last) return `${trend > 0 ? 'intensifying' : trend < 0 ? 'diminishing' : 'persistent'}_${name}`;
  if (mostly) return `historical_${name}`;
  if (!last) return null;
  if (count === 1) return `new_${name}`;
  let run = 0;
  while (run < n && isSide[n - 1 - run]) run++;
  if (run === count && run >= 2) return `consecutive_${name}`;
  if (isOther.some(Boolean)) return `oscillating_${name}`;
  return `sporadic_${name}`;
}
