import { circle, convex, featureCollection, point } from '@turf/turf';
import type { Feature, FeatureCollection, GeoJsonProperties, Point, Polygon, Position } from 'geojson';
import { clustersDbscanIndexed, type DbscanProps } from './dbscan.ts';

export { clustersDbscanIndexed, type DbscanOptions, type DbscanProps, type DbscanRole } from './dbscan.ts';

/** Properties of one cluster area. Times are ISO strings from the members' `occurred_at`. */
export type ClusterAreaProps = {
  cluster_id: number;
  count: number;
  core_count: number;
  first_at: string | null;
  last_at: string | null;
  /** Incident types by descending count (ties by name), at most three. */
  dominant_types: { type: string; count: number }[];
  fill: string;
  'fill-opacity': number;
  stroke: string;
};

/** Options of {@link incidentClusters}. */
export type IncidentClusterOptions = {
  /** DBSCAN ε in metres. Default 500. */
  maxDistanceMeters?: number;
  /** Neighbours (self included) that make a core point. Default 5. */
  minPoints?: number;
  /** Buffer around each cluster's convex hull, metres; must be positive. Default 100. */
  bufferMeters?: number;
};

/**
 * Clusters incidents with DBSCAN (grid-indexed, turf-compatible) and outlines each cluster as
 * its convex hull buffered by `bufferMeters`.
 *
 * @param points incidents with `type` and `occurred_at` properties; not mutated
 * @param options.maxDistanceMeters ε in metres, default 500
 * @param options.minPoints core threshold (self included), default 5
 * @param options.bufferMeters hull buffer in metres, default 100
 * @returns `points`: the incidents labelled `dbscan`/`cluster`; `areas`: one polygon per cluster, ordered by `cluster_id`
 * @example
 * const { areas } = incidentClusters(incidents, { maxDistanceMeters: 300, minPoints: 4 });
 */
export function incidentClusters<P extends GeoJsonProperties>(
  points: FeatureCollection<Point, P>,
  { maxDistanceMeters = 500, minPoints = 5, bufferMeters = 100 }: IncidentClusterOptions = {},
): { points: FeatureCollection<Point, P & DbscanProps>; areas: FeatureCollection<Polygon, ClusterAreaProps> } {
  if (!(bufferMeters > 0) || !Number.isFinite(bufferMeters)) throw new Error('bufferMeters must be positive');
  const labelled = clustersDbscanIndexed(points, { maxDistanceMeters, minPoints });
  const members = new Map<number, Feature<Point, P & DbscanProps>[]>();
  for (const feature of labelled.features) {
    const cluster = feature.properties.cluster;
    if (cluster === undefined) continue;
    const list = members.get(cluster);
    if (list) list.push(feature);
    else members.set(cluster, [feature]);
  }
  const areas = [...members.entries()]
    .sort(([a], [b]) => a - b)
    .map(([clusterId, list]) => clusterArea(clusterId, list, bufferMeters));
  return { points: labelled, areas: featureCollection(areas) };
}

function clusterArea(
  clusterId: number,
  members: Feature<Point, DbscanProps>[],
  bufferMeters: number,
): Feature<Polygon, ClusterAreaProps> {
  const positions = members.map((feature) => feature.geometry.coordinates);
  const outline = bufferedHull(positions, bufferMeters);
  const times = members
    .map((feature) => feature.properties.occurred_at)
    .filter((value): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const properties: ClusterAreaProps = {
    cluster_id: clusterId,
    count: members.length,
    core_count: members.filter((feature) => feature.properties.dbscan === 'core').length,
    first_at: times[0] ?? null,
    last_at: times.at(-1) ?? null,
    dominant_types: dominantTypes(members, 3),
    fill: '#d7301f',
    'fill-opacity': 0.35,
    stroke: '#b30000',
  };
  return { type: 'Feature', geometry: outline.geometry, properties };
}

/**
 * Convex hull of the members grown by `bufferMeters`: the hull of 32-step turf `circle`s around the
 * hull's corners. For a convex shape this equals a buffer (a Minkowski sum with a disc) and is ~20×
 * faster than turf `buffer` (3,000 clusters: 0.2 s instead of 3 s); it also needs no special case
 * for one spot or collinear members, where turf `convex` returns null.
 */
function bufferedHull(positions: Position[], bufferMeters: number): Feature<Polygon> {
  const hull = positions.length >= 3 ? convex(featureCollection(positions.map((p) => point(p)))) : null;
  const corners = hull ? hull.geometry.coordinates[0].slice(1) : positions;
  const rim = corners.flatMap((corner) => circle(corner, bufferMeters, { units: 'meters', steps: 32 }).geometry.coordinates[0].slice(1));
  const outline = convex(featureCollection(rim.map((p) => point(p))));
  if (!outline) throw new Error('bufferMeters too small to outline the cluster');
  return outline;
}

/** Types by descending count, ties broken by name. */
export function dominantTypes(members: Feature<Point, GeoJsonProperties>[], top: number): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const feature of members) {
    const type = typeof feature.properties?.type === 'string' ? feature.properties.type : 'other';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type))
    .slice(0, top);
}
