import { knnAverageMeters, neighboursWithin } from './neighbours.ts';

/** How the distance band was chosen. */
export type DistanceBand = { meters: number; rule: 'given' | 'incremental_morans_i_peak' | 'knn_average'; reason: string };

/** Global Moran's I z-score (normality assumption) with binary symmetric weights. */
export function moransIZ(values: number[], neighbours: number[][]): number {
  const n = values.length;
  const mean = values.reduce((a, v) => a + v, 0) / n;
  const z = values.map((v) => v - mean);
  const m2 = z.reduce((a, v) => a + v * v, 0);
  let s0 = 0, cross = 0, s2 = 0;
  neighbours.forEach((list, i) => {
    s0 += list.length; s2 += 4 * list.length * list.length;
    for (const j of list) cross += z[i] * z[j];
  });
  if (s0 === 0 || m2 === 0) return NaN;
  const moran = (n / s0) * (cross / m2);
  const expected = -1 / (n - 1);
  const s1 = 2 * s0;
  const variance = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n * n - 1) * s0 * s0) - expected * expected;
  return (moran - expected) / Math.sqrt(variance);
}

/**
 * Distance band by incremental spatial autocorrelation: Moran's I z over 10 distances from the band that gives the
 * typical cell 8 neighbours (ArcGIS's rule of thumb; on a hex lattice the 6 touching cells alone are too few), in
 * steps of a quarter of the cell spacing; the first peak wins. No peak → the average distance to each cell's 8th nearest cell.
 * @param values counts per cell
 * @param xy cell centres in metres
 */
export function chooseBand(values: number[], xy: [number, number][]): DistanceBand {
  const spacing = Math.max(...nearestDistances(xy));
  const start = medianEighthNearest(xy, spacing) * (1 + 1e-6);
  const step = spacing / 4;
  const zs: number[] = [];
  for (let k = 0; k < 10; k++) zs.push(moransIZ(values, neighboursWithin(xy, start + k * step)));
  for (let k = 1; k < zs.length - 1; k++) {
    if (zs[k] > zs[k - 1] && zs[k] >= zs[k + 1]) {
      return { meters: start + k * step, rule: 'incremental_morans_i_peak',
        reason: `first peak of Moran's I z (${zs[k].toFixed(2)}) over 10 bands from ${start.toFixed(0)} m in ${step.toFixed(0)} m steps` };
    }
  }
  const meters = knnAverageMeters(xy, 8, start);
  return { meters, rule: 'knn_average', reason: `no Moran's I peak over 10 bands from ${start.toFixed(0)} m in ${step.toFixed(0)} m steps; average distance to each cell's 8th nearest cell is ${meters.toFixed(0)} m` };
}

/** The median over cells of the distance to their 8th nearest cell (cells with fewer within 3 spacings are skipped). */
function medianEighthNearest(xy: [number, number][], spacing: number): number {
  const eighth = neighboursWithin(xy, spacing * 3)
    .map((list, i) => list.map((j) => Math.hypot(xy[j][0] - xy[i][0], xy[j][1] - xy[i][1])).sort((a, b) => a - b)[7])
    .filter((distance): distance is number => distance !== undefined)
    .sort((a, b) => a - b);
  return eighth.length > 0 ? eighth[Math.floor(eighth.length / 2)] : spacing;
}

function nearestDistances(xy: [number, number][]): number[] {
  let band = 1;
  for (;;) {
    const nb = neighboursWithin(xy, band);
    if (nb.every((l) => l.length > 0)) {
      return nb.map((l, i) => Math.min(...l.map((j) => Math.hypot(xy[j][0] - xy[i][0], xy[j][1] - xy[i][1]))));
    }
    band *= 2;
  }
}
