import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, signInAs, type MapHandle } from '../helpers/map-page.ts';
import { signAlarm } from '../../server/alarms/signature.ts';
import { SHIPPED_AREA } from '../helpers/area-config.ts';
import { pdfBlankPages, pdfPageImages, pdfPageText, pdfText, printToPdf } from '../helpers/pdf.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';
import { RECORD_START, vietnamToday } from '../../web/src/state/viewport.ts';

const OUTPUT_DIR = 'test-output';
let server: RunningServer;
let browser: Browser;
let api: (path: string) => Promise<Response>;
let adminToken: string;

/** A fresh browser context per person, so sessions never mix. */
async function personPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { token } = await issueToken(server.url, 'admin');
  adminToken = token;
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

  it('police turn the citizen report into an incident from the hotline queue, and the notice opens its case', async () => {
    const police = await personPage();
    await signInAs(police.page, server.url, 'police');
    await police.page.getByTestId('mode-cases').click();
    await police.page.getByTestId('cases-tab-hotline').click();
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
    // The notice links to the new case.
    await notice.getByTestId('converted-case-link').click();
    await police.page.locator(`[data-testid="case-page"][data-case="${id}"]`).waitFor();
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
    await map.jumpTo([108.01, 14.37], 16, { asUser: true });
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
      method: 'PATCH', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ properties: { tower_height_m: 61 } }),
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

  it('a carrier imports from the template: the check draws the features on the map and stores nothing, the import says how many it stored', async () => {
    const { context, page } = await personPage();
    await signInAs(page, server.url, 'viettel');
    const map = mapPage(page);
    await map.waitForMap();
    await page.getByTestId('mode-network').click();
    await page.getByTestId('import-collection').selectOption('bts_sites');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('template-geojson').click();
    const template = `${OUTPUT_DIR}/mau-nhap-bts_sites.geojson`;
    await (await downloading).saveAs(template);
    const example = (JSON.parse(readFileSync(template, 'utf8')) as { features: { properties: { site_code: string; owner: string }; geometry: { coordinates: number[] } }[] }).features[0];
    expect(example.properties.owner).toBe('viettel');
    const stored = async () => ((await (await api(`/api/collections/bts_sites/items?site_code=${example.properties.site_code}`)).json()) as { features: { geometry: { coordinates: number[] } }[] }).features;
    expect(await stored()).toHaveLength(0);

    await page.getByTestId('import-file').setInputFiles(template);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-valid').waitFor();
    expect(await page.getByTestId('import-valid').textContent()).toContain('1 đối tượng');
    await map.waitForRendered([LAYER_IDS.evidencePoint]);
    expect(await stored()).toHaveLength(0);
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-import-preview.png` });

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toBe('Đã lưu 1 đối tượng');
    const [site] = await stored();
    expect(site.geometry.coordinates).toEqual(example.geometry.coordinates);
    // The preview is gone once the features are stored (they are drawn by their own layer now).
    await page.waitForFunction((layer) => (window.__netguard?.map as MapHandle).queryRenderedFeatures({ layers: [layer] }).length === 0, LAYER_IDS.evidencePoint);
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

  it('the DIC reviews a proposal with its evidence: the map flies to the zone, outlines it, and lists its protected assets, dates and the assets inside', async () => {
    const facility = ((await (await api('/api/collections/facilities/items?kind=exchange&limit=1')).json()) as { features: { id: number; properties: { name: string }; geometry: { coordinates: [number, number] } }[] }).features[0];
    const [x, y] = facility.geometry.coordinates;
    const polygon = { type: 'Polygon', coordinates: [[[x - 0.004, y - 0.004], [x + 0.004, y - 0.004], [x + 0.004, y + 0.004], [x - 0.004, y + 0.004], [x - 0.004, y - 0.004]]] };
    const police = await issueToken(server.url, 'police');
    const proposed = await fetch(`${server.url}/api/key-targets/proposals`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${police.token}` },
      body: JSON.stringify({ name: 'Tổng đài E2E có căn cứ', category: 'exchange', protectionLevel: 1, justification: 'Ba vụ trộm cáp quanh tổng đài trong quý', reviewDate: '2027-06-30', protectedAssets: [{ collection: 'facilities', id: facility.id }], geometry: polygon }),
    });
    expect(proposed.status).toBe(201);
    const inside = (await (await fetch(`${server.url}/api/inventory?format=geojson`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${police.token}` }, body: JSON.stringify({ polygon }) })).json()) as { features: unknown[] };
    expect(inside.features.length).toBeGreaterThan(0);

    const dic = await personPage();
    await signInAs(dic.page, server.url, 'dic');
    const map = mapPage(dic.page);
    await map.waitForMap();
    await dic.page.getByTestId('mode-zones').click();
    await dic.page.getByTestId('queue-item').filter({ hasText: 'Tổng đài E2E có căn cứ' }).click();
    await dic.page.getByTestId('zone-evidence').waitFor();
    await dic.page.getByTestId('zone-protected').filter({ hasText: facility.properties.name }).waitFor();
    expect(await dic.page.getByTestId('zone-review-date').textContent()).toBe('30/06/2027');
    expect(await dic.page.getByTestId('zone-justification-text').textContent()).toBe('Ba vụ trộm cáp quanh tổng đài trong quý');
    await dic.page.getByTestId('zone-inside-count').filter({ hasText: String(inside.features.length) }).waitFor();
    await dic.page.waitForTimeout(1500);
    await map.waitForIdle();
    // The whole zone is in view, clear of the review panel on the left.
    const corners = await dic.page.evaluate((ring) => ring.map((corner) => (window.__netguard?.map as MapHandle).project(corner as [number, number])), polygon.coordinates[0]);
    const panel = (await dic.page.getByTestId('zones-panel').boundingBox())!;
    const canvas = (await dic.page.locator('[data-testid="map"] canvas').boundingBox())!;
    for (const corner of corners) {
      expect(canvas.x + corner.x).toBeGreaterThan(panel.x + panel.width);
      expect(corner.x).toBeLessThan(canvas.width);
      expect(corner.y).toBeGreaterThan(0);
      expect(corner.y).toBeLessThan(canvas.height);
    }
    await map.waitForRendered([LAYER_IDS.evidenceZone]);
    await map.waitForRendered([LAYER_IDS.evidencePoint]);
    await dic.page.screenshot({ path: `${OUTPUT_DIR}/e2e-zone-evidence.png` });
    await dic.context.close();
  });

  it('a carrier alarm flashes the site on a police officer’s map and its notice opens the case', async () => {
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
    const { incident } = (await response.json()) as { incident: { id: number } };
    await police.page.getByTestId('alarm-notice').waitFor({ timeout: 5_000 });
    await map.waitForRendered([LAYER_IDS.liveAlarmRing]);
    await police.page.screenshot({ path: `${OUTPUT_DIR}/e2e-live-alarm.png` });
    // The notice opens the alarm's case.
    await police.page.getByTestId('alarm-notice').getByTestId('alarm-open-case').click();
    await police.page.locator(`[data-testid="case-page"][data-case="${incident.id}"]`).waitFor();
    await police.context.close();
  });

  it('police propose a reward on a confirmed hotline case, the DIC approves it, and the citizen only reads that the report helped (issue 18)', async () => {
    const police = await issueToken(server.url, 'police');
    const asPolice = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${police.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const filed = await fetch(`${server.url}/api/hotline/reports`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lon: 108.01, lat: 14.36, seenAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Thấy người cuộn cáp quang lên xe tải' }),
    });
    const { trackingCode } = (await filed.json()) as { trackingCode: string };
    const queue = (await (await api('/api/hotline/reports?status=received&limit=500')).json()) as { reports: { id: number; trackingCode: string }[] };
    const reportId = queue.reports.find((report) => report.trackingCode === trackingCode)!.id;
    const { incident } = (await (await asPolice(`/api/hotline/reports/${reportId}/convert`, { type: 'cable_theft' })).json()) as { incident: { id: number } };
    expect((await asPolice(`/api/incidents/${incident.id}/transitions`, { to: 'verified' })).status).toBe(200);

    // The officer proposes it from the case page of the hotline case.
    const officer = await personPage();
    await signInAs(officer.page, server.url, 'police');
    await officer.page.getByTestId('mode-cases').click();
    await officer.page.getByTestId('register-search').fill(trackingCode);
    await officer.page.locator('[data-testid="register-row"]', { hasText: String(incident.id) }).first().click();
    await officer.page.locator(`[data-testid="case-page"][data-case="${incident.id}"]`).waitFor();
    await officer.page.getByTestId('reward-proposal').fill('Tin báo chính xác, giúp thu hồi 300 m cáp');
    await officer.page.getByTestId('reward-propose').click();
    await officer.page.locator('[data-testid="reward-status"][data-status="proposed"]').waitFor();
    await officer.context.close();

    // The department approves it from the oversight list, typing the amount as people write it.
    const dic = await personPage();
    await signInAs(dic.page, server.url, 'dic');
    await dic.page.getByTestId('mode-oversight').click();
    const item = dic.page.locator('[data-testid="reward-proposal-item"]', { hasText: trackingCode });
    await item.getByTestId('reward-amount').fill('2.500.000');
    await item.getByTestId('reward-decision-number').fill('125/QĐ-SKHCN');
    await item.getByTestId('reward-approve').click();
    await item.waitFor({ state: 'detached' });
    const stored = (await (await api(`/api/rewards?hotlineReportId=${reportId}`)).json()) as { rewards: { status: string; amountVnd: number; decisionNumber: string }[] };
    expect(stored.rewards[0]).toMatchObject({ status: 'approved', amountVnd: 2_500_000, decisionNumber: '125/QĐ-SKHCN' });
    await dic.context.close();

    // The citizen follows the code: the report helped, and nothing says how much or by which decision.
    const citizen = await personPage();
    await citizen.page.goto(`${server.url}/bao-tin`);
    await citizen.page.getByTestId('track-code').fill(trackingCode);
    await citizen.page.getByTestId('track-submit').click();
    await citizen.page.getByTestId('track-helped').waitFor();
    expect(await citizen.page.getByTestId('track-helped').textContent()).toContain('Tin báo của bạn đã giúp phát hiện vụ việc');
    const page = (await citizen.page.locator('body').textContent())!;
    for (const secret of ['2.500.000', '2500000', '125/QĐ', 'SKHCN']) expect(page).not.toContain(secret);
    await citizen.page.screenshot({ path: `${OUTPUT_DIR}/e2e-reward-helped.png` });
    await citizen.context.close();
  });

  it('a fibre-break incident, selected on the map, draws its search segment and states its length and tolerance (issue 18)', async () => {
    type Route = { id: number; geometry: { type: string; coordinates: [number, number][] }; properties: { length_m: number } };
    const routes = ((await (await api('/api/collections/cable_routes/items?owner=viettel&limit=200')).json()) as { features: Route[] }).features;
    const route = routes.find((candidate) => candidate.geometry.type === 'LineString' && candidate.properties.length_m > 4000)!;
    const system = await issueToken(server.url, 'viettel');
    const body = JSON.stringify({ alarmId: 'E2E-OTDR', raisedAt: new Date().toISOString(), sequence: 1, fibreBreak: { routeId: route.id, opticalDistanceMeters: 2000 } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${server.url}/api/alarms`, {
      method: 'POST', body,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${system.token}`, 'X-NetGuard-Timestamp': timestamp, 'X-NetGuard-Signature': signAlarm(system.signingSecret, timestamp, body) },
    });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as { incident: { id: number; geometry: { coordinates: [number, number] } }; fibreBreak: { features: { properties: { kind: string; lengthMeters?: number; toleranceMeters?: number } }[] } };
    const segment = answer.fibreBreak.features.find((feature) => feature.properties.kind === 'search_segment')!.properties;
    const point = answer.fibreBreak.features.find((feature) => feature.properties.kind === 'break')!.properties;

    const police = await personPage();
    await signInAs(police.page, server.url, 'police');
    const map = mapPage(police.page);
    await map.waitForMap();
    // The cable under the break would make the click a choice between the two; the incident is what is selected here.
    await police.page.getByTestId('layer-toggle-cable_routes').uncheck();
    await map.jumpTo(answer.incident.geometry.coordinates, 16);
    expect(await map.rendered([LAYER_IDS.fibreBreakSegment])).toEqual([]);
    await map.waitForRendered([LAYER_IDS.incidentPoint]);
    await map.click(answer.incident.geometry.coordinates);
    const picked = police.page.locator('[data-testid="pick-item"]', { hasText: String(answer.incident.id) });
    if (await police.page.getByTestId('pick-list').isVisible()) await picked.click();
    const facts = police.page.getByTestId('fibre-break-facts');
    await facts.waitFor();
    const metres = (value: number) => Math.round(value).toLocaleString('vi-VN');
    expect(await facts.textContent()).toContain(`${metres(segment.lengthMeters!)} m`);
    expect(await facts.textContent()).toContain(`± ${metres(point.toleranceMeters!)} m`);
    // Opening the panel refits the untouched map to the province; look at the break again, as the officer would.
    await map.jumpTo(answer.incident.geometry.coordinates, 16);
    await map.waitForRendered([LAYER_IDS.fibreBreakSegment]);
    expect((await map.rendered([LAYER_IDS.fibreBreakSegment])).every((feature) => feature.properties.kind === 'search_segment')).toBe(true);
    await police.page.screenshot({ path: `${OUTPUT_DIR}/e2e-fibre-break.png` });
    // Closing the panel takes the segment off the map.
    await police.page.getByTestId('feature-panel').getByRole('button', { name: 'Đóng' }).click();
    await police.page.waitForFunction((id) => ((window.__netguard?.map as { queryRenderedFeatures: (o: { layers: string[] }) => unknown[] }).queryRenderedFeatures({ layers: [id] }).length === 0), LAYER_IDS.fibreBreakSegment);
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
    await dic.page.screenshot({ path: `${OUTPUT_DIR}/e2e-report.png` });

    // Printed: an administrative document whose first page has the heading and the map as a picture.
    await dic.page.getByTestId('document-number-input').fill('15');
    await dic.page.getByTestId('document-signer-input').fill('Nguyễn Văn An');
    await dic.page.waitForFunction(() => document.querySelector<HTMLImageElement>('[data-testid="print-map-image"]')?.src.startsWith('data:image/png'), undefined, { timeout: 60_000 });
    const pdf = `${OUTPUT_DIR}/bao-cao-6-thang.pdf`;
    await printToPdf(dic.page, pdf);
    const first = pdfPageText(pdf, 1);
    // Named as the province is since July 2025 (data/kontum/area.json): today's department under today's committee.
    for (const part of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'UBND TỈNH QUẢNG NGÃI', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Số: 15/BC-SKHCN', `${SHIPPED_AREA.place}, ngày`, 'BÁO CÁO']) expect(first).toContain(part);
    expect(first).not.toContain('THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(first).not.toContain('KON TUM');
    const map = pdfPageImages(pdf, 1).filter((image) => image.width >= 400);
    expect(map.length).toBe(1);
    expect(map[0].inkShare).toBeGreaterThan(0.03);
    const whole = pdfText(pdf);
    for (const part of ['Nơi nhận:', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An', 'Lưu: VT']) expect(whole).toContain(part);
    // The former name is noted once, and the recipients are today's bodies.
    const flowing = whole.replace(/\s+/g, ' ');
    expect(flowing).toContain(`(trước đây: ${SHIPPED_AREA.organisations.department.formerName})`);
    expect(flowing.split('trước đây:').length - 1).toBe(1);
    expect(flowing).toContain(`${SHIPPED_AREA.organisations.police.name};`);
    expect(flowing).not.toContain('Bộ Thông tin và Truyền thông');
    expect(pdfBlankPages(pdf)).toEqual([]);
    await dic.context.close();
  });

  it('the DIC reads a saved patrol plan and may print it, but sees no control to generate, approve or upload tracks', async () => {
    const created = await fetch(`${server.url}/api/patrol-plans`, {
      method: 'POST', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Kế hoạch tuần tra E2E', startDate: '2026-11-01', endDate: '2026-11-07', units: 2, shiftsPerDay: 1, seed: 'e2e' }),
    });
    expect(created.status).toBe(201);
    const dic = await personPage();
    await signInAs(dic.page, server.url, 'dic');
    await dic.page.getByTestId('mode-patrol').click();
    await dic.page.getByTestId('run-analysis').click();
    await dic.page.locator('.saved-plans summary').click();
    await dic.page.getByRole('button', { name: 'Kế hoạch tuần tra E2E' }).click();
    await dic.page.getByTestId('plan-result').waitFor();
    expect(await dic.page.getByTestId('plan-print').count()).toBe(1);
    for (const control of ['generate-plan', 'track-upload']) expect(await dic.page.getByTestId(control).count()).toBe(0);
    expect(await dic.page.locator('.plan-actions button').allTextContents()).toEqual(['In kế hoạch']);
    await dic.context.close();
  });

  it('the audit log shows changes by default, opens an entry to its before and after, narrows to one record and to dates', async () => {
    const [someCase] = ((await (await api('/api/register/incidents?limit=1')).json()) as { cases: { id: number }[] }).cases;
    const commented = await fetch(`${server.url}/api/register/incidents/${someCase.id}/comments`, {
      method: 'POST', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'Đã đối chiếu với nhật ký trạm' }),
    });
    expect(commented.status).toBe(201);
    const dic = await personPage();
    await signInAs(dic.page, server.url, 'dic');
    await dic.page.getByTestId('mode-oversight').click();
    const count = dic.page.getByTestId('audit-count');
    type Log = { numberMatched: number; records: { at: string; action: string; targetType: string; targetId: string | null; after: Record<string, unknown> | null }[] };
    const log = async (query: string) => (await (await api(`/api/audit?from=${RECORD_START}&limit=1&${query}`)).json()) as Log;
    const changes = await log(`action=create,update,delete,transition&to=${vietnamToday()}`);
    await count.filter({ hasText: new RegExp(`/ ${changes.numberMatched.toLocaleString('vi-VN')}$`) }).waitFor();
    const actions = await dic.page.locator('[data-testid="audit-row"] td:nth-child(3)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions).not.toContain('Xem');
    // The newest change opens to what it wrote.
    const [newest] = changes.records;
    expect(newest.after).toMatchObject({ incidentId: someCase.id, body: 'Đã đối chiếu với nhật ký trạm' });
    await dic.page.getByTestId('audit-row').first().click();
    const detail = dic.page.getByTestId('audit-detail');
    await detail.waitFor();
    const written = Object.entries(newest.after ?? {}).filter(([, value]) => typeof value === 'string' || typeof value === 'number');
    expect(written.length).toBeGreaterThan(0);
    for (const [key, value] of written.slice(0, 5)) expect(await detail.textContent()).toContain(`${key}${value}`);
    // Its record's link narrows the log to that record, every action included.
    await dic.page.getByTestId('audit-row').first().locator('button.link').click();
    const record = `targetType=${newest.targetType}&targetId=${newest.targetId}`;
    const ofRecord = await log(`${record}&to=${vietnamToday()}`);
    await count.filter({ hasText: new RegExp(`/ ${ofRecord.numberMatched.toLocaleString('vi-VN')}$`) }).waitFor();
    expect(await dic.page.getByTestId('audit-target-id').inputValue()).toBe(newest.targetId);
    // Up to the day before the newest change (a Vietnam day, as the date fields are), the log has fewer entries.
    const dayBefore = new Date(Date.parse(newest.at) + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    const earlier = await log(`${record}&to=${dayBefore}`);
    expect(earlier.numberMatched).toBeLessThan(ofRecord.numberMatched);
    await dic.page.getByTestId('audit-to').fill(dayBefore);
    await count.filter({ hasText: new RegExp(`/ ${earlier.numberMatched.toLocaleString('vi-VN')}$`) }).waitFor();
    await dic.page.screenshot({ path: `${OUTPUT_DIR}/e2e-audit-log.png` });
    await dic.context.close();
  });

  it('the inventory of a district matches the API, downloads as CSV and prints on its own, with no blank sheet', async () => {
    const dic = await personPage();
    await signInAs(dic.page, server.url, 'dic');
    await dic.page.getByTestId('mode-oversight').click();
    const district = dic.page.getByTestId('inventory-district');
    await district.locator('option').nth(1).waitFor({ state: 'attached' });
    await district.selectOption({ index: 1 });
    const code = await district.inputValue();
    const name = (await district.locator(`option[value="${code}"]`).textContent())!;
    await dic.page.getByTestId('inventory-count').click();
    await dic.page.getByTestId('inventory-assets').waitFor();
    const answer = (await (await fetch(`${server.url}/api/inventory`, {
      method: 'POST', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ district: code }),
    })).json()) as { assets: unknown[] };
    expect(answer.assets.length).toBeGreaterThan(0);
    expect(await dic.page.getByTestId('inventory-assets').textContent()).toContain(`${answer.assets.length.toLocaleString('vi-VN')} tài sản`);

    const downloading = dic.page.waitForEvent('download');
    await dic.page.getByTestId('inventory-csv').click();
    const csv = readFileSync((await (await downloading).path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv.length).toBe(answer.assets.length + 1);

    // Printed: only the inventory, with the district's name and the count, none of the audit log around it.
    const pdf = `${OUTPUT_DIR}/kiem-ke.pdf`;
    await dic.page.evaluate(() => { document.body.dataset.printing = 'inventory'; });
    await printToPdf(dic.page, pdf);
    await dic.page.evaluate(() => { delete document.body.dataset.printing; });
    const printed = pdfText(pdf);
    for (const part of ['Kiểm kê hạ tầng phục vụ huy động khẩn cấp', name, `${answer.assets.length.toLocaleString('vi-VN')} tài sản`]) expect(printed).toContain(part);
    for (const absent of ['Nhật ký truy cập và thay đổi', 'Tải về', 'In (A4)']) expect(printed).not.toContain(absent);
    expect(pdfBlankPages(pdf)).toEqual([]);
    await dic.context.close();
  });
});
