import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { mapPage, signInAs } from '../helpers/map-page.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';

// The built app under its real Content-Security-Policy in Chromium: every violation the browser reports is collected.
let server: RunningServer;
let browser: Browser;
let page: Page;
const violations: string[] = [];

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  // Desktop width; phones are tested in tests/e2e/phone-layout, hotline-phone and field-app.
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations!.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the app under its Content-Security-Policy', { timeout: 120_000 }, () => {
  it('the map renders its basemap, labels and layers with MapLibre’s worker, and the browser reports no violation', async () => {
    const response = await page.goto(server.url);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await signInAs(page, server.url, 'police');
    const map = mapPage(page);
    await map.waitForMap();
    await map.jumpTo([108.0, 14.35], 12);
    await map.waitForRendered([LAYER_IDS.cableRouteLine]);
    await map.waitForRendered([LAYER_IDS.communeLabel, LAYER_IDS.districtLabel, LAYER_IDS.roadLabel]);
    violations.push(...(await page.evaluate(() => window.__cspViolations ?? [])));
    expect(violations).toEqual([]);
  });

  it('the citizen hotline page works under the policy too', async () => {
    await page.goto(`${server.url}/bao-tin`);
    // Map first (MapLibre and its worker under the policy), a place found by name, then the form.
    await mapPage(page).waitForMap();
    await page.getByTestId('place-search').fill('dak glei');
    await page.getByTestId('place-result').first().click();
    await page.getByTestId('hotline-next').click();
    await page.getByTestId('hotline-description').waitFor();
    violations.push(...(await page.evaluate(() => window.__cspViolations ?? [])));
    expect(violations).toEqual([]);
  });
});
