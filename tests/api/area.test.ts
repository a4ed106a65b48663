import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { prepareArea } from '../../scripts/setup-area/prepare.ts';
import type { PublicArea } from '../../web/src/area/area-api.ts';
import { appTitle, hotlineNames } from '../../web/src/area/area-names.ts';
import { hotlineText } from '../../web/src/hotline/messages.ts';
import { planBodies, planRecipients, reportBodies, reportRecipients } from '../../web/src/print/document-bodies.ts';
import { placeAndDate } from '../../web/src/print/document-text.ts';
import { SHIPPED_AREA } from '../helpers/area-config.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';

const config = SHIPPED_AREA;

/** Every leaf of a JSON value as "path = value". */
function leaves(value: unknown, path = ''): string[] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  return [`${path} = ${JSON.stringify(value)}`];
}

/** The extent of a GeoJSON file as GDAL measures it, an independent reader: [west, south, east, north]. */
function extentOf(file: string): number[] {
  const line = execFileSync('ogrinfo', ['-so', '-al', file], { encoding: 'utf8' }).split('\n').find((row) => row.startsWith('Extent:'))!;
  return line.match(/-?\d+\.\d+/g)!.map(Number);
}

/** Bounds that hold `extent` whole and are at most 0.05° wider on each side. */
function expectAround(bounds: number[] | undefined, extent: number[]) {
  expect(bounds).toHaveLength(4);
  const [west, south, east, north] = bounds!;
  expect(west).toBeLessThanOrEqual(extent[0]);
  expect(south).toBeLessThanOrEqual(extent[1]);
  expect(east).toBeGreaterThanOrEqual(extent[2]);
  expect(north).toBeGreaterThanOrEqual(extent[3]);
  for (const [outer, inner] of [[west, extent[0]], [south, extent[1]], [east, extent[2]], [north, extent[3]]]) expect(Math.abs(outer - inner)).toBeLessThan(0.05);
}

describe('GET /api/area', () => {
  it('answers anyone, signed in or not, with the names and today’s organisations of data/kontum/area.json', async () => {
    const t = await createTestApp();
    const { status, body } = await getJson(t.as('public'), '/api/area');
    expect(status).toBe(200);
    const organisation = (key: keyof typeof config.organisations) => config.organisations[key];
    expect(body).toEqual({
      name: config.name, nameEn: config.nameEn,
      province: { name: config.province.name, nameEn: config.province.nameEn },
      place: config.place,
      organisations: { department: organisation('department'), police: organisation('police'), committee: organisation('committee') },
      attribution: config.attribution,
      bounds: expect.any(Array),
    });
    // Today's bodies, each with the name it had before the 2025 merger.
    expect(body).toMatchObject({ organisations: { department: { name: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', formerName: 'Sở Thông tin và Truyền thông tỉnh Kon Tum' } } });
    for (const caller of ['admin', 'police', 'viettel'] as const) expect((await getJson(t.as(caller), '/api/area')).body).toEqual(body);
  });

  it('leaks nothing else of the config: no file names, no town codes, no area code, no description', async () => {
    const t = await createTestApp();
    const response = await t.as('public').request('/api/area');
    const text = await response.text();
    const served = leaves(JSON.parse(text)).map((leaf) => leaf.split(' = ')[0]);
    const allowed = leaves(config).map((leaf) => leaf.split(' = ')[0]).filter((path) => /^(name|nameEn|place|province\.(name|nameEn)|organisations\.\w+\.\w+|attribution\.\w+)$/.test(path));
    // …and where its maps start, made from its communes (below).
    expect(served.filter((path) => !/^bounds\.[0-3]$/.test(path)).sort()).toEqual(allowed.sort());
    for (const secret of [...Object.values(config.files), config.towns.capital, ...config.towns.seats, config.description]) expect(text).not.toContain(String(secret));
    expect(text).not.toMatch(/"(code|files|towns|description)"/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });
});

describe('where the area’s maps start', () => {
  it('GET /api/area gives bounds holding every commune of the area, at most 0.05° wider on each side', async () => {
    const extent = extentOf(fileURLToPath(new URL('../../data/kontum/communes-2025.geojson', import.meta.url)));
    expectAround((await getJson<PublicArea>((await createTestApp()).as('public'), '/api/area')).body.bounds, extent);
  });
});

describe('a second area made by setup-area names itself everywhere', () => {
  // The communes of the former districts Ngọc Hồi (611) and Đắk Tô (612) from the shared real geodata, prepared as a
  // province of its own by the code `npm run setup-area` runs (its province defaults to its name).
  const shared = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/kontum/communes-2025.geojson', import.meta.url)), 'utf8')) as FeatureCollection;
  const boundaries: FeatureCollection = { ...shared, features: shared.features.filter((commune) => ['611', '612'].includes(String(commune.properties!.former_district_code))) };
  const { area } = prepareArea(boundaries, undefined, { name: 'Bắc Kon Tum', boundariesAttribution: 'Vietnamese Provinces Database (MIT)' });

  it('serves its names, and the app title, hotline and printed documents built from them name it, not Quảng Ngãi', async () => {
    const t = await createTestApp({}, { area });
    const served = (await getJson<PublicArea>(t.as('public'), '/api/area')).body;
    expect(served.name).toBe('Bắc Kon Tum');
    // Its maps start on its own two former districts, not on the whole former province.
    const file = join(mkdtempSync(join(tmpdir(), 'netguard-area-')), 'communes.geojson');
    writeFileSync(file, JSON.stringify(boundaries));
    expectAround(served.bounds, extentOf(file));

    expect(appTitle(served, 'vi')).toBe('NetGuard Bắc Kon Tum');
    expect(appTitle(served, 'en')).toBe('NetGuard Bac Kon Tum');
    expect(hotlineText('title', 'vi', hotlineNames(served, 'vi'))).toBe('Báo tin cho Công an tỉnh Bắc Kon Tum');
    expect(hotlineText('outside', 'vi', hotlineNames(served, 'vi'))).toBe('Nơi này nằm ngoài địa bàn Bắc Kon Tum.');
    expect(hotlineText('title', 'en', hotlineNames(served, 'en'))).toBe('Report to Bac Kon Tum Provincial Police');

    const report = reportBodies(served, 'vi');
    expect(report).toMatchObject({ parentBody: 'UBND TỈNH BẮC KON TUM', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', symbol: 'BC-SKHCN' });
    expect(placeAndDate(report.place, '2026-12-01', 'vi')).toBe('Bắc Kon Tum, ngày 01 tháng 12 năm 2026');
    expect(planBodies(served, 'vi')).toMatchObject({ parentBody: 'BỘ CÔNG AN', issuingBody: 'CÔNG AN TỈNH BẮC KON TUM', symbol: 'KH-CAT' });
    expect(reportRecipients(served, 'vi')).toContain('- UBND tỉnh Bắc Kon Tum (để báo cáo);');
    expect(planRecipients(served, 'vi')).toContain('- Sở Khoa học và Công nghệ tỉnh Bắc Kon Tum (để phối hợp);');
    const everything = JSON.stringify([report, planBodies(served, 'vi'), reportRecipients(served, 'vi'), planRecipients(served, 'vi'), reportBodies(served, 'en'), reportRecipients(served, 'en')]);
    expect(everything).not.toMatch(/Quảng Ngãi|Quang Ngai|QUẢNG NGÃI/);
  });
});
