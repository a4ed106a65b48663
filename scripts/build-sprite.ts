/**
 * Builds the map's sprite (MapLibre's sprite.json + sprite.png, and @2x) into web/public/sprite/: one image per
 * entry of `iconSpecs()` — a shape in the layer's colour with a white glyph from Maki (Mapbox's icon set, CC0 1.0,
 * `@mapbox/maki`) — rasterised by resvg (WebAssembly, so no native build). Skips the work when the outputs are newer
 * than this script, the icon specs and Maki. Usage: `tsx scripts/build-sprite.ts [--force]`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { ICON_SIZE_PX, iconSpecs, spriteLayout, type IconSpec, type Shape } from '../web/src/map/icons.ts';

const OUT_DIR = 'web/public/sprite';
const MAKI_DIR = 'node_modules/@mapbox/maki/icons';
const S = ICON_SIZE_PX;

/** The outline of each shape in a 24-unit square, with a 1.5-unit white rim so icons read on any background. */
const SHAPES: Record<Shape, string> = {
  circle: `<circle cx="12" cy="12" r="10"/>`,
  square: `<rect x="2.5" y="2.5" width="19" height="19" rx="3.5"/>`,
  triangle: `<path d="M12 1.8 L22.6 20.6 Q23 21.8 21.7 21.8 H2.3 Q1 21.8 1.4 20.6 Z"/>`,
  diamond: `<path d="M12 1.2 L22.8 12 L12 22.8 L1.2 12 Z"/>`,
  shield: `<path d="M12 1.5 L21.5 4.5 V11 Q21.5 18.5 12 22.8 Q2.5 18.5 2.5 11 V4.5 Z"/>`,
};

/** A Maki icon (15 × 15 viewBox) as a nested, white SVG placed in the middle of the shape. */
function glyphSvg(name: string, shape: Shape): string {
  const source = readFileSync(join(MAKI_DIR, `${name}.svg`), 'utf8').replace(/<\?xml[^>]*>/, '').trim();
  const inner = source.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const size = shape === 'triangle' ? 10 : shape === 'diamond' ? 11 : 13;
  const y = shape === 'triangle' ? 10 : (S - size) / 2;
  return `<svg x="${(S - size) / 2}" y="${y}" width="${size}" height="${size}" viewBox="0 0 15 15" fill="#ffffff">${inner}</svg>`;
}

function iconSvg(icon: IconSpec, x: number, y: number): string {
  const mark = icon.mark === 'exclamation' ? '<rect x="10.9" y="8" width="2.2" height="7.5" rx="1" fill="#ffffff"/><circle cx="12" cy="18.2" r="1.3" fill="#ffffff"/>' : '';
  const glyph = icon.glyph ? glyphSvg(icon.glyph, icon.shape) : '';
  return `<g transform="translate(${x} ${y})"><g fill="${icon.fill}" stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round">${SHAPES[icon.shape]}</g>${glyph}${mark}</g>`;
}

/** Sprite index and sheet as SVG, laid out by `spriteLayout`, each icon S × S at pixel ratio 1. */
export function spriteSheet(icons: readonly IconSpec[]) {
  const layout = spriteLayout(icons);
  const index: Record<string, { x: number; y: number; width: number; height: number; pixelRatio: number }> = {};
  const parts = icons.map((icon) => {
    const { x, y } = layout.index.get(icon.id)!;
    index[icon.id] = { x, y, width: S, height: S, pixelRatio: 1 };
    return iconSvg(icon, x, y);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">${parts.join('')}</svg>`;
  return { svg, index };
}

function upToDate(outputs: string[], inputs: string[]): boolean {
  if (!outputs.every(existsSync)) return false;
  const newestInput = Math.max(...inputs.map((file) => statSync(file).mtimeMs));
  return outputs.every((file) => statSync(file).mtimeMs > newestInput);
}

async function main(): Promise<void> {
  const outputs = ['sprite.json', 'sprite.png', 'sprite@2x.json', 'sprite@2x.png'].map((name) => join(OUT_DIR, name));
  const inputs = ['scripts/build-sprite.ts', 'web/src/map/icons.ts', 'web/src/map/symbology.ts', 'node_modules/@mapbox/maki/package.json'];
  if (!process.argv.includes('--force') && upToDate(outputs, inputs)) return;
  await initWasm(readFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm'));
  const { svg, index } = spriteSheet(iconSpecs());
  mkdirSync(OUT_DIR, { recursive: true });
  for (const ratio of [1, 2]) {
    const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: ratio } }).render().asPng();
    const suffix = ratio === 1 ? '' : `@${ratio}x`;
    const scaled = Object.fromEntries(Object.entries(index).map(([id, entry]) => [id, { x: entry.x * ratio, y: entry.y * ratio, width: entry.width * ratio, height: entry.height * ratio, pixelRatio: ratio }]));
    writeFileSync(join(OUT_DIR, `sprite${suffix}.png`), png);
    writeFileSync(join(OUT_DIR, `sprite${suffix}.json`), JSON.stringify(scaled));
  }
  console.log(`sprite: ${Object.keys(index).length} icons → ${OUT_DIR}`);
}

if (process.argv[1]?.endsWith('build-sprite.ts')) await main();
