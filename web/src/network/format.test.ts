import { describe, expect, it } from 'vitest';
import { formatOf } from './api.ts';

describe('formatOf', () => {
  it.each([['tram.geojson', 'geojson'], ['tram.JSON', 'geojson'], ['tuyen.kml', 'kml'], ['tram.csv', 'csv'], ['mang-luoi.gpkg', 'gpkg'], ['tram.shp', null]])('%s is %s', (name, format) => expect(formatOf(name)).toBe(format));
});
