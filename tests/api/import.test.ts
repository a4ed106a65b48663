import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, type Client } from '../helpers/test-app.ts';

type Answer = { imported?: number; ids?: number[]; valid?: boolean; error?: { code: string; details: { problems: { index?: number; row?: number; path: string; message: string }[] } } };

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
async function upload(client: Client, collection: string, format: string, body: string, dryRun = false): Promise<{ status: number; body: Answer }> {
  const response = await client.request(`/api/imports/${collection}?format=${format}${dryRun ? '&dryRun=true' : ''}`, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' } });
  return { status: response.status, body: (await response.json()) as Answer };
}
const goodSite = (index: number) => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [108.0 + index / 100, 14.3 + index / 200] },
  properties: { site_code: `VTL-IMP-${index}`, owner: 'viettel', technologies: ['4G'], status: 'planned' },
});

describe('bulk import', async () => {
  const t = await createTestApp(EDITING_DATASET);
  const sites = async () => (await t.features.counts()).bts_sites;

  it('stores nothing from a file with one bad feature among twenty good ones, and names the bad one', async () => {
    const features = Array.from({ length: 21 }, (_, index) => goodSite(index));
    features[13] = { ...goodSite(13), geometry: { type: 'Point', coordinates: [106.7, 10.8] } };
    const before = await sites();
    const answer = await upload(t.as('viettel'), 'bts_sites', 'geojson', JSON.stringify({ type: 'FeatureCollection', features }));
    expect(answer.status).toBe(422);
    expect(answer.body.error?.details.problems).toEqual([expect.objectContaining({ index: 13, path: 'features[13].geometry' })]);
    expect(await sites()).toBe(before);
  });

  it('imports a clean GeoJSON file in one go after a dry run that stores nothing', async () => {
    const file = JSON.stringify({ type: 'FeatureCollection', features: [goodSite(30), goodSite(31)] });
    const before = await sites();
    expect((await upload(t.as('viettel'), 'bts_sites', 'geojson', file, true)).body.valid).toBe(true);
    expect(await sites()).toBe(before);
    const answer = await upload(t.as('viettel'), 'bts_sites', 'geojson', file);
    expect(answer.status).toBe(201);
    expect(answer.body.imported).toBe(2);
    expect(await sites()).toBe(before + 2);
  });

  it('reads KML placemarks with their extended data, Vietnamese decimals and yes/no words', async () => {
    const answer = await upload(t.as('vnpt'), 'bts_sites', 'kml', fixture('sites.kml'));
    expect(answer.status).toBe(201);
    const first = (await t.features.get('bts_sites', answer.body.ids![0]))!;
    expect(first.geometry).toEqual({ type: 'Point', coordinates: [108.105, 14.455] });
    expect(first.properties).toMatchObject({ site_code: 'VNP-DH-01', technologies: ['4G', '5G'], tower_height_m: 42.5, alarm_equipped: true });
  });

  it('reads a semicolon CSV with a BOM, decimal commas and list columns', async () => {
    const answer = await upload(t.as('vnpt'), 'bts_sites', 'csv', fixture('sites.csv'));
    expect(answer.status).toBe(201);
    const [a, b] = await Promise.all(answer.body.ids!.map(async (id) => (await t.features.get('bts_sites', id))!));
    expect(a.geometry).toEqual({ type: 'Point', coordinates: [108.2, 14.4] });
    expect(a.properties.technologies).toEqual(['4G', '5G']);
    expect(b.properties).toMatchObject({ site_code: 'VNP-CSV-02', status: 'planned', tower_type: null });
  });

  it('names CSV rows by line number, and duplicates within the file and against the store', async () => {
    const csv = 'site_code,owner,technologies,status,lat,lon\nVNP-D-1,vnpt,4G,active,14.4,108.2\nVNP-D-1,vnpt,4G,active,14.41,108.2\nVNP-KTM-003,vnpt,4G,active,14.42,108.2\nVNP-D-4,vnpt,4G,active,not-a-number,108.2\n';
    const answer = await upload(t.as('vnpt'), 'bts_sites', 'csv', csv);
    expect(answer.status).toBe(422);
    const rows = answer.body.error!.details.problems.map((problem) => [problem.row, problem.path]);
    expect(rows).toEqual(expect.arrayContaining([[3, 'properties.site_code'], [5, 'geometry.coordinates']]));
  });

  it('a truncated or malformed KML answers 422 naming the parser’s line and column, and stores nothing', async () => {
    const kml = fixture('sites.kml');
    const before = await sites();
    for (const body of [kml.slice(0, Math.floor(kml.length / 2)), kml.replace('</name>', '</nam>'), '<kml>\n<Placemark><name>x&y</name></Placemark></kml>']) {
      const answer = await upload(t.as('viettel'), 'bts_sites', 'kml', body);
      expect(answer.status).toBe(422);
      const problem = answer.body.error?.details.problems[0] as unknown as { message: string; line: number; column: number };
      expect(problem.message).toMatch(/^not KML: .*\(line \d+, column \d+\)$/);
      expect(problem.line).toBeGreaterThan(0);
      expect(problem.column).toBeGreaterThan(0);
    }
    expect(await sites()).toBe(before);
  });

  it('reads cable routes from CSV with a WKT column, as the CSV export writes them', async () => {
    const csv = 'id,wkt,name,owner,medium,laying,tier,status\r\n7,"LINESTRING (108 14.3, 108.01 14.31)",Tuyến WKT,viettel,fibre,aerial,access,planned\r\n';
    const answer = await upload(t.as('viettel'), 'cable_routes', 'csv', csv);
    expect(answer.status).toBe(201);
    const stored = (await t.features.get('cable_routes', answer.body.ids![0]))!;
    expect(stored.geometry).toEqual({ type: 'LineString', coordinates: [[108, 14.3], [108.01, 14.31]] });
    expect(stored.properties.name).toBe('Tuyến WKT');
    const broken = await upload(t.as('viettel'), 'cable_routes', 'csv', csv.replace('LINESTRING (108 14.3, 108.01 14.31)', 'LINESTRING (108 14.3'));
    expect(broken.status).toBe(422);
    expect(broken.body.error?.details.problems[0]).toMatchObject({ row: 2, path: 'wkt' });
  });

  it('refuses a carrier importing another carrier’s assets', async () => {
    const answer = await upload(t.as('viettel'), 'bts_sites', 'kml', fixture('sites.kml'));
    expect(answer.status).toBe(422);
    expect(answer.body.error!.details.problems[0].path).toBe('features[0].properties.owner');
  });

  it('refuses unknown formats, non-asset collections and files over 10 MB', async () => {
    expect((await upload(t.as('viettel'), 'bts_sites', 'shp', '')).status).toBe(400);
    expect((await upload(t.app, 'incidents', 'geojson', '{}')).status).toBe(403);
    expect((await upload(t.as('viettel'), 'bts_sites', 'geojson', 'x'.repeat(10 * 1024 * 1024 + 1))).status).toBe(413);
    expect((await upload(t.as('police'), 'bts_sites', 'geojson', '{}')).status).toBe(403);
  });

  it('offers a template per collection, GeoJSON for all and CSV for points, each of which checks clean as it is', async () => {
    for (const collection of ['cable_routes', 'bts_sites', 'facilities']) {
      const geojson = await t.as('viettel').request(`/api/imports/${collection}/template?format=geojson`);
      expect(geojson.headers.get('content-type')).toBe('application/geo+json');
      const text = await geojson.text();
      expect(JSON.parse(text).features[0].properties.owner).toBe('viettel');
      const checked = await upload(t.as('viettel'), collection, 'geojson', text, true);
      expect(checked.status, collection).toBe(200);
      expect(checked.body.valid, collection).toBe(true);
    }
    for (const collection of ['bts_sites', 'facilities']) {
      const csv = await (await t.as('vnpt').request(`/api/imports/${collection}/template?format=csv`)).text();
      expect(csv.split('\r\n')[0].replace(/^\uFEFF/, '').startsWith('lat,lon,')).toBe(true);
      const checked = await upload(t.as('vnpt'), collection, 'csv', csv, true);
      expect(checked.status, collection).toBe(200);
    }
    expect((await t.as('viettel').request('/api/imports/cable_routes/template?format=csv')).status).toBe(400);
    expect((await t.as('dic').request('/api/imports/bts_sites/template')).status).toBe(403);
  });

  it('a check returns the features it would store (for the map preview), and the import then says how many it stored', async () => {
    const file = JSON.stringify({ type: 'FeatureCollection', features: [goodSite(32), goodSite(33), goodSite(34)] });
    const checked = await upload(t.as('viettel'), 'bts_sites', 'geojson', file, true);
    expect((checked.body as { count?: number; features?: { properties: { site_code: string } }[] }).features?.map((feature) => feature.properties.site_code)).toEqual(['VTL-IMP-32', 'VTL-IMP-33', 'VTL-IMP-34']);
    const before = await sites();
    const imported = await upload(t.as('viettel'), 'bts_sites', 'geojson', file);
    expect(imported.body.imported).toBe((await sites()) - before);
    expect(imported.body.imported).toBe(3);
  });
});
