import { destination, featureCollection, point } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import { INCIDENT_TYPES } from '../../collections/vocabulary.ts';
import { createRng } from '../prng/index.ts';

/** A seeded uniform [0, 1) stream from the project's PRNG, so tests and benchmarks see the same data on every run. */
export const seededRandom = (seed: number): (() => number) => createRng(seed).next;

/** Kon Tum's extent, [west, south, east, north] degrees. */
export const KON_TUM_BBOX = [107.33, 13.92, 108.55, 15.42] as const;

/**
 * Synthetic incidents: a uniform background over `bbox` plus `clusterCount` planted clusters whose
 * members lie within `clusterRadiusMeters` of a centre. For tests and benchmarks only.
 *
 * @param count total points
 * @param options.clusterShare share of points in planted clusters, default 0.4
 */
export function plantedPoints(
  count: number,
  seed: number,
  { bbox = KON_TUM_BBOX, clusterCount = 15, clusterShare = 0.4, clusterRadiusMeters = 400 } = {},
): FeatureCollection<Point, { id: number; type: string; occurred_at: string }> {
  const random = seededRandom(seed);
  const [west, south, east, north] = bbox;
  const uniform = (): [number, number] => [west + random() * (east - west), south + random() * (north - south)];
  const centres = Array.from({ length: clusterCount }, uniform);
  return featureCollection(
    Array.from({ length: count }, (_, id) => {
      const inCluster = clusterCount > 0 && random() < clusterShare;
      const coordinates = inCluster
        ? destination(centres[Math.floor(random() * clusterCount)], Math.sqrt(random()) * clusterRadiusMeters, random() * 360 - 180, { units: 'meters' }).geometry.coordinates
        : uniform();
      const type = INCIDENT_TYPES[Math.floor(random() * INCIDENT_TYPES.length)];
      const occurred_at = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 730) * 86_400_000).toISOString();
      return point(coordinates, { id, type, occurred_at });
    }),
  );
}
