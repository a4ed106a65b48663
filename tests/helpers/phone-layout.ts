import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bbox as turfBbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { MapHandle } from './map-page.ts';

/** The extent of the shipped area's communes (data/kontum), read without the app's code: what a map must show whole. */
export const AREA_EXTENT = turfBbox(JSON.parse(readFileSync(fileURLToPath(new URL('../../data/kontum/communes-2025.geojson', import.meta.url)), 'utf8')) as FeatureCollection);

/** Three common phones upright (Galaxy S8-class, iPhone 12–15, iPhone 11 Pro Max) and the middle one on its side. */
export const PHONE_SIZES = [
  { width: 360, height: 740 }, { width: 390, height: 844 }, { width: 414, height: 896 }, { width: 844, height: 390 },
] as const;

type Box = { left: number; top: number; right: number; bottom: number };
/** What a person would see wrong on a phone screen, measured in the page from the DOM and the map. */
export type LayoutReport = {
  viewport: { width: number; height: number };
  scrollWidth: number;
  canvas: Box;
  /** Elements sticking out of the viewport (tag, class, test id, box). */
  tooWide: string[];
  /** Interactive elements under 44 × 44 px. */
  smallTargets: string[];
  /** The area's corners (the province unless told) projected by the map, and whether they lie in the canvas clear of every panel. */
  province: Box;
  provinceClear: boolean;
  /** The element at the middle of the map's free area is the canvas. */
  centreIsMap: boolean;
  /** The attribution's box and whether it overlaps a panel or a legend, or is hidden under something. */
  attribution: Box | null;
  attributionOverlaps: string[];
};

/**
 * Measures the page as a phone user sees it. Independent of the app's own inset arithmetic: the free area is
 * recomputed here from the panels' boxes.
 */
export function measureLayout(page: Page, area: readonly number[] = AREA_EXTENT): Promise<LayoutReport> {
  return page.evaluate((province) => {
    const box = (rect: DOMRect) => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
    const name = (element: Element) => `${element.tagName.toLowerCase()}${element.getAttribute('data-testid') ? `[${element.getAttribute('data-testid')}]` : ''}.${[...element.classList].join('.')} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
    const intersects = (a: { left: number; top: number; right: number; bottom: number }, b: typeof a) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const visible = (element: Element) => {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 0 && rect.height > 0;
    };
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const width = innerWidth, height = innerHeight;
    const all = [...document.body.querySelectorAll('*')].filter(visible);
    const tooWide = all.filter((element) => !clipped(element)).filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.left < -1 || rect.right > width + 1;
    }).map((element) => `${name(element)} ${JSON.stringify(box(element.getBoundingClientRect()))}`);
    const interactive = all.filter((element) => element.matches('button, a[href], select, textarea, summary, input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"])'));
    const smallTargets = interactive.filter((element) => {
      const rect = element.getBoundingClientRect();
      if (rect.bottom <= 0 || rect.top >= height || rect.right <= 0 || rect.left >= width) return false;
      return rect.height < 43.5 || rect.width < 43.5;
    }).map((element) => `${name(element)} ${Math.round(element.getBoundingClientRect().width)}×${Math.round(element.getBoundingClientRect().height)}`);
    const map = (window as unknown as { __netguard: { map: MapHandle } }).__netguard.map;
    const canvasElement = document.querySelector('[data-testid="map"] canvas')!;
    const canvas = box(canvasElement.getBoundingClientRect());
    const panels = [...document.querySelectorAll('.sheet, .sheet-reopen')].filter(visible).map((element) => box(element.getBoundingClientRect()));
    const corners = [[province[0], province[1]], [province[2], province[3]], [province[0], province[3]], [province[2], province[1]]]
      .map((corner) => map.project(corner as [number, number]));
    const xs = corners.map((point) => point.x + canvas.left), ys = corners.map((point) => point.y + canvas.top);
    const provinceBox = { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    const inCanvas = provinceBox.left >= canvas.left - 1 && provinceBox.right <= canvas.right + 1 && provinceBox.top >= canvas.top - 1 && provinceBox.bottom <= canvas.bottom + 1;
    const provinceClear = inCanvas && panels.every((panel) => !intersects(panel, provinceBox));
    const centre = { x: (provinceBox.left + provinceBox.right) / 2, y: (provinceBox.top + provinceBox.bottom) / 2 };
    const centreIsMap = document.elementFromPoint(centre.x, centre.y) === canvasElement;
    const attributionElement = document.querySelector('.maplibregl-ctrl-attrib');
    const attribution = attributionElement && visible(attributionElement) ? box(attributionElement.getBoundingClientRect()) : null;
    const attributionOverlaps: string[] = [];
    if (attribution && attributionElement) {
      for (const other of [...document.querySelectorAll('.sheet, .legend, .map-legend, .sheet-reopen, .maplibregl-ctrl-scale')].filter(visible)) {
        if (intersects(attribution, box(other.getBoundingClientRect()))) attributionOverlaps.push(name(other));
      }
      const top = document.elementFromPoint((attribution.left + attribution.right) / 2, (attribution.top + attribution.bottom) / 2);
      if (!top || !attributionElement.contains(top)) attributionOverlaps.push(`covered by ${top ? name(top) : 'nothing'}`);
    }
    return {
      viewport: { width, height }, scrollWidth: document.documentElement.scrollWidth, canvas, tooWide, smallTargets,
      province: provinceBox, provinceClear, centreIsMap, attribution, attributionOverlaps,
    };
  }, area);
}

/** The screen a phone layout settles to: the area fitted clear of the panels, the attribution above them. */
export const fittedAndClear = (report: LayoutReport) => report.provinceClear && report.centreIsMap && report.attributionOverlaps.length === 0;

/**
 * Measures once the map has stopped moving and the screen is `settled` (by default the province, or `area`, fitted
 * clear of the panels and the attribution moved above them: panels settle shortly after a resize, the map's controls
 * follow their measured size); after `timeoutMs` it measures anyway, so the caller's assertions say what is wrong.
 * A screen where something is meant to cover the map (an opened legend) says what it waits for instead.
 */
export async function settledLayout(page: Page, { area = AREA_EXTENT, timeoutMs = 30_000, settled = fittedAndClear }: { area?: readonly number[]; timeoutMs?: number; settled?: (report: LayoutReport) => boolean } = {}): Promise<LayoutReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.waitForFunction(() => {
      const map = (window as unknown as { __netguard?: { map: MapHandle } }).__netguard?.map;
      return !!map && map.loaded() && !map.isMoving();
    }, undefined, { timeout: 30_000, polling: 100 });
    const report = await measureLayout(page, area);
    if (settled(report) || Date.now() > deadline) return report;
    await page.waitForTimeout(100);
  }
}

/** Every promise of the phone layout, for one screen. */
export function expectUsable(report: LayoutReport, errors: string[]): void {
  expect(errors).toEqual([]);
  expect(report.scrollWidth).toBeLessThanOrEqual(report.viewport.width);
  expect(report.tooWide).toEqual([]);
  expect(report.canvas.bottom - report.canvas.top).toBeGreaterThanOrEqual(report.viewport.height / 2);
  expect(report.provinceClear, `province ${JSON.stringify(report.province)} in canvas ${JSON.stringify(report.canvas)} clear of the panels`).toBe(true);
  expect(report.centreIsMap).toBe(true);
  expect(report.smallTargets).toEqual([]);
  expect(report.attribution).not.toBeNull();
  expect(report.attributionOverlaps).toEqual([]);
}
