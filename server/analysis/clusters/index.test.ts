import { clustersDbscan, featureCollection, point } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureCases, fixtureOutput } from '../spatial-index/fixtures.ts';
import { clustersDbscanIndexed, incidentClusters } from './index.ts';
import { plantedPoints } from './synthetic-points.ts';

const here = import.meta.dirname;

/** Cluster membership as a set of sorted member lists, independent of label numbering. */
function partition(labels: (number | undefined)[]): string[] {
  const groups = new Map<number, number[]>();
  labels.forEach((label, i) => {
    if (label !== undefined) groups.set(label, [...(groups.get(label) ?? []), i]);
  });
  return [...groups.values()].map((members) => members.join(',')).sort();
}

describe('clustersDbscanIndexed', () => {
  it.each([
    { seed: 1, count: 3000, maxDistanceMeters: 500, minPoints: 5 },
    { seed: 2, count: 3000, maxDistanceMeters: 300, minPoints: 3 },
    { seed: 3, count: 2000, maxDistanceMeters: 1500, minPoints: 8 },
  ])('assigns the same cluster members as turf clustersDbscan (seed $seed, ε $maxDistanceMeters m, minPoints $minPoints)', ({ seed, count, maxDistanceMeters, minPoints }) => {
    const points = plantedPoints(count, seed);
    const ours = clustersDbscanIndexed(points, { maxDistanceMeters, minPoints });
    const theirs = clustersDbscan(points, maxDistanceMeters, { units: 'meters', minPoints });
    const ourLabels = ours.features.map((f) => f.properties.cluster);
    const theirLabels = theirs.features.map((f) => f.properties.cluster);
    expect(partition(ourLabels).length).toBeGreaterThan(5);
    expect(partition(ourLabels)).toEqual(partition(theirLabels));
    // Cluster ids even come out in the same order.
    expect(ourLabels).toEqual(theirLabels);
    // Points turf calls edge are edge here too (turf labels some border points core).
    theirs.features.forEach((f, i) => f.properties.dbscan === 'edge' && expect(ours.features[i].properties.dbscan).toBe('edge'));
    const noise = (fc: FeatureCollection<Point, { dbscan?: string }>) => fc.features.filter((f) => f.properties.dbscan === 'noise').length;
    expect(noise(ours)).toBe(noise(theirs));
  });

  it('counts the point itself towards minPoints', () => {
    const points = featureCollection([point([108, 14.3]), point([108.001, 14.3])]);
    expect(clustersDbscanIndexed(points, { maxDistanceMeters: 200, minPoints: 2 }).features.map((f) => f.properties.dbscan)).toEqual(['core', 'core']);
  });

  it('joins a cluster across the antimeridian (turf splits it)', () => {
    const points = featureCollection([point([179.9995, 10]), point([-179.9995, 10]), point([179.999, 10.0005])]);
    const labelled = clustersDbscanIndexed(points, { maxDistanceMeters: 200, minPoints: 3 });
    expect(labelled.features.map((f) => f.properties.cluster)).toEqual([0, 0, 0]);
  });

  it('throws on a non-positive maxDistanceMeters, naming it first', () => {
    expect(() => clustersDbscanIndexed(featureCollection([]), { maxDistanceMeters: 0 })).toThrow(/^maxDistanceMeters must be positive/);
  });

  it('throws on a fractional minPoints, naming it first', () => {
    expect(() => clustersDbscanIndexed(featureCollection([]), { minPoints: 2.5 })).toThrow(/^minPoints must be a positive integer/);
  });
});

describe('incidentClusters', () => {
  it.each(fixtureCases(here))('matches fixtures/out/$name', ({ name, input }) => {
    const { areas, points } = incidentClusters(input as FeatureCollection<Point>, input.properties ?? {});
    const { expected, actual } = fixtureOutput(here, name, { type: 'FeatureCollection', features: [...areas.features, ...points.features] });
    expect(actual).toEqual(expected);
  });

  it('returns empty collections for empty input', () => {
    expect(incidentClusters(featureCollection([]))).toEqual({ points: featureCollection([]), areas: featureCollection([]) });
  });

  it('makes no cluster of a single point with the default minPoints', () => {
    const { points, areas } = incidentClusters(featureCollection([point([108, 14.3], { type: 'cable_cut' })]));
    expect(areas.features).toEqual([]);
    expect(points.features[0].properties.dbscan).toBe('noise');
  });

  it('buffers a single-point cluster into a round area when minPoints is 1', () => {
    const { areas } = incidentClusters(featureCollection([point([108, 14.3], { type: 'cable_cut', occurred_at: '2025-03-01T00:00:00Z' })]), { minPoints: 1 });
    expect(areas.features[0].properties).toMatchObject({ count: 1, first_at: '2025-03-01T00:00:00Z', dominant_types: [{ type: 'cable_cut', count: 1 }] });
    expect(areas.features[0].geometry.type).toBe('Polygon');
  });

  it('outlines collinear members, which have no convex hull', () => {
    const line = featureCollection([0, 1, 2].map((i) => point([108 + i * 0.001, 14.3])));
    expect(incidentClusters(line, { minPoints: 3 }).areas.features).toHaveLength(1);
  });

  it('does not mutate its input', () => {
    const points = plantedPoints(200, 9);
    const before = structuredClone(points);
    incidentClusters(points, { minPoints: 3 });
    expect(points).toEqual(before);
  });

  it('throws on a non-positive bufferMeters, naming it first', () => {
    expect(() => incidentClusters(featureCollection([]), { bufferMeters: -1 })).toThrow(/^bufferMeters must be positive/);
  });
});
