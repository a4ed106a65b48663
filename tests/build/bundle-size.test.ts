import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageSizes } from '../../scripts/bundle-sizes.ts';

// `npm test` builds the app before running the suites; measured from the files a phone downloads.
describe.runIf(existsSync('dist/web/.vite/manifest.json'))('what a phone downloads', () => {
  it('the hotline page loads under 300 KB of JavaScript gzip besides MapLibre, and none of the signed-in app', () => {
    const sizes = pageSizes();
    const hotline = sizes.find((size) => size.page === 'bao-tin.html')!;
    const app = sizes.find((size) => size.page === 'index.html')!;
    expect(hotline.gzipBytes).toBeLessThan(300 * 1024);
    expect(hotline.maplibreGzipBytes).toBeGreaterThan(0);
    // The signed-in app's own entry chunk (its workspaces, terra-draw, Observable Plot…) is not loaded by the hotline.
    expect(hotline.files).not.toContain(app.files[0]);
  });

  it('the field app loads none of the signed-in app either (its service worker keeps only its own files)', () => {
    const sizes = pageSizes();
    const field = sizes.find((size) => size.page === 'thuc-dia.html')!;
    const app = sizes.find((size) => size.page === 'index.html')!;
    expect(field.maplibreGzipBytes).toBeGreaterThan(0);
    expect(field.files).not.toContain(app.files[0]);
    // Workbox's precache list, as the generated service worker holds it: every script the field page loads, none of the app's.
    const worker = readFileSync('dist/web/field-sw.js', 'utf8');
    const precached = [...worker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]);
    for (const file of field.files) expect(precached).toContain(file);
    expect(precached).toContain('thuc-dia.html');
    expect(precached).not.toContain(app.files[0]);
  });
});
