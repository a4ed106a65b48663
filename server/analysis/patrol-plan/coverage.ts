import type { Rng } from '../prng/index.ts';

/**
 * Water-filling: coverage probabilities c_i ∝ risk_i with Σc_i = min(capacity, n), each c_i ≤ 1;
 * the excess of capped targets is redistributed over the others in proportion to risk (the
 * risk-proportional mixed strategy of a Stackelberg security game). Zero total risk → uniform.
 * @param risks non-negative weights
 * @param capacity expected visits available per day (≥ 0)
 * @example waterFill([10, 1, 1], 2) // [1, 0.5, 0.5]
 */
export function waterFill(risks: readonly number[], capacity: number): number[] {
  const n = risks.length;
  const coverage = new Array<number>(n).fill(0);
  if (n === 0 || capacity <= 0) return coverage;
  const total = risks.reduce((s, r) => s + r, 0);
  const weights = total > 0 ? risks : risks.map(() => 1);
  let remaining = Math.min(capacity, n);
  const open = new Set(weights.map((_, i) => i).filter((i) => weights[i] > 0));
  while (remaining > 1e-12 && open.size > 0) {
    const mass = [...open].reduce((s, i) => s + weights[i], 0);
    const level = remaining / mass;
    const capped = [...open].filter((i) => weights[i] * level >= 1 - 1e-12);
    if (capped.length === 0) {
      for (const i of open) coverage[i] = weights[i] * level;
      break;
    }
    for (const i of capped) {
      coverage[i] = 1;
      remaining -= 1;
      open.delete(i);
    }
  }
  return coverage;
}

/**
 * Systematic (comb) sampling: shuffles the order with `rng`, lays the probabilities end to end and
 * picks every item hit by the teeth u, u+1, u+2, … (u uniform in [0,1)). Each item is drawn with
 * exactly its probability (all ≤ 1), never twice, and the count is ⌊Σp⌋ or ⌈Σp⌉.
 * @returns indices of the chosen items, ascending
 */
export function combSample(probabilities: readonly number[], rng: Rng): number[] {
  const order = probabilities.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const chosen: number[] = [];
  let tooth = rng.next();
  let cumulative = 0;
  for (const i of order) {
    cumulative += probabilities[i];
    if (tooth < cumulative - 1e-12) {
      chosen.push(i);
      tooth += 1;
    }
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Σ risk_i · min(1, expected visits_i) / Σ risk for one day; 0 when there is no risk.
 * @param expectedVisits per target, same order as `risks`
 */
export function riskShare(risks: readonly number[], expectedVisits: readonly number[]): number {
  const total = risks.reduce((s, r) => s + r, 0);
  if (total <= 0) return 0;
  return risks.reduce((s, r, i) => s + r * Math.min(1, expectedVisits[i]), 0) / total;
}
