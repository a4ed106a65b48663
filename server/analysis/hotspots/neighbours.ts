import { distance } from '@turf/turf';
import type { Neighbours } from '../getis-ord/index.ts';
import type { HexGridOver } from '../hex-bin/index.ts';

/** Cell centres projected to local planar metres (scale from turf at the mean latitude; ≤0.1 % error over a province). */
export function toMeters(centers: readonly [number, number][]): Float64Array {
  const xy = new Float64Array(centers.length * 2);
  if (centers.length === 0) return xy;
  const lat = centers.reduce((a, c) => a + c[1], 0) / centers.length;
  const lon = centers[0][0];
  const mx = distance([lon, lat], [lon + 1, lat], { units: 'meters' });
  const my = distance([lon, lat - 0.5], [lon, lat + 0.5], { units: 'meters' });
  centers.forEach(([x, y], i) => { xy[2 * i] = x * mx; xy[2 * i + 1] = y * my; });
  return xy;
}

/** Neighbours with their distances, each cell's list sorted by distance: smaller bands are prefixes of it. */
const INDEX_SPAN = 4_194_304; // cells per grid at most (2²²), so distance·1000·2²² + index stays below 2⁵³ up to 2,000 km
type Ranked = { offsets: Int32Array; indices: Int32Array; distances: Float64Array };

/**
 * Neighbours of every point within `bandMeters` (d ≤ band, itself excluded), found with a uniform hash grid of
 * cell size = band, so each point only looks at the 3×3 buckets around it (not all pairs); each list by distance.
 */
function rankedWithin(xy: Float64Array, bandMeters: number): Ranked {
  const n = xy.length / 2;
  let minX = Infinity, minY = Infinity;
  for (let i = 0; i < n; i++) { minX = Math.min(minX, xy[2 * i]); minY = Math.min(minY, xy[2 * i + 1]); }
  const bucketOf = (v: number, min: number): number => Math.floor((v - min) / bandMeters);
  const key = (gx: number, gy: number): number => gx * 4_194_304 + gy;
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const k = key(bucketOf(xy[2 * i], minX), bucketOf(xy[2 * i + 1], minY));
    const list = buckets.get(k);
    if (list) list.push(i); else buckets.set(k, [i]);
  }
  const band2 = bandMeters * bandMeters * (1 + 1e-9);
  const offsets = new Int32Array(n + 1);
  const indices: number[] = [], distances: number[] = [];
  // Each candidate as one number, distance in millimetres then index, so a numeric typed sort orders them.
  let keys = new Float64Array(256);
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i], y = xy[2 * i + 1];
    const gx = bucketOf(x, minX), gy = bucketOf(y, minY);
    let count = 0;
    for (let bx = gx - 1; bx <= gx + 1; bx++) {
      for (let by = gy - 1; by <= gy + 1; by++) {
        for (const j of buckets.get(key(bx, by)) ?? []) {
          const dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y;
          const d2 = dx * dx + dy * dy;
          if (j === i || d2 > band2) continue;
          if (count === keys.length) { const grown = new Float64Array(keys.length * 2); grown.set(keys); keys = grown; }
          keys[count++] = Math.round(Math.sqrt(d2) * 1000) * INDEX_SPAN + j;
        }
      }
    }
    const mine = keys.subarray(0, count).sort();
    for (const packed of mine) {
      const j = packed % INDEX_SPAN;
      indices.push(j);
      distances.push((packed - j) / INDEX_SPAN / 1000);
    }
    offsets[i + 1] = indices.length;
  }
  return { offsets, indices: Int32Array.from(indices), distances: Float64Array.from(distances) };
}

