/**
 * Builds MapLibre glyph PBFs (SDF, 24 px, buffer 3) for Noto Sans Regular and Bold from the OFL fonts of
 * @fontsource/noto-sans, into web/public/glyphs/{fontstack}/{start}-{end}.pbf, so the map labels offline.
 * Skips the work when every output is newer than the fonts. Usage: `tsx scripts/build-glyphs.ts [--force]`.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import opentype, { type Font } from 'opentype.js';
import { encodeGlyphRange, type GlyphRecord } from './glyphs/glyph-pbf.ts';
import { flattenPath, signedDistanceField } from './glyphs/sdf.ts';

const FONT_SIZE_PX = 24, BUFFER_PX = 3, RADIUS_PX = 8, CUTOFF = 0.25;
const FONT_DIR = 'node_modules/@fontsource/noto-sans';
const OUT_DIR = 'web/public/glyphs';
const SUBSETS = ['latin', 'latin-ext', 'vietnamese'];
const STACKS = [{ name: 'Noto Sans Regular', weight: 400 }, { name: 'Noto Sans Bold', weight: 700 }];
/** Ranges of 256 code points that cover Vietnamese: Basic Latin … Latin Extended Additional, punctuation. */
const RANGE_STARTS = [0, 256, 512, 768, 7680, 7936, 8192, 8448];

function fontFiles(weight: number): string[] {
  return SUBSETS.map((subset) => join(FONT_DIR, 'files', `noto-sans-${subset}-${weight}-normal.woff`));
}

function rasterize(fonts: readonly Font[], codePoint: number): GlyphRecord | undefined {
  const char = String.fromCodePoint(codePoint);
  const font = fonts.find((candidate) => candidate.charToGlyphIndex(char) > 0);
  if (!font) return undefined;
  const glyph = font.charToGlyph(char);
  const scale = FONT_SIZE_PX / font.unitsPerEm;
  const ascenderPx = Math.round(font.ascender * scale);
  const advance = Math.round((glyph.advanceWidth ?? 0) * scale);
  const segments = flattenPath(glyph.getPath(0, 0, FONT_SIZE_PX).commands);
  if (segments.length === 0) return { id: codePoint, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: -ascenderPx, advance };
  const xs = segments.flatMap(([x1, , x2]) => [x1, x2]), ys = segments.flatMap(([, y1, , y2]) => [y1, y2]);
  const left = Math.floor(Math.min(...xs)), top = Math.ceil(Math.max(...ys));
  const width = Math.ceil(Math.max(...xs)) - left, height = top - Math.floor(Math.min(...ys));
  const bitmap = signedDistanceField(segments, { left, top, width, height, bufferPx: BUFFER_PX, radiusPx: RADIUS_PX, cutoff: CUTOFF });
  // node-fontnik top-aligns glyphs: top is measured from the ascender line, not the baseline.
  return { id: codePoint, bitmap, width, height, left, top: top - ascenderPx, advance };
}

function isUpToDate(stackDir: string, sources: readonly string[]): boolean {
  const newestSource = Math.max(...sources.map((file) => statSync(file).mtimeMs), statSync(import.meta.filename).mtimeMs);
  return RANGE_STARTS.every((start) => {
    const file = join(stackDir, `${start}-${start + 255}.pbf`);
    return existsSync(file) && statSync(file).mtimeMs > newestSource;
  });
}

function buildStack(name: string, weight: number, force: boolean): void {
  const sources = fontFiles(weight);
  const stackDir = join(OUT_DIR, name);
  if (!force && existsSync(stackDir) && isUpToDate(stackDir, sources)) {
    console.log(`glyphs: ${name} is up to date`);
    return;
  }
  const fonts = sources.map((file) => {
    const bytes = readFileSync(file);
    return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  });
  mkdirSync(stackDir, { recursive: true });
  let count = 0;
  for (const start of RANGE_STARTS) {
    const glyphs: GlyphRecord[] = [];
    for (let codePoint = start; codePoint <= start + 255; codePoint++) {
      const glyph = rasterize(fonts, codePoint);
      if (glyph) glyphs.push(glyph);
    }
    count += glyphs.length;
    writeFileSync(join(stackDir, `${start}-${start + 255}.pbf`), encodeGlyphRange(name, start, start + 255, glyphs));
  }
  console.log(`glyphs: ${name}: ${count} glyphs in ${RANGE_STARTS.length} ranges`);
}

const force = process.argv.includes('--force');
for (const stack of STACKS) buildStack(stack.name, stack.weight, force);
copyFileSync(join(FONT_DIR, 'LICENSE'), join(OUT_DIR, 'OFL-LICENSE.txt'));
