import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { launchChromium } from '../helpers/browser.ts';
import { renderStyle } from './harness.ts';
import { scenes } from './scenes.ts';

/** MapLibre's render tests allow a small share of differing pixels; ours run on one kind of machine, so 0.5 % suffices. */
const ALLOWED_SHARE = 0.005;
const EXPECTED_DIR = 'tests/render/expected';
const OUTPUT_DIR = 'test-output/render';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); }, 60_000);
afterAll(async () => { await browser?.close(); });

describe('golden render tests (style + expected PNG, compared with a tolerance)', { timeout: 90_000 }, () => {
  for (const scene of scenes()) {
    it(`${scene.name} renders as expected`, async () => {
      expect(validateStyleMin(scene.style)).toEqual([]);
      const page = await browser.newPage({ viewport: { width: scene.camera.width, height: scene.camera.height }, deviceScaleFactor: 1 });
      const actual = PNG.sync.read(await renderStyle(page, scene.style, scene.camera));
      await page.close();
      mkdirSync(OUTPUT_DIR, { recursive: true });
      writeFileSync(`${OUTPUT_DIR}/${scene.name}-actual.png`, PNG.sync.write(actual));
      const expectedPath = `${EXPECTED_DIR}/${scene.name}.png`;
      if (process.env.UPDATE === '1' || !existsSync(expectedPath)) {
        mkdirSync(EXPECTED_DIR, { recursive: true });
        writeFileSync(expectedPath, PNG.sync.write(actual));
        if (process.env.UPDATE !== '1') throw new Error(`no ${expectedPath} yet: wrote it from this run; check it by eye and commit it`);
      }
      const expected = PNG.sync.read(readFileSync(expectedPath));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const diff = new PNG({ width: expected.width, height: expected.height });
      const differing = pixelmatch(expected.data, actual.data, diff.data, expected.width, expected.height, { threshold: 0.1 });
      writeFileSync(`${OUTPUT_DIR}/${scene.name}-diff.png`, PNG.sync.write(diff));
      expect(differing / (expected.width * expected.height)).toBeLessThanOrEqual(ALLOWED_SHARE);
    });
  }
});
