import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, signInAs, type MapHandle } from '../helpers/map-page.ts';
import { measureLayout, PHONE_SIZES } from '../helpers/phone-layout.ts';
import { vietnamToday } from '../../web/src/state/viewport.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';

const OUTPUT_DIR = 'test-output';
let server: RunningServer;
let browser: Browser;
let page: Page;
let api: (path: string, init?: RequestInit) => Promise<Response>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { token } = await issueToken(server.url, 'police');
  api = (path, init = {}) => fetch(`${server.url}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
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

  it('a case page on a phone shows the citizen’s photo sent with the hotline report and the patrol’s photo sent from the field app', async () => {
    // GDAL wrote both JPEGs (tests/fixtures/photos); they are sent as the hotline page and the field app send them.
    const citizen = readFileSync('tests/fixtures/photos/photo-40x30.jpg'), patrol = readFileSync('tests/fixtures/photos/photo-60x40.jpg');
    const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const site = ((await (await api('/api/collections/bts_sites/items?owner=vnpt&limit=1')).json()) as { features: { id: number; geometry: { coordinates: [number, number] } }[] }).features[0];
    const [lon, lat] = site.geometry.coordinates;
    const observedAt = new Date(Date.now() - 600_000).toISOString();
    const filed = await fetch(`${server.url}/api/hotline/reports`, json({ lon, lat, seenAt: observedAt, description: 'Tủ cáp dưới chân trạm bị cạy, gửi kèm ảnh', photo: { mediaType: 'image/jpeg', data: citizen.toString('base64') } }));
    expect(filed.status).toBe(201);
    const { trackingCode } = (await filed.json()) as { trackingCode: string };
    const queue = (await (await api('/api/hotline/reports?status=received')).json()) as { reports: { id: number; trackingCode: string }[] };
    const reportId = queue.reports.find((report) => report.trackingCode === trackingCode)!.id;
    const converted = await api(`/api/hotline/reports/${reportId}/convert`, json({ type: 'vandalism' }));
    expect(converted.status).toBe(201);
    const caseId = ((await converted.json()) as { incident: { id: number } }).incident.id;
    const today = vietnamToday();
    const plan = (await (await api('/api/patrol-plans', json({ name: 'Tuần tra có ảnh', startDate: today, endDate: today, units: 1, shiftsPerDay: 1, seed: 'photos' }))).json()) as { id: string };
    expect((await api(`/api/patrol-plans/${plan.id}`, { ...json({ status: 'approved' }), method: 'PATCH' })).status).toBe(200);
    const finding = await api('/api/field/findings', json({
      planId: plan.id, kind: 'cable_damaged', note: 'Cáp nhánh bị cắt', observedAt, lon, lat,
      photo: { mediaType: 'image/jpeg', data: patrol.toString('base64') }, incident: { type: 'cable_cut', asset: { collection: 'bts_sites', id: site.id } },
    }, { 'Idempotency-Key': randomUUID() }));
    expect(finding.status).toBe(201);
    const patrolCase = ((await finding.json()) as { incidentId: number }).incidentId;

    const context = await browser.newContext({ viewport: PHONE_SIZES[0], isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const phone = await context.newPage();
    await signInAs(phone, server.url, 'police');
    await mapPage(phone).waitForMap();
    await phone.getByTestId('menu-button').click();
    await phone.getByTestId('mode-cases').click();
    const photos = phone.getByTestId('case-photo');
    for (const [id, width, caption] of [[caseId, 40, 'người dân gửi'], [patrolCase, 60, 'tổ tuần tra ghi nhận']] as const) {
      await phone.getByTestId('register-search').fill(String(id));
      await phone.locator(`[data-testid="register-row"][data-case="${id}"]`).click();
      await phone.locator(`[data-testid="case-page"][data-case="${id}"]`).waitFor();
      // The picture the browser decoded is the one uploaded: its own width, not a placeholder.
      await expect.poll(() => photos.evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth)), { timeout: 30_000 }).toEqual([width]);
      expect(await phone.getByTestId('case-photos').textContent()).toContain(caption);
      for (const size of [PHONE_SIZES[0], PHONE_SIZES[2]]) {
        await phone.setViewportSize(size);
        await photos.first().scrollIntoViewIfNeeded();
        const layout = await measureLayout(phone);
        expect(layout.scrollWidth).toBeLessThanOrEqual(size.width);
        expect(layout.tooWide).toEqual([]);
        const box = (await photos.first().boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        // A thumbnail a person can make out: it fills its cell of the grid (at least 110 px), whatever the picture's size.
        expect(box.width).toBeGreaterThanOrEqual(110);
        await phone.screenshot({ path: `${OUTPUT_DIR}/phone-case-photos-${id === caseId ? 'hotline' : 'patrol'}-${size.width}x${size.height}.png` });
      }
      await phone.setViewportSize(PHONE_SIZES[0]);
      await phone.getByTestId('case-back').click();
    }
    await context.close();
  });
});
