import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Point } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../server/services.ts';
import { openSqliteStorage } from '../../server/storage/sqlite/index.ts';
import { DEFAULT_SEED } from '../../scripts/generator/index.ts';
import { loadNational } from '../../scripts/national/build.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';
import { defaultIncidentRange } from '../../web/src/state/viewport.ts';
import { launchChromium } from '../helpers/browser.ts';
import { mapPage, signInAs } from '../helpers/map-page.ts';
import { productionEnv, startServer, type RunningServer } from '../helpers/server-process.ts';

const PASSWORD = 'tiled-map-test-password';
let directory: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
let map: ReturnType<typeof mapPage>;
let centre: [number, number];
const tileRequests: string[] = [];
const incidentItemRequests: string[] = [];

beforeAll(async () => {
  // Six national copies hold 60,000 incidents: past the 50,000 at which the map draws a layer from vector tiles.
  directory = mkdtempSync(join(tmpdir(), 'netguard-tiled-'));
  const path = join(directory, 'tiled.sqlite');
  const services = createServices(openSqliteStorage(path));
  await loadNational(services.storage.features, { copies: 6, seed: DEFAULT_SEED });
  await services.accounts.createUser({ username: 'police', displayName: 'Công an', password: PASSWORD, role: 'police_planner', organisationCode: 'police-kontum' });
  centre = ((await services.storage.features.get('bts_sites', 1))!.geometry as Point).coordinates as [number, number];
  await services.storage.close();
  server = await startServer({ databasePath: path, env: productionEnv() });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (request) => {
    const url = request.url();
    if (url.includes('/api/collections/incidents/tiles/')) tileRequests.push(url);
    if (url.includes('/api/collections/incidents/items?') && url.includes('bbox=')) incidentItemRequests.push(url);
  });
  map = mapPage(page);
  await signInAs(page, server.url, 'police', PASSWORD);
  await map.waitForMap();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('a layer too large to download, in a real browser', { timeout: 120_000 }, () => {
  const drawn = async () => (await map.rendered([LAYER_IDS.incidentPoint])).reduce((sum, feature) => sum + Number(feature.properties.point_count ?? 1), 0);

  it('draws incidents from vector tiles of the chosen period, and redraws them when the period changes', async () => {
    await map.jumpTo(centre, 8);
    await map.waitForRendered([LAYER_IDS.incidentPoint]);
    expect(incidentItemRequests).toEqual([]);
    // The default period is the year up to today.
    const period = defaultIncidentRange();
    expect(tileRequests.some((url) => url.endsWith(`?datetime=${period.start}/${period.end}`))).toBe(true);
    const year = await drawn();
    expect(year).toBeGreaterThan(1000);

    await page.getByTestId('incident-start').fill('2026-10-01');
    // MapLibre fetches tiles from its worker, which Playwright sees but the page's resource timings do not.
    for (let waited = 0; !tileRequests.some((url) => url.endsWith(`?datetime=2026-10-01/${period.end}`)); waited += 100) {
      if (waited > 30_000) throw new Error('no tile was requested for the new period');
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(500);
    await map.waitForIdle();
    const october = await drawn();
    expect(october).toBeGreaterThan(0);
    expect(october).toBeLessThan(year / 4);
    expect(incidentItemRequests).toEqual([]);
  });
});
