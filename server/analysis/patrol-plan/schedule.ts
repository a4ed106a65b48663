import type { Unit } from './sectors.ts';
import { estimateMinutes } from './tour.ts';
import type { PatrolTarget, ResolvedOptions } from './types.ts';

/** One planned visit inside a shift slot. */
export type Visit = { target: number; kind: 'periodic' | 'surprise' };
/** slots[day][unit][shift] = visits (unordered). */
export type Slots = Visit[][][][];

export function emptySlots(days: number, units: number, shifts: number): Slots {
  return Array.from({ length: days }, () => Array.from({ length: units }, () => Array.from({ length: shifts }, (): Visit[] => [])));
}

/**
 * Puts a visit into the least-loaded shift, of the first candidate unit that can still take it on
 * `day` without exceeding stopsPerShift or shiftHours (estimated travel + dwell).
 * @returns true when placed
 */
export function placeVisit(slots: Slots, day: number, visit: Visit, candidates: readonly number[], units: readonly Unit[], targets: readonly PatrolTarget[], o: ResolvedOptions): boolean {
  for (const k of candidates) {
    const shifts = slots[day][k].map((visits, s) => ({ visits, s })).sort((a, b) => a.visits.length - b.visits.length || a.s - b.s);
    for (const { visits } of shifts) {
      if (visits.length >= o.stopsPerShift) continue;
      const points = [...visits, visit].map((v) => targets[v.target].point);
      if (estimateMinutes(units[k].base.point, points, o.speedKmh, o.dwellMinutes) > o.shiftHours * 60) continue;
      visits.push(visit);
      return true;
    }
  }
  return false;
}

/**
 * Periodic visits: target i (rank r among cadence targets, by risk) is due on day r mod cadence and
 * then `cadence` days after each actual visit; a full due day moves the visit earlier (never later),
 * so every window of `cadence` consecutive days holds a visit. Unplaceable visits become warnings.
 */
export function schedulePeriodic(slots: Slots, dates: readonly string[], candidatesOf: readonly number[][], units: readonly Unit[], targets: readonly PatrolTarget[], o: ResolvedOptions): string[] {
  const warnings: string[] = [];
  const cadenced = targets.map((_, i) => i).filter((i) => targets[i].cadenceDays !== undefined && candidatesOf[i].length > 0);
  cadenced.sort((a, b) => targets[b].risk - targets[a].risk || a - b);
  cadenced.forEach((i, rank) => {
    const cadence = targets[i].cadenceDays as number;
    let previous = -1;
    for (let due = rank % cadence; due < dates.length; ) {
      let placed = -1;
      for (let day = due; day > previous && placed < 0; day--) {
        if (placeVisit(slots, day, { target: i, kind: 'periodic' }, candidatesOf[i], units, targets, o)) placed = day;
      }
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
