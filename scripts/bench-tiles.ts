/**
 * `npm run bench:tiles [-- --copies 3 --runs 15]`: a vector tile built by the PostgreSQL provider (ST_AsMVT, in the
 * database) beside the same tile built by the SQLite provider (its aggregates and generalised lines, geojson-vt in
 * Node), on one national-style set loaded into both: `--copies` province-sized copies (`scripts/national/build.ts`)
 * in a temporary SQLite file and a throwaway PostgreSQL cluster (tests/helpers/postgres.ts). Each figure is the
 * store's `vectorTile` (no cache), median and p99 of `--runs`, both providers alternating in one run, for a full
 * reader and for a carrier (redaction, foreign lines). Never a test: figures depend on the machine; read them as ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tileOfPosition } from '../server/geometry/web-mercator.ts';
import { openPostgresStorage } from '../server/storage/postgres/index.ts';
import { openSqliteStorage } from '../server/storage/sqlite/index.ts';
import type { Storage } from '../server/storage/storage.ts';
import type { TileScope } from '../server/storage/vector-tiles.ts';
import { psqlAt, startCluster, stopCluster } from '../tests/helpers/postgres.ts';
import { DEFAULT_SEED } from './generator/index.ts';
import { loadNational } from './national/build.ts';
import { medianAndP99 } from './bench-stats.ts';

const { values } = parseArgs({ options: { copies: { type: 'string', default: '3' }, runs: { type: 'string', default: '15' } } });
const RUNS = Number(values.runs);
const SCOPES: Record<string, TileScope> = {
  full: { filters: [], redaction: null },
  carrier: { filters: [], redaction: { keep: ['owner', 'status'], unlessOwner: 'viettel' }, privateRows: { property: 'owner', value: 'viettel' } },
};

const scratch = mkdtempSync(join(tmpdir(), 'netguard-bench-tiles-'));
const cluster = await startCluster();
try {
  const server = `postgres://postgres@127.0.0.1:${cluster.port}`;
  await psqlAt(`${server}/postgres`, 'CREATE DATABASE bench TEMPLATE netguard_template');
  const providers: [string, Storage][] = [['SQLite', openSqliteStorage(join(scratch, 'bench.sqlite'))], ['PostgreSQL', await openPostgresStorage(`${server}/bench`)]];
  for (const [, storage] of providers) await loadNational(storage.features, { copies: Number(values.copies), seed: DEFAULT_SEED });
  await psqlAt(`${server}/bench`, 'ANALYZE');
  const [lon, lat] = ((await providers[0][1].features.get('bts_sites', 1))!.geometry as { coordinates: number[] }).coordinates;
  const rows: string[][] = [];
  for (const z of [6, 10, 14]) for (const collection of ['incidents', 'bts_sites', 'cable_routes']) for (const [scopeName, scope] of Object.entries(SCOPES)) {
    if (collection === 'incidents' && scopeName === 'carrier') continue;
    const [x, y] = tileOfPosition(lon, lat, z);
    const times: number[][] = providers.map(() => []);
    const sizes: number[] = [];
    for (let run = -1; run < RUNS; run++) {
      for (const [index, [, storage]] of providers.entries()) {
        const started = performance.now();
        const bytes = await storage.features.vectorTile(collection, { z, x, y, scope });
        if (run >= 0) times[index].push(performance.now() - started);
        sizes[index] = bytes.byteLength;
      }
    }
    const [{ median: sqliteMedian }, { median: postgresMedian, p99: postgresP99 }] = times.map(medianAndP99);
    rows.push([`${collection} z${z} ${scopeName}`, postgresMedian.toFixed(1), postgresP99.toFixed(1), sqliteMedian.toFixed(1), `${(postgresMedian / sqliteMedian).toFixed(1)}×`, `${(sizes[1] / 1024).toFixed(0)} / ${(sizes[0] / 1024).toFixed(0)} KB`]);
  }
  for (const [, storage] of providers) await storage.close();
  const header = ['tile (store.vectorTile, no cache)', 'PG p50 ms', 'PG p99 ms', 'SQLite p50 ms', 'PG / SQLite', 'bytes PG / SQLite'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
} finally {
  await stopCluster(cluster);
  rmSync(scratch, { recursive: true, force: true });
}
