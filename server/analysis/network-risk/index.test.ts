import { featureCollection, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { corridorPieces } from '../corridors/index.ts';
import { fixtureCases, fixtureOutput } from '../spatial-index/fixtures.ts';
import { hotStretches } from './index.ts';

const here = import.meta.dirname;
const [fixture] = fixtureCases(here);
const cables = featureCollection(fixture.input.features.filter((f) => f.geometry.type !== 'Point') as Feature<LineString>[]);
const incidents = featureCollection(fixture.input.features.filter((f) => f.geometry.type === 'Point') as Feature<Point>[]);
const pieces = corridorPieces(cables as FeatureCollection<LineString | MultiLineString>);

describe('hotStretches', () => {
  it('matches fixtures/out/corridor-incidents.geojson', () => {
    const { expected, actual } = fixtureOutput(here, fixture.name, hotStretches(incidents, pieces, fixture.input.properties as { years: number }));
    expect(actual).toEqual(expected);
  });

  it('ranks the known pieces per km per year, crediting each incident to its nearest piece', () => {
    const result = hotStretches(incidents, pieces, { years: 2 });
    expect(result.features.map((f) => [f.properties.piece_id, f.properties.count, Math.round(f.properties.rate_per_km_year * 1e6) / 1e6])).toEqual([
      ['0-2', 3, 1.5], ['0-6', 1, 1], ['1-1', 1, 0.5],
    ]);
    expect(result.features[0].properties).toMatchObject({ rank: 1, owners: ['viettel', 'vnpt'], route_ids: [1, 2], incident_ids: [100, 101, 102] });
  });

  it('credits an incident to one piece only, the one a brute force over every piece finds nearest within the snapping distance', () => {
    const result = hotStretches(incidents, pieces, { years: 1, top: 500 });
    const credited = new Map(result.features.flatMap((f) => f.properties.incident_ids.map((id) => [id, f.properties.piece_id] as const)));
    for (const incident of incidents.features.filter((f) => f.properties?.status !== 'false_alarm')) {
      const distances = pieces.features.map((piece) => ({ id: piece.properties.piece_id, meters: pointToLineDistance(incident.geometry.coordinates, piece as Feature<LineString>, { units: 'meters' }) }));
      const nearest = distances.reduce((a, b) => (b.meters < a.meters ? b : a));
      expect(credited.get(incident.id!), `incident ${incident.id}`).toBe(nearest.meters <= 100 ? nearest.id : undefined);
    }
  });

  it('does not mutate its inputs and names a bad option first', () => {
    const before = structuredClone([incidents, pieces]);
    hotStretches(incidents, pieces, { years: 1 });
    expect([incidents, pieces]).toEqual(before);
    expect(() => hotStretches(incidents, pieces, {} as { years: number })).toThrow(/^years must be positive/);
    expect(() => hotStretches(incidents, pieces, { years: 1, snapMeters: 0 })).toThrow(/^snapMeters must be positive/);
    expect(() => hotStretches(incidents, pieces, { years: 1, top: 0 })).toThrow(/^top must be/);
  });

  it('returns nothing for no incidents', () => {
    expect(hotStretches(featureCollection([]), pieces, { years: 1 }).features).toEqual([]);
  });
});
