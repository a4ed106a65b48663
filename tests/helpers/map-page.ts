import type { Page } from 'playwright-core';

export type MapHandle = {
  queryRenderedFeatures: (options: { layers: string[] }) => { properties: Record<string, unknown>; id?: number | string }[];
  getCenter: () => { lng: number; lat: number };
  jumpTo: (options: { center: [number, number]; zoom: number }) => void;
  project: (lngLat: [number, number]) => { x: number; y: number };
  loaded: () => boolean;
  isMoving: () => boolean;
};
declare global {
  interface Window {
    __netguard?: { map: unknown };
  }
}

/** Drives the app's MapLibre map (exposed as `window.__netguard.map`) from a Playwright page. */
export function mapPage(page: Page) {
  const waitForIdle = () =>
    page.waitForFunction(() => {
      const map = window.__netguard?.map as MapHandle | undefined;
      return !!map && map.loaded() && !map.isMoving();
    }, undefined, { timeout: 30_000, polling: 200 });
  return {
    waitForIdle,
    async waitForMap(): Promise<void> {
      await page.waitForFunction(() => !!window.__netguard?.map, undefined, { timeout: 60_000 });
      await waitForIdle();
    },
    async jumpTo(center: [number, number], zoom: number): Promise<void> {
      await page.evaluate(({ center, zoom }) => (window.__netguard?.map as MapHandle).jumpTo({ center, zoom }), { center, zoom });
      await waitForIdle();
    },
    async rendered(layers: string[]): Promise<{ properties: Record<string, unknown>; id?: number | string }[]> {
      return page.evaluate((ids) => (window.__netguard?.map as MapHandle).queryRenderedFeatures({ layers: ids }).map((f) => ({ properties: f.properties, id: f.id })), layers);
    },
    async waitForRendered(layers: string[]): Promise<void> {
      await page.waitForFunction((ids) => {
        const map = window.__netguard?.map as MapHandle | undefined;
        return !!map && map.loaded() && map.queryRenderedFeatures({ layers: ids }).length > 0;
      }, layers, { timeout: 60_000, polling: 250 });
    },
    /** Clicks the map canvas where `lngLat` is drawn. */
    async click(lngLat: [number, number], options: { double?: boolean } = {}): Promise<void> {
      const point = await page.evaluate((at) => (window.__netguard?.map as MapHandle).project(at), lngLat);
      const box = await page.locator('[data-testid="map"] canvas').boundingBox();
      if (!box) throw new Error('map canvas not found');
      if (options.double) await page.mouse.dblclick(box.x + point.x, box.y + point.y);
      else await page.mouse.click(box.x + point.x, box.y + point.y);
      await page.waitForTimeout(150);
    },
  };
}

/** Signs an account in through the sign-in page (a demo account's password is `demo`) and waits for the workspace. */
export async function signInAs(page: Page, baseUrl: string, username: string, password = 'demo'): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('app-header').waitFor({ timeout: 30_000 });
}
