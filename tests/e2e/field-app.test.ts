import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage } from '../helpers/map-page.ts';
import { expectUsable, PHONE_SIZES, settledLayout } from '../helpers/phone-layout.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';

const OUTPUT_DIR = 'test-output';
type Stop = { order: number; targetId: string; targetName: string; lon: number; lat: number; windowStart: string; windowEnd: string; dwellMinutes: number };
type Assignment = { planId: string; unitName: string; shift: number; date: string; stops: Stop[]; route: { geometry: { coordinates: [number, number][] } } };
type Records = { visits: { stopOrder: number; clientId: string }[]; findings: { kind: string; incidentId: number | null; photo: string | null }[] };

let server: RunningServer;
let browser: Browser;
let police: (path: string, init?: RequestInit) => Promise<Response>;
let assignment: Assignment;

/** Today in Vietnam (UTC+7), the day the plan is for. */
const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { token } = await issueToken(server.url, 'police');
  police = (path, init = {}) => fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
  const today = todayInVietnam();
  const plan = (await (await police('/api/patrol-plans', { method: 'POST', body: JSON.stringify({ name: 'Tuần tra thử nghiệm', startDate: today, endDate: today, units: 2, shiftsPerDay: 1, seed: 'field-e2e' }) })).json()) as { id: string };
  expect((await police(`/api/patrol-plans/${plan.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }) })).status).toBe(200);
  const { assignments } = (await (await police('/api/field/assignments')).json()) as { assignments: Assignment[] };
  assignment = assignments.filter((candidate) => candidate.planId === plan.id).sort((a, b) => b.stops.length - a.stops.length)[0];
  expect(assignment.stops.length).toBeGreaterThanOrEqual(3);
  mkdirSync(OUTPUT_DIR, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the field app on a phone at 390 × 844', { timeout: 300_000 }, () => {
  it('downloads the area online, reloads offline, walks three stops with a finding and a photo, and everything is stored once when back online', async () => {
    const [first] = assignment.stops;
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN',
      geolocation: { longitude: first.lon, latitude: first.lat - 0.01, accuracy: 10 },
      // What a phone's browser grants a page by default (Playwright denies every permission it is not given).
      permissions: ['geolocation', 'screen-wake-lock'],
    });
    // Counts the app's requests for persistent storage and a screen wake lock (the browser still answers them).
    await context.addInitScript(() => {
      const asked = { persist: 0, wakeLock: 0 };
      (window as unknown as { __asked: typeof asked }).__asked = asked;
      const persist = navigator.storage.persist.bind(navigator.storage);
      navigator.storage.persist = () => { asked.persist += 1; return persist(); };
      const request = navigator.wakeLock.request.bind(navigator.wakeLock);
      navigator.wakeLock.request = (type) => { asked.wakeLock += 1; return request(type); };
    });
    const asked = () => page.evaluate(() => (window as unknown as { __asked: { persist: number; wakeLock: number } }).__asked);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // Online: sign in as oneself, take the assignment, download its area.
    await page.goto(`${server.url}/thuc-dia`);
    await page.getByTestId('sign-in-username').fill('police');
    await page.getByTestId('sign-in-password').fill('demo');
    await page.getByTestId('sign-in-submit').click();
    await page.locator(`[data-testid="assignment"][data-plan="${assignment.planId}"]`).filter({ hasText: assignment.unitName }).getByTestId('take-assignment').click();
    await page.getByTestId('field-sheet').waitFor({ timeout: 60_000 });
    const usage = page.getByTestId('storage-usage');
    await usage.waitFor();
    expect(Number(await usage.getAttribute('data-bytes'))).toBeGreaterThan(500_000);
    expect((await asked()).persist).toBe(1);
    // The app says what the browser answered (headless Chromium does not grant persistence to an unvisited site).
    expect(await usage.getAttribute('data-persisted')).toBe(String(await page.evaluate(() => navigator.storage.persisted())));
    expect(await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'))).toBe('/thuc-dia.webmanifest');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

    // Offline: the app, its map and the plan come from the phone alone.
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('offline-badge').waitFor();
    await page.getByTestId('field-sheet').waitFor({ timeout: 60_000 });
    const map = mapPage(page);
    await map.waitForMap();
    await map.waitForRendered([LAYER_IDS.provinceFill]);
    await map.waitForRendered(['field-route']);
    // The plan's key-target zones and assets came down with the area; the stops are numbered on the map.
    await map.waitForRendered(['field-key-targets', 'field-sites', 'field-stop-numbers']);
    // The stops in order, each with its time window in Vietnam's time and its dwell target.
    const hhmm = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    const rows = page.locator('[data-testid^="stop-"][data-state]');
    expect(await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid')))).toEqual(assignment.stops.map((stop) => `stop-${stop.order}`));
    for (const stop of assignment.stops.slice(0, 3)) {
      expect(await page.getByTestId(`stop-${stop.order}`).textContent()).toContain(`${stop.targetName}Khung giờ ${hhmm(stop.windowStart)}–${hhmm(stop.windowEnd)} · Dừng ${stop.dwellMinutes} phút`);
    }
    await page.screenshot({ path: `${OUTPUT_DIR}/field-390x844-offline.png` });

    // Every phone width and one on its side, in Vietnamese and in English: the plan's route and stops in view, clear of the sheet.
    const route = assignment.route.geometry.coordinates;
    const planPoints = [...route, ...assignment.stops.map((stop) => [stop.lon, stop.lat])];
    const area = [Math.min(...planPoints.map((p) => p[0])), Math.min(...planPoints.map((p) => p[1])), Math.max(...planPoints.map((p) => p[0])), Math.max(...planPoints.map((p) => p[1]))];
    for (const language of ['vi', 'en'] as const) {
      if (language === 'en') await page.getByTestId('lang-toggle').tap();
      expect(await page.getByTestId('start-patrol').textContent()).toBe(language === 'vi' ? 'Bắt đầu tuần tra' : 'Start patrol');
      expect(await page.getByTestId('offline-badge').textContent()).toBe(language === 'vi' ? 'Mất mạng' : 'Offline');
      for (const size of language === 'vi' ? PHONE_SIZES : [PHONE_SIZES[0]]) {
        await page.setViewportSize(size);
        const report = await settledLayout(page, { area });
        await page.screenshot({ path: `${OUTPUT_DIR}/field-${language}-${size.width}x${size.height}-offline.png` });
        expectUsable(report, errors);
      }
    }
    await page.getByTestId('lang-toggle').tap();
    await page.setViewportSize({ width: 390, height: 844 });

    await page.getByTestId('start-patrol').tap();
    await expect.poll(() => page.getByTestId('gps-status').getAttribute('data-wake')).toBe('on');
    expect((await asked()).wakeLock).toBeGreaterThanOrEqual(1);
    const points = page.getByTestId('track-points');
    const received = async () => Number(await page.getByTestId('gps-status').getAttribute('data-received'));
    /** The phone reports a fix there and one a few metres on (a jump is only believed when the next fix agrees). */
    const walkTo = async (lon: number, lat: number) => {
      const before = Number(await points.textContent());
      for (const offset of [0, 0.00002]) {
        const heard = await received();
        await context.setGeolocation({ longitude: lon + offset, latitude: lat + offset, accuracy: 8 });
        await expect.poll(received, { timeout: 20_000 }).toBeGreaterThan(heard);
      }
      await expect.poll(async () => Number(await points.textContent()), { timeout: 20_000 }).toBeGreaterThan(before);
    };
    const nearestVertex = (stop: Stop) => route.reduce((best, point, index) => ((point[0] - stop.lon) ** 2 + (point[1] - stop.lat) ** 2 < (route[best][0] - stop.lon) ** 2 + (route[best][1] - stop.lat) ** 2 ? index : best), 0);
    let from = 0;
    for (const stop of assignment.stops.slice(0, 3)) {
      const to = nearestVertex(stop);
      // Along the plan's route towards the stop, then 40 m from it: inside the 150 m check-in circle.
      for (const index of [1, 2, 3].map((part) => Math.round(from + ((to - from) * part) / 4)).filter((index) => index !== from && index !== to)) await walkTo(...route[index]);
      await walkTo(stop.lon, stop.lat + 40 / 111_320);
      from = to;
      const row = page.getByTestId(`stop-${stop.order}`);
      await expect.poll(() => row.getAttribute('data-state')).toBe('here');
      await page.getByTestId(`dwell-${stop.order}`).waitFor();
      await page.getByTestId(`confirm-${stop.order}`).tap();
      await expect.poll(() => row.getAttribute('data-state')).toBe('visited');
      if (stop.order === assignment.stops[1].order) {
        await page.getByTestId(`finding-${stop.order}`).tap();
        await page.getByTestId('finding-kind').selectOption('cable_damaged');
        await page.getByTestId('finding-note').fill('Cáp quang treo bị cắt khoảng 30 m');
        await page.getByTestId('finding-photo').setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: readFileSync('tests/fixtures/photos/photo-40x30.jpg') });
        await page.getByTestId('finding-photo-preview').waitFor();
        await page.getByTestId('finding-save').tap();
      }
    }
    await expect.poll(async () => Number(await page.getByTestId('outbox-count').textContent())).toBe(4);
    await page.getByTestId('end-patrol').tap();
    await page.getByTestId('patrol-ended').waitFor();
    expect(await page.getByTestId('gps-status').getAttribute('data-wake')).toBe('off');
    await expect.poll(async () => Number(await page.getByTestId('outbox-count').textContent())).toBe(5);
    await page.screenshot({ path: `${OUTPUT_DIR}/field-390x844-walked-offline.png` });
    expect(((await (await police(`/api/field/plans/${assignment.planId}/records`)).json()) as Records).visits).toEqual([]);

    // Back online: the outbox replays by itself.
    await context.setOffline(false);
    await page.getByTestId('outbox-empty').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${OUTPUT_DIR}/field-390x844-synced.png` });
    // A second start replays nothing twice.
    await page.reload();
    await page.getByTestId('outbox-empty').waitFor({ timeout: 60_000 });

    const records = (await (await police(`/api/field/plans/${assignment.planId}/records`)).json()) as Records;
    expect(records.visits.map((visit) => visit.stopOrder).sort()).toEqual(assignment.stops.slice(0, 3).map((stop) => stop.order).sort());
    expect(records.findings).toHaveLength(1);
    const [finding] = records.findings;
    expect(finding.kind).toBe('cable_damaged');
    expect(finding.photo).not.toBeNull();
    expect((await police(finding.photo!)).headers.get('content-type')).toBe('image/jpeg');
    const incident = (await (await police(`/api/collections/incidents/items/${finding.incidentId}`)).json()) as { properties: Record<string, unknown> };
    expect(incident.properties).toMatchObject({ source: 'patrol', type: 'cable_cut' });
    const { tracks } = (await (await police(`/api/patrol-plans/${assignment.planId}/tracks`)).json()) as { tracks: { measure: { visitedStops: { targetId: string; order: number }[] } }[] };
    expect(tracks).toHaveLength(1);
    const covered = tracks[0].measure.visitedStops.map((stop) => `${stop.targetId}/${stop.order}`);
    for (const stop of assignment.stops.slice(0, 3)) expect(covered).toContain(`${stop.targetId}/${stop.order}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
