/**
 * The JavaScript each page of the built web app loads before it can run (its entry and every chunk it imports
 * statically), gzipped, with MapLibre's chunk and worker counted apart. Reads dist/web/.vite/manifest.json, so run
 * `npm run build` first. `npx tsx scripts/bundle-sizes.ts` prints the table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestChunk = { file: string; name?: string; isEntry?: boolean; imports?: string[]; src?: string };
export type PageSize = { page: string; files: string[]; gzipBytes: number; maplibreGzipBytes: number };

const DIST = 'dist/web';
const isMapLibre = (chunk: ManifestChunk) => chunk.name === 'maplibre' || /maplibre/.test(chunk.file);

/** Sizes of each HTML entry's JavaScript in `dist`, split into MapLibre and the rest. */
export function pageSizes(dist = DIST): PageSize[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const gzip = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  return Object.entries(manifest).filter(([, chunk]) => chunk.isEntry && chunk.src?.endsWith('.html')).map(([key, entry]) => {
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const imported of manifest[id]?.imports ?? []) walk(imported);
    };
    walk(key);
    const chunks = [...seen].map((id) => manifest[id]).filter((chunk) => chunk?.file.endsWith('.js'));
    return {
      page: entry.src!,
      files: chunks.map((chunk) => chunk.file),
      gzipBytes: chunks.filter((chunk) => !isMapLibre(chunk)).reduce((sum, chunk) => sum + gzip(chunk.file), 0),
      maplibreGzipBytes: chunks.filter(isMapLibre).reduce((sum, chunk) => sum + gzip(chunk.file), 0),
    };
  });
}

if (process.argv[1]?.endsWith('bundle-sizes.ts')) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('page              JS gzip (beyond MapLibre)   MapLibre gzip');
  for (const size of pageSizes()) console.log(`${size.page.padEnd(18)}${kb(size.gzipBytes).padStart(12)}${kb(size.maplibreGzipBytes).padStart(28)}`);
}
