import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

/** A4 PDF of the page as Chromium prints it (print media, backgrounds on), written to `path`. */
export async function printToPdf(page: Page, path: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
}

/** Text of one page, read by poppler's pdftotext — a real PDF reader, not our code. */
export function pdfPageText(path: string, pageNumber: number): string {
  return execFileSync('pdftotext', ['-f', String(pageNumber), '-l', String(pageNumber), '-layout', path, '-']).toString('utf8');
}

export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
}

/** Numbers of the pages with no text at all (pdftotext ends each page with a form feed): sheets printed blank. */
export function pdfBlankPages(path: string): number[] {
  return pdfText(path).split('\f').slice(0, -1).flatMap((text, index) => (text.trim() ? [] : [index + 1]));
}

/**
 * The raster images placed on one page (poppler's pdfimages), each with its size and how much of it is not plain
 * white or one flat colour: a blank block where a map should be has no such pixels.
 */
export function pdfPageImages(path: string, pageNumber: number): { width: number; height: number; inkShare: number }[] {
  const directory = mkdtempSync(join(tmpdir(), 'pdf-images-'));
  try {
    // `-list` says which extracted images are pictures and which are only their transparency masks.
    const kinds = execFileSync('pdfimages', ['-f', String(pageNumber), '-l', String(pageNumber), '-list', path]).toString().split('\n').slice(2)
      .filter((line) => line.trim()).map((line) => line.trim().split(/\s+/)[2]);
    execFileSync('pdfimages', ['-f', String(pageNumber), '-l', String(pageNumber), '-png', path, join(directory, 'image')]);
    return readdirSync(directory).filter((name) => name.endsWith('.png')).sort().filter((_, index) => kinds[index] === 'image').map((name) => {
      const png = PNG.sync.read(readFileSync(join(directory, name)));
      const first = png.data.readUInt32BE(0);
      let ink = 0;
      for (let offset = 0; offset < png.data.length; offset += 4) {
        const [r, g, b] = [png.data[offset], png.data[offset + 1], png.data[offset + 2]];
        if (png.data.readUInt32BE(offset) !== first && !(r > 245 && g > 245 && b > 245)) ink += 1;
      }
      return { width: png.width, height: png.height, inkShare: ink / (png.width * png.height) };
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
