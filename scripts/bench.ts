/**
 * `npm run bench [-- --db data/national.sqlite --seconds 10 --rounds 3]`: the national-scale benchmark of issues 6 and
 * 16, printed as one table of medians and p99s with a baseline measured in the same run. `--copies N` builds a fresh
 * N-copy set in a temporary file first (`npm run bench:ci` uses 3 and one round, so the bench keeps running in CI
 * without the national file). `--rounds` alternating loads compare one server process with two;
 * the streamed exports run on the first server.
 * Never a test: figures depend on the machine; read them as ratios.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApp } from '../server/app.ts';
import { createServices } from '../server/services.ts';
import { openSqliteStorage } from '../server/storage/sqlite/index.ts';
import { finishBulkLoad, inspectSqlite } from '../server/storage/sqlite/inspect.ts';
import { DEFAULT_SEED } from './generator/index.ts';
import { loadNational } from './national/build.ts';
import { productionEnv, startServer } from '../tests/helpers/server-process.ts';
import { benchStreamedExports } from './bench-exports.ts';
import { tileOfPosition } from '../server/geometry/web-mercator.ts';
import { encodeTile } from '../server/storage/node-tiles/encode.ts';
import { tileReach } from '../server/storage/vector-tiles.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'data/national.sqlite' }, copies: { type: 'string' }, seconds: { type: 'string', default: '10' }, runs: { type: 'string', default: '30' }, rounds: { type: 'string', default: '3' } } });
const RUNS = Number(values.runs);
let path = values.db!;
let scratch: string | undefined;
if (values.copies) {
  scratch = mkdtempSync(join(tmpdir(), 'netguard-bench-'));
  path = join(scratch, 'bench.sqlite');
  const building = openSqliteStorage(path);
  await loadNational(building.features, { copies: Number(values.copies), seed: DEFAULT_SEED });
  await building.close();
  finishBulkLoad(path);
} else if (!existsSync(path)) {
  console.error(`${path} is missing: run \`npm run db:national\` first (or pass --copies N)`);
  process.exit(1);
}

const services = createServices(openSqliteStorage(path));
const { storage, accounts } = services;
const provider = storage.features;
const baseline = inspectSqlite(path);
if (!(await accounts.users()).some((user) => user.username === 'bench')) await accounts.createUser({ username: 'bench', displayName: 'Benchmark', password: 'benchmark-only-password', role: 'police_planner', organisationCode: 'police-kontum' });
if (!(await accounts.users()).some((user) => user.username === 'bench-editor')) await accounts.createUser({ username: 'bench-editor', displayName: 'Benchmark editor', password: 'benchmark-only-password', role: 'carrier_editor', organisationCode: 'viettel' });
const tokenOf = async (username: string) => (await accounts.createToken((await accounts.users()).find((user) => user.username === username)!.userId, 'bench')).token;
const token = await tokenOf('bench');
const editorToken = await tokenOf('bench-editor');
const app = createApp(services);
const auth = { headers: { Authorization: `Bearer ${token}` } };

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] };
}
async function time(run: (index: number) => unknown, runs = RUNS) {
  await run(-1);
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run(index);
    times.push(performance.now() - started);
  }
  return stats(times);
}
const rows: string[][] = [];
const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
function row(figure: string, measured: { median: number; p99: number }, baseline: { median: number } | null, target: string) {
  rows.push([figure, fmt(measured.median), fmt(measured.p99), baseline ? fmt(baseline.median) : '—', baseline ? `${(baseline.median / measured.median).toFixed(1)}×` : '—', target]);
}

// A city-sized box (≈ 11 × 11 km) around the first BTS site of the first copy.
const [cx, cy] = ((await provider.get('bts_sites', 1))!.geometry as { coordinates: number[] }).coordinates;
const city: [number, number, number, number] = [cx - 0.05, cy - 0.05, cx + 0.05, cy + 0.05];
for (const collection of ['incidents', 'bts_sites']) {
  const viaIndex = await time(() => provider.query(collection, { bbox: city, filters: [], limit: 1000, offset: 0 }));
  const noIndex = await time(() => baseline.scanBbox(collection, city), Math.min(RUNS, 10));
  row(`items ${collection}, city bbox, limit 1000 (store)`, viaIndex, noIndex, 'p50 ≤ 20 ms, ≥ 10×');
}
row('items incidents, city bbox, limit 1000 (HTTP, GeoJSON)', await time(() => Promise.resolve(app.request(`/api/collections/incidents/items?limit=1000&bbox=${city.join(',')}`, auth)).then((r) => r.arrayBuffer())), null, 'p50 ≤ 20 ms');

const tileUrl = (collection: string, z: number, dx = 0): string => { const [x, y] = tileOfPosition(cx, cy, z); return `/api/collections/${collection}/tiles/WebMercatorQuad/${z}/${y}/${x + dx}`; };
for (const z of [6, 10, 14]) {
  for (const collection of ['incidents', 'cable_routes']) {
    // Cold: the same tile from a fresh app each run (an empty cache); warm: the same tile again from one app.
    const coldRuns = Math.min(RUNS, 15);
    const fresh = Array.from({ length: coldRuns + 1 }, () => createApp(services));
    const cold = await time((index) => Promise.resolve(fresh[index + 1].request(tileUrl(collection, z), auth)).then((r) => r.arrayBuffer()), coldRuns);
    const warm = await time(() => Promise.resolve(app.request(tileUrl(collection, z), auth)).then((r) => r.arrayBuffer()));
    // Baseline: what a tile server without aggregates or generalisation does — every feature under the tile read
    // through the R*Tree and handed to geojson-vt, which simplifies and clips it.
    const [x, y] = tileOfPosition(cx, cy, z);
    const naive = await time(async () => encodeTile(collection, (await provider.query(collection, { bbox: tileReach(z, x, y), filters: [], limit: 2_000_000, offset: 0 })).features, z, x, y), z < 10 ? 3 : 10);
    row(`tile ${collection} z${z}, cold (built)`, cold, naive, 'p50 ≤ 10 ms');
    row(`tile ${collection} z${z}, warm (cache)`, warm, cold, '');
  }
}

const year = { startMs: Date.parse('2025-01-01T00:00:00Z'), endMs: Date.parse('2025-12-31T23:59:59Z') };
const matched = await time(() => provider.query('incidents', { datetime: year, filters: [{ property: 'type', value: 'cable_theft' }], limit: 1, offset: 0 }));
row('numberMatched: incidents of one type in one year', matched, await time(() => baseline.scanCount('cable_theft', year.startMs, year.endMs), 10), 'cheap');

// Load: autocannon against the real server on loopback, tiles around the city at z10–z14.
const counted = await provider.counts();
baseline.close();
await storage.close();
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

// Several processes (issue 16): the bbox items workload under autocannon on a server of NETGUARD_WORKERS=1 (the
// baseline) and one of 2 over the same file, in alternating rounds (medians over the rounds: other load on the machine
// falls on both), then a mixed read/write load on 2 counting errors and lost writes. Each server is warmed first.
const bboxItems = `/api/collections/incidents/items?limit=1000&bbox=${city.join(',')}`;
const seconds = Number(values.seconds);
const servers = { 1: await startServer({ databasePath: path, env: { ...productionEnv(), NETGUARD_WORKERS: '1' } }), 2: await startServer({ databasePath: path, env: { ...productionEnv(), NETGUARD_WORKERS: '2' } }) };
const bboxLoad = (url: string, duration: number) => autocannon({ url, connections: 20, duration, headers: auth.headers, requests: [{ method: 'GET', path: bboxItems }] });
for (const running of Object.values(servers)) await bboxLoad(running.url, 1);
/** CPU seconds (user + system, every thread) a server has used so far: the process and, for a cluster, its workers (Linux). */
const cpuSeconds = (pid: number): number => {
  const own = (id: number) => { const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(fields[11]) + Number(fields[12])) / 100; };
  const workers = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return own(pid) + workers.reduce((sum, worker) => sum + own(worker), 0);
};
type Round = { rps: number; p50: number; p99: number; errors: number; cpuMsPerRequest: number; cores: number };
const rounds: Record<1 | 2, Round[]> = { 1: [], 2: [] };
for (let round = 0; round < Number(values.rounds); round += 1) {
  for (const workers of [1, 2] as const) {
    const cpuBefore = cpuSeconds(servers[workers].pid);
    const result = await bboxLoad(servers[workers].url, seconds);
    const cpu = cpuSeconds(servers[workers].pid) - cpuBefore;
    rounds[workers].push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors, cpuMsPerRequest: (1000 * cpu) / result.requests.total, cores: cpu / seconds });
  }
}
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
const summary = (workers: 1 | 2) => {
  const of = (key: keyof Round) => median(rounds[workers].map((round) => round[key]));
  return { rps: of('rps'), p50: of('p50'), p99: of('p99'), cpuMsPerRequest: of('cpuMsPerRequest'), cores: of('cores'), errors: rounds[workers].reduce((sum, round) => sum + round.errors, 0) };
};
const [single, pair] = [summary(1), summary(2)];
for (const [workers, result] of [[1, single], [2, pair]] as const) {
  const label = `bbox items (incidents, city, limit 1000), ${workers} process${workers > 1 ? 'es' : ''}, 20 connections, ${values.rounds} × ${seconds} s`;
  rows.push([`${label}: latency (ms)`, String(result.p50), String(result.p99), workers > 1 ? String(single.p50) : '—', workers > 1 ? `${(single.p50 / result.p50).toFixed(2)}×` : '—', '']);
  rows.push([`${label}: requests/s (errors ${result.errors})`, result.rps.toFixed(0), '', workers > 1 ? single.rps.toFixed(0) : '—', workers > 1 ? `${(result.rps / single.rps).toFixed(2)}×` : '—', workers > 1 ? '≥ 1.7× of 1 process' : '0 errors']);
  // What the rate is made of: the servers' CPU per request, and how many cores they got (other load takes the rest).
  rows.push([`${label}: server CPU ms per request; cores used`, result.cpuMsPerRequest.toFixed(1), result.cores.toFixed(2), workers > 1 ? single.cpuMsPerRequest.toFixed(1) : '—', workers > 1 ? `${(single.cpuMsPerRequest / result.cpuMsPerRequest).toFixed(2)}×` : '—', '']);
}
await servers[1].stop();

