import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** The planner's plan for today, approved; the assignment with the most stops in it. */
async function approvedAssignment(name: string, seed: string): Promise<Assignment> {
  const today = todayInVietnam();
  const plan = (await (await police('/api/patrol-plans', { method: 'POST', body: JSON.stringify({ name, startDate: today, endDate: today, units: 2, shiftsPerDay: 1, seed }) })).json()) as { id: string };
  expect(await setPlanStatus(plan.id, 'approved')).toBe(200);
  const { assignments } = (await (await police('/api/field/assignments')).json()) as { assignments: Assignment[] };
  return assignments.filter((candidate) => candidate.planId === plan.id).sort((a, b) => b.stops.length - a.stops.length)[0];
}
const setPlanStatus = async (id: string, status: 'approved' | 'archived') => (await police(`/api/patrol-plans/${id}`, { method: 'PATCH', body: JSON.stringify({ status }) })).status;
const records = async (planId: string) => (await (await police(`/api/field/plans/${planId}/records`)).json()) as Records;

/** The bbox of an assignment's route and stops: what the field map keeps in view. */
function assignmentArea(mine: Assignment): number[] {
  const points = [...mine.route.geometry.coordinates, ...mine.stops.map((stop) => [stop.lon, stop.lat])];
  return [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))];
}

