/**
 * Writes the real base geography (admin areas, national roads; OSM and geoBoundaries data, see data/kontum/SOURCES.md)
 * as static GeoJSON into web/public/basemap/, so every page — the public hotline page included — draws the
 * province offline without reading any API collection, and as one PMTiles archive of vector tiles
 * (`kontum.pmtiles`) that the field app keeps on the phone. Skips the work when the outputs are newer than the sources.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseGeography } from './generator/index.ts';
import { serializeCollection } from './generator/serialize.ts';
import { basemapArchive } from './pmtiles/basemap-archive.ts';

const SOURCE_DIR = 'data/kontum';
const OUT_DIR = 'web/public/basemap';
const outputs = ['admin_areas', 'roads'] as const;

const newestSource = Math.max(...readdirSync(SOURCE_DIR).map((name) => statSync(join(SOURCE_DIR, name)).mtimeMs));
const ARCHIVE = 'kontum.pmtiles';
const fresh = [...outputs.map((name) => `${name}.geojson`), ARCHIVE].every((name) => {
  const file = join(OUT_DIR, name);
  return existsSync(file) && statSync(file).mtimeMs > newestSource;
});
if (fresh && !process.argv.includes('--force')) {
  console.log(`basemap: ${OUT_DIR} is up to date`);
} else {
  mkdirSync(OUT_DIR, { recursive: true });
  const collections = baseGeography();
  for (const name of outputs) writeFileSync(join(OUT_DIR, `${name}.geojson`), serializeCollection(collections[name]));
  const archive = basemapArchive({ admin_areas: collections.admin_areas, roads: collections.roads });
  writeFileSync(join(OUT_DIR, ARCHIVE), archive);
  console.log(`basemap: wrote ${outputs.map((name) => `${name} (${collections[name].features.length})`).join(', ')} and ${ARCHIVE} (${(archive.length / 1024).toFixed(0)} KB) to ${OUT_DIR}`);
}
