import { describe, expect, it } from 'vitest';
import { InvalidParameter } from '../../errors.ts';
import { parseCqlText } from './text.ts';

const failure = (text: string): string => {
  try {
    parseCqlText(text);
  } catch (error) {
    if (error instanceof InvalidParameter) return error.message;
  }
  return 'no error';
};

// Expected JSON written from OGC 21-065r2's examples (CQL2 text and its JSON encoding side by side).
describe('parseCqlText', () => {
  it.each<[string, unknown]>([
    ["owner = 'viettel'", { op: '=', args: [{ property: 'owner' }, 'viettel'] }],
    ['fibre_count >= 48', { op: '>=', args: [{ property: 'fibre_count' }, 48] }],
    ["owner <> 'vnpt' AND tier = 'backbone'", { op: 'and', args: [{ op: '<>', args: [{ property: 'owner' }, 'vnpt'] }, { op: '=', args: [{ property: 'tier' }, 'backbone'] }] }],
    ["a = 1 OR b = 2 AND c = 3", { op: 'or', args: [{ op: '=', args: [{ property: 'a' }, 1] }, { op: 'and', args: [{ op: '=', args: [{ property: 'b' }, 2] }, { op: '=', args: [{ property: 'c' }, 3] }] }] }],
    ["NOT (status = 'retired')", { op: 'not', args: [{ op: '=', args: [{ property: 'status' }, 'retired'] }] }],
    ["name LIKE 'Tuyến%'", { op: 'like', args: [{ property: 'name' }, 'Tuyến%'] }],
    ["name NOT LIKE 'A_'", { op: 'not', args: [{ op: 'like', args: [{ property: 'name' }, 'A_'] }] }],
    ["CASEI(name) LIKE CASEI('đắk%')", { op: 'like', args: [{ op: 'casei', args: [{ property: 'name' }] }, { op: 'casei', args: ['đắk%'] }] }],
    ['year_installed BETWEEN 2010 AND 2015', { op: 'between', args: [{ property: 'year_installed' }, 2010, 2015] }],
    ["owner IN ('viettel', 'vnpt')", { op: 'in', args: [{ property: 'owner' }, ['viettel', 'vnpt']] }],
    ["owner NOT IN ('fpt')", { op: 'not', args: [{ op: 'in', args: [{ property: 'owner' }, ['fpt']] }] }],
    ['fibre_count IS NULL', { op: 'isNull', args: [{ property: 'fibre_count' }] }],
    ['fibre_count IS NOT NULL', { op: 'not', args: [{ op: 'isNull', args: [{ property: 'fibre_count' }] }] }],
    ['length_m > -1.5e3', { op: '>', args: [{ property: 'length_m' }, -1500] }],
    ['"tier" = \'trunk\'', { op: '=', args: [{ property: 'tier' }, 'trunk'] }],
    ["name = 'it''s'", { op: '=', args: [{ property: 'name' }, "it's"] }],
    ['S_INTERSECTS(geometry, POINT(108 14.3))', { op: 's_intersects', args: [{ property: 'geometry' }, { type: 'Point', coordinates: [108, 14.3] }] }],
    ['S_INTERSECTS(geometry, BBOX(107.9, 14.3, 108.1, 14.4))', { op: 's_intersects', args: [{ property: 'geometry' }, { bbox: [107.9, 14.3, 108.1, 14.4] }] }],
    ['S_WITHIN(geometry, POLYGON((0 0, 1 0, 1 1, 0 0)))', { op: 's_within', args: [{ property: 'geometry' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }] }],
    ['S_DWITHIN(geometry, LINESTRING(0 0, 1 1), 500)', { op: 's_dwithin', args: [{ property: 'geometry' }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, 500] }],
    ['S_INTERSECTS(geometry, MULTIPOINT((1 2), 3 4))', { op: 's_intersects', args: [{ property: 'geometry' }, { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }] }],
    ["T_AFTER(occurred_at, TIMESTAMP('2026-01-01T00:00:00Z'))", { op: 't_after', args: [{ property: 'occurred_at' }, { timestamp: '2026-01-01T00:00:00Z' }] }],
    ["T_DURING(occurred_at, INTERVAL('2026-01-01', '..'))", { op: 't_during', args: [{ property: 'occurred_at' }, { interval: ['2026-01-01', '..'] }] }],
    ["occurred_at >= DATE('2026-01-01')", { op: '>=', args: [{ property: 'occurred_at' }, { date: '2026-01-01' }] }],
    ['alarm_equipped = TRUE', { op: '=', args: [{ property: 'alarm_equipped' }, true] }],
    ['true', true],
  ])('%s', (text, json) => expect(parseCqlText(text)).toEqual(json));

  it.each([
    ["owner = 'viettel", /unterminated string/],
    ['owner =', /a value expected at the end/],
    ["owner = 'a' AND", /a value expected at the end/],
    ['(owner = 1', /"\)" expected at the end/],
    ['owner', /a comparison, LIKE, BETWEEN, IN or IS NULL expected/],
    ["owner = 'a' 'b'", /unexpected "b" at character 13/],
    ['x BETWEEN 1 2', /AND expected in BETWEEN/],
    ['S_INTERSECTS(geometry, BBOX(1, 2, 3))', /BBOX takes 4 or 6 numbers/],
    ['x = 1 ; DROP TABLE roads', /unexpected ";"/],
  ])('refuses %s, saying where', (text, message) => expect(failure(text)).toMatch(message));

  it('refuses nesting deeper than 40 levels', () => expect(failure(`${'('.repeat(60)}a = 1${')'.repeat(60)}`)).toMatch(/nested deeper/));
});
