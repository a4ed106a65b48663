import { booleanIntersects, booleanWithin, distance, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';

type Page = { features: Feature[]; numberMatched: number };
type Props = Record<string, unknown>;

/**
 * CQL2 filters (OGC API – Features Part 3) on the demo data, each against a brute force written here in plain
 * JavaScript (and turf for geometry), not through the store's translation.
 */
describe('CQL2 filter', async () => {
  const dataset: Record<string, FeatureCollection> = await demoDataset();
  const { app, as } = await createTestApp(dataset);
  const items = async (collection: string, query: Record<string, string>, client = app) => {
    const { status, body } = await getJson<Page>(client, `/api/collections/${collection}/items?${new URLSearchParams({ limit: '10000', ...query })}`);
    expect(status).toBe(200);
    return body;
  };
  const ids = async (collection: string, filter: string, extra: Record<string, string> = {}) => (await items(collection, { filter, ...extra })).features.map((feature) => Number(feature.id));
  const expected = (collection: string, keep: (properties: Props, feature: Feature) => boolean) =>
    dataset[collection].features.filter((feature) => keep(feature.properties ?? {}, feature)).map((feature) => Number(feature.id)).sort((a, b) => a - b);

  it.each<[string, string, string, (p: Props, f: Feature) => boolean]>([
    ['comparison >', 'cable_routes', 'fibre_count > 48', (p) => typeof p.fibre_count === 'number' && p.fibre_count > 48],
    ['comparison <> on text', 'cable_routes', "owner <> 'viettel'", (p) => p.owner !== 'viettel'],
    ['comparison <= on a real', 'cable_routes', 'length_m <= 1993.4', (p) => typeof p.length_m === 'number' && p.length_m <= 1993.4],
    ['IN', 'bts_sites', "owner IN ('vnpt', 'fpt')", (p) => p.owner === 'vnpt' || p.owner === 'fpt'],
    ['NOT IN', 'bts_sites', "owner NOT IN ('vnpt', 'fpt')", (p) => p.owner !== 'vnpt' && p.owner !== 'fpt'],
    ['LIKE (case-sensitive)', 'admin_areas', "name LIKE 'Đắk%'", (p) => String(p.name).startsWith('Đắk')],
    ['LIKE with _', 'bts_sites', "site_code LIKE 'KTM-F_T-%1'", (p) => /^KTM-F.T-.*1$/.test(String(p.site_code))],
    ['CASEI LIKE folds Vietnamese capitals', 'admin_areas', "CASEI(name) LIKE CASEI('%ĐẮK%')", (p) => String(p.name).toLowerCase().includes('đắk')],
    ['ILIKE (GDAL)', 'admin_areas', "name ILIKE '%kon tum%'", (p) => String(p.name).toLowerCase().includes('kon tum')],
    ['BETWEEN', 'cable_routes', 'year_installed BETWEEN 2010 AND 2015', (p) => typeof p.year_installed === 'number' && p.year_installed >= 2010 && p.year_installed <= 2015],
    ['IS NULL', 'incidents', 'asset_owner IS NULL', (p) => p.asset_owner === null || p.asset_owner === undefined],
    ['IS NOT NULL', 'incidents', 'asset_owner IS NOT NULL', (p) => p.asset_owner !== null && p.asset_owner !== undefined],
    ['a list holds a value', 'bts_sites', "technologies = '5G'", (p) => (p.technologies as string[]).includes('5G')],
    ['boolean', 'bts_sites', 'alarm_equipped = true', (p) => p.alarm_equipped === true],
    ['AND / OR / NOT', 'cable_routes', "(owner = 'viettel' OR owner = 'vnpt') AND NOT (tier = 'access')", (p) => (p.owner === 'viettel' || p.owner === 'vnpt') && p.tier !== 'access'],
    ['id', 'facilities', 'id < 5', (_, f) => Number(f.id) < 5],
    ['T_AFTER', 'incidents', "T_AFTER(occurred_at, TIMESTAMP('2026-06-01T00:00:00Z'))", (p) => Date.parse(String(p.occurred_at)) > Date.parse('2026-06-01T00:00:00Z')],
    ['T_BEFORE with a date', 'incidents', "T_BEFORE(occurred_at, DATE('2024-03-01'))", (p) => Date.parse(String(p.occurred_at)) < Date.parse('2024-03-01T00:00:00Z')],
    ['T_DURING an interval', 'incidents', "T_DURING(occurred_at, INTERVAL('2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z'))", (p) => { const t = Date.parse(String(p.occurred_at)); return t > Date.parse('2025-01-01T00:00:00Z') && t < Date.parse('2025-02-01T00:00:00Z'); }],
    ['T_INTERSECTS an open interval', 'incidents', "T_INTERSECTS(occurred_at, INTERVAL('2026-10-01', '..'))", (p) => Date.parse(String(p.occurred_at)) >= Date.parse('2026-10-01T00:00:00Z')],
    ['a date-time that is not the temporal property', 'incidents', "reported_at >= TIMESTAMP('2026-09-01T00:00:00+07:00')", (p) => Date.parse(String(p.reported_at)) >= Date.parse('2026-09-01T00:00:00+07:00')],
  ])('%s: %s %s', async (_, collection, filter, keep) => {
    const want = expected(collection, keep);
    expect(want.length).toBeGreaterThan(0);
    expect(await ids(collection, filter)).toEqual(want);
  });

  it('counts what it filters: numberMatched is the number of matches, paging goes through them', async () => {
    const filter = "owner = 'viettel' AND tier <> 'backbone'";
    const want = expected('cable_routes', (p) => p.owner === 'viettel' && p.tier !== 'backbone');
    const page = await items('cable_routes', { filter, limit: '7', offset: '3' });
    expect(page.numberMatched).toBe(want.length);
    expect(page.features.map((feature) => feature.id)).toEqual(want.slice(3, 10));
  });

  it('CQL2 JSON gives the same answer as the same filter in text', async () => {
    const json = { op: 'and', args: [{ op: 'in', args: [{ property: 'owner' }, ['viettel', 'mobifone']] }, { op: '>=', args: [{ property: 'fibre_count' }, 24] }] };
    const text = await ids('cable_routes', "owner IN ('viettel', 'mobifone') AND fibre_count >= 24");
    expect(await ids('cable_routes', JSON.stringify(json), { 'filter-lang': 'cql2-json' })).toEqual(text);
    expect(text.length).toBeGreaterThan(0);
  });

  it('accepts GDAL 3.6’s older filter-lang name cql-text', async () => {
    expect(await ids('bts_sites', "owner = 'fpt'", { 'filter-lang': 'cql-text' })).toEqual(expected('bts_sites', (p) => p.owner === 'fpt'));
  });

  it('a value outside a property’s vocabulary matches nothing (200, no 400), in a filter and as a query parameter', async () => {
    expect((await items('bts_sites', { filter: "owner = 'Viettel'" })).numberMatched).toBe(0);
    expect((await items('bts_sites', { owner: 'Viettel' })).numberMatched).toBe(0);
  });

  it('binds values: a quote in a literal is text, not SQL', async () => {
    expect((await items('cable_routes', { filter: "name = 'x'' OR 1=1 --'" })).numberMatched).toBe(0);
    expect((await items('cable_routes', { filter: "name LIKE '%'' OR ''1''=''1'" })).numberMatched).toBe(0);
  });

  describe('spatial predicates against turf', () => {
    const zone: Polygon = { type: 'Polygon', coordinates: [[[107.95, 14.3], [108.05, 14.32], [108.08, 14.42], [107.97, 14.45], [107.95, 14.3]]] };
    const wkt = `POLYGON((${zone.coordinates[0].map(([x, y]) => `${x} ${y}`).join(', ')}))`;
    const route: LineString = { type: 'LineString', coordinates: [[107.9, 14.35], [108.0, 14.36], [108.1, 14.4]] };

    it('S_INTERSECTS a polygon: lines and polygons by their geometry', async () => {
      for (const collection of ['cable_routes', 'admin_areas', 'bts_sites']) {
        const want = expected(collection, (_, f) => booleanIntersects(f, zone));
        expect(want.length).toBeGreaterThan(0);
        expect(await ids(collection, `S_INTERSECTS(geometry, ${wkt})`)).toEqual(want);
      }
    });

    it('S_WITHIN a polygon', async () => {
      const box: Polygon = { type: 'Polygon', coordinates: [[[107.7, 14.2], [108.3, 14.2], [108.3, 14.8], [107.7, 14.8], [107.7, 14.2]]] };
      for (const collection of ['cable_routes', 'bts_sites']) {
        const want = expected(collection, (_, f) => booleanWithin(f, box));
        expect(want.length).toBeGreaterThan(0);
        expect(await ids(collection, 'S_WITHIN(geometry, BBOX(107.7, 14.2, 108.3, 14.8))')).toEqual(want);
      }
    });

    it('S_DWITHIN a line, in metres', async () => {
      const want = expected('bts_sites', (_, f) => pointToLineDistance(f.geometry as Point, route, { units: 'meters' }) <= 800);
      expect(want.length).toBeGreaterThan(0);
      expect(await ids('bts_sites', `S_DWITHIN(geometry, LINESTRING(${route.coordinates.map(([x, y]) => `${x} ${y}`).join(', ')}), 800)`)).toEqual(want);
    });

    it('S_DWITHIN a point, in metres', async () => {
      const centre = [108.0, 14.35];
      const want = expected('facilities', (_, f) => distance(f.geometry as Point, centre, { units: 'meters' }) <= 3000);
      expect(want.length).toBeGreaterThan(0);
      expect(await ids('facilities', 'S_DWITHIN(geometry, POINT(108 14.35), 3000)')).toEqual(want);
    });

    it('takes filter geometries in filter-crs: VN-2000 / TM-3 Kon Tum (EPSG:9216)', async () => {
      const crs = 'http://www.opengis.net/def/crs/EPSG/0/9216';
      const inWgs84 = await ids('admin_areas', `S_INTERSECTS(geometry, ${wkt})`);
      // The same polygon's corners projected to VN-2000 by PROJ's cs2cs are checked in server/geometry/crs.test.ts;
      // here the API reprojects our own projection of them back, which must select the same areas.
      const { crsFromUri } = await import('../../server/geometry/crs.ts');
      const vn = crsFromUri(crs)!;
      const projected = `POLYGON((${zone.coordinates[0].map((p) => vn.fromWgs84(p).join(' ')).join(', ')}))`;
      expect(await ids('admin_areas', `S_INTERSECTS(geometry, ${projected})`, { 'filter-crs': crs })).toEqual(inWgs84);
    });
  });

  it('sortby orders by properties before paging, ties by id', async () => {
    const page = await items('cable_routes', { sortby: '-year_installed,owner', limit: '10000' });
    const rows = page.features.map((feature) => feature.properties as Props);
    const years = rows.map((p) => p.year_installed).filter((year) => year !== null) as number[];
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const want = dataset.cable_routes.features.map((f) => f.properties as Props & { id?: number }).length;
    expect(page.numberMatched).toBe(want);
    const first = (await items('cable_routes', { sortby: '-year_installed,owner', limit: '1' })).features[0];
    expect(first.id).toBe(page.features[0].id);
  });

  it('properties and skipGeometry trim what is returned', async () => {
    const page = await items('bts_sites', { properties: 'owner,status', skipGeometry: 'true', limit: '3' });
    for (const feature of page.features) {
      expect(Object.keys(feature.properties ?? {})).toEqual(['owner', 'status']);
      expect(feature.geometry).toBeNull();
    }
  });

  it('a carrier cannot learn another carrier’s hidden property by filtering or sorting on it', async () => {
    const viettel = as('viettel');
    const filtered = await items('bts_sites', { filter: "tower_type = 'guyed'" }, viettel);
    expect(filtered.features.every((feature) => (feature.properties as Props).owner === 'viettel')).toBe(true);
    expect(filtered.numberMatched).toBe(expected('bts_sites', (p) => p.owner === 'viettel' && p.tower_type === 'guyed').length);
    const sorted = await items('bts_sites', { sortby: 'tower_height_m' }, viettel);
    expect(sorted.features.every((feature) => (feature.properties as Props).owner === 'viettel')).toBe(true);
  });
});
