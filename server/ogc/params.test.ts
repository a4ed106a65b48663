import { describe, expect, it } from 'vitest';
import { incidents } from '../collections/incidents.ts';
import { roads } from '../collections/roads.ts';
import { btsSites } from '../collections/bts-sites.ts';
import { InvalidParameter } from '../errors.ts';
import { parseBbox, parseDatetime, parseItemQuery, parseLimit } from './params.ts';

const parameterOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error instanceof InvalidParameter ? error.details?.parameter : error;
  }
  return undefined;
};

describe('parseBbox', () => {
  it('accepts four ordered WGS84 numbers', () => expect(parseBbox('107.5,14,108,14.5')).toEqual([107.5, 14, 108, 14.5]));
  it('reads six numbers as a box with heights, which it drops', () => expect(parseBbox('107.5,14,-100,108,14.5,3000')).toEqual([107.5, 14, 108, 14.5]));
  it('keeps a box across the antimeridian as west > east', () => expect(parseBbox('170,-10,-170,10')).toEqual([170, -10, -170, 10]));
  it.each(['1,2,3', '1,2,3,4,5', '1,,3,4', 'a,2,3,4', '-181,0,0,0', '0,-91,0,0', '0,2,1,1', 'Infinity,0,1,1', '1,2,3,4,5,6,7'])(
    'rejects %s naming bbox',
    (raw) => expect(parameterOf(() => parseBbox(raw))).toBe('bbox'),
  );
});

describe('parseLimit', () => {
  it('defaults to 100', () => expect(parseLimit(undefined)).toBe(100));
  it('clamps values above 10000', () => expect(parseLimit('50000')).toBe(10_000));
  it.each(['-1', '0', '1.5', 'ten', ''])('rejects %s', (raw) => expect(parameterOf(() => parseLimit(raw))).toBe('limit'));
});

describe('parseDatetime', () => {
  const ms = (text: string): number => Date.parse(text);
  it('reads an instant as itself', () => expect(parseDatetime('2024-05-01T10:00:00Z')).toEqual({ startMs: ms('2024-05-01T10:00:00Z'), endMs: ms('2024-05-01T10:00:00Z') }));
  it('reads a date as its whole UTC day', () =>
    expect(parseDatetime('2024-05-01')).toEqual({ startMs: ms('2024-05-01T00:00:00Z'), endMs: ms('2024-05-01T23:59:59.999Z') }));
  it('reads open starts and ends', () => {
    expect(parseDatetime('../2024-05-01T00:00:00+07:00')).toEqual({ startMs: null, endMs: ms('2024-04-30T17:00:00Z') });
    expect(parseDatetime('2024-05-01T00:00:00Z/')).toEqual({ startMs: ms('2024-05-01T00:00:00Z'), endMs: null });
  });
  it('reads the date GDAL 3.6 sends with a dangling T', () => expect(parseDatetime('2024-06-01T/..')).toEqual({ startMs: ms('2024-06-01T00:00:00Z'), endMs: null }));
  it.each(['', '..', '../..', '/', 'yesterday', '2024-13-45', '2024-05-01T10:00', '2024-05-02/2024-05-01', 'a/b/c'])(
    'rejects %s naming datetime',
    (raw) => expect(parameterOf(() => parseDatetime(raw))).toBe('datetime'),
  );
});

describe('parseItemQuery', () => {
  it('parses filters with their registry types', () => {
    const query = parseItemQuery(btsSites, new URLSearchParams('owner=viettel&alarm_equipped=true&technologies=4G&offset=5'));
    expect(query.filters).toEqual([
      { property: 'owner', value: 'viettel' },
      { property: 'alarm_equipped', value: true },
      { property: 'technologies', value: '4G' },
    ]);
    expect(query.offset).toBe(5);
  });
  it('keeps a value outside the vocabulary, which then matches nothing', () => expect(parseItemQuery(btsSites, new URLSearchParams('owner=Viettel')).filters).toEqual([{ property: 'owner', value: 'Viettel' }]));
  it('rejects an unknown parameter by name', () => expect(parameterOf(() => parseItemQuery(roads, new URLSearchParams('colour=red')))).toBe('colour'));
  it('takes an equality filter on any property of the collection', () => expect(parseItemQuery(roads, new URLSearchParams('name=QL14')).filters).toEqual([{ property: 'name', value: 'QL14' }]));
  it('rejects datetime on a collection without time', () => expect(parameterOf(() => parseItemQuery(roads, new URLSearchParams('datetime=2024-01-01')))).toBe('datetime'));
  it('accepts datetime on a time-stamped collection', () => expect(parseItemQuery(incidents, new URLSearchParams('datetime=2024-01-01')).datetime).toBeDefined());
  it('rejects a malformed integer filter', () => expect(parameterOf(() => parseItemQuery(incidents, new URLSearchParams('asset_id=1.5')))).toBe('asset_id'));
  it('rejects an unknown format', () => expect(parameterOf(() => parseItemQuery(roads, new URLSearchParams('f=xml')))).toBe('f'));
  it('rejects a repeated parameter', () => expect(parameterOf(() => parseItemQuery(roads, new URLSearchParams('limit=1&limit=2')))).toBe('limit'));
});
