import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';

/** GDAL's GeoPackage validator, from Debian's python3-gdal (installed by .ci/run). */
const VALIDATE_GPKG = '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py';

type Collection = { features: { id: number; geometry: { coordinates: unknown }; properties: Record<string, unknown> }[] };

describe('exports', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-11-28T08:00:00Z') });
  const directory = mkdtempSync(join(tmpdir(), 'netguard-export-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const download = async (caller: 'police' | 'viettel' | 'ubnd', path: string) => t.as(caller).request(path);

  it('GeoJSON keeps every matching feature, geometry and attribute, filtered like items', async () => {
    const response = await download('police', '/api/collections/bts_sites/export?format=geojson&owner=vnpt');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="bts_sites-2026-11-28.geojson"');
    const exported = (await response.json()) as Collection;
    const items = (await getJson<Collection>(t.as('police'), '/api/collections/bts_sites/items?owner=vnpt')).body;
    expect(exported.features.map((feature) => [feature.id, feature.geometry, feature.properties])).toEqual(items.features.map((feature) => [feature.id, feature.geometry, feature.properties]));
  });

  it('KML round-trips geometry and attributes through a standard reader', async () => {
    const text = await (await download('police', '/api/collections/bts_sites/export?format=kml')).text();
    const back = kml(new DOMParser().parseFromString(text, 'text/xml') as unknown as Document);
    expect(back.features).toHaveLength(4);
    const first = back.features.find((feature) => feature.properties?.site_code === 'VTL-KTM-001')!;
    expect(first.geometry).toEqual({ type: 'Point', coordinates: [108.005, 14.355] });
    expect(first.properties).toMatchObject({ name: 'VTL-KTM-001', owner: 'viettel', technologies: '4G', status: 'active' });
  });

  it('CSV opens in Excel as UTF-8 (BOM) with WKT geometry and NFC Vietnamese text', async () => {
    const bytes = Buffer.from(await (await download('police', '/api/collections/key_targets/export?format=csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, first] = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['id', 'wkt', 'name', 'category']);
    expect(first).toContain('"POLYGON ((108 14.35, 108.02 14.35');
    expect(first).toContain('Trạm trung chuyển Kon Tum'.normalize('NFC'));
  });

  it('writes a GeoPackage that GDAL opens with the right count and attributes', async () => {
    const bytes = Buffer.from(await (await download('police', '/api/collections/bts_sites/export?format=gpkg')).arrayBuffer());
    const file = join(directory, 'bts.gpkg');
    writeFileSync(file, bytes);
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
    expect(info).toContain('Layer name: bts_sites');
    expect(info).toContain('Feature Count: 4');
    expect(info).toMatch(/site_code: String/);
    expect(info).toMatch(/tower_height_m: Real/);
    const dump = execFileSync('ogrinfo', ['-ro', '-al', file, '-where', "site_code = 'VNP-KTM-003'"], { encoding: 'utf8' });
    expect(dump).toContain('POINT (108.105 14.455)');
  });

  it('a carrier never gets another carrier’s hidden attributes or out-of-scope incidents, and exports are audited', async () => {
    const sites = (await (await download('viettel', '/api/collections/bts_sites/export?format=geojson')).json()) as Collection;
    expect(sites.features.find((feature) => feature.id === 3)!.properties).toEqual({ owner: 'vnpt', status: 'active' });
    const csv = await (await download('viettel', '/api/collections/bts_sites/export?format=csv')).text();
    expect(csv).not.toContain('VNP-KTM-003');
    const incidents = (await (await download('viettel', '/api/collections/incidents/export?format=geojson')).json()) as Collection;
    expect(incidents.features.map((feature) => feature.id)).toEqual([100]);
    expect((await download('ubnd', '/api/collections/incidents/export?format=csv')).status).toBe(403);
    const { body } = await getJson<{ records: { actor: string; details: { format: string } }[] }>(t.app, '/api/audit?action=export&actor=viettel');
    expect(body.records.map((record) => record.details.format)).toEqual(['geojson', 'csv', 'geojson']);
  });

  it('KML leaves a missing value out instead of writing the text "null"', async () => {
    const exported = (await (await download('police', '/api/collections/bts_sites/export?format=geojson')).json()) as Collection;
    expect(exported.features.some((feature) => Object.values(feature.properties).includes(null))).toBe(true);
    const text = await (await download('police', '/api/collections/bts_sites/export?format=kml')).text();
    expect(text).not.toMatch(/<value>null<\/value>/);
  });

  it.each(['bts_sites', 'cable_routes', 'key_targets', 'incidents'])('a GeoPackage of %s passes GDAL’s validate_gpkg.py, with an R-tree and its exact geometry type', async (collectionId) => {
    const file = join(directory, `${collectionId}.gpkg`);
    writeFileSync(file, Buffer.from(await (await download('police', `/api/collections/${collectionId}/export?format=gpkg`)).arrayBuffer()));
    execFileSync('/usr/bin/python3', [VALIDATE_GPKG, file], { encoding: 'utf8' });
    const info = execFileSync('ogrinfo', ['-ro', '-so', file, collectionId], { encoding: 'utf8' });
    const types = new Set(((await (await download('police', `/api/collections/${collectionId}/export?format=geojson`)).json()) as { features: { geometry: { type: string } }[] }).features.map((f) => f.geometry.type));
    // One type is declared as it is; single and multi parts together are declared multi; nothing at all is any type.
    const declared = [...types].find((type) => type.startsWith('Multi')) ?? [...types][0];
    const names: Record<string, string> = { Point: 'Point', LineString: 'Line String', Polygon: 'Polygon', MultiLineString: 'Multi Line String', MultiPolygon: 'Multi Polygon' };
    const expected = declared ? names[declared] : 'Unknown (any)';
    expect(info).toContain(`Geometry: ${expected}`);
    const rtree = execFileSync('ogrinfo', ['-ro', '-q', file, '-sql', `SELECT count(*) AS n FROM rtree_${collectionId}_geom`], { encoding: 'utf8' });
    expect(rtree).toMatch(new RegExp(`n \\(Integer\\) = ${info.match(/Feature Count: (\d+)/)![1]}`));
  });

  it('exports in VN-2000 / TM-3 Kon Tum (EPSG:9216): GDAL reads the CRS and reprojects back to the WGS 84 original', async () => {
    const wgs84 = (await (await download('police', '/api/collections/bts_sites/export?format=geojson')).json()) as Collection;
    for (const format of ['gpkg', 'geojson']) {
      const file = join(directory, `vn2000.${format}`);
      writeFileSync(file, Buffer.from(await (await download('police', `/api/collections/bts_sites/export?format=${format}&crs=EPSG:9216`)).arrayBuffer()));
      if (format === 'gpkg') execFileSync('/usr/bin/python3', [VALIDATE_GPKG, file]);
      expect(execFileSync('ogrinfo', ['-ro', '-so', '-al', file], { encoding: 'utf8' })).toContain('VN-2000 / TM-3 107-30');
      const back = join(directory, `back-${format}.geojson`);
      execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=10', back, file]);
      const read = JSON.parse(readFileSync(back, 'utf8')) as { features: { geometry: { coordinates: number[] } }[] };
      read.features.forEach((feature, index) => {
        const original = wgs84.features[index].geometry.coordinates as number[];
        expect(Math.abs(feature.geometry.coordinates[0] - original[0]) + Math.abs(feature.geometry.coordinates[1] - original[1])).toBeLessThan(1e-7);
      });
    }
    const csv = await (await download('police', '/api/collections/bts_sites/export?format=csv&crs=EPSG:9216')).text();
    expect(csv).toMatch(/"?POINT \(5\d{5}\.\d+ 1\d{6}\.\d+\)/);
    expect((await download('police', '/api/collections/bts_sites/export?format=kml&crs=EPSG:9216')).status).toBe(400);
  });

  it('refuses an unknown format and paging parameters', async () => {
    expect((await download('police', '/api/collections/bts_sites/export?format=shp')).status).toBe(400);
    expect((await download('police', '/api/collections/bts_sites/export?format=csv&limit=5')).status).toBe(400);
    expect((await download('police', '/api/collections/nothing/export?format=csv')).status).toBe(404);
  });
});
