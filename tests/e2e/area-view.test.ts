import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareArea } from '../../scripts/setup-area/prepare.ts';
import { launchChromium } from '../helpers/browser.ts';
import { mapPage, signInAs } from '../helpers/map-page.ts';
import { AREA_EXTENT, PHONE_SIZES } from '../helpers/phone-layout.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

const OUTPUT_DIR = 'test-output';
const SHARED = 'data/kontum';
const read = (file: string) => JSON.parse(readFileSync(join(SHARED, file), 'utf8')) as FeatureCollection;

// A second area as `npm run setup-area` makes it: the real communes of the former districts Ngọc Hồi (611) and
// Đắk Tô (612), in the north-west of the shipped area, with the national roads crossing them.
const directory = mkdtempSync(join(tmpdir(), 'netguard-area-view-'));
const boundaries = read('communes-2025.geojson');
boundaries.features = boundaries.features.filter((commune) => ['611', '612'].includes(String(commune.properties!.former_district_code)));
const prepared = prepareArea(boundaries, read('roads-national-osm.geojson'), { name: 'Bắc Kon Tum', province: 'Quảng Ngãi', boundariesAttribution: 'Vietnamese Provinces Database (MIT)' });
writeFileSync(join(directory, 'area.json'), JSON.stringify(prepared.area));
writeFileSync(join(directory, 'communes.geojson'), JSON.stringify(prepared.communes));
writeFileSync(join(directory, 'roads.geojson'), JSON.stringify(prepared.roads));

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { NETGUARD_AREA: directory }, timeoutMs: 180_000 });
  browser = await launchChromium();
  mkdirSync(OUTPUT_DIR, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(directory, { recursive: true, force: true });
});

type View = { west: number; south: number; east: number; north: number };
const viewOf = (page: Page): Promise<View> => page.evaluate(() => {
  const bounds = (window.__netguard!.map as { getBounds: () => { getWest: () => number; getSouth: () => number; getEast: () => number; getNorth: () => number } }).getBounds();
  return { west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth() };
});

/** The view holds the served area whole and is not the shipped area's view: it does not reach the former province's south. */
function expectOnTheArea(view: View, bounds: number[]) {
  const [west, south, east, north] = bounds;
  expect(view.west).toBeLessThanOrEqual(west);
  expect(view.south).toBeLessThanOrEqual(south);
  expect(view.east).toBeGreaterThanOrEqual(east);
  expect(view.north).toBeGreaterThanOrEqual(north);
  expect(view.south).toBeGreaterThan(AREA_EXTENT[1]);
}

describe('the maps start on the area the server serves (NETGUARD_AREA), not on a built-in one', { timeout: 180_000 }, () => {
  it('the hotline page on a phone and the signed-in map open on the two former districts of the second area', async () => {
    const served = (await (await fetch(`${server.url}/api/area`)).json()) as { name: string; bounds: number[] };
    expect(served.name).toBe('Bắc Kon Tum');
    // The bounds hold the communes of the area as they were prepared.
    const communes = prepared.communes.features.flatMap((commune) => JSON.stringify(commune.geometry).match(/-?\d+\.\d+,-?\d+\.\d+/g)!.map((pair) => pair.split(',').map(Number)));
    expect(communes.every(([lon, lat]) => lon >= served.bounds[0] && lon <= served.bounds[2] && lat >= served.bounds[1] && lat <= served.bounds[3])).toBe(true);

    const phone = await (await browser.newContext({ viewport: PHONE_SIZES[1], isMobile: true, hasTouch: true, locale: 'vi-VN' })).newPage();
    await phone.goto(`${server.url}/bao-tin`);
    await mapPage(phone).waitForMap();
    expectOnTheArea(await viewOf(phone), served.bounds);
    await phone.screenshot({ path: `${OUTPUT_DIR}/e2e-area-view-hotline-390x844.png` });
    await phone.context().close();

    const desk = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInAs(desk, server.url, 'police');
    await mapPage(desk).waitForMap();
    expectOnTheArea(await viewOf(desk), served.bounds);
    await desk.screenshot({ path: `${OUTPUT_DIR}/e2e-area-view-map.png` });
    await desk.context().close();
  });
});
