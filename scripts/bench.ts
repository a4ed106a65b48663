/**
 * `npm run bench [-- --db data/national.sqlite --seconds 10 --rounds 3]`: the national-scale benchmark of issues 6 and
 * 16, printed as one table of medians and p99s with a baseline measured in the same run. `--copies N` builds a fresh
 * N-copy set in a temporary file first (`npm run bench:ci` uses 3 and one round, so the bench keeps running in CI
 * without the national file). `--rounds` alternating loads compare SQLite with one server process, with two, and
 * PostgreSQL with two over the same national set: a throwaway cluster the bench starts and loads through COPY when
 * PostgreSQL's binaries are installed, or the database at `--database-url` (loaded by `npm run db:national --
 * --database-url …`). The streamed exports run on the first server.
 * Never a test: figures depend on the machine; read them as ratios.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApp } from '../server/app.ts';
import { createServices } from '../server/services.ts';
import { openSqliteStorage } from '../server/storage/sqlite/index.ts';
import { inspectSqlite } from '../server/storage/sqlite/inspect.ts';
import { DEFAULT_SEED } from './generator/index.ts';
import { productionEnv, startServer } from '../tests/helpers/server-process.ts';
import { benchStreamedExports } from './bench-exports.ts';
import { benchPostgres } from './bench-postgres.ts';
import { benchCity, benchDatabase, benchTokens, compareServers, mixedLoad, processServers, type BenchRead } from './bench-providers.ts';
import { TEMPLATE_SCALE } from './national/build.ts';
import { openPostgresStorage } from '../server/storage/postgres/index.ts';
import type { Services } from '../server/services.ts';
import { tileOfPosition } from '../server/geometry/web-mercator.ts';
import { encodeTile } from '../server/storage/node-tiles/encode.ts';
import { tileReach } from '../server/storage/vector-tiles.ts';
import { medianAndP99 } from './bench-stats.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'data/national.sqlite' }, copies: { type: 'string' }, seconds: { type: 'string', default: '10' }, runs: { type: 'string', default: '30' }, rounds: { type: 'string', default: '3' }, 'database-url': { type: 'string' } } });
const RUNS = Number(values.runs);
const { path, scratch } = await benchDatabase(values.db!, values.copies);

const services = createServices(openSqliteStorage(path));
const { storage } = services;
const provider = storage.features;
const baseline = inspectSqlite(path);
const { token, editorToken } = await benchTokens(services);
// PostgreSQL over the same national set (as many copies as the SQLite file holds), when it can be had.
const postgres = await benchPostgres({ databaseUrl: values['database-url'], copies: (await provider.counts()).bts_sites / TEMPLATE_SCALE.btsSites, seed: DEFAULT_SEED });
const pgServices = postgres ? createServices(await openPostgresStorage(postgres.url, { poolSize: 4 })) : null;
const pgTokens = pgServices ? await benchTokens(pgServices) : null;
const pgAuth = { headers: { Authorization: `Bearer ${pgTokens?.token}` } };
const pgApp = pgServices && createApp(pgServices);
const app = createApp(services);
const auth = { headers: { Authorization: `Bearer ${token}` } };

async function time(run: (index: number) => unknown, runs = RUNS) {
  await run(-1);
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run(index);
    times.push(performance.now() - started);
  }
  return medianAndP99(times);
}
const rows: string[][] = [];
const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
function row(figure: string, measured: { median: number; p99: number }, baseline: { median: number } | null, target: string) {
  rows.push([figure, fmt(measured.median), fmt(measured.p99), baseline ? fmt(baseline.median) : '—', baseline ? `${(baseline.median / measured.median).toFixed(1)}×` : '—', target]);
}
/** A PostgreSQL figure beside the same one on SQLite (its baseline): the ratio is PostgreSQL's latency over SQLite's. */
function pgRow(figure: string, measured: { median: number; p99: number }, sqlite: { median: number }) {
  rows.push([`${figure}, PostgreSQL`, fmt(measured.median), fmt(measured.p99), fmt(sqlite.median), `PG/SQLite ${(measured.median / sqlite.median).toFixed(2)}×`, 'PG/SQLite ≤ 2×']);
}

