import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { booleanPointInPolygon, bboxPolygon, bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { prepareArea } from '../../scripts/setup-area/prepare.ts';
import { SHIPPED_AREA } from '../helpers/area-config.ts';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestApp, getJson, sendJson, type TestApp } from '../helpers/test-app.ts';

/** The real communes of 2025 the shipped area is made of (data/kontum), read without the server's code. */
const COMMUNES = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/kontum/communes-2025.geojson', import.meta.url)), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const PREFIX: Record<string, string> = { ward: 'Phường', commune: 'Xã' };

/** What the server says about the area it serves, in every text that names it. */
async function areaTexts(t: TestApp, outside: [number, number]) {
  const landing = (await getJson<{ description: string }>(t.app, '/api')).body.description;
  const openapi = (await getJson<{ info: { description: string } }>(t.app, '/api/api')).body.info.description;
  const refused = await sendJson<{ error: { message: string } }>(t.as('public'), 'POST', '/api/hotline/reports', {
    lon: outside[0], lat: outside[1], seenAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Thấy người lạ cắt cáp',
  });
  expect(refused.status).toBe(400);
  const geojson = JSON.parse(await (await t.as('viettel').request('/api/imports/facilities/template?format=geojson')).text()) as FeatureCollection;
  // Read with csv-parse, an independent RFC 4180 reader (the address holds a comma, so it is quoted).
  const [row] = parse(await (await t.as('viettel').request('/api/imports/facilities/template?format=csv')).text(), { bom: true, columns: true }) as Record<string, string>[];
  const cell = (name: string) => row[name];
  return {
    landing, openapi, hotline: refused.body.error.message,
    template: { feature: geojson.features[0], csv: { lon: Number(cell('lon')), lat: Number(cell('lat')), address: cell('address') } },
  };
}

const communeHolding = (communes: Feature<Polygon | MultiPolygon>[], point: number[]) => communes.find((commune) => booleanPointInPolygon(point, commune));

describe('the server names the area it serves, from area.json', () => {
  it('the shipped area: the former Kon Tum inside Quảng Ngãi province, never "Kon Tum province"; the template’s example lies in its capital ward', async () => {
    const t = await createTestApp(await demoDataset());
    const texts = await areaTexts(t, [108.8, 15.12]);
    const province = `${SHIPPED_AREA.province.nameEn} province`;
    for (const text of [texts.landing, texts.openapi, texts.hotline]) {
      expect(text).toContain(province);
      expect(text).toContain(SHIPPED_AREA.nameEn);
      expect(text).not.toMatch(/Kon Tum province/i);
    }
    expect(texts.hotline).toBe(`the place is outside the ${SHIPPED_AREA.nameEn} area of ${province}`);

    const capital = COMMUNES.features.find((commune) => commune.properties!.code === SHIPPED_AREA.towns.capital)!;
    const address = `${PREFIX[capital.properties!.type]} ${capital.properties!.name_vi}, tỉnh ${SHIPPED_AREA.province.name}`.normalize('NFC');
    expect(address).toBe('Phường Kon Tum, tỉnh Quảng Ngãi');
    const { feature, csv } = texts.template;
    expect(feature.properties!.address).toBe(address);
    expect(csv.address).toBe(address);
    expect(booleanPointInPolygon(feature.geometry as never, capital)).toBe(true);
    expect(booleanPointInPolygon([csv.lon, csv.lat], capital)).toBe(true);
  });

  it('another area made by setup-area (two former districts, placed in Gia Lai): every text names it and its province, none Quảng Ngãi', async () => {
    const boundaries: FeatureCollection<Polygon | MultiPolygon> = { ...COMMUNES, features: COMMUNES.features.filter((commune) => ['611', '612'].includes(String(commune.properties!.former_district_code))) };
    const { area } = prepareArea(boundaries, undefined, { name: 'Bắc Kon Tum', province: 'Gia Lai', boundariesAttribution: 'Vietnamese Provinces Database (MIT)' });
    const communes = boundaries.features.map((commune, index) => ({
      type: 'Feature' as const, id: index + 2, geometry: commune.geometry,
      properties: { level: 'commune', code: commune.properties!.code, name: commune.properties!.name_vi, unit_type: commune.properties!.type },
    }));
    // The area's outline for the inside-the-area check: the box around its communes.
    const outline = { ...bboxPolygon(turfBbox(boundaries)), id: 1, properties: { level: 'province', code: area.code, name: area.name } };
    const t = await createTestApp({ admin_areas: { type: 'FeatureCollection', features: [outline, ...communes] } }, { area });
    // Kon Tum city: inside the shipped area, outside this one.
    const texts = await areaTexts(t, [108.0, 14.35]);
    for (const text of [texts.landing, texts.openapi, texts.hotline]) {
      expect(text).toContain('the Bac Kon Tum area of Gia Lai province');
      expect(text).not.toMatch(/Quang Ngai|Quảng Ngãi/);
    }
    const { feature, csv } = texts.template;
    const holding = communeHolding(boundaries.features, (feature.geometry as { coordinates: number[] }).coordinates)!;
    expect(holding).toBeDefined();
    expect(feature.properties!.address).toBe(`${PREFIX[holding.properties!.type]} ${holding.properties!.name_vi}, tỉnh Gia Lai`.normalize('NFC'));
    expect(communeHolding(boundaries.features, [csv.lon, csv.lat])).toBe(holding);
    expect(JSON.stringify(texts)).not.toMatch(/Quảng Ngãi|Quang Ngai/);
  });
});
