/**
 * Turf `clustersDbscan` against the grid-indexed DBSCAN on synthetic Kon Tum incidents.
 * Run: npx vitest bench --run server/analysis/clusters/bench.ts   (not a CI gate)
 */
import { clustersDbscan } from '@turf/turf';
import { bench, describe } from 'vitest';
import { clustersDbscanIndexed } from './dbscan.ts';
import { incidentClusters } from './index.ts';
import { plantedPoints } from './synthetic-points.ts';

const options = { maxDistanceMeters: 500, minPoints: 5 };
const slow = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };
const points20k = plantedPoints(20_000, 42, { clusterCount: 40 });
const points100k = plantedPoints(100_000, 42, { clusterCount: 100 });

describe('DBSCAN, 20k points, ε 500 m, minPoints 5', () => {
  bench('turf clustersDbscan', () => {
    clustersDbscan(points20k, options.maxDistanceMeters, { units: 'meters', minPoints: options.minPoints });
  }, slow);
  bench('clustersDbscanIndexed', () => {
    clustersDbscanIndexed(points20k, options);
  }, slow);
});

describe('100k points, ε 500 m, minPoints 5', () => {
  bench('clustersDbscanIndexed', () => {
    clustersDbscanIndexed(points100k, options);
  }, slow);
  bench('incidentClusters (DBSCAN + hulls + buffers)', () => {
    incidentClusters(points100k, options);
  }, slow);
});
