import { destination, featureCollection, length, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureCases, fixtureOutput } from '../spatial-index/fixtures.ts';
import { corridorPieces, type CorridorPieceProps } from './index.ts';

const here = import.meta.dirname;
const [fixture] = fixtureCases(here);
const cables = fixture.input as FeatureCollection<LineString | MultiLineString>;
const start = [108.0, 14.3];
const north = (m: number) => destination(start, m, 0, { units: 'meters' }).geometry.coordinates;
const mainLength = (piece: Feature<LineString | MultiLineString>) => length(lineString(piece.geometry.type === 'LineString' ? piece.geometry.coordinates : piece.geometry.coordinates[0]), { units: 'meters' });
const ofCorridor = (pieces: FeatureCollection<LineString | MultiLineString, CorridorPieceProps>, corridor: number) => pieces.features.filter((f) => f.properties.corridor_id === corridor);

describe('corridorPieces', () => {
  const pieces = corridorPieces(cables, fixture.input.properties as object);

  it('matches fixtures/out/parallel-and-spur.geojson', () => {
    const { expected, actual } = fixtureOutput(here, fixture.name, pieces);
    expect(actual).toEqual(expected);
  });

  it('folds parallel routes of any owner within 100 m into one corridor, merges the route joined to its end and cuts true 1 km pieces', () => {
    const main = ofCorridor(pieces, pieces.features[0].properties.corridor_id);
    expect(main.map((piece) => Math.round(mainLength(piece)))).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 500]);
    expect(main.map((piece) => piece.properties.owners)).toEqual([
      ['viettel', 'vnpt'], ['viettel', 'vnpt'], ['fpt', 'viettel', 'vnpt'], ['mobifone', 'viettel', 'vnpt'], ['viettel', 'vnpt'], ['mobifone', 'viettel', 'vnpt'], ['mobifone'],
    ]);
    expect(main[0].properties.route_ids).toEqual([1, 2]);
  });

  it('keeps a 47 m spur inside the corridor and joins a 200 m spur (too short for a piece) to the piece it leaves: no piece under 250 m', () => {
    const short = pieces.features.filter((piece) => piece.properties.route_ids.includes(4));
    expect(short.map((piece) => [piece.properties.piece_index, piece.geometry.type, Math.round(piece.properties.length_m)])).toEqual([[2, 'LineString', 1000]]);
    const spur = pieces.features.filter((piece) => piece.properties.route_ids.includes(6));
    expect(spur).toHaveLength(1);
    expect(spur[0].properties.piece_index).toBe(3);
    expect(spur[0].geometry.type).toBe('MultiLineString');
    expect(spur[0].properties.length_m).toBeGreaterThan(1190);
    expect(spur[0].properties.length_m).toBeLessThan(1210);
    expect(pieces.features.every((piece) => piece.properties.length_m >= 250)).toBe(true);
  });

  it('keeps the route 150 m away as a corridor of its own', () => {
    const own = pieces.features.filter((piece) => piece.properties.route_ids.includes(5));
    expect(own.map((piece) => Math.round(mainLength(piece)))).toEqual([1000, 1000]);
    expect(own.every((piece) => piece.properties.route_ids.length === 1)).toBe(true);
  });

  it('gives a remainder under 250 m to the piece before it', () => {
    const r = corridorPieces(featureCollection([lineString([north(0), north(1000), north(2100)], { owner: 'vnpt' }, { id: 'a' })]));
    expect(r.features.map((piece) => Math.round(piece.properties.length_m))).toEqual([1000, 1100]);
  });

  it('does not list a route that only crosses the corridor', () => {
    const across = lineString([destination(north(1500), 800, -90, { units: 'meters' }).geometry.coordinates, destination(north(1500), 800, 90, { units: 'meters' }).geometry.coordinates], { owner: 'fpt' }, { id: 'x' });
    const r = corridorPieces(featureCollection([lineString([north(0), north(3000)], { owner: 'vnpt' }, { id: 'a' }), across]));
    const trunk = r.features.filter((piece) => piece.properties.route_ids.includes('a'));
    expect(trunk.every((piece) => !piece.properties.route_ids.includes('x'))).toBe(true);
    expect(r.features.some((piece) => piece.properties.route_ids.includes('x'))).toBe(true);
  });

  it('returns no pieces for no cables, does not mutate its input and names a bad option', () => {
    expect(corridorPieces(featureCollection([])).features).toEqual([]);
    const before = JSON.stringify(cables);
    corridorPieces(cables);
    expect(JSON.stringify(cables)).toBe(before);
    expect(() => corridorPieces(cables, { snapMeters: 0 })).toThrow(/^snapMeters must be positive/);
    expect(() => corridorPieces(cables, { minPieceMeters: 2000 })).toThrow(/^minPieceMeters/);
  });
});
