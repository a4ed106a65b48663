import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from './generator/index.ts';
import { loadNational } from './national/build.ts';
import { openPostgresStorage } from '../server/storage/postgres/index.ts';
import { createDatabaseWithExtensions, startPostgresCluster, stopCluster } from '../tests/helpers/postgres-cluster.ts';

/**
 * `tsx scripts/export-memory.ts [copies]`: the peak RSS of a PostgreSQL GeoJSON export of every incident, streamed
 * from the cursor (`FeatureStore.exportStream`) against the same layer read whole (as the provider did before), each
 * in a fresh process over a throwaway cluster loaded with `copies` national copies (10,000 incidents each). A
 * measurement, not a test: the cursor's bound is tested in tests/api/exports-cursor.test.ts.
 */
const ENCODER = {
  module: new URL('../server/exports/collection.ts', import.meta.url).href,
  options: { collectionId: 'incidents', redaction: null, format: 'geojson', now: new Date().toISOString(), crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' },
};
const EVERYTHING = { filters: [], limit: Number.MAX_SAFE_INTEGER, offset: 0 };

/** One export in this process; prints the bytes, the time and the peak RSS. */
async function exportOnce(url: string, mode: string): Promise<void> {
  const storage = await openPostgresStorage(url);
  const opened = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  let bytes = 0;
  if (mode === 'cursor') {
    const reader = (await storage.features.exportStream('incidents', EVERYTHING, ENCODER as never)).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.byteLength;
      // A client a little slower than the database, so the cursor waits for it.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  } else {
    const whole = await storage.features.query('incidents', EVERYTHING);
    bytes = JSON.stringify({ type: 'FeatureCollection', features: whole.features }).length;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${mode.padEnd(6)} ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s; peak RSS ${opened.toFixed(0)} MB once open, ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB at the end`);
  await storage.close();
}

if (process.argv[2] === '--export') await exportOnce(process.argv[3], process.argv[4]);
else {
  const copies = Number(process.argv[2] ?? 8);
  const cluster = await startPostgresCluster(['shared_buffers=128MB']);
  try {
    const url = await createDatabaseWithExtensions(cluster, 'export_memory');
    const storage = await openPostgresStorage(url);
    await loadNational(storage.features, { copies, seed: DEFAULT_SEED });
    console.log(`${(await storage.features.counts()).incidents} incidents`);
    await storage.close();
    for (const mode of ['cursor', 'whole']) {
      console.log(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--export', url, mode], { encoding: 'utf8' }).trim());
    }
  } finally {
    await stopCluster(cluster);
  }
}
