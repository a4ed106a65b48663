import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, signInAs, type MapHandle } from '../helpers/map-page.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';

const OUTPUT_DIR = 'test-output';
let server: RunningServer;
let browser: Browser;
let page: Page;
let api: (path: string) => Promise<Response>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { token } = await issueToken(server.url, 'police');
  api = (path) => fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  mkdirSync(OUTPUT_DIR, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the incident register in a real browser', { timeout: 120_000 }, () => {
  it('police convert a citizen report, find the case by its tracking code, assign it and see it on the map', async () => {
    const filed = await fetch(`${server.url}/api/hotline/reports`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lon: 107.985, lat: 14.362, seenAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Có người tháo cáp quang trên cột gần trường học' }),
    });
    const { trackingCode } = (await filed.json()) as { trackingCode: string };

    await signInAs(page, server.url, 'police');
    const map = mapPage(page);
    await map.waitForMap();
    await page.getByTestId('mode-cases').click();
    await page.getByTestId('cases-tab-hotline').click();
    const report = page.getByTestId('hotline-report').filter({ hasText: trackingCode });
    await report.getByRole('button', { name: 'Chuyển thành vụ việc' }).click();
    await page.getByTestId('converted-case-link').waitFor();
    const id = Number((await page.getByTestId('converted-case-link').textContent())!.replace('#', ''));

    // Found again from the register by the citizen's code, typed in lower case as people do.
    await page.getByTestId('cases-tab-register').click();
    await page.getByTestId('register-search').fill(trackingCode.toLowerCase());
    const row = page.locator(`[data-testid="register-row"][data-case="${id}"]`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="register-row"]').length === 1, undefined, { timeout: 30_000 });
    await row.waitFor();
    expect(await row.getByTestId('badge-new').count()).toBe(1);
    await row.click();
    await page.locator(`[data-testid="case-page"][data-case="${id}"]`).waitFor();
    expect(await page.getByTestId('case-hotline').textContent()).toContain(trackingCode);

    await page.getByTestId('assign-officer').selectOption('police');
    const due = await page.getByTestId('assign-due').inputValue();
    await page.getByTestId('assign-submit').click();
    await page.getByTestId('case-assignee').filter({ hasText: 'Cán bộ Công an tỉnh' }).waitFor();
    const file = (await (await api(`/api/register/incidents/${id}`)).json()) as { assignment: { officer: string; dueDate: string } };
    expect(file.assignment).toMatchObject({ officer: 'police', dueDate: due });

    // On the map: the case's ring, and the incident itself in the incidents layer, whose default period ends today.
    await map.waitForIdle();
    await page.waitForFunction((caseId) => {
      const handle = window.__netguard?.map as MapHandle;
      return handle.queryRenderedFeatures({ layers: ['register-ring'] }).some((feature) => feature.properties.id === caseId);
    }, id, { timeout: 30_000 });
    await page.waitForFunction(({ caseId, layer }) => {
      const handle = window.__netguard?.map as MapHandle;
      return handle.queryRenderedFeatures({ layers: [layer] }).some((feature) => feature.id === caseId);
    }, { caseId: id, layer: LAYER_IDS.incidentPoint }, { timeout: 30_000 });
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-register-case.png` });

    // Back in the register the case is no longer new to this officer, and the "mine" filter lists it.
    await page.getByTestId('case-back').click();
    await page.getByTestId('register-search').fill('');
    await page.getByTestId('register-assignee').selectOption('police');
    await row.waitFor();
    expect(await row.getByTestId('badge-new').count()).toBe(0);
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-register-list.png` });
  });
});