/** The neighbours within `bandMeters` of a ranked list made for a band at least as wide: a prefix of each list. */
function prefix(ranked: Ranked, bandMeters: number): Neighbours {
  const n = ranked.offsets.length - 1;
  const limit = bandMeters * (1 + 1e-9);
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let k = ranked.offsets[i];
    while (k < ranked.offsets[i + 1] && ranked.distances[k] <= limit) k++;
    total += k - ranked.offsets[i];
    offsets[i + 1] = total;
  }
  const indices = new Int32Array(total);
  for (let i = 0; i < n; i++) indices.set(ranked.indices.subarray(ranked.offsets[i], ranked.offsets[i] + offsets[i + 1] - offsets[i]), offsets[i]);
  return { offsets, indices };
}

/**
 * Neighbours of every point within `bandMeters` (d ≤ band, itself excluded), each list nearest first.
 * @param xy planar coordinates in metres, x0, y0, x1, y1, …
 * @param bandMeters distance band in metres (> 0)
 */
export function neighboursWithin(xy: Float64Array, bandMeters: number): Neighbours {
  return prefix(rankedWithin(xy, bandMeters), bandMeters);
}

/**
 * Mean over points of the distance (metres) to their k-th nearest neighbour (k default 8): a band this wide gives the
 * typical point k neighbours. Points with fewer than k others use their farthest.
 */
export function knnAverageMeters(xy: Float64Array, k = 8, startBand = 1): number {
  const n = xy.length / 2;
  if (n < 2) return startBand;
  for (let band = startBand; ; band *= 1.5) {
    const { offsets, distances } = rankedWithin(xy, band);
    let enough = true;
    for (let i = 0; i < n && enough; i++) enough = offsets[i + 1] - offsets[i] >= Math.min(k, n - 1);
    if (!enough) continue;
    let total = 0;
    for (let i = 0; i < n; i++) total += distances[offsets[i] + Math.min(k, offsets[i + 1] - offsets[i]) - 1];
    return total / n;
  }
}

/** What is computed once per grid: centres in metres, the neighbour lists of each band asked for, the 8-NN band. */
export type GridNeighbourhoods = { xy: Float64Array; within: (bandMeters: number) => Neighbours; knnMeters: (startBand: number) => number };

const memo = new WeakMap<HexGridOver, GridNeighbourhoods>();
/** Bands up to this many centre spacings are served from one ranked list; it covers every candidate band (≤ 5). */
const RANKED_BAND_CELLS = 6;

/**
 * The grid's centres in metres and memoised neighbour lists per band, kept as long as the grid object lives (the API
 * caches grids per study area), so repeated analyses on one grid never rebuild them. One spatial query at a wide band
 * serves every narrower band as prefixes of its distance-ordered lists.
 */
export function gridNeighbourhoods(grid: HexGridOver): GridNeighbourhoods {
  const cached = memo.get(grid);
  if (cached) return cached;
  const xy = toMeters(grid.cells.features.map((f) => f.properties.center));
  const byBand = new Map<number, Neighbours>();
  const knn = new Map<number, number>();
  let ranked: Ranked | null = null;
  const rankedBand = spacingMeters(xy) * RANKED_BAND_CELLS;
  const entry: GridNeighbourhoods = {
    xy,
    within: (bandMeters) => {
      let lists = byBand.get(bandMeters);
      if (!lists) {
        if (bandMeters <= rankedBand) {
          ranked ??= rankedWithin(xy, rankedBand);
          lists = prefix(ranked, bandMeters);
        } else lists = neighboursWithin(xy, bandMeters);
        byBand.set(bandMeters, lists);
      }
      return lists;
    },
    knnMeters: (startBand) => {
      if (!knn.has(startBand)) knn.set(startBand, knnAverageMeters(xy, 8, startBand));
      return knn.get(startBand)!;
    },
  };
  memo.set(grid, entry);
  return entry;
}

/** Distance between neighbouring centres, from the first few cells. */
function spacingMeters(xy: Float64Array): number {
  const n = xy.length / 2;
  let best = Infinity;
  for (let i = 0; i < Math.min(n, 16); i++) {
    for (let j = 0; j < n; j++) if (j !== i) best = Math.min(best, Math.hypot(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]));
  }
  return Number.isFinite(best) ? best : 1;
}
