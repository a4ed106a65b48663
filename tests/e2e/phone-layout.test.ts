import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, signInAs } from '../helpers/map-page.ts';
import { expectUsable, measureLayout, PHONE_SIZES, settledLayout, type LayoutReport } from '../helpers/phone-layout.ts';
import { findTapTargets } from '../helpers/tap-targets.ts';
import { PICK_TOLERANCE_PX } from '../../web/src/map/map-events.ts';

const OUTPUT_DIR = 'test-output';
const ROLES = ['police', 'dic', 'viettel', 'ubnd', 'admin'] as const;

let server: RunningServer;
let browser: Browser;

type Phone = { context: BrowserContext; page: Page; errors: string[] };

/** A touch phone, signed in as `username` (or on a public page), collecting page errors and MapLibre's errors. */
async function phone(username: string | null, size: { width: number; height: number } = PHONE_SIZES[1]): Promise<Phone> {
  const context = await browser.newContext({ viewport: size, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error' && /LngLat|maplibre|Uncaught/i.test(message.text())) errors.push(message.text()); });
  if (username) await signInAs(page, server.url, username);
  await mapPage(page).waitForMap();
  return { context, page, errors };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  mkdirSync(OUTPUT_DIR, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('every role on a phone', { timeout: 180_000 }, () => {
  for (const role of ROLES) {
    it(`${role}: the map screen works at 360×740, 390×844, 414×896 and 844×390`, async () => {
      const { context, page, errors } = await phone(role, PHONE_SIZES[0]);
      for (const size of PHONE_SIZES) {
        await page.setViewportSize(size);
        const report = await settledLayout(page);
        await page.screenshot({ path: `${OUTPUT_DIR}/phone-${role}-${size.width}x${size.height}.png` });
        expectUsable(report, errors);
      }
      await context.close();
    });
  }
});

describe('every workspace on a phone', { timeout: 180_000 }, () => {
  const workspaces = [
    { role: 'police', modes: ['cases', 'zones', 'patrol', 'report'] },
    { role: 'viettel', modes: ['network'] },
    { role: 'dic', modes: ['oversight'] },
  ] as const;
  for (const { role, modes } of workspaces) {
    it(`${role}: ${modes.join(', ')} open from the menu as bottom sheets over a full-screen map`, async () => {
      const { context, page, errors } = await phone(role);
      for (const mode of modes) {
        await page.getByTestId('menu-button').click();
        await page.getByTestId(`mode-${mode}`).click();
        await expect.poll(() => page.getByTestId('menu').count()).toBe(0);
        await page.getByTestId('sheet-workspace').waitFor();
        const report = await settledLayout(page);
        await page.screenshot({ path: `${OUTPUT_DIR}/phone-${role}-${mode}-390x844.png` });
        expectUsable(report, errors);
      }
      await context.close();
    });
  }
});

describe('the patrol analysis on a phone', { timeout: 400_000 }, () => {
  it('police: hotspots, the forecast with its backtest table and the Gi* legend fit 360 px, 414 px and a phone on its side, the legend never over the attribution', async () => {
    const { context, page, errors } = await phone('police', PHONE_SIZES[0]);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('mode-patrol').click();
    await page.getByTestId('run-analysis').click();
    await page.getByTestId('backtest-table').waitFor({ timeout: 300_000 });
    const legend = page.getByTestId('hotspot-legend');
    const attributionButton = page.locator('.maplibregl-ctrl-attrib-button');
    for (const size of [PHONE_SIZES[0], PHONE_SIZES[2], PHONE_SIZES[3]]) {
      await page.setViewportSize(size);
      await page.getByTestId('forecast-panel').scrollIntoViewIfNeeded();
      // On a phone the legend starts folded to its title and colour ramp.
      expect(await legend.getAttribute('open')).toBeNull();
      const report = await settledLayout(page);
      await page.screenshot({ path: `${OUTPUT_DIR}/phone-police-forecast-${size.width}x${size.height}.png` });
      expectUsable(report, errors);
      // The backtest table scrolls inside its own box rather than widening the sheet.
      const [table, sheet] = await Promise.all([page.getByTestId('backtest-table').evaluate((t) => t.parentElement!.getBoundingClientRect().right), page.getByTestId('sheet-workspace').evaluate((s) => s.getBoundingClientRect().right)]);
      expect(table).toBeLessThanOrEqual(sheet + 0.5);

      // Opened, with its seven classes, and then with the attribution opened too: still side by side, never over each other.
      await page.getByTestId('hotspot-legend-toggle').tap();
      await expect.poll(() => legend.getAttribute('open')).toBe('');
      expect(await legend.locator('li').count()).toBe(7);
      // The opened legend covers the middle of the map on purpose: wait only for the attribution to move clear of it.
      const attributionClear = (report: LayoutReport) => report.attributionOverlaps.length === 0 && report.tooWide.length === 0;
      const opened = await settledLayout(page, { settled: attributionClear });
      expect(opened.attributionOverlaps).toEqual([]);
      expect(opened.tooWide).toEqual([]);
      await attributionButton.tap();
      await page.locator('.maplibregl-compact-show').waitFor();
      const both = await settledLayout(page, { settled: attributionClear });
      await page.screenshot({ path: `${OUTPUT_DIR}/phone-police-legend-attribution-${size.width}x${size.height}.png` });
      expect(both.attributionOverlaps).toEqual([]);
      expect(both.tooWide).toEqual([]);
      await attributionButton.tap();
      await page.getByTestId('hotspot-legend-toggle').tap();
      await expect.poll(() => legend.getAttribute('open')).toBeNull();
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the phone shell', { timeout: 180_000 }, () => {
  it('keeps the header to one row and puts workspaces, language and sign-out in a menu', async () => {
    const { context, page } = await phone('police');
    const header = await page.getByTestId('app-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    expect(await page.getByTestId('mode-patrol').count()).toBe(0);
    await page.getByTestId('menu-button').click();
    for (const id of ['mode-map', 'mode-patrol', 'lang-toggle', 'sign-out', 'user-role']) await page.getByTestId(id).waitFor();
    await page.getByTestId('menu-close').click();
    expect(await page.getByTestId('menu').count()).toBe(0);
    await context.close();
  });

  it('shows the register’s new and overdue cases on the menu button at 390 px: the API’s count, the one the desktop header shows', async () => {
    const { context, page, errors } = await phone('police', PHONE_SIZES[1]);
    // Two incidents filed after the officer first opened the app are new to them.
    const { token } = await issueToken(server.url, 'admin');
    for (const lon of [108.0051, 108.0151]) {
      const filed = await fetch(`${server.url}/api/incidents`, {
        method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ lon, lat: 14.3551, type: 'cable_theft', occurredAt: new Date().toISOString(), description: 'Mất 200 m cáp' }),
      });
      expect(filed.status).toBe(201);
    }
    await page.reload();
    await mapPage(page).waitForMap();
    const badges = (await page.evaluate(async () => (await fetch('/api/register/badges')).json())) as { unread: number; overdue: number };
    const count = badges.unread + badges.overdue;
    expect(count).toBeGreaterThan(0);
    const shown = count > 99 ? '99+' : String(count);
    await expect.poll(() => page.getByTestId('menu-badge').textContent()).toBe(shown);
    expect(await page.getByTestId('menu-button').getAttribute('aria-label')).toBe(`Trình đơn (${count})`);
    // On the button, whole and on screen, and the button still a full 44 px target.
    const button = (await page.getByTestId('menu-button').boundingBox())!;
    const badge = (await page.getByTestId('menu-badge').boundingBox())!;
    expect(badge.x).toBeGreaterThanOrEqual(Math.max(0, button.x) - 0.5);
    expect(badge.y).toBeGreaterThanOrEqual(Math.max(0, button.y) - 0.5);
    expect(badge.x + badge.width).toBeLessThanOrEqual(button.x + button.width + 0.5);
    expect(badge.y + badge.height).toBeLessThanOrEqual(button.y + button.height + 0.5);
    expectUsable(await settledLayout(page), errors);
    await page.getByTestId('menu-button').click();
    expect(await page.getByTestId('mode-badge-cases').textContent()).toBe(shown);
    await page.getByTestId('menu-close').click();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.getByTestId('menu-badge').count()).toBe(0);
    expect(await page.getByTestId('mode-badge-cases').textContent()).toBe(shown);
    await context.close();
  });

  it('on a tablet (768 × 1024 and 1024 × 768) keeps the panel at the side and the header to one row with a menu', async () => {
    const { context, page, errors } = await phone('police', { width: 768, height: 1024 });
    for (const size of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      const report = await settledLayout(page);
      await page.screenshot({ path: `${OUTPUT_DIR}/tablet-police-${size.width}x${size.height}.png` });
      expect(errors).toEqual([]);
      expect(report.scrollWidth).toBeLessThanOrEqual(size.width);
      expect(report.tooWide).toEqual([]);
      expect(report.provinceClear).toBe(true);
      expect(report.attributionOverlaps).toEqual([]);
      expect((await page.getByTestId('app-header').boundingBox())!.height).toBeLessThanOrEqual(64);
      await page.getByTestId('menu-button').waitFor();
      const sheet = (await page.getByTestId('sheet-workspace').boundingBox())!;
      expect(sheet.width).toBeLessThan(size.width / 2);
      expect(sheet.height).toBeGreaterThan(size.height / 2);
    }
    await context.close();
  });

  it('pulls the layer sheet up and down by its handle, closes and reopens it, and the map keeps the province clear of it', async () => {
    const { context, page, errors } = await phone('police');
    const sheet = page.getByTestId('sheet-workspace');
    const handle = page.getByTestId('sheet-workspace-handle');
    const height = async () => (await sheet.boundingBox())!.height;
    const peek = await height();
    expect(peek).toBeLessThan(844 / 4);

    // A drag that stops before letting go settles at the nearest snap (flicks are timing-bound: see snap.test.ts).
    const drag = async (dy: number, hold: boolean) => {
      const at = (await handle.boundingBox())!;
      const x = at.x + at.width / 2, y = at.y + at.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let step = 1; step <= 8; step += 1) await page.mouse.move(x, y + (dy * step) / 8);
      if (hold) {
        await page.waitForTimeout(200);
        await page.mouse.move(x, y + dy + 1);
      }
      await page.mouse.up();
    };
    await drag(-300, true);
    await expect.poll(height).toBeGreaterThan(350);
    await expect.poll(() => sheet.getAttribute('data-snap')).toBe('half');
    // The layer list is in the sheet, with its legend.
    await page.getByTestId('layer-toggle-cable_routes').waitFor();
    let report = await settledLayout(page);
    expect(report.provinceClear).toBe(true);
    await page.screenshot({ path: `${OUTPUT_DIR}/phone-police-sheet-half-390x844.png` });
    expectUsable(report, errors);

    await handle.tap();
    await expect.poll(() => sheet.getAttribute('data-snap')).toBe('full');
    await expect.poll(height).toBeGreaterThan(700);
    await drag(640, true);
    await expect.poll(() => sheet.getAttribute('data-snap')).toBe('peek');
    await handle.tap();
    await expect.poll(() => sheet.getAttribute('data-snap')).toBe('half');

    await page.getByTestId('sheet-workspace-close').tap();
    expect(await sheet.count()).toBe(0);
    report = await settledLayout(page);
    expectUsable(report, errors);
    await page.getByTestId('sheet-reopen').tap();
    await sheet.waitFor();
    await context.close();
  });

  it('shows the attribution above the sheet when tapped open, never over a legend', async () => {
    const { context, page, errors } = await phone('police', PHONE_SIZES[0]);
    await page.locator('.maplibregl-ctrl-attrib-button').tap();
    await page.locator('.maplibregl-compact-show').waitFor();
    const report = await settledLayout(page);
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain('OpenStreetMap');
    expect(report.attributionOverlaps).toEqual([]);
    expect(report.attribution!.right).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${OUTPUT_DIR}/phone-attribution-360x740.png` });
    await context.close();
  });

  /** A police phone looking at Kon Tum city at zoom 12 (dense: sites, cables, incidents), with its tap targets. */
  async function cityTargets() {
    const opened = await phone('police');
    await settledLayout(opened.page);
    await mapPage(opened.page).jumpTo([108.0, 14.35], 12, { asUser: true });
    return { ...opened, targets: await findTapTargets(opened.page, PICK_TOLERANCE_PX) };
  }

  async function expectFeatureSheet(page: Page, feature: string) {
    await expect.poll(() => page.getByTestId('feature-panel').getAttribute('data-feature')).toBe(feature);
    const sheet = (await page.getByTestId('sheet-feature').boundingBox())!;
    expect(sheet.width).toBe(390);
    expect(sheet.y + sheet.height).toBeCloseTo(844, 0);
    // Over the layer sheet, which stays open under it; the map stays where the officer had taken it.
    expect(await page.getByTestId('sheet-workspace').count()).toBe(1);
    expect(await mapPage(page).zoom()).toBeCloseTo(12, 5);
  }

  it('opens a tapped feature with nothing else under the finger in its own sheet over the layer sheet', async () => {
    const { context, page, errors, targets } = await cityTargets();
    expect(targets.isolated, 'a point feature alone within the tap tolerance in the free map').not.toBeNull();
    const { x, y, features: [feature] } = targets.isolated!;
    await page.touchscreen.tap(x, y);
    await expectFeatureSheet(page, feature);
    expect(await page.getByTestId('pick-list').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${OUTPUT_DIR}/phone-feature-390x844.png` });
    await context.close();
  });

  it('offers the pick list, inside the screen, for a tap on stacked features, and opens the one picked in its sheet', async () => {
    const { context, page, errors, targets } = await cityTargets();
    expect(targets.stacked, 'a point feature with others within the tap tolerance in the free map').not.toBeNull();
    const { x, y, features } = targets.stacked!;
    await page.touchscreen.tap(x, y);
    const list = page.getByTestId('pick-list');
    await list.waitFor();
    const items = list.getByTestId('pick-item');
    expect((await items.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-feature')))).sort()).toEqual(features);
    const box = (await list.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await page.screenshot({ path: `${OUTPUT_DIR}/phone-pick-list-390x844.png` });
    // Not simply the first: the one the officer meant.
    const chosen = items.last();
    const feature = (await chosen.getAttribute('data-feature'))!;
    await chosen.tap();
    await expectFeatureSheet(page, feature);
    expect(await list.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * Everything wrong with one panel on a phone, measured in the page: interactive controls under 44 × 44 px (wherever
 * they are scrolled to), controls reaching past the sheet's sides, and the panel wider than its box (a sheet scrolls
 * on its own, so the page-wide check would not see that).
 */
function panelProblems(page: Page, selector: string): Promise<{ small: string[]; outside: string[]; overflowing: boolean; controls: number }> {
  return page.locator(selector).first().evaluate((panel) => {
    const name = (element: Element) => `${element.tagName.toLowerCase()}[${element.getAttribute('data-testid') ?? ''}] "${(element.textContent ?? '').trim().slice(0, 24)}"`;
    const sheet = (panel.closest('.sheet') ?? document.body).getBoundingClientRect();
    const controls = [...panel.querySelectorAll('button, a[href], select, textarea, summary, input:not([type="hidden"])')].filter((element) => {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 0 && rect.height > 0;
    });
    // A checkbox counts by its label, which is what a finger taps.
    const box = (element: Element) => ((element as HTMLInputElement).type === 'checkbox' ? element.closest('label') ?? element : element).getBoundingClientRect();
    return {
      small: controls.filter((element) => box(element).width < 43.5 || box(element).height < 43.5).map((element) => `${name(element)} ${Math.round(box(element).width)}×${Math.round(box(element).height)}`),
      outside: controls.filter((element) => box(element).left < sheet.left - 0.5 || box(element).right > sheet.right + 0.5).map(name),
      overflowing: panel.scrollWidth > panel.clientWidth + 0.5,
      controls: controls.length,
    };
  });
}

describe('the reward panels on a phone (issue 18)', { timeout: 300_000 }, () => {
  const WIDTHS = PHONE_SIZES.slice(0, 3);
  /** Pulls the workspace sheet all the way up, as a person reading a long panel does (it starts at a peek). */
  const unfold = async (page: Page) => {
    const sheet = page.getByTestId('sheet-workspace');
    for (let taps = 0; taps < 3 && (await sheet.getAttribute('data-snap')) !== 'full'; taps += 1) await page.getByTestId('sheet-workspace-handle').tap();
    await expect.poll(() => sheet.getAttribute('data-snap')).toBe('full');
  };
  const expectFits = async (page: Page, selector: string, errors: string[], shot: string) => {
    await unfold(page);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      await mapPage(page).waitForIdle();
      // Over a sheet pulled up the province cannot stay clear, so this measures without waiting for that.
      const layout = await measureLayout(page);
      await page.screenshot({ path: `${OUTPUT_DIR}/phone-${shot}-${size.width}x${size.height}.png` });
      expect(layout.scrollWidth, `${shot} at ${size.width}`).toBeLessThanOrEqual(size.width);
      expect(layout.tooWide, `${shot} at ${size.width}`).toEqual([]);
      const problems = await panelProblems(page, selector);
      expect(problems.controls, `${shot} at ${size.width}`).toBeGreaterThan(0);
      expect(problems, `${shot} at ${size.width}`).toEqual({ small: [], outside: [], overflowing: false, controls: problems.controls });
    }
    expect(errors).toEqual([]);
  };

  it('the department decides the demo’s waiting rewards at 360, 390 and 414 px, and approves one by taps', async () => {
    const { context, page, errors } = await phone('dic', PHONE_SIZES[0]);
    await page.getByTestId('menu-button').tap();
    await page.getByTestId('mode-oversight').tap();
    const first = page.getByTestId('reward-proposal-item').first();
    await first.waitFor();
    // The demo's two proposals still waiting (server/rewards/demo-records.ts).
    expect(await page.getByTestId('reward-proposal-item').count()).toBe(2);
    await expectFits(page, '[data-testid="reward-decisions"]', errors, 'dic-rewards');
    const id = await first.getAttribute('data-reward');
    await first.getByTestId('reward-amount').tap();
    await page.keyboard.type('1.500.000');
    await first.getByTestId('reward-decision-number').tap();
    await page.keyboard.type('130/QĐ-SKHCN');
    await first.getByTestId('reward-approve').tap();
    await page.locator(`[data-testid="reward-proposal-item"][data-reward="${id}"]`).waitFor({ state: 'detached' });
    const { token } = await issueToken(server.url, 'dic');
    const { rewards } = (await (await fetch(`${server.url}/api/rewards?limit=100`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { rewards: { id: number; status: string; amountVnd: number; decisionNumber: string }[] };
    expect(rewards.find((reward) => reward.id === Number(id))).toMatchObject({ status: 'approved', amountVnd: 1_500_000, decisionNumber: '130/QĐ-SKHCN' });
    await context.close();
  });

  it('police propose a reward from a confirmed hotline case’s page at 360, 390 and 414 px', async () => {
    const { token } = await issueToken(server.url, 'police');
    const asPolice = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const filed = await fetch(`${server.url}/api/hotline/reports`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lon: 108.02, lat: 14.37, seenAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Thấy hai người tháo cáp đồng ở trạm' }),
    });
    const { trackingCode } = (await filed.json()) as { trackingCode: string };
    const queue = (await (await fetch(`${server.url}/api/hotline/reports?status=received&limit=500`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { reports: { id: number; trackingCode: string }[] };
    const reportId = queue.reports.find((report) => report.trackingCode === trackingCode)!.id;
    const { incident } = (await (await asPolice(`/api/hotline/reports/${reportId}/convert`, { type: 'cable_theft' })).json()) as { incident: { id: number } };
    expect((await asPolice(`/api/incidents/${incident.id}/transitions`, { to: 'verified' })).status).toBe(200);

    const { context, page, errors } = await phone('police', PHONE_SIZES[0]);
    await page.getByTestId('menu-button').tap();
    await page.getByTestId('mode-cases').tap();
    await page.getByTestId('register-search').fill(trackingCode);
    await page.locator('[data-testid="register-row"]', { hasText: String(incident.id) }).first().tap();
    await page.locator(`[data-testid="case-page"][data-case="${incident.id}"]`).waitFor();
    await page.getByTestId('reward-proposal').waitFor();
    await expectFits(page, '[data-testid="reward-box"]', errors, 'police-reward');
    await page.getByTestId('reward-proposal').tap();
    await page.keyboard.type('Tin báo chính xác, giúp bắt quả tang');
    await page.getByTestId('reward-propose').tap();
    await page.locator('[data-testid="reward-status"][data-status="proposed"]').waitFor();
    await context.close();
  });

  it('a citizen reads that the report helped on the tracking page at 360, 390 and 414 px, without the amount', async () => {
    const { token } = await issueToken(server.url, 'dic');
    const { rewards } = (await (await fetch(`${server.url}/api/rewards?status=approved&limit=100`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { rewards: { trackingCode: string; amountVnd: number }[] };
    const approved = rewards[0];
    const context = await browser.newContext({ viewport: PHONE_SIZES[0], isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/bao-tin`);
    await page.getByTestId('track-code').fill(approved.trackingCode);
    await page.getByTestId('track-submit').tap();
    await page.getByTestId('track-helped').waitFor();
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.getByTestId('track-helped').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUTPUT_DIR}/phone-citizen-helped-${size.width}x${size.height}.png` });
      const problems = await panelProblems(page, '.track-box');
      expect(problems, `tracking at ${size.width}`).toEqual({ small: [], outside: [], overflowing: false, controls: problems.controls });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `tracking at ${size.width}`).toBeLessThanOrEqual(size.width);
      const helped = (await page.getByTestId('track-helped').boundingBox())!;
      expect(helped.x).toBeGreaterThanOrEqual(0);
      expect(helped.x + helped.width).toBeLessThanOrEqual(size.width + 0.5);
    }
    const text = (await page.locator('body').textContent())!;
    expect(text).not.toContain(new Intl.NumberFormat('vi-VN').format(approved.amountVnd));
    expect(errors).toEqual([]);
    await context.close();
  });
});
