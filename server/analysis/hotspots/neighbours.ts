import { distance } from '@turf/turf';

/** Cell centres projected to local planar metres (scale from turf at the mean latitude; ≤0.1 % error over a province). */
export function toMeters(centers: [number, number][]): [number, number][] {
  if (centers.length === 0) return [];
  const lat = centers.reduce((a, c) => a + c[1], 0) / centers.length;
  const lon = centers[0][0];
  const mx = distance([lon, lat], [lon + 1, lat], { units: 'meters' });
  const my = distance([lon, lat - 0.5], [lon, lat + 0.5], { units: 'meters' });
  return centers.map(([x, y]) => [x * mx, y * my]);
}

/**
 * Neighbours of every point within `bandMeters` (d ≤ band, itself excluded), found with a uniform hash grid of
 * cell size = band, so each point only looks at the 3×3 buckets around it (not all pairs).
 * @param xy planar coordinates in metres
 * @param bandMeters distance band in metres (> 0)
 */
export function neighboursWithin(xy: [number, number][], bandMeters: number): number[][] {
  const buckets = new Map<string, number[]>();
  const b = (v: number): number => Math.floor(v / bandMeters);
  xy.forEach(([x, y], i) => {
    const k = `${b(x)},${b(y)}`;
    const list = buckets.get(k);
    if (list) list.push(i); else buckets.set(k, [i]);
  });
  const band2 = bandMeters * bandMeters * (1 + 1e-9);
  return xy.map(([x, y], i) => {
    const out: number[] = [];
    for (let gx = b(x) - 1; gx <= b(x) + 1; gx++) {
      for (let gy = b(y) - 1; gy <= b(y) + 1; gy++) {
        for (const j of buckets.get(`${gx},${gy}`) ?? []) {
          const dx = xy[j][0] - x, dy = xy[j][1] - y;
          if (j !== i && dx * dx + dy * dy <= band2) out.push(j);
        }
      }
    }
    return out.sort((p, q) => p - q);
  });
}

/**
 * Mean over points of the distance (metres) to their k-th nearest neighbour (k default 8): a band this wide gives the
 * typical point k neighbours. Points with fewer than k others use their farthest.
 */
export function knnAverageMeters(xy: [number, number][], k = 8, startBand = 1): number {
  let band = startBand;
  for (;;) {
    const nb = neighboursWithin(xy, band);
    if (nb.every((list) => list.length >= Math.min(k, xy.length - 1))) {
      let total = 0;
      nb.forEach((list, i) => {
        const d = list.map((j) => Math.hypot(xy[j][0] - xy[i][0], xy[j][1] - xy[i][1])).sort((p, q) => p - q);
        total += d[Math.min(k, d.length) - 1] ?? 0;
      });
      return total / xy.length;
    }
    band *= 1.5;
  }
}
