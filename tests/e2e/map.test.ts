import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, signInAs, type MapHandle } from '../helpers/map-page.ts';
import { LAYER_IDS, THEMATIC_LAYERS } from '../../web/src/map/layer-ids.ts';
import { vietnamToday } from '../../web/src/state/viewport.ts';
import { SHIPPED_AREA } from '../helpers/area-config.ts';
import { pdfBlankPages, pdfPageImages, pdfPageText, pdfText, printToPdf } from '../helpers/pdf.ts';

type Bbox = [number, number, number, number];

const OUTPUT_DIR = 'test-output';
let server: RunningServer;
let browser: Browser;
let page: Page;
let map: ReturnType<typeof mapPage>;
let api: (path: string) => Promise<Response>;
const offOriginRequests: string[] = [];

const renderedCount = async (layers: string[]) => (await map.rendered(layers)).length;
const waitForRendered = (layers: string[]) => map.waitForRendered(layers);
const waitForIdle = () => map.waitForIdle();
const jumpTo = (center: [number, number], zoom: number) => map.jumpTo(center, zoom);

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const origin = new URL(server.url).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) offOriginRequests.push(url);
  });
  const { token } = await issueToken(server.url, 'police');
  api = (path) => fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  map = mapPage(page);
  await signInAs(page, server.url, 'police');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the map in a real browser', { timeout: 120_000 }, () => {
  it('loads the province with cable routes, BTS sites and key-target zones rendered', async () => {
    const designated = (await (
      await api('/api/collections/key_targets/items?status=designated&limit=1')
    ).json()) as { features: { bbox?: Bbox; geometry: { coordinates: number[][][] } }[] };
    expect(designated.features.length).toBe(1);
    const ring = designated.features[0].geometry.coordinates[0];
    const center: [number, number] = [
      ring.reduce((sum, point) => sum + point[0], 0) / ring.length,
      ring.reduce((sum, point) => sum + point[1], 0) / ring.length,
    ];
    await map.waitForMap();
    await jumpTo(center, 13);

    await waitForRendered([LAYER_IDS.keyTargetFill]);
    await waitForRendered([LAYER_IDS.cableRouteLine]);
    await waitForRendered([LAYER_IDS.btsPoint, LAYER_IDS.btsCluster]);
    expect(await renderedCount([LAYER_IDS.communeLine, LAYER_IDS.districtLine])).toBeGreaterThan(0);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-map-city.png` });
  });

  it('removes cable routes from the map when their layer is switched off', async () => {
    await waitForRendered([LAYER_IDS.cableRouteLine]);
    await page.getByTestId('layer-toggle-cable_routes').click();
    await page.waitForFunction(
      (id) => (window.__netguard?.map as MapHandle).queryRenderedFeatures({ layers: [id] }).length === 0,
      LAYER_IDS.cableRouteLine,
      { timeout: 10_000 },
    );
    await page.getByTestId('layer-toggle-cable_routes').click();
    await waitForRendered([LAYER_IDS.cableRouteLine]);
  });

  it('cables stacked under the pointer offer a pick list; the one picked opens and is haloed on the map', async () => {
    const routes = (await (await api('/api/collections/cable_routes/items?tier=backbone&bbox=107.98,14.33,108.03,14.38&limit=20')).json()) as { features: { geometry: { coordinates: number[][] | number[][][] } }[] };
    const line = routes.features[0].geometry.coordinates;
    const vertices = (typeof line[0][0] === 'number' ? line : (line as number[][][])[0]) as number[][];
    const at = vertices[Math.floor(vertices.length / 2)] as [number, number];
    await jumpTo(at, 16.5);
    await waitForRendered([LAYER_IDS.cableRouteLine]);
    // What lies within the pick tolerance, counted from the map itself: the parallel cables of the carriers in the verge.
    const under = await page.evaluate(({ at, layer }) => {
      const map = window.__netguard?.map as MapHandle & { queryRenderedFeatures: (box: unknown, options: unknown) => { id?: number }[] };
      const { x, y } = map.project(at);
      return new Set(map.queryRenderedFeatures([[x - 5, y - 5], [x + 5, y + 5]], { layers: [layer] }).map((feature) => feature.id)).size;
    }, { at, layer: LAYER_IDS.cableRouteLine });
    expect(under).toBeGreaterThan(1);
    await map.click(at);
    await page.getByTestId('pick-list').waitFor();
    expect(await page.getByTestId('pick-item').count()).toBeGreaterThanOrEqual(under);
    await page.getByTestId('pick-item').first().click();
    await page.getByTestId('feature-panel').waitFor();
    await waitForRendered([LAYER_IDS.selectionLine]);
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-pick-list-selection.png` });
    await page.getByTestId('feature-panel').getByRole('button', { name: 'Đóng' }).click();
  });

  it('flies to Đắk Glei when searching "dak glei"', async () => {
    const answer = (await (await api('/api/search?q=dak%20glei')).json()) as {
      results: { collection: string; label: string; bbox: Bbox }[];
    };
    const target = answer.results[0];
    expect(target).toMatchObject({ collection: 'admin_areas', label: 'Đắk Glei' });
    await jumpTo([107.75, 14.0], 9);

    await page.getByTestId('search-input').fill('dak glei');
    await page.getByTestId('search-result').first().click();
    await page.waitForTimeout(300);
    await waitForIdle();
    const center = await page.evaluate(() => (window.__netguard?.map as MapHandle).getCenter());
    const [minLon, minLat, maxLon, maxLat] = target.bbox;
    expect(center.lng).toBeGreaterThanOrEqual(minLon);
    expect(center.lng).toBeLessThanOrEqual(maxLon);
    expect(center.lat).toBeGreaterThanOrEqual(minLat);
    expect(center.lat).toBeLessThanOrEqual(maxLat);
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-map-dak-glei.png` });
  });

  it('finds hotspots over the twelve months up to today and builds a patrol plan that prints with its map', async () => {
    await page.getByTestId('mode-patrol').click();
    const asked = page.waitForRequest((request) => request.url().includes('/api/analysis/hotspots?'));
    const backtestAnswer = page.waitForResponse((response) => response.url().includes('/api/analysis/forecast/backtest'), { timeout: 240_000 });
    await page.getByTestId('run-analysis').click();
    // The default window is the twelve months up to today, so today's cases count.
    const period = new URL((await asked).url()).searchParams;
    expect(period.get('end')).toBe(vietnamToday());
    const firstMonth = new Date(`${vietnamToday().slice(0, 7)}-01T00:00:00Z`);
    firstMonth.setUTCMonth(firstMonth.getUTCMonth() - 11);
    expect(period.get('start')).toBe(firstMonth.toISOString().slice(0, 10));
    await page.getByTestId('hotspot-item').first().waitFor({ timeout: 60_000 });
    await jumpTo([107.95, 14.6], 8);
    await waitForRendered([LAYER_IDS.analysisCellFill]);
    // The hexagons' seven Gi* classes are explained over the map.
    expect(await page.locator('[data-testid="hotspot-legend"] li').count()).toBe(7);
    // The forecast's top cells are drawn beside the Gi* map, and its backtest verdicts are the server's, as they are.
    await waitForRendered([LAYER_IDS.analysisForecastLine]);
    const backtest = (await (await backtestAnswer).json()) as { backtest: { comparison: { level: number; verdict: string }[] } };
    await page.getByTestId('backtest-table').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="backtest-table"] tbody tr').count()).toBe(15);
    const verdicts = await page.locator('[data-testid="backtest-verdicts"] li').allTextContents();
    const words = { better: /tốt hơn rõ rệt|clearly better/, level: /không khác biệt rõ rệt|not clearly different/, worse: /kém hơn rõ rệt|clearly worse/ };
    expect(verdicts.length).toBe(backtest.backtest.comparison.length);
    backtest.backtest.comparison.forEach((comparison, i) => expect(verdicts[i]).toMatch(words[comparison.verdict as keyof typeof words]));
    await page.getByTestId('forecast-layer').uncheck();
    await expect.poll(() => renderedCount([LAYER_IDS.analysisForecastLine]), { timeout: 30_000 }).toBe(0);
    await page.getByTestId('forecast-layer').check();
    await page.getByTestId('generate-plan').click();
    await page.locator('[data-testid="plan-schedule"] tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="plan-schedule"] tbody tr').count()).toBeGreaterThan(0);
    await waitForRendered([LAYER_IDS.planStopPoint]);
    expect(await page.getByTestId('export-gpx').getAttribute('href')).toMatch(/\/api\/patrol-plans\/.+\/export\?format=gpx/);
    await page.screenshot({ path: `${OUTPUT_DIR}/e2e-patrol-plan.png` });

    // Printed: a police plan whose first page has the heading and the plan's map as a picture.
    await page.getByTestId('document-number-input').fill('27');
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('[data-testid="print-map-image"]')?.src.startsWith('data:image/png'), undefined, { timeout: 60_000 });
    const pdf = `${OUTPUT_DIR}/ke-hoach-tuan-tra.pdf`;
    await printToPdf(page, pdf);
    const first = pdfPageText(pdf, 1);
    for (const part of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BỘ CÔNG AN', 'CÔNG AN TỈNH QUẢNG NGÃI', 'Số: 27/KH-CAT', `${SHIPPED_AREA.place}, ngày`, 'KẾ HOẠCH']) expect(first).toContain(part);
    expect(first).not.toContain('KON TUM');
    const map = pdfPageImages(pdf, 1).filter((image) => image.width >= 400);
    expect(map.length).toBe(1);
    expect(map[0].inkShare).toBeGreaterThan(0.03);
    for (const part of ['Nơi nhận:', 'GIÁM ĐỐC', 'Lưu: VT', `${SHIPPED_AREA.organisations.department.name} (để phối hợp)`]) expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain(part);
    expect(pdfBlankPages(pdf)).toEqual([]);
  }, 300_000);

  it('zooms in where a person taps a cluster of BTS sites, and stays there when a workspace panel opens', async () => {
    // A fresh page: the map keeps the province fitted as panels open only until a person has moved it.
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInAs(other, server.url, 'police');
    const view = mapPage(other);
    await view.waitForMap();
    // Incidents are drawn over the sites at this zoom: the officer shows only the BTS sites, as the layer list allows.
    for (const collection of Object.keys(THEMATIC_LAYERS).filter((name) => name !== 'bts_sites')) {
      const toggle = other.getByTestId(`layer-toggle-${collection}`);
      if ((await toggle.count()) && (await toggle.isChecked())) await toggle.uncheck();
    }
    await view.waitForRendered([LAYER_IDS.btsCluster]);
    await view.waitForIdle();
    const before = await view.zoom();
    // A cluster drawn on top, with nothing else selectable within a few pixels of its middle, not under a panel.
    const cluster = await other.evaluate(({ clusterLayers, selectable }) => {
      type Found = { layer: { id: string }; geometry: { coordinates: [number, number] } };
      const map = window.__netguard?.map as {
        getLayer: (id: string) => unknown;
        project: (at: [number, number]) => { x: number; y: number };
        queryRenderedFeatures: (...args: unknown[]) => Found[];
      };
      const layers = selectable.filter((id) => map.getLayer(id));
      return map.queryRenderedFeatures({ layers: [clusterLayers[0]] }).map((found) => found.geometry.coordinates).find((at) => {
        const { x, y } = map.project(at);
        const [top] = map.queryRenderedFeatures([x, y], { layers });
        const near = map.queryRenderedFeatures([[x - 6, y - 6], [x + 6, y + 6]], { layers }).filter((found) => !clusterLayers.includes(found.layer.id));
        const canvas = document.querySelector('[data-testid="map"] canvas')!;
        const box = canvas.getBoundingClientRect();
        return top && clusterLayers.includes(top.layer.id) && near.length === 0 && document.elementFromPoint(box.left + x, box.top + y) === canvas;
      }) ?? null;
    }, { clusterLayers: [LAYER_IDS.btsCluster, LAYER_IDS.btsClusterCount] as string[], selectable: Object.values(THEMATIC_LAYERS).flat() });
    expect(cluster).not.toBeNull();
    await view.click(cluster!);
    await expect.poll(() => view.zoom()).toBeGreaterThan(before + 0.5);
    await view.waitForIdle();
    const zoomed = await view.zoom();
    await other.getByTestId('mode-cases').click();
    await other.getByTestId('register-search').waitFor();
    await other.waitForTimeout(500);
    await view.waitForIdle();
    expect(await view.zoom()).toBeCloseTo(zoomed, 1);
    await other.close();
  });

  it('asks nothing of the internet: every request stays on the app origin', () => {
    expect(offOriginRequests).toEqual([]);
  });
});
