import type { Rng } from '../prng/index.ts';

/**
 * Water-filling: c_i = min(cap_i, λ·weight_i) with Σ c_i = min(total, Σ cap_i) — effort in proportion to weight, the
 * excess of capped items redistributed over the others in proportion to theirs (a risk-proportional mixed strategy,
 * as ARMOR-style security games allocate coverage). All weights zero → equal weights.
 * @param weights non-negative weights (risk)
 * @param total effort to spread (≥ 0)
 * @param caps per-item cap (default 1 each)
 * @example waterFill([10, 1, 1], 2) // [1, 0.5, 0.5]
 */
export function waterFill(weights: readonly number[], total: number, caps: readonly number[] = weights.map(() => 1)): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (n === 0 || !(total > 0)) return out;
  const sum = weights.reduce((s, w) => s + w, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  let remaining = Math.min(total, caps.reduce((s, c) => s + c, 0));
  const open = new Set(w.map((_, i) => i).filter((i) => w[i] > 0 && caps[i] > 0));
  while (remaining > 1e-9 && open.size > 0) {
    const mass = [...open].reduce((s, i) => s + w[i], 0);
    const level = remaining / mass;
    const capped = [...open].filter((i) => w[i] * level >= caps[i] - out[i] - 1e-12);
    if (capped.length === 0) {
      for (const i of open) out[i] += w[i] * level;
      break;
    }
    for (const i of capped) {
      remaining -= caps[i] - out[i];
      out[i] = caps[i];
      open.delete(i);
    }
  }
  return out;
}

/**
 * Whole numbers from shares: floors, then the largest remainders get one more (ties in seeded random order), never
 * above the caps, summing to round(Σ shares). A larger share never gets a smaller count.
 */
export function apportion(shares: readonly number[], caps: readonly number[], rng: Rng): number[] {
  const counts = shares.map((s, i) => Math.min(caps[i], Math.floor(s + 1e-9)));
  let left = Math.round(shares.reduce((a, b) => a + b, 0)) - counts.reduce((a, b) => a + b, 0);
  const tieBreak = shares.map(() => rng.next());
  const order = shares.map((_, i) => i).filter((i) => counts[i] < caps[i])
    .sort((a, b) => (shares[b] - counts[b]) - (shares[a] - counts[a]) || shares[b] - shares[a] || tieBreak[a] - tieBreak[b]);
  for (const i of order) {
    if (left <= 0) break;
    counts[i] += 1;
    left -= 1;
  }
  return counts;
}