// A city-sized box (≈ 11 × 11 km) around the first BTS site of the first copy.
const { centre: [cx, cy], bbox: city } = await benchCity(provider);
for (const collection of ['incidents', 'bts_sites']) {
  const viaIndex = await time(() => provider.query(collection, { bbox: city, filters: [], limit: 1000, offset: 0 }));
  const noIndex = await time(() => baseline.scanBbox(collection, city), Math.min(RUNS, 10));
  row(`items ${collection}, city bbox, limit 1000 (store)`, viaIndex, noIndex, 'p50 ≤ 20 ms, ≥ 10×');
  if (pgServices) pgRow(`items ${collection}, city bbox, limit 1000 (store)`, await time(() => pgServices.storage.features.query(collection, { bbox: city, filters: [], limit: 1000, offset: 0 })), viaIndex);
}
const itemsHttp = (on: ReturnType<typeof createApp>, headers: typeof auth) => time(() => Promise.resolve(on.request(`/api/collections/incidents/items?limit=1000&bbox=${city.join(',')}`, headers)).then((r) => r.arrayBuffer()));
const sqliteItemsHttp = await itemsHttp(app, auth);
row('items incidents, city bbox, limit 1000 (HTTP, GeoJSON)', sqliteItemsHttp, null, 'p50 ≤ 20 ms');
if (pgApp) pgRow('items incidents, city bbox, limit 1000 (HTTP, GeoJSON)', await itemsHttp(pgApp, pgAuth), sqliteItemsHttp);

const tileUrl = (collection: string, z: number, dx = 0): string => { const [x, y] = tileOfPosition(cx, cy, z); return `/api/collections/${collection}/tiles/WebMercatorQuad/${z}/${y}/${x + dx}`; };
for (const z of [6, 10, 14]) {
  for (const collection of ['incidents', 'cable_routes']) {
    // Cold: the same tile from a fresh app each run (an empty cache); warm: the same tile again from one app.
    const coldRuns = Math.min(RUNS, 15);
    const coldOn = (on: Services, headers: typeof auth) => {
      const fresh = Array.from({ length: coldRuns + 1 }, () => createApp(on));
      return time((index) => Promise.resolve(fresh[index + 1].request(tileUrl(collection, z), headers)).then((r) => r.arrayBuffer()), coldRuns);
    };
    const cold = await coldOn(services, auth);
    const pgCold = pgServices && await coldOn(pgServices, pgAuth);
    const warm = await time(() => Promise.resolve(app.request(tileUrl(collection, z), auth)).then((r) => r.arrayBuffer()));
    // Baseline: what a tile server without aggregates or generalisation does — every feature under the tile read
    // through the R*Tree and handed to geojson-vt, which simplifies and clips it.
    const [x, y] = tileOfPosition(cx, cy, z);
    const naive = await time(async () => encodeTile(collection, (await provider.query(collection, { bbox: tileReach(z, x, y), filters: [], limit: 2_000_000, offset: 0 })).features, z, x, y), z < 10 ? 3 : 10);
    row(`tile ${collection} z${z}, cold (built)`, cold, naive, 'p50 ≤ 10 ms');
    if (pgCold) pgRow(`tile ${collection} z${z}, cold (built)`, pgCold, cold);
    row(`tile ${collection} z${z}, warm (cache)`, warm, cold, '');
  }
}

const year = { startMs: Date.parse('2025-01-01T00:00:00Z'), endMs: Date.parse('2025-12-31T23:59:59Z') };
const matched = await time(() => provider.query('incidents', { datetime: year, filters: [{ property: 'type', value: 'cable_theft' }], limit: 1, offset: 0 }));
row('numberMatched: incidents of one type in one year', matched, await time(() => baseline.scanCount('cable_theft', year.startMs, year.endMs), 10), 'cheap');
if (pgServices) pgRow('numberMatched: incidents of one type in one year', await time(() => pgServices.storage.features.query('incidents', { datetime: year, filters: [{ property: 'type', value: 'cable_theft' }], limit: 1, offset: 0 })), matched);

