import { describe, expect, it } from 'vitest';
import { geometryProblems } from './validate.ts';

describe('geometryProblems', () => {
  it('accepts valid points, lines and polygons', () => {
    expect(geometryProblems({ type: 'Point', coordinates: [108, 14.5] })).toEqual([]);
    expect(geometryProblems({ type: 'LineString', coordinates: [[108, 14], [108.1, 14.1]] })).toEqual([]);
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[108, 14], [108.1, 14], [108.1, 14.1], [108, 14]]] })).toEqual([]);
  });

  it('names swapped latitude/longitude and non-finite positions', () => {
    expect(geometryProblems({ type: 'Point', coordinates: [14.5, 108] })[0].message).toMatch(/outside WGS84/);
    expect(geometryProblems({ type: 'Point', coordinates: [108, null] })[0].path).toBe('geometry.coordinates');
  });

  it('refuses one-position lines, open rings and bow-tie polygons', () => {
    expect(geometryProblems({ type: 'LineString', coordinates: [[108, 14]] })[0].message).toMatch(/at least 2/);
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[108, 14], [108.1, 14], [108.1, 14.1], [108, 14.05]]] })[0].message).toMatch(/end where it starts/);
    const bowTie = { type: 'Polygon', coordinates: [[[108, 14], [108.1, 14.1], [108.1, 14], [108, 14.1], [108, 14]]] };
    expect(geometryProblems(bowTie)[0].message).toMatch(/crosses itself near \[108\.05/);
  });

  it('points at the bad part of a multi-geometry', () => {
    const problems = geometryProblems({ type: 'MultiLineString', coordinates: [[[108, 14], [108.1, 14.1]], [[200, 14], [108, 14]]] });
    expect(problems).toEqual([{ path: 'geometry.coordinates[1][0]', message: expect.stringMatching(/outside WGS84/) }]);
  });

  it('refuses unknown types and missing geometries', () => {
    expect(geometryProblems({ type: 'Circle', coordinates: [108, 14] })[0].path).toBe('geometry.type');
    expect(geometryProblems(null)[0].message).toMatch(/required/);
  });
});