// Mixed: three bbox reads to one new site (in the province) written through the API, on 2 processes; every
// acknowledged write must be stored, once.
const sitesBefore = (await countSites()).count;
const written: number[] = [];
let writeNumber = 0;
const mixed = await autocannon({
  url: servers[2].url, connections: 20, duration: seconds,
  requests: [
    ...Array.from({ length: 3 }, () => ({ method: 'GET', path: bboxItems, headers: auth.headers })),
    {
      method: 'POST', path: '/api/collections/bts_sites/items', headers: { Authorization: `Bearer ${editorToken}`, 'Content-Type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: JSON.stringify({
        type: 'Feature', geometry: { type: 'Point', coordinates: [107.9 + (writeNumber % 100) * 1e-3, 14.4 + Math.floor(writeNumber / 100) * 1e-3] },
        properties: { site_code: `BENCH-${Date.now()}-${(writeNumber += 1)}`, owner: 'viettel', technologies: ['4G'], status: 'planned' },
      }) }),
      onResponse: (status, body) => { if (status === 201) written.push((JSON.parse(body) as { id: number }).id); },
    },
  ],
});
await servers[2].stop();
const after = await settleWrites(written);
rows.push([`mixed load, 2 processes, 3 bbox reads : 1 write, ${seconds} s (${written.length} writes acknowledged)`, `${mixed.requests.average.toFixed(0)}/s`, `p50 ${mixed.latency.p50} ms, p99 ${mixed.latency.p99} ms`, '', '', '']);
rows.push(['mixed load: errors (non-2xx + failed)', String(mixed.non2xx + mixed.errors), '', '', '', '0']);
rows.push(['mixed load: lost writes (acknowledged, not stored)', String(after.missing), '', '', '', '0']);
rows.push(['mixed load: writes stored but not yet answered when the load stopped', String(after.count - sitesBefore - (written.length - after.missing)), '', '', '', '']);

