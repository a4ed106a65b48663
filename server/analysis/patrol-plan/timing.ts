import type { Rng } from '../prng/index.ts';

/** Time-of-day slots an observer would notice: 30 minutes. */
export const SLOT_MINUTES = 30;
/** Random timings drawn per shift; the one whose surprise stops fall in the slots their targets used least wins. */
const DRAWS = 64;

/**
 * Arrival minutes (after the shift start) of a shift's stops. The shift's free time F = shift length − travel − dwell
 * is spent at random: a start offset uniform in [0, min(F, startWindowMinutes)], then a random share of what is left
 * split into waits before the stops (exponential weights, so any split is as likely). Of {@link DRAWS} such timings
 * timings (half of them running the tour backwards) the one that puts each surprise stop in the time-of-day slot its
 * target has used least so far is kept, so no target is surprised at the same time of day again and again.
 * @param legs travel minutes base → stop 1, stop 1 → stop 2, …, last stop → base
 * @param usage per target, surprise visits so far by slot (mutated: the chosen slots are counted)
 * @param tour the targets and kinds, in tour order
 * @returns whether the tour runs backwards, and the arrivals in the order driven
 * @param shiftStartMinute minutes after local midnight the shift starts
 */
export function stopTimes(legs: readonly number[], dwell: number, shiftMinutes: number, startWindowMinutes: number,
  tour: readonly { target: number; kind: 'periodic' | 'surprise' }[], usage: Map<number, Map<number, number>>, shiftStartMinute: number, rng: Rng, draws = DRAWS): { reversed: boolean; arrivals: number[] } {
  const k = tour.length;
  const busy = legs.reduce((s, t) => s + t, 0) + k * dwell;
  const free = Math.max(0, shiftMinutes - busy);
  let best: { arrivals: number[]; cost: number; reversed: boolean } | null = null;
  for (let draw = 0; draw < draws; draw++) {
    // Half the draws run the tour backwards (the same legs in reverse).
    const reversed = draw % 2 === 1;
    const stops = reversed ? [...tour].reverse() : tour;
    const order = reversed ? [...legs].reverse() : legs;
    const offset = rng.next() * Math.min(free, startWindowMinutes);
    const weights = Array.from({ length: k }, (_, j) => (j === 0 ? 0 : -Math.log(1 - rng.next())));
    const weightSum = weights.reduce((s, w) => s + w, 0);
    const spread = (free - offset) * rng.next();
    const arrivals: number[] = [];
    let clock = offset;
    for (let j = 0; j < k; j++) {
      clock += order[j] + (weightSum > 0 ? (spread * weights[j]) / weightSum : 0);
      // Whole minutes, as the plan prints them, so the slot counted is the slot shown.
      arrivals.push(Math.round(clock));
      clock += dwell;
    }
    // Squared, so two targets' first repeats weigh less than one target's third visit in one slot.
    const cost = stops.reduce((s, stop, j) => s + (stop.kind === 'surprise' ? (usage.get(stop.target)?.get(slotOf(shiftStartMinute + arrivals[j])) ?? 0) ** 2 : 0), 0);
    if (!best || cost < best.cost) best = { arrivals, cost, reversed };
  }
  const stops = best!.reversed ? [...tour].reverse() : tour;
  countSlots(usage, stops, best!.arrivals, shiftStartMinute, 1);
  return { reversed: best!.reversed, arrivals: best!.arrivals };
}

/** The 30-minute time-of-day slot (0–47) of a time given in minutes after local midnight (may exceed a day). */
export function slotOf(minuteOfDay: number): number {
  return Math.floor((((minuteOfDay % 1440) + 1440) % 1440) / SLOT_MINUTES);
}

/** Adds (`sign` 1) or removes (−1) a shift's surprise stops from the per-target slot counts. */
export function countSlots(usage: Map<number, Map<number, number>>, stops: readonly { target: number; kind: string }[], arrivals: readonly number[], shiftStartMinute: number, sign: 1 | -1): void {
  stops.forEach((stop, j) => {
    if (stop.kind !== 'surprise') return;
    const slot = slotOf(shiftStartMinute + arrivals[j]);
    const slots = usage.get(stop.target) ?? new Map<number, number>();
    slots.set(slot, (slots.get(slot) ?? 0) + sign);
    usage.set(stop.target, slots);
  });
}