/** A phone at 390 × 844 whose GPS reports `at`, with what a phone's browser grants a page by default (Playwright denies every permission it is not given). */
async function fieldPhone(at: { lon: number; lat: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN',
    geolocation: { longitude: at.lon, latitude: at.lat, accuracy: 10 }, permissions: ['geolocation', 'screen-wake-lock'],
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Online: the officer signs in as themself, takes `mine` and downloads its area. */
async function takeAssignment(page: Page, mine: Assignment): Promise<void> {
  await page.goto(`${server.url}/thuc-dia`);
  await page.getByTestId('sign-in-username').fill('police');
  await page.getByTestId('sign-in-password').fill('demo');
  await page.getByTestId('sign-in-submit').click();
  await page.locator(`[data-testid="assignment"][data-plan="${mine.planId}"]`).filter({ hasText: mine.unitName }).getByTestId('take-assignment').click();
  await page.getByTestId('field-sheet').waitFor({ timeout: 60_000 });
}

/** Walks the phone: a fix there and one a few metres on (a jump is only believed when the next fix agrees), until the track has grown. */
function walker(page: Page, context: BrowserContext) {
  const points = page.getByTestId('track-points');
  const received = async () => Number(await page.getByTestId('gps-status').getAttribute('data-received'));
  return async (lon: number, lat: number) => {
    const before = Number(await points.textContent());
    for (const offset of [0, 0.00002]) {
      const heard = await received();
      await context.setGeolocation({ longitude: lon + offset, latitude: lat + offset, accuracy: 8 });
      await expect.poll(received, { timeout: 20_000 }).toBeGreaterThan(heard);
    }
    await expect.poll(async () => Number(await points.textContent()), { timeout: 20_000 }).toBeGreaterThan(before);
  };
}

/** Arrives 40 m from `stop` (inside its 150 m check-in circle) and confirms the check. */
async function checkIn(page: Page, walkTo: ReturnType<typeof walker>, stop: Stop): Promise<void> {
  await walkTo(stop.lon, stop.lat + 40 / 111_320);
  const row = page.getByTestId(`stop-${stop.order}`);
  await expect.poll(() => row.getAttribute('data-state')).toBe('here');
  await page.getByTestId(`dwell-${stop.order}`).waitFor();
  await page.getByTestId(`confirm-${stop.order}`).tap();
  await expect.poll(() => row.getAttribute('data-state')).toBe('visited');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { token } = await issueToken(server.url, 'police');
  police = (path, init = {}) => fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
  assignment = await approvedAssignment('Tuần tra thử nghiệm', 'field-e2e');
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
    const { context, page, errors } = await fieldPhone({ lon: first.lon, lat: first.lat - 0.01 });
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
    // The init script runs from the next navigation on: the sign-in page.
    await takeAssignment(page, assignment);
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
    const area = assignmentArea(assignment);
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
    const walkTo = walker(page, context);
    const nearestVertex = (stop: Stop) => route.reduce((best, point, index) => ((point[0] - stop.lon) ** 2 + (point[1] - stop.lat) ** 2 < (route[best][0] - stop.lon) ** 2 + (route[best][1] - stop.lat) ** 2 ? index : best), 0);
    let from = 0;
    for (const stop of assignment.stops.slice(0, 3)) {
      const to = nearestVertex(stop);
      // Along the plan's route towards the stop, then 40 m from it: inside the 150 m check-in circle.
      for (const index of [1, 2, 3].map((part) => Math.round(from + ((to - from) * part) / 4)).filter((index) => index !== from && index !== to)) await walkTo(...route[index]);
      await checkIn(page, walkTo, stop);
      from = to;
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
    expect((await records(assignment.planId)).visits).toEqual([]);

    // Back online: the outbox replays by itself.
    await context.setOffline(false);
    await page.getByTestId('outbox-empty').waitFor({ timeout: 60_000 });
    // The badge goes once the server answers again (the app asks it every 15 s while it did not).
    await page.getByTestId('offline-badge').waitFor({ state: 'hidden', timeout: 30_000 });
    await page.screenshot({ path: `${OUTPUT_DIR}/field-390x844-synced.png` });
    // A second start replays nothing twice.
    await page.reload();
    await page.getByTestId('outbox-empty').waitFor({ timeout: 60_000 });

    const stored = await records(assignment.planId);
    expect(stored.visits.map((visit) => visit.stopOrder).sort()).toEqual(assignment.stops.slice(0, 3).map((stop) => stop.order).sort());
    expect(stored.findings).toHaveLength(1);
    const [finding] = stored.findings;
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
  it('shows which queued write the server refused and why, in Vietnamese, sends it again only when asked, and still sends the rest of the queue', async () => {
    const mine = await approvedAssignment('Tuần tra bị lưu trữ giữa ca', 'field-e2e-refused');
    const [first] = mine.stops;
    const { context, page, errors } = await fieldPhone({ lon: first.lon, lat: first.lat - 0.001 });
    // What reached the server for the check-in (tries while offline never do).
    const answered: { key: string; status: number }[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/field/visits') answered.push({ key: response.request().headers()['idempotency-key'], status: response.status() });
    });
    await takeAssignment(page, mine);

    // Out of coverage: a check-in, a finding and, at the end, the track wait in the outbox.
    await context.setOffline(true);
    await page.getByTestId('start-patrol').tap();
    await checkIn(page, walker(page, context), first);
    await page.getByTestId(`finding-${first.order}`).tap();
    await page.getByTestId('finding-kind').selectOption('suspicious_vehicle');
    await page.getByTestId('finding-note').fill('Xe tải nhỏ không biển số đỗ cạnh tủ cáp');
    await page.getByTestId('finding-save').tap();
    await page.getByTestId('end-patrol').tap();
    await page.getByTestId('patrol-ended').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('outbox-count').textContent())).toBe(3);

    // Meanwhile the planner archives the plan; back in coverage the phone replays its queue by itself.
    expect(await setPlanStatus(mine.planId, 'archived')).toBe(200);
    await context.setOffline(false);
    await expect.poll(async () => Number(await page.getByTestId('outbox-count').textContent()), { timeout: 60_000 }).toBe(0);
    const refused = page.locator('[data-testid="outbox-entry"][data-state="rejected"]');
    expect(await refused.evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-kind')))).toEqual(['visit', 'finding']);
    const reason = ' — Bị từ chối: kế hoạch tuần tra: đã kết thúc (được lưu trữ), không nhận thêm ghi nhận';
    expect(await refused.getByTestId('outbox-refusal').allTextContents()).toEqual([reason, reason]);
    const [visitText, findingText] = await refused.allTextContents();
    // Which one: what it is, when it was made (hh:mm in Vietnam) and at which stop.
    const when = (text: string) => text.replace(/\((\d\d):(\d\d)\)/, '(hh:mm)');
    expect(when(visitText)).toContain(`Kiểm tra điểm (hh:mm): ${first.order}. ${first.targetName}${reason}`);
    expect(when(findingText)).toContain(`Phát hiện (hh:mm): ${first.order}. ${first.targetName} — Phương tiện khả nghi${reason}`);
    expect(await page.getByTestId('outbox-refused').textContent()).toBe('Máy chủ từ chối 2 ghi nhận: xem lý do bên dưới, gửi lại khi đã khắc phục hoặc bỏ.');
    // The rest of the queue went through: the track is the plan's; nothing refused was stored.
    const { tracks } = (await (await police(`/api/patrol-plans/${mine.planId}/tracks`)).json()) as { tracks: unknown[] };
    expect(tracks).toHaveLength(1);
    expect(await records(mine.planId)).toMatchObject({ visits: [], findings: [] });
    await page.getByTestId('outbox').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUTPUT_DIR}/field-390x844-refused.png` });
    expectUsable(await settledLayout(page, { area: assignmentArea(mine) }), errors);

    // Kept, not sent again: a fresh start of the app leaves both refused.
    await page.reload();
    await expect.poll(() => refused.count(), { timeout: 60_000 }).toBe(2);

    // The planner approves the plan again; the officer sends the check-in again and lets the finding go.
    expect(await setPlanStatus(mine.planId, 'approved')).toBe(200);
    await page.locator('[data-testid="outbox-entry"][data-kind="visit"]').getByTestId('outbox-retry').tap();
    await expect.poll(async () => (await records(mine.planId)).visits.length, { timeout: 30_000 }).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-testid="outbox-entry"][data-kind="finding"]').getByTestId('outbox-discard').tap();
    await page.getByTestId('outbox-empty').waitFor();
    expect((await records(mine.planId)).findings).toEqual([]);
    // The check-in reached the server twice under one key: refused on the replay, taken when sent again on request — never resent on its own.
    expect(answered.map((answer) => answer.status)).toEqual([400, 201]);
    expect(new Set(answered.map((answer) => answer.key)).size).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
