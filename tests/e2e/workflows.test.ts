import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, signInAs } from '../helpers/map-page.ts';
import { signAlarm } from '../../server/alarms/signature.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';

const OUTPUT_DIR = 'test-output';
let server: RunningServer;
let browser: Browser;
let api: (path: string) => Promise<Response>;
let token: string;

/** A fresh browser context per person, so sessions never mix. */
async function personPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  ({ token } = await issueToken(server.url, 'admin'));
  api = (path) => fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  mkdirSync(OUTPUT_DIR, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('workflows in a real browser', { timeout: 120_000 }, () => {
  it('a citizen files a hotline report without signing in and follows it by its tracking code', async () => {
    const { context, page } = await personPage();
    await page.goto(`${server.url}/bao-tin`);
    const map = mapPage(page);
    await map.waitForMap();
    await map.jumpTo([108.0, 14.35], 13);
    await map.click([108.0, 14.35]);
    await page.getByTestId('pin-at').waitFor();
    await page.getByTestId('hotline-next').click();
    await page.getByTestId('hotline-description').fill('Hai người đi xe máy cắt cáp treo gần cầu <b>Đắk Bla</b>');
    await page.getByTestId('hotline-send').click();
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();
    expect(code).toMatch(/^KT-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await page.getByTestId('track-status').waitFor();
    expect(await page.getByTestId('track-status').textContent()).toContain('Đã tiếp nhận');
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-hotline.png` });
    await context.close();
  });

  it('police turn the citizen report into an incident from the hotline queue', async () => {
    const police = await personPage();
    await signInAs(police.page, server.url, 'police');
    await police.page.getByTestId('mode-cases').click();
    const report = police.page.getByTestId('hotline-report').first();
    await report.waitFor();
    // The report's words are shown as text: the <b> typed by the citizen is not markup.
    expect(await report.locator('.report-text').textContent()).toContain('<b>Đắk Bla</b>');
    await report.getByRole('button', { name: 'Chuyển thành vụ việc' }).click();
    const notice = police.page.getByTestId('converted-notice');
    await notice.waitFor();
    const id = /#(\d+)/.exec((await notice.textContent())!)![1];
    const incident = (await (await api(`/api/collections/incidents/items/${id}`)).json()) as { properties: { source: string; description: string } };
    expect(incident.properties.source).toBe('hotline');
    expect(incident.properties.description).toContain('Đắk Bla');
    await police.context.close();
  });

  it('a carrier draws a new BTS site with undo, saves it, and it is stored as its own', async () => {
    const { context, page } = await personPage();
    await signInAs(page, server.url, 'viettel');
    const map = mapPage(page);
    await map.waitForMap();
    await page.getByTestId('mode-network').click();
    await map.jumpTo([108.01, 14.37], 14);
    await page.getByTestId('new-bts_sites').click();
    await map.click([108.01, 14.37]);
    await page.getByTestId('draw-undo').click();
    await page.getByTestId('geometry-missing').waitFor();
    await page.getByTestId('draw-redo').click();
    await page.getByTestId('field-site_code').fill('VTL-E2E-001');
    await page.getByTestId('field-technologies').getByText('4G').click();
    await page.getByTestId('save-asset').click();
    await page.getByTestId('network-notice').waitFor();
    const stored = (await (await api('/api/collections/bts_sites/items?site_code=VTL-E2E-001')).json()) as { features: { geometry: { coordinates: number[] }; properties: { owner: string } }[] };
    expect(stored.features).toHaveLength(1);
    expect(stored.features[0].properties.owner).toBe('viettel');
    expect(stored.features[0].geometry.coordinates[0]).toBeCloseTo(108.01, 3);
    expect(stored.features[0].geometry.coordinates[1]).toBeCloseTo(14.37, 3);
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-carrier-edit.png` });
    await context.close();
  });

  it('a carrier deletes a site and undoes it: the site is back under its own id; an edit overtaken by another is refused and said so', async () => {
    const { context, page } = await personPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signInAs(page, server.url, 'viettel');
    const map = mapPage(page);
    await map.waitForMap();
    await page.getByTestId('mode-network').click();
    await map.jumpTo([108.01, 14.37], 16);
    const stored = async () => ((await (await api('/api/collections/bts_sites/items?site_code=VTL-E2E-001')).json()) as { features: { id: number; properties: Record<string, unknown> }[] }).features;
    const [site] = await stored();
    // The site the previous test drew, selected where it is drawn on the map.
    const select = async () => {
      await map.waitForIdle();
      await map.click([108.01, 14.37]);
      await page.getByTestId('edit-asset').waitFor();
    };
    await select();
    await page.getByTestId('delete-asset').click();
    await page.getByTestId('undo-delete').waitFor();
    expect(await stored()).toEqual([]);
    await page.getByTestId('undo-delete').click();
    await page.getByText('Đã khôi phục').waitFor();
    expect((await stored()).map((feature) => feature.id)).toEqual([site.id]);

    // The carrier opens the editor; meanwhile the admin changes the site: saving must not overwrite that change.
    await select();
    await page.getByTestId('edit-asset').click();
    await page.getByTestId('field-site_code').waitFor();
    const admin = await fetch(`${server.url}/api/collections/bts_sites/items/${site.id}`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ properties: { tower_height_m: 61 } }),
    });
    expect(admin.status).toBe(200);
    await page.getByTestId('field-site_code').fill('VTL-E2E-001B');
    await page.getByTestId('save-asset').click();
    await page.getByTestId('save-stale').waitFor();
    const [after] = await stored();
    expect(after.properties.tower_height_m).toBe(61);
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-carrier-stale-edit.png` });
    await page.getByTestId('reload-asset').click();
    await page.getByTestId('network-notice').waitFor();
    await context.close();
  });

  it('police propose a key-target zone on the map and the DIC approves it from the review queue', async () => {
    const police = await personPage();
    await signInAs(police.page, server.url, 'police');
    const map = mapPage(police.page);
    await map.waitForMap();
    await police.page.getByTestId('mode-zones').click();
    await map.jumpTo([107.96, 14.38], 14);
    await police.page.getByTestId('propose-zone').click();
    const corners: [number, number][] = [[107.955, 14.375], [107.965, 14.375], [107.965, 14.385], [107.955, 14.385]];
    for (const corner of corners) await map.click(corner);
    await map.click(corners[0]);
    await police.page.getByTestId('zone-name').fill('Khu vực trạm E2E');
    await police.page.getByTestId('zone-justification').fill('Hai vụ cắt cáp trong tháng');
    await police.page.getByTestId('zone-submit').click();
    await police.page.getByTestId('queue-item').filter({ hasText: 'Khu vực trạm E2E' }).waitFor();
    await police.page.screenshot({ path: `${OUTPUT_DIR}/e2e-zone-proposed.png` });
    await police.context.close();

    const dic = await personPage();
    await signInAs(dic.page, server.url, 'dic');
    await dic.page.getByTestId('mode-zones').click();
    await dic.page.getByTestId('queue-item').filter({ hasText: 'Khu vực trạm E2E' }).click();
    await dic.page.getByTestId('review-comment').fill('Đồng ý phê duyệt');
    await dic.page.getByTestId('review-approve').click();
    await dic.page.getByTestId('zone-status').filter({ hasText: 'Đã phê duyệt' }).waitFor();
    expect(await dic.page.getByTestId('zone-history').textContent()).toContain('Đồng ý phê duyệt');
    const zones = (await (await api('/api/collections/key_targets/items?status=designated&limit=1000')).json()) as { features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[] };
    const zone = zones.features.find((feature) => feature.properties.name === 'Khu vực trạm E2E');
    expect(zone).toBeDefined();
    const xs = zone!.geometry.coordinates[0].map((position) => position[0]);
    expect(Math.min(...xs)).toBeCloseTo(107.955, 3);
    expect(Math.max(...xs)).toBeCloseTo(107.965, 3);
    await dic.page.screenshot({ path: `${OUTPUT_DIR}/e2e-zone-approved.png` });
    await dic.context.close();
  });

  it('a carrier alarm flashes the site on a police officer’s map and a notice appears', async () => {
    const police = await personPage();
    await signInAs(police.page, server.url, 'police');
    const map = mapPage(police.page);
    await map.waitForMap();
    const site = ((await (await api('/api/collections/bts_sites/items?owner=viettel&limit=1')).json()) as { features: { properties: { site_code: string }; geometry: { coordinates: [number, number] } }[] }).features[0];
    await map.jumpTo(site.geometry.coordinates, 13);
    const system = await issueToken(server.url, 'viettel');
    const body = JSON.stringify({ alarmId: 'E2E-1', siteCode: site.properties.site_code, raisedAt: new Date().toISOString(), kind: 'door', sequence: 1 });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${server.url}/api/alarms`, {
      method: 'POST', body,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${system.token}`, 'X-NetGuard-Timestamp': timestamp, 'X-NetGuard-Signature': signAlarm(system.signingSecret, timestamp, body) },
    });
    expect(response.status).toBe(201);
    await police.page.getByTestId('alarm-notice').waitFor({ timeout: 5_000 });
    await map.waitForRendered([LAYER_IDS.liveAlarmRing]);
    await police.page.screenshot({ path: `${OUTPUT_DIR}/e2e-live-alarm.png` });
    await police.context.close();
  });

  it('the DIC reads the six-monthly report with its charts, and its total is the API’s count', async () => {
    const dic = await personPage();
    await signInAs(dic.page, server.url, 'dic');
    await dic.page.getByTestId('mode-report').click();
    await dic.page.getByTestId('report-period').selectOption('2026-H1');
    await dic.page.getByTestId('chart-type').locator('svg').waitFor();
    const items = (await (await api('/api/collections/incidents/items?limit=1&datetime=2026-01-01T00:00:00Z/2026-06-30T23:59:59.999Z')).json()) as { numberMatched: number };
    expect(await dic.page.getByTestId('report-total').textContent()).toContain(new Intl.NumberFormat('vi-VN').format(items.numberMatched));
    await dic.page.waitForTimeout(2000);
    await dic.page.screenshot({ path: `${OUTPUT_DIR}/e2e-report.png` });
    await dic.context.close();
  });
});
