import { destination, featureCollection, lineString, multiLineString, point } from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureCases, fixtureOutput } from '../spatial-index/fixtures.ts';
import { hotStretches } from './index.ts';

const here = import.meta.dirname;
const start = [108.0, 14.3];
const north = (meters: number) => destination(start, meters, 0, { units: 'meters' }).geometry.coordinates;
const route = lineString([start, north(5000)], { name: 'Trục', owner: 'viettel', tier: 'backbone' }, { id: 'r1' });
const cables = featureCollection<LineString | MultiLineString>([route]);
const incidentAt = (meters: number, id: number, status = 'verified') => point(north(meters), { id, status });

function split(input: FeatureCollection) {
  const lines = input.features.filter((f) => f.geometry.type !== 'Point') as FeatureCollection<LineString>['features'];
  const points = input.features.filter((f) => f.geometry.type === 'Point') as FeatureCollection<Point>['features'];
  return { cables: featureCollection<LineString | MultiLineString>(lines), incidents: featureCollection(points) };
}

describe('hotStretches', () => {
  it.each(fixtureCases(here))('matches fixtures/out/$name', ({ name, input }) => {
    const { cables: lines, incidents } = split(input);
    const result = hotStretches(incidents, lines, input.properties as { years: number });
    const { expected, actual } = fixtureOutput(here, name, result);
    expect(actual).toEqual(expected);
  });

  it('ranks the known pieces of the straight-route fixture', () => {
    const [{ input }] = fixtureCases(here);
    const { cables: lines, incidents } = split(input);
    const result = hotStretches(incidents, lines, { years: 2 });
    expect(result.features.map((f) => [f.properties.route_id, f.properties.piece_index, f.properties.count, f.properties.rate_per_km_year])).toEqual([
      [1, 3, 4, expect.closeTo(2, 9)], // 3200–3500 m; the false alarm at 3600 m is left out
      [1, 0, 3, expect.closeTo(1.5, 9)], // 100, 250 and 900 m (80 m west of the line)
      [1, 4, 1, expect.closeTo(0.5, 9)], // 4999 m; ties with the next, the earlier route first
      [2, 1, 1, expect.closeTo(0.5, 9)], // 1500 m, 110 m east: 40 m from the branch route
    ]);
    expect(result.features[0].properties.incident_ids).toEqual([6, 7, 8, 9]);
    expect(result.features[0].properties).toMatchObject({ owner: 'viettel', tier: 'backbone', rank: 1, start_m: expect.closeTo(3000, 3) });
  });

  it('returns an empty collection for empty input', () => {
    expect(hotStretches(featureCollection([]), featureCollection([]), { years: 1 })).toEqual(featureCollection([]));
  });

  it('places a single incident on its piece and cuts the geometry there', () => {
    const [stretch] = hotStretches(featureCollection([incidentAt(1500, 7)]), cables, { years: 1 }).features;
    expect(stretch.properties).toMatchObject({ route_id: 'r1', piece_index: 1, count: 1, incident_ids: [7] });
    expect(stretch.properties.length_m).toBeCloseTo(1000, 3);
    expect(stretch.geometry.coordinates[0][1]).toBeCloseTo(north(1000)[1], 6);
  });

  it('cuts a route into equal pieces of about pieceMeters', () => {
    const [stretch] = hotStretches(featureCollection([incidentAt(4900, 1)]), cables, { years: 1, pieceMeters: 1200 }).features;
    expect(stretch.properties.piece_index).toBe(3); // round(5000 / 1200) = 4 pieces of 1250 m
    expect(stretch.properties.length_m).toBeCloseTo(1250, 3);
  });

  it('numbers pieces on across the parts of a MultiLineString', () => {
    const east = (meters: number) => destination(north(meters), 5000, 90, { units: 'meters' }).geometry.coordinates;
    const multi = multiLineString([[start, north(2000)], [east(0), east(3000)]], { name: 'M' });
    const [stretch] = hotStretches(featureCollection([point(east(2500), { id: 1 })]), featureCollection<LineString | MultiLineString>([multi]), { years: 1 }).features;
    expect(stretch.properties).toMatchObject({ route_id: 0, part_index: 1, piece_index: 4 });
  });

  it('prefers the linked route over a nearer one', () => {
    const twin = lineString(route.geometry.coordinates.map((p) => destination(p, 60, 90, { units: 'meters' }).geometry.coordinates), {}, { id: 'r2' });
    const incident = point(destination(north(500), 40, 90, { units: 'meters' }).geometry.coordinates, { id: 1, asset_collection: 'cable_routes', asset_id: 'r1' });
    const [stretch] = hotStretches(featureCollection([incident]), featureCollection<LineString | MultiLineString>([twin, route]), { years: 1 }).features;
    expect(stretch.properties.route_id).toBe('r1');
  });

  it('does not mutate its inputs', () => {
    const incidents = featureCollection([incidentAt(100, 1), incidentAt(200, 2)]);
    const before = structuredClone([incidents, cables]);
    hotStretches(incidents, cables, { years: 1 });
    expect([incidents, cables]).toEqual(before);
  });

  it('throws on a missing years, naming it first', () => {
    expect(() => hotStretches(featureCollection([]), cables, {} as { years: number })).toThrow(/^years must be positive/);
  });

  it('throws on a non-positive snapMeters, naming it first', () => {
    expect(() => hotStretches(featureCollection([]), cables, { years: 1, snapMeters: 0 })).toThrow(/^snapMeters must be positive/);
  });
});
