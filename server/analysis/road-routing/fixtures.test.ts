import type { FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureCases, fixtureOutput } from '../spatial-index/fixtures.ts';
import { roadGraph, routeBetween } from './index.ts';

const folder = 'server/analysis/road-routing';

describe('road-routing fixtures', () => {
  for (const { name, input } of fixtureCases(folder)) {
    it(name, () => {
      const p = (input.properties ?? {}) as { from: Position; to: Position; snapMeters?: number; bridgeMeters?: number };
      const graph = roadGraph(input as FeatureCollection<LineString | MultiLineString>, { snapMeters: p.snapMeters, bridgeMeters: p.bridgeMeters });
      const route = routeBetween(graph, p.from, p.to);
      const output = {
        type: 'FeatureCollection',
        features: [
          ...input.features.map((f) => ({ ...f, properties: { stroke: '#888888' } })),
          { type: 'Feature', properties: { stroke: '#d7191c', 'stroke-width': 4, lengthMeters: route.lengthMeters, onRoad: route.onRoad }, geometry: { type: 'LineString', coordinates: route.coordinates } },
        ],
      };
      const { expected, actual } = fixtureOutput(folder, name, output);
      expect(actual).toEqual(expected);
    });
  }
});
