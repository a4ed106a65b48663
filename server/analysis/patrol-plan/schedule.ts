import { distance } from '@turf/turf';
import type { Rng } from '../prng/index.ts';
import type { Unit } from './sectors.ts';
import type { PatrolTarget, ResolvedOptions } from './types.ts';

/** Minutes a shift from `base` through `stops` takes: travel along the roads plus the stops' dwell. */
export type TourMinutes = (base: [number, number], stops: readonly [number, number][]) => number;

/** One planned visit inside a shift slot. */
export type Visit = { target: number; kind: 'periodic' | 'surprise' };
/** slots[day][unit][shift] = visits (unordered). */
export type Slots = Visit[][][][];

export function emptySlots(days: number, units: number, shifts: number): Slots {
  return Array.from({ length: days }, () => Array.from({ length: units }, () => Array.from({ length: shifts }, (): Visit[] => [])));
}

/**
 * Share of a shift kept free of planned travel and stops: at least this much of it is spent at random (the start offset
 * and the waits between stops), so even a full shift's times of day vary.
 */
export const SLACK_SHARE = 0.25;

/** Units near enough to take a target's visits: within reach, and at most 30 km farther than the nearest such unit. */
export const NEARBY_UNIT_SLACK_KM = 30;

export function nearbyUnits(units: readonly Unit[], target: PatrolTarget, maxReachKm: number): number[] {
  const reach = units.map((u, k) => ({ k, km: distance(target.point, u.base.point, { units: 'kilometers' }) })).filter((x) => x.km <= maxReachKm);
  if (reach.length === 0) return [];
  const nearest = Math.min(...reach.map((x) => x.km));
  return reach.filter((x) => x.km <= nearest + NEARBY_UNIT_SLACK_KM).sort((a, b) => a.km - b.km || a.k - b.k).map((x) => x.k);
}

/**
 * Places visits into shift slots. A visit goes to the feasible (unit, shift) — within `stopsPerShift` and, along the
 * roads, within `shiftHours` less {@link SLACK_SHARE} — among the target's nearby units whose shift type that unit has worked on the
 * fewest days so far, ties drawn from the plan's seed: so which unit and which shift an observer sees is random, and
 * every unit works every shift type over the horizon.
 */
export function createPlacer(slots: Slots, units: readonly Unit[], targets: readonly PatrolTarget[], o: ResolvedOptions, rng: Rng, tourMinutes: TourMinutes) {
  const worked = units.map(() => new Array<number>(o.shiftsPerDay).fill(0));
  return (day: number, visit: Visit, candidates: readonly number[]): boolean => {
    const options: { k: number; s: number; used: number; tie: number }[] = [];
    for (const k of candidates) {
      for (let s = 0; s < o.shiftsPerDay; s++) {
        const visits = slots[day][k][s];
        if (visits.length >= o.stopsPerShift || visits.some((v) => v.target === visit.target)) continue;
        const points = [...visits, visit].map((v) => targets[v.target].point);
        if (tourMinutes(units[k].base.point, points) > o.shiftHours * 60 * (1 - SLACK_SHARE)) continue;
        options.push({ k, s, used: worked[k][s] - (visits.length > 0 ? 0.5 : 0), tie: rng.next() });
      }
    }
    if (options.length === 0) return false;
    const best = options.reduce((a, b) => (b.used < a.used || (b.used === a.used && b.tie < a.tie) ? b : a));
    if (slots[day][best.k][best.s].length === 0) worked[best.k][best.s] += 1;
    slots[day][best.k][best.s].push(visit);
    return true;
  };
}
export type Placer = ReturnType<typeof createPlacer>;

/**
 * Periodic visits: target i (rank r among cadence targets, by risk) is due on day r mod cadence and then `cadence`
 * days after each actual visit; a full due day moves the visit earlier (never later), so every window of `cadence`
 * consecutive days holds a visit. Unplaceable visits become warnings.
 */
export function schedulePeriodic(dates: readonly string[], candidatesOf: readonly number[][], targets: readonly PatrolTarget[], place: Placer): string[] {
  const warnings: string[] = [];
  const cadenced = targets.map((_, i) => i).filter((i) => targets[i].cadenceDays !== undefined && candidatesOf[i].length > 0);
  cadenced.sort((a, b) => targets[b].risk - targets[a].risk || a - b);
  cadenced.forEach((i, rank) => {
    const cadence = targets[i].cadenceDays as number;
    let previous = -1;
    for (let due = rank % cadence; due < dates.length; ) {
      let placed = -1;
      for (let day = due; day > previous && placed < 0; day--) if (place(day, { target: i, kind: 'periodic' }, candidatesOf[i])) placed = day;
      if (placed < 0) {
        warnings.push(`periodic visit to ${targets[i].name} (${targets[i].id}) due by ${dates[due]} could not be scheduled: shifts full or too long`);
        placed = due;
      }
      previous = placed;
      due = placed + cadence;
    }
  });
  return warnings;
}

/**
 * The days of each target's surprise visits: `counts[i]` distinct days among those it may be visited (`eligible`:
 * no periodic visit that day), at most `capacity[d]` visits a day. Targets with the least freedom go first; each
 * draws its days at random, weighted by the room left on them, from the plan's seed.
 * @returns days per target, ascending; a target gets fewer than its count only when no exchange of days can free one
 */
export function surpriseDays(counts: readonly number[], eligible: readonly boolean[][], capacity: readonly number[], rng: Rng): number[][] {
  const room = [...capacity];
  const order = counts.map((c, i) => ({ i, freedom: eligible[i].filter(Boolean).length - c, tie: rng.next() }))
    .filter((x) => counts[x.i] > 0).sort((a, b) => a.freedom - b.freedom || a.tie - b.tie);
  const days: number[][] = counts.map(() => []);
  for (const { i } of order) {
    const open = eligible[i].map((ok, d) => (ok && room[d] > 0 ? d : -1)).filter((d) => d >= 0);
    for (let n = 0; n < counts[i] && open.length > 0; n++) {
      const total = open.reduce((s, d) => s + room[d], 0);
      let pick = rng.next() * total, k = 0;
      while (pick >= room[open[k]] && k < open.length - 1) pick -= room[open[k++]];
      const day = open.splice(k, 1)[0];
      days[i].push(day);
      room[day] -= 1;
    }
  }
  // Targets left short (their free days full): move another target's visit from a day this one could use to a day with
  // room the other can use, then take the day freed (one-step augmenting paths, as in bipartite matching).
  for (const { i } of order) {
    while (days[i].length < counts[i]) {
      let moved = false;
      for (let e = 0; e < room.length && !moved; e++) {
        if (!eligible[i][e] || days[i].includes(e)) continue;
        for (let j = 0; j < days.length && !moved; j++) {
          if (j === i || !days[j].includes(e)) continue;
          const d = room.findIndex((left, day) => left > 0 && eligible[j][day] && !days[j].includes(day));
          if (d < 0) continue;
          days[j][days[j].indexOf(e)] = d;
          room[d] -= 1;
          days[i].push(e);
          moved = true;
        }
      }
      if (!moved) break;
    }
  }
  return days.map((list) => list.sort((a, b) => a - b));
}
