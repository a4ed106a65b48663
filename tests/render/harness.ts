import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import type { StyleSpecification } from 'maplibre-gl';

/** The origin the harness page pretends to be; every request to it is answered from files on disk. */
export const RENDER_ORIGIN = 'http://render.test';

const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.pbf': 'application/x-protobuf', '.html': 'text/html' };
const ROOTS: Record<string, string> = { maplibre: 'node_modules/maplibre-gl/dist', glyphs: 'web/public/glyphs', sprite: 'web/public/sprite' };

const PAGE = `<!doctype html><html><head><style>html,body{margin:0}#map{width:var(--w);height:var(--h)}</style></head><body><div id="map"></div>
<script type="module">
import * as maplibregl from '/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
window.renderStyle = (style, camera) => new Promise((resolve, reject) => {
  const map = new maplibregl.Map({ container: 'map', style, center: camera.center, zoom: camera.zoom, interactive: false, attributionControl: false, fadeDuration: 0, canvasContextAttributes: { preserveDrawingBuffer: true } });
  map.on('error', (event) => reject(new Error(String(event.error?.message ?? event.error))));
  map.once('idle', () => resolve(map.getCanvas().toDataURL('image/png')));
});
window.harnessReady = true;
</script></body></html>`;

/**
 * Renders a style in the page's Chromium (MapLibre GL JS, WebGL through SwiftShader) at a fixed size and camera,
 * as MapLibre's own render tests do, and returns the canvas as PNG bytes. Scripts, glyphs and the sprite come from
 * disk through request routing, so no server runs.
 */
export async function renderStyle(page: Page, style: StyleSpecification, camera: { center: [number, number]; zoom: number; width: number; height: number }): Promise<Buffer> {
  await page.route(`${RENDER_ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ status: 200, contentType: 'text/html', body: PAGE.replace('var(--w)', `${camera.width}px`).replace('var(--h)', `${camera.height}px`) });
    const [, root, ...rest] = decodeURIComponent(path).split('/');
    const file = ROOTS[root] ? normalize(join(ROOTS[root], ...rest)) : null;
    if (!file || !file.startsWith(ROOTS[root])) return route.fulfill({ status: 404, body: '' });
    try {
      return await route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
  await page.goto(`${RENDER_ORIGIN}/`);
  await page.waitForFunction(() => (window as unknown as { harnessReady?: boolean }).harnessReady === true);
  // The style travels as JSON text: playwright's argument types recurse too deeply over StyleSpecification.
  const dataUrl = await page.evaluate(({ json, camera }) => (window as unknown as { renderStyle: (s: unknown, c: unknown) => Promise<string> }).renderStyle(JSON.parse(json), camera), { json: JSON.stringify(style), camera });
  await page.unroute(`${RENDER_ORIGIN}/**`);
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}
