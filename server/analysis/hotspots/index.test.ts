import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { fixtureCases, fixtureOutput } from '../spatial-index/fixtures.ts';
import { bboxPolygon, booleanPointInPolygon, distance, featureCollection, point } from '@turf/turf';
import type { Feature, Point, Polygon } from 'geojson';
import { hotspotGrid } from './index.ts';
import { syntheticIncidents } from './test-data.ts';

// ~50 km square near Kon Tum city
const BOX: [number, number, number, number] = [107.8, 14.2, 108.26, 14.65];
const AREA = bboxPolygon(BOX);
const CENTRES: [number, number][] = [[107.9, 14.3], [108.15, 14.55], [108.05, 14.35]];
const cellAt = (cells: Feature<Polygon, { gi_class: number }>[], c: [number, number]) =>
  cells.find((f) => booleanPointInPolygon(point(c), f));

describe('hotspotGrid', () => {
  it('finds three planted clusters hot at 99 % and nothing hot far from them after FDR', () => {
    const incidents = syntheticIncidents(1, BOX, 3000, CENTRES.map((center) => ({ center, count: 150, sdDegrees: 0.01 })));
    const r = hotspotGrid(incidents, AREA, { cellSizeMeters: 1000 });
    for (const c of CENTRES) expect(cellAt(r.cells.features, c)?.properties.gi_class).toBe(3);
    const far = r.cells.features.filter((f) => {
      const ring = f.geometry.coordinates[0];
      const centre = [(ring[0][0] + ring[3][0]) / 2, (ring[1][1] + ring[4][1]) / 2];
      return CENTRES.every((c) => distance(centre, c, { units: 'meters' }) > 3 * r.distanceBand.meters);
    });
    expect(far.length).toBeGreaterThan(100);
    expect(far.filter((f) => f.properties.gi_class > 0)).toEqual([]);
  });

  it('finds no hot cell in pure uniform noise after FDR', () => {
    const r = hotspotGrid(syntheticIncidents(7, BOX, 4000, []), AREA, { cellSizeMeters: 1000 });
    expect(r.cells.features.length).toBeGreaterThan(500);
    expect(r.cells.features.filter((f) => f.properties.gi_class > 0)).toEqual([]);
  });

  it('returns a valid empty result for an empty collection', () => {
    const r = hotspotGrid(featureCollection<Point>([]), AREA);
    expect(r.message).toBe('No incidents match the selection');
    expect(r.cells.features.length).toBeGreaterThan(500);
    expect(r.cells.features.every((f) => f.properties.count === 0 && f.properties.gi_class === 0 && f.properties.fill === '#f7f7f7')).toBe(true);
    expect(r.distanceBand.rule).toBe('knn_average');
  });

  it('answers a single point with counts, no classes and a message asking for 30 incidents', () => {
    const r = hotspotGrid(featureCollection([point([108, 14.4])]), AREA, { distanceBandMeters: 3000 });
    expect(r.cells.features.length).toBeGreaterThan(0);
    expect(r.cells.features.filter((f) => f.properties.count === 1).length).toBe(1);
    expect(r.message).toMatch(/at least 30/);
    expect(r.cells.features.every((f) => f.properties.gi_class === 0 && f.properties.gi_p === null)).toBe(true);
  });

  it('below 30 incidents gives no map of noise, from 30 on it analyses (minimum-data rule)', () => {
    const points = syntheticIncidents(11, BOX, 29, []);
    expect(hotspotGrid(points, AREA).message).toMatch(/Only 29 incident/);
    const more = syntheticIncidents(11, BOX, 30, []);
    const r = hotspotGrid(more, AREA);
    expect(r.message).toBeNull();
    expect(r.cells.features.some((f) => f.properties.gi_p !== null)).toBe(true);
  });

  it('does not mutate its input', () => {
    const incidents = syntheticIncidents(3, BOX, 300, []);
    const before = JSON.stringify([incidents, AREA]);
    hotspotGrid(incidents, AREA, { distanceBandMeters: 3000 });
    expect(JSON.stringify([incidents, AREA])).toBe(before);
  });

  it('throws on a bad option', () => {
    expect(() => hotspotGrid(featureCollection<Point>([]), AREA, { cellSizeMeters: -1 })).toThrow('cellSizeMeters must be positive');
  });
});

describe('fixtures', () => {
  const folder = fileURLToPath(new URL('.', import.meta.url));
  for (const { name, input } of fixtureCases(folder)) {
    it(`matches fixtures/out/${name}`, () => {
      const { studyArea, ...options } = input.properties as { studyArea: Feature<Polygon> };
      const points = featureCollection(input.features.filter((f): f is Feature<Point> => f.geometry.type === 'Point'));
      const r = hotspotGrid(points, studyArea, options);
      const actual = { ...r.cells, properties: { distanceBand: r.distanceBand, warnings: r.warnings, message: r.message } };
      const { expected, actual: rounded } = fixtureOutput(folder, name, actual);
      expect(rounded).toEqual(expected);
    });
  }
});
