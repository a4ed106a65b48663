import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tileOfPosition } from '../../server/geometry/web-mercator.ts';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { decodeLayer } from '../helpers/mvt.ts';
import { describePostgres } from '../helpers/postgres.ts';
import { createTestApp, sendJson, type TestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);

describePostgres('vector tiles of a PostgreSQL-backed app (ST_AsMVT)', () => {
  let t: TestApp;
  const folder = mkdtempSync(join(tmpdir(), 'netguard-mvt-'));
  beforeAll(async () => {
    t = await createTestApp(EDITING_DATASET, { storage: 'postgres' });
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const path = (collection: string, z: number, lon: number, lat: number) => {
    const [x, y] = tileOfPosition(lon, lat, z);
    return { url: `/api/collections/${collection}/tiles/WebMercatorQuad/${z}/${y}/${x}`, z, x, y };
  };

  it('drops a cached tile when an edit through the API touches it, and keeps the others', async () => {
    const near = path('bts_sites', 14, 108.005, 14.355), far = path('bts_sites', 14, 108.205, 14.555);
    const before = await t.as('admin').request(near.url);
    const farBefore = await t.as('admin').request(far.url);
    const [etag, farEtag] = [before.headers.get('etag')!, farBefore.headers.get('etag')!];
    expect((await t.as('admin').request(near.url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await sendJson(t.as('viettel'), 'PATCH', '/api/collections/bts_sites/items/1', { properties: { status: 'retired' } })).status).toBe(200);
    const after = await t.as('admin').request(near.url, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(decodeLayer(new Uint8Array(await after.arrayBuffer()), 'bts_sites').find((feature) => feature.id === 1)!.properties.status).toBe('retired');
    expect((await t.as('admin').request(far.url, { headers: { 'If-None-Match': farEtag } })).status).toBe(304);
  });

  it('serves tiles GDAL’s MVT driver reads: the layer, its features, their ids and properties', async () => {
    const tile = path('bts_sites', 14, 108.005, 14.355);
    const response = await t.as('police').request(tile.url);
    // The driver georeferences a single tile from its z/x/y path.
    mkdirSync(join(folder, String(tile.z), String(tile.x)), { recursive: true });
    const file = join(folder, String(tile.z), String(tile.x), `${tile.y}.pbf`);
    writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
    const { stdout } = await run('ogrinfo', ['-ro', '-al', `MVT:${file}`], { encoding: 'utf8' });
    expect(stdout).toContain('Layer name: bts_sites');
    expect(stdout).toMatch(/Feature Count: 2/);
    expect(stdout).toMatch(/site_code \(String\) = VTL-KTM-001/);
    expect(stdout).toMatch(/mvt_id \(Integer64\) = 1\b/);
    // Where GDAL puts it (EPSG:3857, from the tile's own grid) is where it was stored, within a tile unit (~2.4 m at z14).
    const [, x, y] = /mvt_id \(Integer64\) = 1\b[\s\S]*?POINT \(([-\d.]+) ([-\d.]+)\)/.exec(stdout)!;
    const radius = 6378137, radians = Math.PI / 180;
    expect(Math.abs(Number(x) - radius * 108.005 * radians)).toBeLessThan(2.4);
    expect(Math.abs(Number(y) - radius * Math.log(Math.tan(Math.PI / 4 + (14.355 * radians) / 2)))).toBeLessThan(2.4);
  });
});
