import { describe, expect, it } from 'vitest';
import { parseWkt, toWkt } from './wkt.ts';

describe('parseWkt', () => {
  it.each([
    ['POINT (1 2)', { type: 'Point', coordinates: [1, 2] }],
    ['POINT Z (1 2 3)', { type: 'Point', coordinates: [1, 2] }],
    ['linestring(1e-3 -2.5, 3 4)', { type: 'LineString', coordinates: [[0.001, -2.5], [3, 4]] }],
    ['POLYGON ((0 0, 1 0, 1 1, 0 0))', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }],
    ['MULTIPOINT (1 2, 3 4)', { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }],
    ['MULTIPOINT ((1 2), (3 4))', { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }],
    ['MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))', { type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] }],
    ['MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))', { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] }],
  ])('reads %s', (text, geometry) => expect(parseWkt(text)).toEqual(geometry));

  it.each(['POINT (1)', 'CIRCLE (1 2)', 'POINT ((1 2))', 'LINESTRING (1 2, 3 4', 'POLYGON (0 0, 1 0, 1 1, 0 0)', 'POINT (1 2); DROP'])('refuses %s', (text) => expect(() => parseWkt(text)).toThrow());

  it('reads back what toWkt writes, to the last digit', () => {
    const geometry = { type: 'MultiLineString' as const, coordinates: [[[107.123456789012, 14.987654321098], [108.5, 14.25]]] };
    expect(parseWkt(toWkt(geometry))).toEqual(geometry);
  });
});
