import type { HexGridOver } from '../hex-bin/index.ts';
import type { Rng } from '../prng/index.ts';
import { gridKernel, smooth } from './kernel.ts';

export const DAY_MS = 86_400_000;
/** Past incidents: the cell each fell in (−1 outside the grid) and when, epoch ms. */
export type Events = { cell: Int32Array; time: Float64Array };
/** Parameters of the recency-weighted kernel density. */
export type KernelParameters = { bandwidthMeters: number; halfLifeDays: number | null };
/** Where the assets incidents hit are, per cell: BTS sites and km of cable (any scale; normalised where used). */
export type Exposure = { sites: ArrayLike<number>; cableKm: ArrayLike<number> };
/** The forecast's parameters: the kernel's, and the weights of the sites' and cables' shares mixed into it. */
export type ForecastParameters = KernelParameters & { siteWeight: number; cableWeight: number };

/**
 * The forecast: (1 − w_s − w_c) × the recency-weighted kernel density + w_s × each cell's share of the sites +
 * w_c × its share of the cable (a risk-terrain term: alarms and equipment theft happen at sites, cable theft along
 * cable, so where the assets are predicts where the next incidents fall beyond the noise of the past ones).
 * @returns each cell's expected share of the next period's incidents (sum 1)
 */
export function mixedForecast(density: ArrayLike<number>, exposure: Exposure, { siteWeight, cableWeight }: Pick<ForecastParameters, 'siteWeight' | 'cableWeight'>): Float64Array {
  const sites = normalised(exposure.sites), cable = normalised(exposure.cableKm);
  const kernelWeight = 1 - siteWeight - cableWeight;
  return Float64Array.from({ length: density.length }, (_, i) => kernelWeight * density[i] + siteWeight * sites[i] + cableWeight * cable[i]);
}

function normalised(values: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return Float64Array.from({ length: values.length }, (_, i) => (total > 0 ? values[i] / total : 0));
}

/**
 * Recency-weighted kernel density (prospective hotspotting: Bowers, Johnson & Pease 2004): each past incident weighs
 * 2^(−age / halfLife) (1 without a half-life), the weights per cell are smoothed with a Gaussian kernel of the
 * bandwidth over the cell centres, times each cell's area inside the study area.
 * @returns each cell's expected share of the next period's incidents (sum 1)
 */
export function kernelForecast(events: Events, grid: HexGridOver, originMs: number, { bandwidthMeters, halfLifeDays }: KernelParameters, areaShares: ArrayLike<number>): Float64Array {
  const masses = new Float64Array(areaShares.length);
  for (let k = 0; k < events.cell.length; k++) {
    if (events.cell[k] < 0 || events.time[k] >= originMs) continue;
    masses[events.cell[k]] += halfLifeDays === null ? 1 : 2 ** (-(originMs - events.time[k]) / (halfLifeDays * DAY_MS));
  }
  return smooth(masses, gridKernel(grid, bandwidthMeters), areaShares);
}

/** Counts of the last `days` before the origin per cell (rank them with random tie-breaks: a count has no better order). */
export function recentCounts(events: Events, cells: number, originMs: number, days: number): Float64Array {
  const scores = new Float64Array(cells);
  for (let k = 0; k < events.cell.length; k++) {
    if (events.cell[k] >= 0 && events.time[k] < originMs && events.time[k] >= originMs - days * DAY_MS) scores[events.cell[k]] += 1;
  }
  return scores;
}

/** `scores` with a seeded jitter smaller than their smallest difference, so equal scores fall in a random order. */
export function withRandomTies(scores: ArrayLike<number>, rng: Rng): Float64Array {
  return Float64Array.from({ length: scores.length }, (_, i) => scores[i] + rng.next() * 1e-6);
}

/** Incidents per cell in [fromMs, toMs). */
export function outcome(events: Events, cells: number, fromMs: number, toMs: number): Float64Array {
  const counts = new Float64Array(cells);
  for (let k = 0; k < events.cell.length; k++) if (events.cell[k] >= 0 && events.time[k] >= fromMs && events.time[k] < toMs) counts[events.cell[k]] += 1;
  return counts;
}

/**
 * Expected incidents in the `days` after the origin: the mean count in the same days of the previous years (the
 * seasonal naive forecast), or, with less than a year of history, the last 365 days' (or all history's) daily rate.
 */
export function expectedTotal(events: Events, originMs: number, days: number, firstMs: number): { total: number; basis: string } {
  const counts: number[] = [];
  for (let years = 1; originMs - years * 365 * DAY_MS >= firstMs; years++) {
    const from = originMs - years * 365 * DAY_MS;
    let n = 0;
    for (let k = 0; k < events.time.length; k++) if (events.time[k] >= from && events.time[k] < from + days * DAY_MS) n++;
    counts.push(n);
  }
  if (counts.length > 0) return { total: counts.reduce((a, b) => a + b, 0) / counts.length, basis: `mean of the same ${days} days in the ${counts.length} previous year(s)` };
  const span = Math.max(DAY_MS, originMs - firstMs);
  let n = 0;
  for (let k = 0; k < events.time.length; k++) if (events.time[k] < originMs) n++;
  return { total: (n * days * DAY_MS) / span, basis: `daily rate of the ${Math.round(span / DAY_MS)} days of history` };
}
