import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SearchResponse } from '../../server/search/routes.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';

type Result = { collection: string; id: number; label: string; detail: string | null; bbox: number[] };
type SearchBody = { query: string; numberReturned: number; results: Result[] };

let nextId = 1;
const square = (x: number): Feature['geometry'] => ({ type: 'Polygon', coordinates: [[[x, 14], [x + 0.1, 14], [x + 0.1, 14.1], [x, 14.1], [x, 14]]] });
const area = (name: string, level: string, unitType: string, districtName?: string): Feature => ({
  type: 'Feature',
  id: nextId++,
  geometry: square(107.5 + nextId / 100),
  properties: { level, code: String(nextId), name, unit_type: unitType, district_name: districtName ?? null },
});
const bts = (siteCode: string): Feature => ({
  type: 'Feature',
  id: nextId++,
  geometry: { type: 'Point', coordinates: [107.9, 14.5] },
  properties: { site_code: siteCode, owner: 'viettel', technologies: ['4G'], status: 'active' },
});
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const dataset = {
  admin_areas: collection([
    area('Xã Đăk Pék', 'commune', 'commune'),
    area('Đắk Glei', 'district', 'district'),
    area("Ia H' Drai", 'district', 'district'),
    area("Xã Ia H'Drai", 'commune', 'commune'),
    area('Phường Kon Tum', 'commune', 'ward'),
    area('Xã Đăk Glei', 'commune', 'commune'),
    area('Xốp', 'commune', 'commune', 'Đắk Glei'),
  ]),
  bts_sites: collection([bts('DAKGLEI-01'), bts('KT-001')]),
};

describe('search', async () => {
  const { app } = await createTestApp(dataset);
  const search = async (q: string): Promise<SearchBody> => (await getJson<SearchBody>(app, `/api/search?q=${encodeURIComponent(q)}`)).body;

  it('finds Đắk Glei and the Đăk communes from plain ASCII', async () => {
    const labels = (await search('dak glei')).results.map((result) => result.label);
    expect(labels[0]).toBe('Đắk Glei');
    expect(labels).toContain('Xã Đăk Glei');
  });

  it('ranks exact, then prefix, then contains matches', async () => {
    const { results } = await search('dakglei');
    expect(results.map((result) => [result.label, result.detail])).toEqual([
      ['Đắk Glei', 'Huyện (cũ)'],
      ['DAKGLEI-01', 'Trạm BTS · Viettel'],
      ['Xã Đăk Glei', 'Xã'],
      ['Xốp', 'Xã'],
    ]);
  });

  it('within a rank puts districts, then communes, then other collections', async () => {
    const { results } = await search('glei');
    expect(results.map((result) => result.label)).toEqual(['Đắk Glei', 'Xã Đăk Glei', 'DAKGLEI-01', 'Xốp']);
  });

  it('lists the communes of a former district after every own-name match', async () => {
    const labels = (await search('dak glei')).results.map((result) => result.label);
    expect(labels.at(-1)).toBe('Xốp');
  });

  it('ignores apostrophes and spaces', async () => {
    for (const q of ['ia h drai', 'iahdrai', "IA H'DRAI"]) {
      expect((await search(q)).results.map((result) => result.label)).toEqual(["Ia H' Drai", "Xã Ia H'Drai"]);
    }
  });

  it('says what each hit is in Vietnamese and gives its bbox', async () => {
    const { results } = await search('kon tum');
    expect(results).toEqual([{ collection: 'admin_areas', id: 5, label: 'Phường Kon Tum', detail: 'Phường', bbox: [107.56, 14, 107.66, 14.1] }]);
  });

  it('answers short queries through the LIKE fallback', async () => {
    const body = await search('pé');
    expect(body.results.map((result) => result.label)).toEqual(['Xã Đăk Pék']);
    expect(body.numberReturned).toBe(1);
  });

  it('honours limit and returns the query', async () => {
    const { status, type, body } = await getJson<SearchBody>(app, '/api/search?q=xa&limit=2');
    expect([status, type]).toEqual([200, 'application/json']);
    expect(body).toMatchObject({ query: 'xa', numberReturned: 2 });
  });

  it('keeps the response contract the web app relies on', () => {
    expectTypeOf<SearchResponse>().toEqualTypeOf<{
      query: string;
      numberReturned: number;
      results: { collection: string; id: number; label: string; detail: string | null; bbox: [number, number, number, number] }[];
    }>();
  });

  it('stores text as NFC even when given NFD', async () => {
    const { app: nfdApp } = await createTestApp({ admin_areas: collection([{ ...area('Đắk Tô'.normalize('NFD'), 'district', 'district'), id: 1 }]) });
    const { body } = await getJson<SearchBody>(nfdApp, '/api/search?q=dak to');
    expect(body.results[0].label).toBe('Đắk Tô'.normalize('NFC'));
  });
});
