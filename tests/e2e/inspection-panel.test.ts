import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, signInAs } from '../helpers/map-page.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';
import { SYMBOLOGY } from '../../web/src/map/symbology.ts';

const OUTPUT_DIR = 'test-output';
let server: RunningServer;
let browser: Browser;

type Dealer = { id: number; geometry: { coordinates: [number, number] }; properties: { name: string; last_inspection_result: string } };

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  mkdirSync(OUTPUT_DIR, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const rgb = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));

/** How many pixels of a small square of the page around `point` are close to each colour (PNG decoded in the page). */
async function colourCounts(page: Page, point: { x: number; y: number }, colours: Record<string, string>): Promise<Record<string, number>> {
  const size = 14;
  const png = await page.screenshot({ clip: { x: point.x - size / 2, y: point.y - size / 2, width: size, height: size } });
  return page.evaluate(async ({ data, targets }) => {
    const image = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const counts: Record<string, number> = {};
    for (const [name, [r, g, b]] of Object.entries(targets)) {
      counts[name] = 0;
      for (let at = 0; at < pixels.length; at += 4) if (Math.hypot(pixels[at] - r, pixels[at + 1] - g, pixels[at + 2] - b) < 40) counts[name] += 1;
    }
    return counts;
  }, { data: [...png], targets: Object.fromEntries(Object.entries(colours).map(([name, hex]) => [name, rgb(hex)])) });
}

describe('recording an inspection from a dealer’s panel on a phone', { timeout: 240_000 }, () => {
  it('the police record a referral at 390 × 844 and the dealer turns from compliant green to violation red', async () => {
    const { token } = await issueToken(server.url, 'police');
    const api = async <T,>(path: string) => (await (await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as T;
    const [dealer] = (await api<{ features: Dealer[] }>('/api/collections/scrap_dealers/items?last_inspection_result=compliant&limit=1')).features;
    expect(dealer).toBeDefined();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInAs(page, server.url, 'police');
    const map = mapPage(page);
    await map.waitForMap();
    // Open the dealer from the search, as a person looking for it by name would.
    await page.getByTestId('search-input').fill(dealer.properties.name);
    const exactly = new RegExp(`^${dealer.properties.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const result = page.getByTestId('search-result').filter({ has: page.locator('strong', { hasText: exactly }) });
    await result.waitFor();
    await result.tap();
    await page.getByTestId('feature-panel').waitFor();
    await map.waitForIdle();
    await map.waitForRendered([LAYER_IDS.scrapDealerPoint]);
    const where = async () => {
      const point = await page.evaluate((at) => (window.__netguard!.map as { project: (lngLat: [number, number]) => { x: number; y: number } }).project(at), dealer.geometry.coordinates);
      const canvas = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
      return { x: canvas.x + point.x, y: canvas.y + point.y };
    };
    const colours = { compliant: SYMBOLOGY.inspectionColours.compliant, violation: SYMBOLOGY.inspectionColours.violation };
    const point = await where();
    const sheetTop = (await page.getByTestId('feature-panel').boundingBox())!.y;
    expect(point.y).toBeLessThan(sheetTop - 10);
    const before = await colourCounts(page, point, colours);
    expect(before.compliant).toBeGreaterThan(before.violation);

    const panel = page.getByTestId('target-inspections');
    const summary = panel.getByTestId('inspection-form').locator('summary');
    await summary.scrollIntoViewIfNeeded();
    await summary.tap();
    await panel.getByTestId('inspection-add-finding').tap();
    const finding = panel.getByTestId('inspection-finding').first();
    await finding.locator('select').first().selectOption('cable_of_unknown_origin');
    await finding.locator('select').nth(1).selectOption('serious');
    await panel.getByTestId('inspection-decision').selectOption('referral_to_police');
    await panel.getByTestId('inspection-submit').tap();
    await panel.locator('[data-testid="inspection-line"][data-result="violation"]').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${OUTPUT_DIR}/inspection-panel-390x844.png` });

    // The map's own data first (the source was refreshed), then what a person sees at the dealer's position.
    await page.waitForFunction((id) => (window.__netguard!.map as { queryRenderedFeatures: (options: object) => { id?: number; properties: Record<string, unknown> }[] })
      .queryRenderedFeatures({ layers: ['scrap-dealers-point'] }).some((feature) => feature.id === id && feature.properties.last_inspection_result === 'violation'), dealer.id, { timeout: 30_000, polling: 250 });
    await map.waitForIdle();
    const after = await colourCounts(page, await where(), colours);
    expect(after.violation).toBeGreaterThan(after.compliant);
    const stored = await api<{ inspections: { agency: string; decision: { kind: string }; result: string }[] }>(`/api/inspections?collection=scrap_dealers&id=${dealer.id}`);
    expect(stored.inspections[0]).toMatchObject({ agency: 'police', decision: { kind: 'referral_to_police' }, result: 'violation' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
