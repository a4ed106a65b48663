/**
 * Calibration of the hotspot test on the real province grid (1 km hexes over Kon Tum's outline, as the API analyses
 * it): seeded maps of complete spatial randomness — how often does some cell come out hot at 95 % after FDR? — and
 * maps with a planted cluster — how often is it found? The normal approximation the exact test replaced is run on the
 * same maps and bands as the baseline.
 * Usage: npm run calibrate [-- --maps 300]
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { hexGridOver } from '../server/analysis/hex-bin/index.ts';
import { simulateMap } from '../server/analysis/hotspots/csr-simulation.ts';
import { baseGeography } from './generator/index.ts';

const mapsArg = process.argv.indexOf('--maps');
const MAPS = mapsArg > 0 ? Number(process.argv[mapsArg + 1]) : 300;
if (!(MAPS >= 1)) throw new Error('--maps must be a positive number');

const province = baseGeography().admin_areas.features.find((f) => f.properties.level === 'province') as Feature<Polygon | MultiPolygon>;
const grid = hexGridOver(province, { cellSizeMeters: 1000 });
const RURAL: [number, number] = [107.75, 14.55];

/** Wilson 95 % interval of a share k / n. */
function wilson(k: number, n: number): string {
  const z = 1.96, p = k / n, d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d, half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return `${(100 * p).toFixed(1)} % [${(100 * Math.max(0, centre - half)).toFixed(1)}–${(100 * Math.min(1, centre + half)).toFixed(1)}]`;
}

console.log(`grid: ${grid.cells.features.length} hexes of 1 km side over the province; ${MAPS} seeded maps per row; automatic band, FDR q = 0.05`);
console.log('\nFalse alarms on complete spatial randomness (share of maps with any cell hot at 95 % after FDR; a calibrated test gives ≤ 5 %):');
console.log('incidents | exact test (NetGuard) | normal approximation (baseline, same maps) | ms per map');
console.log('---|---|---|---');
for (const incidents of [100, 300, 1000]) {
  const start = performance.now();
  const maps = Array.from({ length: MAPS }, (_, k) => simulateMap(grid, province, 100_000 * incidents + k, incidents));
  const exact = maps.filter((m) => m.falseAlarm).length, normal = maps.filter((m) => m.falseAlarmNormal).length;
  console.log(`${incidents} | ${wilson(exact, MAPS)} | ${wilson(normal, MAPS)} | ${((performance.now() - start) / MAPS).toFixed(0)}`);
}
console.log('\nPower: a cluster planted within 1 km of a rural point (107.75° E, 14.55° N) among 300 incidents; found = its cell hot at 95 % after FDR:');
console.log('planted incidents | found (power) | false discovery proportion: hot cells beyond the cluster (radius + 2 bands) / all hot cells, mean over maps (FDR q = 0.05)');
console.log('---|---|---');
for (const count of [10, 15, 20, 30]) {
  const maps = Array.from({ length: MAPS }, (_, k) => simulateMap(grid, province, 7_000_000 + 1000 * count + k, 300, { centre: RURAL, radiusMeters: 1000, count }));
  const proportion = maps.reduce((sum, m) => sum + (m.hotCells > 0 ? m.falseHotCells / m.hotCells : 0), 0) / MAPS;
  console.log(`${count} | ${wilson(maps.filter((m) => m.found).length, MAPS)} | ${(100 * proportion).toFixed(1)} %`);
}