/** The BTS sites stored now. */
async function countSites(): Promise<{ count: number }> {
  const store = openSqliteStorage(path);
  const count = (await store.features.counts()).bts_sites;
  await store.close();
  return { count };
}

/**
 * How many of the acknowledged sites are missing, and the count before they are taken out again with those still in
 * flight when the load stopped (numbered just after), so the bench leaves the database as it found it.
 */
async function settleWrites(acknowledged: number[]): Promise<{ count: number; missing: number }> {
  const store = openSqliteStorage(path);
  const count = (await store.features.counts()).bts_sites;
  let missing = 0;
  for (const id of acknowledged) if (!(await store.features.get('bts_sites', id))) missing += 1;
  const highest = Math.max(0, ...acknowledged);
  const inFlight: number[] = [];
  for (let id = highest + 1; id <= highest + 100; id += 1) if (String((await store.features.get('bts_sites', id))?.properties.site_code ?? '').startsWith('BENCH-')) inFlight.push(id);
  for (const id of [...acknowledged, ...inFlight]) await store.features.remove('bts_sites', id);
  await store.close();
  return { count, missing };
}

const counts = Object.entries(counted).map(([id, n]) => `${id} ${n.toLocaleString('en')}`).join(', ');
console.log(`dataset ${path}: ${counts}`);
console.log(['figure', 'median', 'p99', 'baseline median', 'ratio', 'target'].join(' | '));
console.log('---|---|---|---|---|---');
for (const line of rows) console.log(line.join(' | '));
console.log('\nTile baselines: the naive build of the same tile (every feature under it through the R*Tree, sliced by geojson-vt), in');
console.log('process. Cold tiles are timed over HTTP on a fresh app, so where both read alike (z14) the ratio is the HTTP overhead.');
if (scratch) rmSync(scratch, { recursive: true, force: true });
