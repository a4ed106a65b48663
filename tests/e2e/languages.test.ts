import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, signInAs } from '../helpers/map-page.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';

const OUTPUT_DIR = 'test-output';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  mkdirSync(OUTPUT_DIR, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Each workspace of the admin (who has them all) and what shows it is ready. */
const WORKSPACES: { mode: string; ready: string }[] = [
  { mode: 'map', ready: '[data-testid^="layer-count-"]' },
  { mode: 'cases', ready: '[data-testid="register-row"]' },
  { mode: 'network', ready: '[data-testid="import-panel"]' },
  { mode: 'zones', ready: '[data-testid="queue-item"]' },
  { mode: 'patrol', ready: '[data-testid="incident-histogram"]' },
  { mode: 'report', ready: '[data-testid="report-document"]' },
  { mode: 'oversight', ready: '[data-testid="audit-count"]' },
];

/**
 * Every piece of text a person can see or hear from the UI: visible text nodes, and the titles, placeholders and
 * labels of visible elements — except data (names, addresses, what people wrote), which the app marks
 * `translate="no"` as HTML intends, and the map canvas, whose labels are place names.
 */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const excluded = (element: Element | null) => !element || element.closest('[translate="no"], canvas, style, script') !== null;
    const shown = (element: Element) => (element as HTMLElement).checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) ?? true;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || excluded(parent) || !parent) continue;
      if (parent.tagName === 'OPTION' ? !shown(parent.closest('select')!) : !shown(parent)) continue;
      texts.push(text);
    }
    for (const element of document.body.querySelectorAll('[title], [placeholder], [aria-label]')) {
      if (excluded(element) || !shown(element)) continue;
      for (const name of ['title', 'placeholder', 'aria-label']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Letters only Vietnamese uses among the UI's languages: đ, the breve and circumflex vowels, horn vowels, tone marks. */
const VIETNAMESE = /[đăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
/** English words that never occur in Vietnamese text (none is a Vietnamese syllable). */
const ENGLISH = /\b(the|and|of|with|from|for|is|are|all|none|show|close|loading|download|print|report|search|incidents?|features?|layers?|select|choose|open|filter|page|previous|next|export|import|check|save|cancel|delete|edit|undo|redo|zoom|reset|toggle|unknown|error|failed|sign|user|action|record|date|type|status|source|owner|carrier|district|commune|period|assets?|new|overdue)\b/i;
/** Codes shown as they are stored (snake_case), and what a missing value prints as. */
const RAW = /\b[a-z]+_[a-z_]+\b|\bundefined\b|\bNaN\b|\[object Object\]/;

async function walk(language: 'vi' | 'en'): Promise<string[]> {
  // A browser set to the language, as its users' are (date fields follow the browser's locale, not the page's).
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: language === 'vi' ? 'vi-VN' : 'en-GB' });
  await context.addInitScript((lang) => localStorage.setItem('netguard.language', lang), language);
  const page = await context.newPage();
  const problems: string[] = [];
  // The citizens' hotline page, before anyone signs in.
  await page.goto(`${server.url}/bao-tin`);
  await page.getByTestId('hotline-form').waitFor();
  await mapPage(page).waitForMap();
  await mapPage(page).waitForRendered([LAYER_IDS.provinceFill]);
  problems.push(...check(await visibleTexts(page), language, 'hotline'));
  await page.screenshot({ path: `${OUTPUT_DIR}/lang-${language}-hotline.png` });
  await signInAs(page, server.url, 'admin');
  const map = mapPage(page);
  await map.waitForMap();
  for (const { mode, ready } of WORKSPACES) {
    await page.getByTestId(`mode-${mode}`).click();
    await page.locator(ready).first().waitFor({ timeout: 90_000 });
    if (mode === 'cases') {
      await page.getByTestId('register-row').first().click();
      await page.getByTestId('case-timeline').waitFor();
      problems.push(...check(await visibleTexts(page), language, 'case page'));
      await page.getByTestId('case-back').click();
      await page.getByTestId('register-row').first().waitFor();
    }
    if (mode === 'report') await page.locator('[data-testid="chart-type"] svg').waitFor({ timeout: 60_000 });
    await map.waitForIdle();
    problems.push(...check(await visibleTexts(page), language, mode));
    await page.screenshot({ path: `${OUTPUT_DIR}/lang-${language}-${mode}.png` });
  }
  const missing = await page.evaluate(() => [...(window.__netguardMissingLabels ?? [])]);
  problems.push(...missing.map((code) => `no label for code "${code}"`));
  await context.close();
  return problems;
}

function check(texts: string[], language: 'vi' | 'en', where: string): string[] {
  const wrong = texts.filter((text) => (language === 'en' ? VIETNAMESE.test(text) : ENGLISH.test(text)) || RAW.test(text));
  return [...new Set(wrong)].map((text) => `${where}: “${text}”`);
}

describe('the UI speaks one language at a time', { timeout: 600_000 }, () => {
  it('the hotline page and every workspace in Vietnamese have no English, no raw code and no missing label', async () => {
    expect(await walk('vi')).toEqual([]);
  });

  it('the hotline page and every workspace in English have no Vietnamese, no raw code and no missing label', async () => {
    expect(await walk('en')).toEqual([]);
  });
});