// Load: autocannon against the real server on loopback, tiles around the city at z10–z14.
const counted = await provider.counts();
baseline.close();
await storage.close();
await pgServices?.storage.close();
const server = await startServer({ databasePath: path, env: productionEnv() });
const paths = [10, 11, 12, 13, 14].flatMap((z) => [-1, 0, 1].flatMap((dx) => ['incidents', 'bts_sites', 'cable_routes'].map((collection) => tileUrl(collection, z, dx))));
const load = await autocannon({
  url: server.url, connections: 20, duration: Number(values.seconds), headers: { Authorization: `Bearer ${token}` },
  requests: paths.map((p) => ({ method: 'GET', path: p })),
});
const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
// Streamed exports (issue 16): a run per 10 of the other figures' runs (3 by default, 1 in CI).
const exportRows = await benchStreamedExports(server, { Authorization: `Bearer ${token}` }, `/api/collections/bts_sites/items?limit=10&bbox=${city.join(',')}`, counted, Math.max(1, Math.round(RUNS / 10)));
await server.stop();
rows.push([`tiles under load (autocannon, 20 connections, ${values.seconds} s)`, `${load.requests.average.toFixed(0)}/s`, `p99 ${load.latency.p99} ms`, '—', '—', '≥ 800 tiles/s']);
rows.push(['errors under load (non-2xx + failed)', String(load.non2xx + load.errors), '', '', '', '0']);
rows.push(['server RSS after the load', `${rss.toFixed(0)} MB`, '', '', '', '≤ 1 GB']);
rows.push(...exportRows);
rows.push(['database on disk', `${(statSync(path).size / 1e6).toFixed(0)} MB`, '', '', '', '']);

// Several processes and providers (issue 16): each read under autocannon on SQLite with NETGUARD_WORKERS=1 (the
// baseline), SQLite with 2 over the same file and PostgreSQL with 2 over the same national set, in alternating rounds;
// then a mixed read/write load on each 2-process server counting errors and lost writes. The tiles are incidents
// tiles around the city over the map's default period (the year up to the data's end), each request's period ending
// a second later than the last one's: a new cache key, so every tile is built from the database (the warm cache is
// the "tiles under load" row above).
const bboxItems = `/api/collections/incidents/items?limit=1000&bbox=${city.join(',')}`;
const seconds = Number(values.seconds);
let periodEnd = 0;
const coldTiles = (z: number): BenchRead => ({
  label: `tiles incidents z${z} (3 × 3 around the city, built: a new period per request)`,
  requests: (headers) => [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => {
    const [x, y] = tileOfPosition(cx, cy, z);
    const path = `/api/collections/incidents/tiles/WebMercatorQuad/${z}/${y + dy}/${x + dx}`;
    return { method: 'GET', headers, setupRequest: (request) => ({ ...request, path: `${path}?datetime=2025-11-01T00:00:00Z/${new Date(Date.parse('2026-10-31T00:00:00Z') + 1000 * (periodEnd += 1)).toISOString()}` }) };
  })),
});
const reads: BenchRead[] = [
  { label: 'bbox items (incidents, city, limit 1000)', requests: (headers) => [{ method: 'GET', path: bboxItems, headers }], rateTarget: '≥ 1.7× of 1 process' },
  coldTiles(6), coldTiles(10), coldTiles(14),
];
const servers = await processServers(path, { token, editorToken }, postgres && pgTokens && { database: postgres, tokens: pgTokens });
rows.push(...await compareServers(servers, reads, { seconds, rounds: Number(values.rounds) }));
await servers[0].server.stop();
for (const server of servers.slice(1)) rows.push(...await mixedLoad(server, bboxItems, seconds));
if (postgres?.loadSeconds) rows.push(['PostgreSQL: national set loaded through COPY (db:national), then VACUUM ANALYZE', `${postgres.loadSeconds.toFixed(0)} s`, '', '', '', 'minutes']);
await postgres?.stop();

const counts = Object.entries(counted).map(([id, n]) => `${id} ${n.toLocaleString('en')}`).join(', ');
console.log(`dataset ${path}: ${counts}`);
console.log(['figure', 'median', 'p99', 'baseline median', 'ratio', 'target'].join(' | '));
console.log('---|---|---|---|---|---');
for (const line of rows) console.log(line.join(' | '));
console.log('\nTile baselines: the naive build of the same tile (every feature under it through the R*Tree, sliced by geojson-vt), in');
console.log('process. Cold tiles are timed over HTTP on a fresh app, so where both read alike (z14) the ratio is the HTTP overhead.');
if (scratch) rmSync(scratch, { recursive: true, force: true });
