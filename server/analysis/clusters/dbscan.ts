import type { Feature, FeatureCollection, GeoJsonProperties, Point } from 'geojson';
import { neighbourSearch, type NeighbourSearch } from './neighbours.ts';

/** Role of a point in DBSCAN: a core point, an edge (border) point of a cluster, or noise. */
export type DbscanRole = 'core' | 'edge' | 'noise';

/** Properties added to every point; `cluster` is absent for noise, as in turf. */
export type DbscanProps = GeoJsonProperties & { dbscan: DbscanRole; cluster?: number };

/** Options of {@link clustersDbscanIndexed}. */
export type DbscanOptions = {
  /** Neighbourhood radius ε in metres (great-circle, turf `distance`). Default 500. */
  maxDistanceMeters?: number;
  /** Neighbours (the point itself included) a core point needs. Default 5. */
  minPoints?: number;
};

/**
 * DBSCAN with a grid index: the same clusters as turf `clustersDbscan` (cluster ids in the same
 * order: by the lowest input index of each cluster's core points), in about O(n·k) instead of
 * turf's near O(n²). Unlike turf, every non-core member is labelled `edge` (turf labels border
 * points reached during expansion `core`), and neighbourhoods wrap across the antimeridian.
 *
 * @param points incidents or any points; not mutated
 * @param options.maxDistanceMeters ε in metres, default 500
 * @param options.minPoints core threshold, self included, default 5
 * @returns a copy of `points` with `dbscan` and `cluster` properties
 * @example
 * const labelled = clustersDbscanIndexed(incidents, { maxDistanceMeters: 500, minPoints: 5 });
 */
export function clustersDbscanIndexed<P extends GeoJsonProperties>(
  points: FeatureCollection<Point, P>,
  { maxDistanceMeters = 500, minPoints = 5 }: DbscanOptions = {},
): FeatureCollection<Point, P & DbscanProps> {
  if (!(maxDistanceMeters > 0) || !Number.isFinite(maxDistanceMeters)) throw new Error('maxDistanceMeters must be positive');
  if (!Number.isInteger(minPoints) || minPoints < 1) throw new Error('minPoints must be a positive integer');
  const positions = points.features.map((feature) => feature.geometry.coordinates);
  const search = neighbourSearch(positions, maxDistanceMeters);
  const isCore = positions.map((_, i) => {
    let count = 0;
    search.forEachNeighbour(i, () => ++count >= minPoints);
    return count >= minPoints;
  });
  const clusterOf = labelClusters(isCore, search);
  return {
    ...points,
    features: points.features.map((feature, i): Feature<Point, P & DbscanProps> => {
      const role: DbscanRole = clusterOf[i] < 0 ? 'noise' : isCore[i] ? 'core' : 'edge';
      const extra: DbscanProps = clusterOf[i] < 0 ? { dbscan: role } : { dbscan: role, cluster: clusterOf[i] };
      return { ...feature, properties: { ...(feature.properties ?? {}), ...extra } as P & DbscanProps };
    }),
  };
}

/**
 * Grows clusters from cores in input order; a border point joins the first cluster that reaches
 * it, which is what turf's expansion order amounts to. Cells whose points are all labelled are
 * skipped, which keeps dense clusters cheap.
 */
function labelClusters(isCore: readonly boolean[], search: NeighbourSearch): Int32Array {
  const clusterOf = new Int32Array(isCore.length).fill(-1);
  const cellOf = new Float64Array(isCore.length);
  const unlabelled = new Map<number, number>();
  for (const [key, bucket] of search.index.cells) {
    unlabelled.set(key, bucket.length);
    for (const i of bucket) cellOf[i] = key;
  }
  const label = (i: number, cluster: number) => {
    clusterOf[i] = cluster;
    unlabelled.set(cellOf[i], (unlabelled.get(cellOf[i]) as number) - 1);
  };
  const isDone = (key: number) => unlabelled.get(key) === 0;
  let nextCluster = 0;
  for (let seed = 0; seed < isCore.length; seed++) {
    if (!isCore[seed] || clusterOf[seed] >= 0) continue;
    const cluster = nextCluster++;
    label(seed, cluster);
    const queue = [seed];
    for (let head = 0; head < queue.length; head++) {
      search.forEachNeighbour(queue[head], (j) => {
        if (clusterOf[j] >= 0) return;
        label(j, cluster);
        if (isCore[j]) queue.push(j);
      }, isDone);
    }
  }
  return clusterOf;
}
