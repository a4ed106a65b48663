/**
 * The coverage model every plan, baseline and uploaded GPX track is measured with. A target is *watched* while a unit
 * is there and, after it leaves, by a residual deterrence that decays exponentially with time constant θ
 * (`residualMinutes`): watched(τ) = 1 during a visit, e^{−(τ − leave)/θ} after it (Koper 1995: presence of 10–15
 * minutes gives the longest residual deterrence, which wears off within the hour). Visits of one target add up, to at
 * most 1. Its watched share is the integral over the horizon divided by the horizon's length; the plan's *risk share*
 * is Σ risk · watched share / Σ risk, the share of the risk-weighted time the targets are watched.
 */
export type Watch = { startMinute: number; endMinute: number };

/** Decay is followed this many time constants (e^{−8} < 0.0004 is dropped). */
const TAIL_CONSTANTS = 8;

/**
 * The watched share of one target over a horizon, integrated minute by minute (midpoint rule).
 * @param watches visits (or stretches of a GPS track within reach of the target), minutes since the horizon's start
 * @param horizonMinutes length of the horizon, minutes
 * @param residualMinutes θ, the time constant of the residual deterrence (> 0)
 * @returns a share in [0, 1]
 * @example watchedShare([{ startMinute: 600, endMinute: 615 }], 1440, 30) // ≈ (15 + 30) / 1440
 */
export function watchedShare(watches: readonly Watch[], horizonMinutes: number, residualMinutes: number): number {
  if (!(horizonMinutes > 0)) throw new Error('horizonMinutes must be positive');
  if (!(residualMinutes > 0)) throw new Error('residualMinutes must be positive');
  const minutes = Math.ceil(horizonMinutes);
  const level = new Float32Array(minutes);
  for (const { startMinute, endMinute } of watches) {
    const tail = endMinute + TAIL_CONSTANTS * residualMinutes;
    for (let m = Math.max(0, Math.floor(startMinute)); m < Math.min(minutes, Math.ceil(tail)); m++) {
      const mid = m + 0.5;
      const value = mid < startMinute ? 0 : mid <= endMinute ? 1 : Math.exp(-(mid - endMinute) / residualMinutes);
      level[m] += value;
    }
  }
  let sum = 0;
  for (let m = 0; m < minutes; m++) sum += Math.min(1, level[m]);
  return sum / horizonMinutes;
}

/** The watched share one visit of `dwellMinutes` adds on its own, far from the horizon's ends: (d + θ) / horizon. */
export function visitShare(dwellMinutes: number, horizonMinutes: number, residualMinutes: number): number {
  return (dwellMinutes + residualMinutes) / horizonMinutes;
}

/** Σ risk_i · share_i / Σ risk (0 without risk). */
export function riskShare(risks: readonly number[], shares: readonly number[]): number {
  const total = risks.reduce((s, r) => s + r, 0);
  return total > 0 ? risks.reduce((s, r, i) => s + r * shares[i], 0) / total : 0;
}
