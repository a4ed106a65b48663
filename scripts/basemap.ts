import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { baseGeography } from './generator/index.ts';
import { serializeCollection } from './generator/serialize.ts';
import { basemapArchive } from './pmtiles/basemap-archive.ts';

const OUTPUTS = ['admin_areas', 'roads'] as const;
/** The field app's offline basemap (the name it is fetched by, whatever the area). */
const ARCHIVE = 'kontum.pmtiles';
/** Names the area a basemap was built from, so switching areas rebuilds it even when its files are older. */
const STAMP = 'area.txt';

/**
 * Writes an area's base geography (admin areas and roads) as static GeoJSON and as a PMTiles archive into `outDir`,
 * unless the outputs are
 * newer than the area's files and were built from the same area.
 * @returns a line saying what was done
 */
export function writeBasemap(areaDir: string, outDir: string, force = false): string {
  const area = resolve(areaDir);
  const newestSource = Math.max(...readdirSync(area).map((name) => statSync(join(area, name)).mtimeMs));
  const stamp = join(outDir, STAMP);
  const fresh = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === area && [...OUTPUTS.map((name) => `${name}.geojson`), ARCHIVE].every((name) => {
    const file = join(outDir, name);
    return existsSync(file) && statSync(file).mtimeMs > newestSource;
  });
  if (fresh && !force) return `basemap: ${outDir} is up to date`;
  mkdirSync(outDir, { recursive: true });
  const collections = baseGeography(area);
  for (const name of OUTPUTS) writeFileSync(join(outDir, `${name}.geojson`), serializeCollection(collections[name]));
  const archive = basemapArchive({ admin_areas: collections.admin_areas, roads: collections.roads });
  writeFileSync(join(outDir, ARCHIVE), archive);
  writeFileSync(stamp, `${area}\n`);
  return `basemap: wrote ${OUTPUTS.map((name) => `${name} (${collections[name].features.length})`).join(', ')} and ${ARCHIVE} (${(archive.length / 1024).toFixed(0)} KB) to ${outDir}`;
}
