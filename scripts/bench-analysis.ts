/**
 * Bench: hex binning + neighbours + Gi* + FDR on 1 km hexes over Kon Tum (union of the 2025 communes), for 100k and
 * 1M seeded points in its bbox (median of 5 runs), against the straightforward turf pipeline (pointsWithinPolygon per
 * cell + all-pairs neighbours with turf.distance) timed ONCE at 100k points, or at 10k with --quick.
 * Usage: npm run bench:analysis [-- --quick]   (tsx scripts/bench-analysis.ts [--quick])
 * Targets: 100k ≤ 300 ms, 1M ≤ 2 s, ≥ 100× the naive pipeline. The 'from the database' rows read the incidents from a
 * SQLite file through the store first, as the API does.
 */
import { readFileSync } from 'node:fs';
import { distance, featureCollection, point, pointsWithinPolygon, union, bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { classifyGi, giStar } from '../server/analysis/getis-ord/index.ts';
import { binPoints, hexGridOver } from '../server/analysis/hex-bin/index.ts';
import { neighboursWithin, toMeters } from '../server/analysis/hotspots/neighbours.ts';
import { createRng } from '../server/analysis/prng/index.ts';
import { benchFromDatabase } from './bench-analysis-db.ts';

const CELL_METERS = 1000;
const BAND_METERS = 3000;
const RUNS = 5;
const quick = process.argv.includes('--quick');

const communes = JSON.parse(readFileSync(new URL('../data/kontum/communes-2025.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const area = union(communes) as Feature<Polygon | MultiPolygon>;
const box = turfBbox(area);
const t0 = performance.now();
const grid = hexGridOver(area, { cellSizeMeters: CELL_METERS });
console.log(`study area: union of ${communes.features.length} communes; grid: ${grid.cells.features.length} hexes of ${CELL_METERS} m side, built in ${(performance.now() - t0).toFixed(0)} ms (once per study area, not timed below); band ${BAND_METERS} m`);

function randomPoints(seed: number, n: number): FeatureCollection<Point> {
  const rng = createRng(seed);
  return featureCollection(Array.from({ length: n }, () => point([rng.range(box[0], box[2]), rng.range(box[1], box[3])])));
}

/** The fast pipeline: bin by hex coordinates, neighbours by hash grid, Gi*, FDR classes. Returns ms. */
function fast(points: FeatureCollection<Point>): number {
  const start = performance.now();
  const counts = Array.from(binPoints(grid, points));
  const neighbours = neighboursWithin(toMeters(grid.cells.features.map((f) => f.properties.center)), BAND_METERS);
  classifyGi(giStar(counts, neighbours), true);
  return performance.now() - start;
}

/** Naive turf pipeline; returns [pointsWithinPolygon ms (linear in points), all-pairs neighbours + Gi* + FDR ms]. */
function naive(points: FeatureCollection<Point>): [number, number] {
  const start = performance.now();
  const counts = grid.cells.features.map((c) => pointsWithinPolygon(points, c).features.length);
  const mid = performance.now();
  const centres = grid.cells.features.map((f) => f.properties.center);
  const all = centres.map((c, i) => centres.flatMap((d, j) => (j !== i && distance(c, d, { units: 'meters' }) <= BAND_METERS ? [j] : [])));
  classifyGi(giStar(counts, all), true);
  return [mid - start, performance.now() - mid];
}

const naiveN = quick ? 10_000 : 100_000;
const [pipMs, pairsMs] = naive(randomPoints(1, naiveN));
const naiveMs = pipMs + pairsMs;
const rows: string[][] = [[`naive turf, ${naiveN.toLocaleString('en')} points${quick ? ' (--quick)' : ''}, timed once`, naiveMs.toFixed(0), '—', '1×']];
for (const n of [100_000, 1_000_000]) {
  const points = randomPoints(n, n);
  fast(points); // warm-up, not counted
  const runs = Array.from({ length: RUNS }, () => fast(points)).sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)];
  // naive cost at n: pointsWithinPolygon is linear in points, the all-pairs part does not depend on them
  const naiveAtN = pipMs * (n / naiveN) + pairsMs;
  const measured = n === naiveN ? 'measured' : `estimated ${naiveAtN.toFixed(0)} ms`;
  rows.push([`fast, ${n.toLocaleString('en')} points (median of ${RUNS})`, median.toFixed(1), runs[runs.length - 1].toFixed(1),
    `${(naiveAtN / median).toFixed(0)}× (naive ${measured})`]);
}
for (const n of [100_000, 1_000_000]) {
  const { median, max, loadMs } = await benchFromDatabase(n, area, grid, box, RUNS);
  console.log(`(loaded ${n.toLocaleString('en')} incidents into SQLite in ${(loadMs / 1000).toFixed(1)} s)`);
  rows.push([`from the database, ${n.toLocaleString('en')} incidents: filtered coordinate read + bin + Gi* + FDR (median of ${RUNS})`, median.toFixed(1), max.toFixed(1), `${((pipMs * (n / naiveN) + pairsMs) / median).toFixed(0)}×`]);
}
console.log(`naive at ${naiveN.toLocaleString('en')}: pointsWithinPolygon ${pipMs.toFixed(0)} ms + all-pairs turf.distance neighbours/Gi*/FDR ${pairsMs.toFixed(0)} ms`);
console.log(['case', 'median ms', 'p99/max ms', 'ratio vs naive'].join(' | '));
console.log('---|---|---|---');
for (const r of rows) console.log(r.join(' | '));
