import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { roadGraph, routeBetween } from './index.ts';

type Roads = FeatureCollection<LineString | MultiLineString>;
// A small "L" network: west-east along lat 14.0, then north along lon 108.02; a detached segment far away.
const tiny: Roads = turf.featureCollection<LineString | MultiLineString>([
  turf.lineString([[108.0, 14.0], [108.01, 14.0]]),
  turf.lineString([[108.01, 14.0001], [108.02, 14.0]]), // starts ~11 m off the first line's end: merged
  turf.multiLineString([[[108.02, 14.0], [108.02, 14.02]]]),
  turf.lineString([[109.0, 15.0], [109.01, 15.0]]),
]);

describe('roadGraph', () => {
  it('merges vertices within snapMeters and labels components', () => {
    const graph = roadGraph(tiny);
    expect(graph.nodes.length).toBe(6);
    expect(new Set(graph.component).size).toBe(2);
  });
  it('keeps nearby vertices apart with a small snap radius', () => {
    expect(roadGraph(tiny, { snapMeters: 1 }).nodes.length).toBe(7);
  });
  it('bridges a dead end to another component across a 60 m gap, but not with bridgeMeters 0', () => {
    const gap: Roads = turf.featureCollection<LineString | MultiLineString>([
      turf.lineString([[108.0, 14.0], [108.01, 14.0]]),
      turf.lineString([[108.01055, 14.0], [108.02, 14.0]]), // ~60 m further east
    ]);
    expect(routeBetween(roadGraph(gap), [108.0, 14.0], [108.02, 14.0]).onRoad).toBe(true);
    expect(routeBetween(roadGraph(gap, { bridgeMeters: 0 }), [108.0, 14.0], [108.02, 14.0]).onRoad).toBe(false);
  });
  it('empty collection gives an empty graph', () => {
    expect(roadGraph(turf.featureCollection([]) as Roads).nodes).toEqual([]);
  });
  it('bad option throws naming it', () => {
    expect(() => roadGraph(tiny, { snapMeters: 0 })).toThrow('snapMeters must be positive');
  });
  it('does not mutate the input', () => {
    const before = JSON.stringify(tiny);
    roadGraph(tiny);
    expect(JSON.stringify(tiny)).toBe(before);
  });
});

describe('routeBetween', () => {
  const graph = roadGraph(tiny);
  it('follows the L along the roads with straight end legs', () => {
    const route = routeBetween(graph, [108.0, 13.999], [108.021, 14.02]);
    expect(route.onRoad).toBe(true);
    expect(route.coordinates[0]).toEqual([108.0, 13.999]);
    expect(route.coordinates.at(-1)).toEqual([108.021, 14.02]);
    const expected = 111 + 2 * 1079 + 2224 + 108; // leg + two east-west pieces + north piece + leg
    expect(route.lengthMeters).toBeGreaterThan(expected * 0.97);
    expect(route.lengthMeters).toBeLessThan(expected * 1.03);
  });
  it('falls back to a straight leg across components', () => {
    const route = routeBetween(graph, [108.0, 14.0], [109.0, 15.0]);
    expect(route.onRoad).toBe(false);
    expect(route.coordinates).toHaveLength(2);
  });
  it('falls back to a straight leg when an end is beyond maxSnapMeters', () => {
    expect(routeBetween(graph, [108.0, 14.1], [108.02, 14.02], { maxSnapMeters: 500 }).onRoad).toBe(false);
  });
  it('a single point route has zero length', () => {
    expect(routeBetween(graph, [108.01, 14.0], [108.01, 14.0]).lengthMeters).toBe(0);
  });
});

describe('real national roads', () => {
  const roads = JSON.parse(readFileSync('data/kontum/roads-national-osm.geojson', 'utf8')) as Roads;
  const graph = roadGraph(roads);
  it('Kon Tum → Đăk Tô along QL14 is on-road and longer than the straight line', () => {
    const kontum = [108.014272, 14.3517];
    const dakTo = [107.825813, 14.619284];
    const route = routeBetween(graph, kontum, dakTo);
    const straight = turf.distance(kontum, dakTo, { units: 'meters' });
    expect(route.onRoad).toBe(true);
    expect(route.lengthMeters).toBeGreaterThan(straight);
    expect(route.lengthMeters).toBeLessThan(straight * 1.6);
  });
});
