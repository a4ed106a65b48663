import type { Neighbours } from '../getis-ord/index.ts';
import type { GridNeighbourhoods } from './neighbours.ts';

/** One candidate band of the incremental spatial autocorrelation scan. */
export type BandCandidate = { meters: number; morans_i_z: number };
/** How the distance band was chosen, and the candidates scanned. */
export type DistanceBand = {
  meters: number;
  rule: 'given' | 'incremental_morans_i_peak' | 'knn_average';
  reason: string;
  candidates: BandCandidate[];
};

/** Bands scanned: the lattice's distinct neighbour distances, from the first giving a cell ≥ 8 neighbours. */
export const CANDIDATE_BANDS = 10;

/** Global Moran's I z-score (normality assumption) with binary symmetric weights. */
export function moransIZ(values: ArrayLike<number>, { offsets, indices }: Neighbours): number {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let m2 = 0, s0 = 0, cross = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const zi = values[i] - mean;
    m2 += zi * zi;
    const degree = offsets[i + 1] - offsets[i];
    s0 += degree; s2 += 4 * degree * degree;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) cross += zi * (values[indices[k]] - mean);
  }
  if (s0 === 0 || m2 === 0) return NaN;
  const moran = (n / s0) * (cross / m2);
  const expected = -1 / (n - 1);
  const s1 = 2 * s0;
  const variance = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n * n - 1) * s0 * s0) - expected * expected;
  return (moran - expected) / Math.sqrt(variance);
}

/**
 * The lattice's distinct centre-to-centre distances ("shells": 1, √3, 2, √7, 3 … spacings on a hex grid), ascending,
 * measured around up to 64 cells spread over the grid and merged within 1 % (the grid is flat-earth regular, so
 * each shell is one distance up to rounding). Two bands between the same two shells give identical neighbour sets,
 * so only shells are candidates: a scan over them has no ties to mistake for peaks.
 * @param xy cell centres in metres
 * @param maxShells how many shells to return at most
 */
export function latticeShells(xy: Float64Array, maxShells: number): { meters: number; cumulative: number }[] {
  const n = xy.length / 2;
  if (n < 2) return [];
  const samples = Array.from({ length: Math.min(64, n) }, (_, k) => Math.floor((k * n) / Math.min(64, n)));
  let spacing = Infinity;
  for (const i of samples) for (let j = 0; j < n; j++) if (j !== i) spacing = Math.min(spacing, Math.hypot(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]));
  const reach = spacing * (maxShells + 6);
  const distancesFrom = (i: number, limit: number): number[] => {
    const out: number[] = [];
    for (let j = 0; j < n; j++) {
      const d = Math.hypot(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
      if (j !== i && d <= limit) out.push(d);
    }
    return out.sort((a, b) => a - b);
  };
  // Shells are the distinct distances seen from any sample; the counts come from the most interior sample (the one
  // with the most cells within two spacings), so a corner cell's few neighbours never set the 8-neighbour start.
  const pooled = samples.flatMap((i) => distancesFrom(i, reach)).sort((a, b) => a - b);
  const radii: number[] = [];
  for (const d of pooled) {
    if (radii.length > 0 && d <= radii[radii.length - 1] * 1.01) radii[radii.length - 1] = d; else radii.push(d);
  }
  const interior = samples.reduce((best, i) => (distancesFrom(i, spacing * 2.1).length > distancesFrom(best, spacing * 2.1).length ? i : best), samples[0]);
  const around = distancesFrom(interior, reach);
  const shells = radii.map((meters) => ({ meters, cumulative: around.filter((d) => d <= meters).length }));
  return shells.slice(0, maxShells + 8);
}

/** The candidate bands: {@link CANDIDATE_BANDS} shells from the first one giving an interior cell at least 8 neighbours. */
export function candidateBands(xy: Float64Array): number[] {
  const cached = bandMemo.get(xy);
  if (cached) return cached;
  const shells = latticeShells(xy, CANDIDATE_BANDS + 4);
  const first = Math.max(0, shells.findIndex((shell) => shell.cumulative >= 8));
  // A hair above the shell's distance, so the whole shell is inside the band whatever the rounding.
  const bands = shells.slice(first, first + CANDIDATE_BANDS).map((shell) => shell.meters * (1 + 1e-6));
  bandMemo.set(xy, bands);
  return bands;
}

// One grid's centres (memoised per grid in neighbours.ts) always give the same bands.
const bandMemo = new WeakMap<Float64Array, number[]>();

/**
 * Distance band by incremental spatial autocorrelation (as ArcGIS's Optimized Hot Spot Analysis): Moran's I z over
 * the candidate bands ({@link candidateBands}); the first band whose z is strictly above both neighbouring
 * candidates' wins (a tie is not a peak). No peak → the average distance to each cell's 8th nearest cell, and the
 * reason says so.
 * @param values counts per cell
 */
export function chooseBand(values: ArrayLike<number>, hood: GridNeighbourhoods): DistanceBand {
  const bands = candidateBands(hood.xy);
  const candidates = bands.map((meters) => ({ meters, morans_i_z: moransIZ(values, hood.within(meters)) }));
  const span = bands.length > 0 ? `${bands.length} bands from ${bands[0].toFixed(0)} to ${bands[bands.length - 1].toFixed(0)} m (the grid's distinct neighbour distances)` : 'no bands';
  for (let k = 1; k < candidates.length - 1; k++) {
    const [before, here, after] = [candidates[k - 1].morans_i_z, candidates[k].morans_i_z, candidates[k + 1].morans_i_z];
    if (here > before && here > after) {
      return { meters: bands[k], rule: 'incremental_morans_i_peak', candidates,
        reason: `first peak of Moran's I z (${here.toFixed(2)}, strictly above ${before.toFixed(2)} and ${after.toFixed(2)}) over ${span}` };
    }
  }
  const meters = hood.knnMeters(bands[0] ?? 1);
  return { meters, rule: 'knn_average', candidates,
    reason: `no peak of Moran's I z over ${span}, so the k-nearest rule: the average distance to each cell's 8th nearest cell, ${meters.toFixed(0)} m` };
}
