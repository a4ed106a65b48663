import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, type MapHandle } from '../helpers/map-page.ts';
import { expectUsable, PHONE_SIZES, settledLayout } from '../helpers/phone-layout.ts';
import { SHIPPED_AREA } from '../helpers/area-config.ts';

const OUTPUT_DIR = 'test-output';
const PHONE = { width: 390, height: 844 };
/** Near the Đắk Bla bridge in Kon Tum city, where the citizen stands. */
const HERE = { longitude: 108.0052, latitude: 14.3552 };

let server: RunningServer;
let browser: Browser;
let police: (path: string) => Promise<Response>;
let scratch: string;

type Queue = { numberMatched: number; reports: { id: number; trackingCode: string; lon: number; lat: number; description: string; photo: string | null }[] };

async function citizen(options: { located: boolean; accuracy?: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: PHONE, isMobile: true, hasTouch: true, locale: 'vi-VN',
    ...(options.located ? { geolocation: { ...HERE, accuracy: options.accuracy ?? 25 }, permissions: ['geolocation'] } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/bao-tin`);
  await mapPage(page).waitForMap();
  return { context, page, errors };
}

/** A 4000 × 3000 photo of noise, as a phone camera would give (several MB), encoded by Chromium itself. */
async function cameraPhoto(): Promise<Buffer> {
  const page = await browser.newPage();
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(4000, 3000);
    for (let index = 0; index < image.data.length; index += 1) image.data[index] = index % 4 === 3 ? 255 : (index * 2654435761) % 251;
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((result) => resolve(result!), 'image/jpeg', 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
    return btoa(binary);
  });
  await page.close();
  return Buffer.from(base64, 'base64');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { token } = await issueToken(server.url, 'police');
  police = (path) => fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  scratch = mkdtempSync(join(tmpdir(), 'netguard-hotline-'));
  mkdirSync(OUTPUT_DIR, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the hotline on a phone at 390 × 844', { timeout: 180_000 }, () => {
  it('a citizen uses their location, drags the pin, files a report with a photo while offline, gets the tracking code once back online, and follows it', async () => {
    const { context, page, errors } = await citizen({ located: true });
    const map = mapPage(page);
    // What Chromium downloaded to show the page (compressed bytes, as the server sent them), MapLibre apart.
    const scripts = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => /\.m?js(\?|$)/.test(entry.name)).map((entry) => ({ name: entry.name, bytes: entry.encodedBodySize, decoded: entry.decodedBodySize })));
    const ours = scripts.filter((script) => !/maplibre/.test(script.name));
    expect(scripts.length).toBeGreaterThan(ours.length);
    expect(ours.every((script) => script.bytes > 0 && script.bytes < script.decoded)).toBe(true);
    expect(ours.reduce((sum, script) => sum + script.bytes, 0)).toBeLessThan(300 * 1024);
    await page.screenshot({ path: `${OUTPUT_DIR}/hotline-390x844-start.png` });
    await page.getByTestId('locate-me').tap();
    expect(await page.getByTestId('geo-message').textContent()).toContain('chính xác khoảng 25 m');
    await map.waitForIdle();
    const located = await page.evaluate(() => (window.__netguard?.map as MapHandle).getCenter());
    expect(located.lng).toBeCloseTo(HERE.longitude, 3);

    // Drag the pin 60 px right and 40 px up: the report is filed where it was dropped.
    const pin = (await page.getByTestId('pin').boundingBox())!;
    const grab = { x: pin.x + pin.width / 2, y: pin.y + pin.height - 4 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) await page.mouse.move(grab.x + 6 * step, grab.y - 4 * step);
    await page.mouse.up();
    const dropped = await page.evaluate(() => {
      const element = document.querySelector('[data-testid="pin"]')!.getBoundingClientRect();
      const canvas = document.querySelector('[data-testid="map"] canvas')!.getBoundingClientRect();
      // A MapLibre marker's anchor is the bottom centre of its element.
      const at = (window.__netguard?.map as unknown as { unproject: (p: [number, number]) => { lng: number; lat: number } }).unproject([element.left + element.width / 2 - canvas.left, element.bottom - canvas.top]);
      return [at.lng, at.lat];
    });
    expect(dropped[0]).toBeGreaterThan(HERE.longitude);
    expect(dropped[1]).toBeGreaterThan(HERE.latitude);
    await page.screenshot({ path: `${OUTPUT_DIR}/hotline-390x844-located.png` });

    await page.getByTestId('hotline-next').tap();
    await page.getByTestId('hotline-description').fill('Hai người đi xe máy cắt cáp treo gần cầu Đắk Bla');
    const original = await cameraPhoto();
    expect(original.length).toBeGreaterThan(2_000_000);
    await page.getByTestId('hotline-photo').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.getByTestId('hotline-photo-preview').waitFor();
    await page.screenshot({ path: `${OUTPUT_DIR}/hotline-390x844-form.png` });

    // The demo's own hotline reports (seeded with its rewards) are in the queue already.
    const before = ((await (await police('/api/hotline/reports')).json()) as Queue).numberMatched;
    await context.setOffline(true);
    await page.getByTestId('hotline-send').tap();
    await page.getByTestId('hotline-queued').waitFor();
    expect((await (await police('/api/hotline/reports')).json() as Queue).numberMatched).toBe(before);
    await page.screenshot({ path: `${OUTPUT_DIR}/hotline-390x844-offline.png` });
    await context.setOffline(false);
    const code = (await page.getByTestId('tracking-code').textContent({ timeout: 60_000 }))!.trim();
    expect(code).toMatch(/^KT-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await page.getByTestId('track-status').waitFor();
    expect(await page.getByTestId('track-status').textContent()).toContain('Đã tiếp nhận');
    await page.screenshot({ path: `${OUTPUT_DIR}/hotline-390x844-sent.png` });

    const queue = (await (await police('/api/hotline/reports')).json()) as Queue;
    expect(queue.numberMatched).toBe(before + 1);
    const report = queue.reports.find((queued) => queued.trackingCode === code)!;
    expect(report).toBeDefined();
    // Where the pin was dropped (within a few pixels of the marker's drawn tip), well away from the located point.
    expect(report.lon).toBeCloseTo(dropped[0], 3);
    expect(report.lat).toBeCloseTo(dropped[1], 3);
    expect(report.lon - HERE.longitude).toBeGreaterThan(0.001);
    expect(report.lat - HERE.latitude).toBeGreaterThan(0.0007);
    // The photo police download is at most 1 MB, and GDAL reads it as a JPEG no larger than 1600 px.
    const photo = Buffer.from(await (await police(report.photo!)).arrayBuffer());
    expect(photo.length).toBeLessThanOrEqual(1_000_000);
    const file = join(scratch, 'photo.jpg');
    writeFileSync(file, photo);
    const info = JSON.parse(execFileSync('gdalinfo', ['-json', file], { encoding: 'utf8' })) as { driverShortName: string; size: [number, number] };
    expect(info.driverShortName).toBe('JPEG');
    expect(Math.max(...info.size)).toBe(1600);
    expect(info.size[0] / info.size[1]).toBeCloseTo(4 / 3, 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says what to do when location is refused, and finds the place by name instead', async () => {
    const { context, page, errors } = await citizen({ located: false });
    await page.getByTestId('locate-me').tap();
    expect(await page.getByTestId('geo-message').textContent()).toContain('Bạn chưa cho phép dùng vị trí');
    expect(await page.getByTestId('hotline-next').isDisabled()).toBe(true);
    await page.getByTestId('place-search').fill('dak glei');
    await page.getByTestId('place-result').first().tap();
    await page.getByTestId('pin').waitFor();
    expect(await page.getByTestId('pin-at').textContent()).toMatch(/15,\d+° B, 107,\d+° Đ/);
    expect(await page.getByTestId('hotline-next').isDisabled()).toBe(false);
    await mapPage(page).waitForIdle();
    await page.screenshot({ path: `${OUTPUT_DIR}/hotline-390x844-search.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits 360, 390 and 414 px upright and a phone on its side, in Vietnamese and in English', async () => {
    const { context, page, errors } = await citizen({ located: false });
    for (const language of ['vi', 'en'] as const) {
      if (language === 'en') await page.getByTestId('lang-toggle').tap();
      expect(await page.getByTestId('locate-me').textContent()).toContain(language === 'vi' ? 'Dùng vị trí của tôi' : 'Use my location');
      // Today's police of the deployment's area (data/kontum/area.json), in the page's title too.
      const police = SHIPPED_AREA.organisations.police;
      await expect.poll(() => page.getByTestId('hotline-title').textContent()).toBe(language === 'vi' ? `Báo tin cho ${police.name}` : `Report to ${police.nameEn}`);
      expect(await page.title()).toBe(language === 'vi' ? `Báo tin – ${police.name}` : `Report – ${police.nameEn}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      for (const size of PHONE_SIZES) {
        await page.setViewportSize(size);
        const report = await settledLayout(page);
        await page.screenshot({ path: `${OUTPUT_DIR}/hotline-${language}-${size.width}x${size.height}.png` });
        expectUsable(report, errors);
      }
      await page.setViewportSize(PHONE);
    }
    await context.close();
  });

  it('warns when the phone knows its place only roughly, and when it is outside the province', async () => {
    const { context, page, errors } = await citizen({ located: true, accuracy: 800 });
    await page.getByTestId('locate-me').tap();
    expect(await page.getByTestId('geo-message').textContent()).toContain('Vị trí chỉ chính xác trong khoảng 800 m');
    await page.getByTestId('pin').waitFor();
    expect(await page.getByTestId('hotline-next').isDisabled()).toBe(false);
    // Hà Nội, 700 km north.
    await context.setGeolocation({ longitude: 105.8542, latitude: 21.0285, accuracy: 20 });
    await page.getByTestId('locate-me').tap();
    await expect.poll(() => page.getByTestId('geo-message').textContent()).toContain(`Vị trí của bạn nằm ngoài địa bàn ${SHIPPED_AREA.name}.`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends a report that failed on a dead connection when the page comes back into view, and another one on the 30 s timer', async () => {
    // The page's clock is Playwright's, so its timers fire only when the test says; the phone believes it is online,
    // but every attempt fails (a dead mobile connection), so no 'online' event will come.
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'vi-VN', geolocation: { ...HERE, accuracy: 25 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.clock.install();
    const open = async () => {
      await page.clock.resume();
      await page.goto(`${server.url}/bao-tin`);
      await mapPage(page).waitForMap();
      await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
    };
    const count = async () => ((await (await police('/api/hotline/reports')).json()) as Queue).numberMatched;
    const before = await count();
    const fileOne = async (description: string) => {
      // Each attempt to send is held until the test lets it fail, so the page is seen while it is still trying.
      const held: Route[] = [];
      const dead = (route: Route) => (route.request().method() === 'POST' ? void held.push(route) : route.continue());
      await page.route('**/api/hotline/reports', dead);
      await page.getByTestId('locate-me').tap();
      await page.getByTestId('hotline-next').tap();
      await page.getByTestId('hotline-description').fill(description);
      await page.getByTestId('hotline-send').tap();
      await page.getByTestId('hotline-sending').waitFor();
      await expect.poll(() => held.length).toBeGreaterThan(0);
      // Until the attempt has failed the page says it is sending, not that there is no connection.
      expect(await page.getByTestId('hotline-queued').count()).toBe(0);
      for (const route of held.splice(0)) await route.abort('internetdisconnected');
      await page.getByTestId('hotline-queued').waitFor();
      await page.unroute('**/api/hotline/reports', dead);
      for (const route of held.splice(0)) await route.abort('internetdisconnected');
      // The connection is back, but nothing tells the page yet.
      await page.waitForTimeout(1500);
      await page.getByTestId('hotline-queued').waitFor();
    };

    await open();
    await fileOne('Dây cáp bị kéo đứt gần chợ');
    expect(await count()).toBe(before);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByTestId('tracking-code').waitFor({ timeout: 20_000 });
    expect(await count()).toBe(before + 1);

    await open();
    await fileOne('Cột BTS bị tháo ốc chân');
    expect(await count()).toBe(before + 1);
    await page.clock.fastForward(31_000);
    await page.getByTestId('tracking-code').waitFor({ timeout: 20_000 });
    expect(await count()).toBe(before + 2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
