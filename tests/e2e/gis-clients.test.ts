import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../server/collections/registry.ts';
import { freePort, issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { launchChromium } from '../helpers/browser.ts';

let server: RunningServer;
let token: string;

const run = promisify(execFile);

/**
 * GDAL's own OGC API – Features client (Debian's gdal-bin, installed by .ci/run), reading the real server with an
 * API token, as a GIS analyst's QGIS or ogr2ogr would. Run without blocking the test's event loop: blocked for longer
 * than the server's keep-alive timeout, the test's next fetch reused a connection the server had already closed.
 */
async function ogrinfo(...args: string[]): Promise<string> {
  return (await run('ogrinfo', ['-ro', '--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${token}`, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })).stdout;
}

const count = async (id: string, bearer: string) =>
  ((await (await fetch(`${server.url}/api/collections/${id}/items?limit=1`, { headers: { Authorization: `Bearer ${bearer}` } })).json()) as { numberMatched: number }).numberMatched;

/** A third-party web map's origin, allowed by the server's NETGUARD_CORS_ORIGINS (the MapLibre test below). */
let pagePort: number;

beforeAll(async () => {
  pagePort = await freePort();
  server = await startServer({ env: { NETGUARD_CORS_ORIGINS: `http://127.0.0.1:${pagePort}` } });
  token = (await issueToken(server.url, 'police')).token;
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('GDAL reads NetGuard through its OAPIF driver', { timeout: 120_000 }, () => {
  it('lists every collection with its geometry type', async () => {
    const listing = await ogrinfo('-q', `OAPIF:${server.url}/api`);
    for (const collection of COLLECTIONS) expect(listing).toContain(`${collection.id} (title: ${collection.title})`);
    expect(listing).toContain('patrol_plans (title: Patrol plans)');
    expect(listing).toContain('hotline_reports (title: Hotline reports)');
  });

  it.each(COLLECTIONS.map((collection) => collection.id))('reads every feature of %s, as many as the API counts', async (id) => {
    const dump = await ogrinfo('-al', '-oo', 'PAGE_SIZE=1000', `OAPIF:${server.url}/api`, id);
    expect(dump.match(/^OGRFeature/gm)?.length ?? 0).toBe(await count(id, token));
  });

  it('with a carrier’s token lists no incident it may not read and no key target outside its scope', async () => {
    const carrier = (await issueToken(server.url, 'viettel')).token;
    const police = token;
    token = carrier;
    try {
      const dump = await ogrinfo('-al', '-q', '-oo', 'PAGE_SIZE=1000', `OAPIF:${server.url}/api`, 'incidents');
      const owners = new Set([...dump.matchAll(/asset_owner \(String\) = (\w+)/g)].map((match) => match[1]));
      expect([...owners]).toEqual(['viettel']);
      expect(await count('key_targets', carrier)).toBeLessThan(await count('key_targets', police));
    } finally {
      token = police;
    }
  });
});

/** ogrinfo with GDAL's debug log on: the log (stderr) lists every HTTP request the driver makes. */
async function ogrinfoLogged(...args: string[]): Promise<{ out: string; requests: string[] }> {
  // GDAL 3.6's OGCAPI driver exits non-zero where it stops (the tiling scheme): its log is what the test reads.
  const { stdout, stderr } = await run('ogrinfo', ['-ro', '--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${token}`, '--config', 'CPL_DEBUG', 'ON', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    .catch((failed: { stdout: string; stderr: string }) => failed);
  const requests = [...stderr.matchAll(/HTTP: Fetch\((.*?)\)$/gm)].map((match) => decodeURIComponent(match[1].replace(/\+/g, ' ')));
  return { out: stdout, requests };
}

const api = async <T>(path: string): Promise<T> => (await (await fetch(`${server.url}/api${path}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as T;

describe('GDAL 3.6 types fields from the schema and pushes -where to the server', { timeout: 120_000 }, () => {
  it('types fields and geometry from the GML application schema: reals stay reals, lines are multi-lines, lists string lists', async () => {
    const cables = await ogrinfo('-so', `OAPIF:${server.url}/api`, 'cable_routes');
    expect(cables).toContain('Geometry: Multi Line String');
    expect(cables).toMatch(/length_m: Real/);
    expect(cables).toMatch(/fibre_count: Integer64/);
    expect(await ogrinfo('-so', `OAPIF:${server.url}/api`, 'roads')).toContain('Geometry: Multi Line String');
    const sites = await ogrinfo('-so', `OAPIF:${server.url}/api`, 'bts_sites');
    expect(sites).toMatch(/technologies: StringList/);
    expect(sites).toMatch(/alarm_equipped: Integer\(Boolean\)/);
    expect(await ogrinfo('-so', `OAPIF:${server.url}/api`, 'incidents')).toMatch(/occurred_at: DateTime/);
  });

  it.each([
    ['fibre_count > 48', 'fibre_count > 48'],
    ["name LIKE 'VNPT%'", "name LIKE 'VNPT%'"],
    ["owner = 'vnpt' OR owner = 'fpt'", "(owner = 'vnpt') OR (owner = 'fpt')"],
    ['year_installed BETWEEN 2010 AND 2012', '(year_installed >= 2010) AND (year_installed <= 2012)'],
  ])('-where "%s" goes to the server as a CQL2 filter, and GDAL gets what the API counts', async (where, sent) => {
    const { out, requests } = await ogrinfoLogged('-al', '-q', '-oo', 'PAGE_SIZE=1000', '-where', where, `OAPIF:${server.url}/api`, 'cable_routes');
    const items = requests.filter((url) => url.includes('/collections/cable_routes/items'));
    expect(items.length).toBeGreaterThan(0);
    // The first page is GDAL's sample; every request after it carries the filter.
    for (const url of items.slice(1)) expect(url).toContain(`filter=${sent}&filter-lang=cql-text`);
    const expected = (await api<{ numberMatched: number }>(`/collections/cable_routes/items?limit=1&filter=${encodeURIComponent(sent)}`)).numberMatched;
    expect(expected).toBeGreaterThan(0);
    expect(out.match(/^OGRFeature/gm)?.length ?? 0).toBe(expected);
  });

  it('-where with IN is answered right too (GDAL 3.6 itself evaluates IN on its side: its OAPIF driver has no IN translation)', async () => {
    const { out } = await ogrinfoLogged('-al', '-q', '-oo', 'PAGE_SIZE=1000', '-where', "owner IN ('vnpt', 'fpt')", `OAPIF:${server.url}/api`, 'cable_routes');
    const expected = (await api<{ numberMatched: number }>(`/collections/cable_routes/items?limit=1&filter=${encodeURIComponent("owner IN ('vnpt', 'fpt')")}`)).numberMatched;
    expect(out.match(/^OGRFeature/gm)?.length ?? 0).toBe(expected);
  });

  it('ogr2ogr with a value outside the vocabulary writes an empty layer instead of aborting', () => {
    const directory = mkdtempSync(join(tmpdir(), 'netguard-ogr2ogr-'));
    try {
      const file = join(directory, 'viettel.gpkg');
      execFileSync('ogr2ogr', ['--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${token}`, '-f', 'GPKG', file, `OAPIF:${server.url}/api`, 'bts_sites', '-where', "owner = 'Viettel'"]);
      expect(execFileSync('ogrinfo', ['-ro', '-so', file, 'bts_sites'], { encoding: 'utf8' })).toContain('Feature Count: 0');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('GDAL’s OGCAPI driver follows collection → tileset list → tileset → tiling scheme (where GDAL 3.6 stops)', async () => {
    const { requests } = await ogrinfoLogged('-oo', 'API=TILES', `OGCAPI:${server.url}/api/collections/bts_sites`);
    const base = `${server.url}/api`;
    expect(requests.slice(0, 4)).toEqual([`${base}/collections/bts_sites`, `${base}/collections/bts_sites/tiles`, `${base}/collections/bts_sites/tiles/WebMercatorQuad`, `${base}/tileMatrixSets/WebMercatorQuad`]);
  });
});

describe('OWSLib (Debian’s python3-owslib) reads the API', { timeout: 120_000 }, () => {
  it('lists conformance, collections and queryables and reads filtered and bbox pages, from the landing page with a trailing slash', async () => {
    const script = `
import json, os, sys
from owslib.ogcapi.features import Features
api = Features(os.environ['URL'] + '/api/', headers={'Authorization': 'Bearer ' + os.environ['TOKEN']})
items = api.collection_items('cable_routes', limit=1000, filter="owner = 'vnpt' AND fibre_count >= 24")
boxed = api.collection_items('bts_sites', bbox=[107.9, 14.3, 108.1, 14.4], limit=1000)
print(json.dumps({
  'conformance': api.conformance()['conformsTo'],
  'collections': [c['id'] for c in api.collections()['collections']],
  'queryables': sorted(api.collection_queryables('cable_routes')['properties'].keys()),
  'filtered': [items['numberMatched'], [f['properties']['owner'] for f in items['features']]],
  'boxed': boxed['numberMatched'],
  'one': api.collection_item('facilities', '3')['id'],
  'api': 'paths' in api.api(),
}))`;
    const result = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8', env: { ...process.env, URL: server.url, TOKEN: token } })) as {
      conformance: string[]; collections: string[]; queryables: string[]; filtered: [number, string[]]; boxed: number; one: number; api: boolean;
    };
    expect(result.conformance).toContain('http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter');
    expect(result.collections).toEqual(expect.arrayContaining(COLLECTIONS.map((collection) => collection.id)));
    expect(result.queryables).toEqual(expect.arrayContaining(['owner', 'fibre_count', 'geometry', 'length_m']));
    const expected = (await api<{ numberMatched: number }>(`/collections/cable_routes/items?limit=1&filter=${encodeURIComponent("owner = 'vnpt' AND fibre_count >= 24")}`)).numberMatched;
    expect(result.filtered[0]).toBe(expected);
    expect(new Set(result.filtered[1])).toEqual(new Set(['vnpt']));
    expect(result.boxed).toBe((await api<{ numberMatched: number }>('/collections/bts_sites/items?limit=1&bbox=107.9,14.3,108.1,14.4')).numberMatched);
    expect([result.one, result.api]).toEqual([3, true]);
  });
});

describe('the OpenAPI document passes the Redocly linter', { timeout: 120_000 }, () => {
  it('with the recommended rules, no error and no warning', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'netguard-openapi-'));
    try {
      writeFileSync(join(directory, 'openapi.json'), await (await fetch(`${server.url}/api/api`)).text());
      writeFileSync(join(directory, 'redocly.yaml'), 'extends:\n  - recommended\n');
      const run = spawnSync(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', join(directory, 'openapi.json'), '--config', join(directory, 'redocly.yaml'), '--format', 'json'], {
        encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
      const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] };
      expect(report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
      expect(run.status).toBe(0);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('MapLibre opens the tiles from their TileJSON', { timeout: 120_000 }, () => {
  it('a web map on another (allowed) origin adds the source by its TileJSON URL, with a token, and draws its sites', async () => {
    const dist = join(process.cwd(), 'node_modules/maplibre-gl/dist');
    const tilejson = `${server.url}/api/collections/bts_sites/tiles/WebMercatorQuad/tilejson`;
    const page = `<!doctype html><html><head><link rel="stylesheet" href="/maplibre-gl.css"></head><body style="margin:0"><div id="map" style="width:800px;height:600px"></div>
<script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({
  container: 'map', center: [108.0, 14.35], zoom: 12,
  style: { version: 8, sources: { sites: { type: 'vector', url: ${JSON.stringify(tilejson)} } }, layers: [{ id: 'sites', type: 'circle', source: 'sites', 'source-layer': 'bts_sites', paint: { 'circle-radius': 4 } }] },
  transformRequest: (url) => (url.startsWith(${JSON.stringify(server.url)}) ? { url, headers: { Authorization: 'Bearer ${token}' } } : { url }),
});
map.on('idle', () => { window.drawn = map.queryRenderedFeatures({ layers: ['sites'] }).length; });
map.on('error', (event) => { window.mapError = String(event.error?.message ?? event.error); });
</script></body></html>`;
    const types: Record<string, string> = { '.mjs': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
    const files = createServer((request, response) => {
      const name = (request.url ?? '/').split('?')[0];
      if (name === '/') return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
      try {
        const body = readFileSync(join(dist, name.replace(/^\/+/, '').replace(/\.\./g, '')));
        response.writeHead(200, { 'Content-Type': types[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => files.listen(pagePort, '127.0.0.1', resolve));
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      const requested: string[] = [];
      tab.on('request', (request) => requested.push(request.url()));
      await tab.goto(`http://127.0.0.1:${pagePort}/`);
      await tab.waitForFunction(() => (window as unknown as { drawn?: number; mapError?: string }).drawn !== undefined || (window as unknown as { mapError?: string }).mapError !== undefined, undefined, { timeout: 90_000 });
      expect(await tab.evaluate(() => (window as unknown as { mapError?: string }).mapError)).toBeUndefined();
      expect(await tab.evaluate(() => (window as unknown as { drawn: number }).drawn)).toBeGreaterThan(0);
      expect(requested).toContain(tilejson);
      expect(requested.some((url) => url.startsWith(`${server.url}/api/collections/bts_sites/tiles/WebMercatorQuad/12/`))).toBe(true);
    } finally {
      await browser.close();
      files.close();
    }
  });
});
