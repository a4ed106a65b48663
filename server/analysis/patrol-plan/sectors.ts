import { distance } from '@turf/turf';
import type { PatrolBase, PatrolTarget } from './types.ts';

/** A patrol unit stationed at a base. */
export type Unit = { id: string; name: string; base: PatrolBase };

const km = (a: [number, number], b: [number, number]): number => distance(a, b, { units: 'kilometers' });

/**
 * Orders bases by the risk mass they are nearest to (Σ risk of targets whose nearest base they are),
 * descending; ties by id. Unit i is stationed at ordered[i % bases.length], so the first units go
 * where the risk is and extra units double up on the busiest bases. Names: "Tổ tuần tra 1", ….
 */
export function stationUnits(bases: readonly PatrolBase[], targets: readonly PatrolTarget[], units: number): Unit[] {
  if (bases.length === 0) return [];
  const mass = new Map<string, number>(bases.map((b) => [b.id, 0]));
  for (const t of targets) {
    const nearest = nearestOf(bases, t.point, (b) => b.point);
    mass.set(nearest.item.id, (mass.get(nearest.item.id) ?? 0) + t.risk);
  }
  const ordered = [...bases].sort((a, b) => (mass.get(b.id) ?? 0) - (mass.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  return Array.from({ length: units }, (_, i) => ({ id: `unit-${i + 1}`, name: `Tổ tuần tra ${i + 1}`, base: ordered[i % ordered.length] }));
}

/** Nearest item to `point` by straight distance (first on ties); `items` must be non-empty. */
export function nearestOf<T>(items: readonly T[], point: [number, number], at: (item: T) => [number, number]): { item: T; km: number } {
  let best = { item: items[0], km: km(point, at(items[0])) };
  for (const item of items.slice(1)) {
    const d = km(point, at(item));
    if (d < best.km) best = { item, km: d };
  }
  return best;
}

/**
 * Assigns each target to the nearest unit base within `maxReachKm`; units sharing a base split its
 * targets round-robin by descending risk. Out-of-reach targets are returned in `unreached`.
 * @returns sector per unit (target indices, by descending risk) and the unit index per target (-1 = unreached)
 */
export function buildSectors(units: readonly Unit[], targets: readonly PatrolTarget[], maxReachKm: number): { sectors: number[][]; unitOf: number[]; unreached: number[] } {
  const sectors: number[][] = units.map(() => []);
  const unitOf = new Array<number>(targets.length).fill(-1);
  const unreached: number[] = [];
  const byRisk = targets.map((_, i) => i).sort((a, b) => targets[b].risk - targets[a].risk || a - b);
  const turn = new Map<string, number>();
  for (const i of byRisk) {
    if (units.length === 0) {
      unreached.push(i);
      continue;
    }
    const nearest = nearestOf(units, targets[i].point, (u) => u.base.point);
    if (nearest.km > maxReachKm) {
      unreached.push(i);
      continue;
    }
    const baseId = nearest.item.base.id;
    const sharing = units.map((u, k) => (u.base.id === baseId ? k : -1)).filter((k) => k >= 0);
    const k = sharing[(turn.get(baseId) ?? 0) % sharing.length];
    turn.set(baseId, (turn.get(baseId) ?? 0) + 1);
    sectors[k].push(i);
    unitOf[i] = k;
  }
  return { sectors, unitOf, unreached: unreached.sort((a, b) => a - b) };
}
