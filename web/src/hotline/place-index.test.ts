import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseGeography } from '../../../scripts/generator/index.ts';
import { placeIndex, searchPlaces, type Place } from './place-index.ts';

// The real base geography the basemap is built from (data/kontum), not a hand-made fixture.
let places: Place[];
let province: Feature<Polygon | MultiPolygon>;
beforeAll(() => {
  const base = baseGeography();
  places = placeIndex(base.admin_areas as FeatureCollection, base.roads as FeatureCollection);
  province = base.admin_areas.features.find((feature) => feature.properties?.level === 'province') as Feature<Polygon | MultiPolygon>;
});

describe('place search on the hotline', () => {
  it('finds communes without diacritics, đ or apostrophes', () => {
    expect(searchPlaces(places, 'dak glei')[0].label).toBe('Đắk Glei');
    expect(searchPlaces(places, 'iahdrai')[0].label).toBe("Ia H' Drai");
    expect(searchPlaces(places, 'ĐĂK TÔ').map((found) => found.label)).toContain('Đắk Tô');
  });

  it('finds national roads by name and by number', () => {
    expect(searchPlaces(places, 'quoc lo 24').some((found) => found.kind === 'road' && found.label.startsWith('Quốc lộ 24'))).toBe(true);
    expect(searchPlaces(places, 'QL.14').some((found) => found.kind === 'road')).toBe(true);
    expect(searchPlaces(places, 'deo lo xo')[0]).toMatchObject({ label: 'Đèo Lò Xo', kind: 'road' });
  });

  it('puts every pin inside the province, and a commune\'s pin inside the commune', () => {
    const base = baseGeography();
    for (const candidate of places) expect(booleanPointInPolygon(candidate.point, province), candidate.label).toBe(true);
    for (const commune of base.admin_areas.features.filter((feature) => feature.properties?.level === 'commune')) {
      const found = places.find((candidate) => candidate.kind === 'commune' && candidate.label === commune.properties?.name)!;
      expect(booleanPointInPolygon(found.point, commune as Feature<Polygon | MultiPolygon>), found.label).toBe(true);
    }
  });

  it('answers nothing for one letter and for a place that is not there', () => {
    expect(searchPlaces(places, 'd')).toEqual([]);
    expect(searchPlaces(places, 'ha noi')).toEqual([]);
  });
});
