/**
 * `npm run bench:abuse [-- --seconds 20]`: how much hostile work delays a cheap request (SECURITY.md, issue 13).
 * Starts the real server on a fresh demo database and measures, one at a time and 20 ms apart, cheap requests
 * (`/api/conformance` and a page of sites) while the server is idle — the baseline, measured in the same run — then
 * while the red team's hostile requests are kept in flight. One table: median, p99 and max per scenario, and the delay
 * each adds to the idle figures, with how long the server's main thread ran and waited for a CPU per cheap request
 * (schedstat), which tells a held event loop (run) from busy CPUs (wait). Never a test: figures depend on the machine;
 * read the added delay against 100 ms.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { starLineWkt as star, zigZagBuffer } from '../tests/helpers/hostile.ts';
import { signIn, startServer } from '../tests/helpers/server-process.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' } } });
const SECONDS = Number(values.seconds);

const server = await startServer({ env: { NETGUARD_JOB_BUDGET_MS: '10000' } });
const viewer = await signIn(server.url, 'ubnd');
const police = await signIn(server.url, 'police');
const dic = await signIn(server.url, 'dic');
const writeAs = (who: { cookie: string; csrfToken: string }) => ({ 'Content-Type': 'application/json', Cookie: who.cookie, 'X-CSRF-Token': who.csrfToken });
const write = writeAs(viewer);

type Hostile = { name: string; parallel: number; send: (lane: number) => Promise<Response> };
/** A 25 km buffer around a point near Kon Tum city: a large inventory that completes (every asset of several districts). */
const pointBuffer = { buffer: { geometry: { type: 'Point', coordinates: [108.0, 14.35] }, meters: 25_000 } };
const scenarios: Hostile[] = [
  // Control: four clients sending cheap requests back to back, which is what lanes refused at once (429) amount to.
  { name: 'control: 4 lanes of /api/conformance', parallel: 4, send: () => fetch(`${server.url}/api/conformance`, { headers: { Cookie: viewer.cookie } }) },
  { name: 'inventory: 100-vertex line buffered 50 km', parallel: 6, send: () => fetch(`${server.url}/api/inventory`, { method: 'POST', headers: write, body: JSON.stringify(zigZagBuffer(100)) }) },
  { name: 'inventory: 25 km around a point, 2 accounts', parallel: 2, send: (lane) => fetch(`${server.url}/api/inventory`, { method: 'POST', headers: writeAs(lane === 0 ? police : dic), body: JSON.stringify(pointBuffer) }) },
  { name: 'CQL2 S_DWITHIN of a 100-vertex star', parallel: 2, send: () => fetch(`${server.url}/api/collections/cable_routes/items?limit=10&filter=${encodeURIComponent(`S_DWITHIN(geometry,${star(100)},1000)`)}`, { headers: { Cookie: viewer.cookie } }) },
  // A whole layer without a spatial filter: read on a reader thread, redacted and encoded in the work pool.
  { name: 'export: every incident as GeoJSON (police)', parallel: 2, send: () => fetch(`${server.url}/api/collections/incidents/export?format=geojson`, { headers: { Cookie: police.cookie } }) },
  { name: 'six-monthly report (police)', parallel: 2, send: () => fetch(`${server.url}/api/reports/six-monthly?period=2026-H1`, { headers: { Cookie: police.cookie } }) },
];

/** Cheap requests one at a time, 20 ms apart, for `seconds`; their latencies in ms. */
async function cheapLatencies(seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  for (let turn = 0; performance.now() < until; turn += 1) {
    const path = turn % 2 === 0 ? '/api/conformance' : '/api/collections/bts_sites/items?limit=20';
    const sent = performance.now();
    const response = await fetch(`${server.url}${path}`, { headers: { Cookie: viewer.cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    latencies.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

/** Keeps `parallel` copies of a hostile request in flight until `stop` resolves; counts the answers by status. */
function keepInFlight(hostile: Hostile, stop: Promise<unknown>) {
  const statuses = new Map<number, number>();
  let stopped = false;
  void stop.then(() => (stopped = true));
  const lane = async (index: number) => {
    while (!stopped) {
      const response = await hostile.send(index);
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  return Promise.all(Array.from({ length: hostile.parallel }, (_, index) => lane(index))).then(() => statuses);
}

/**
 * The server's main thread as the kernel counts it (Linux /proc schedstat): ms on a CPU and ms runnable but waiting for
 * one. A tail from waiting is the machine's CPUs being busy (other processes, our own threads), not the event loop
 * being held; null where /proc is not there.
 */
const mainThread = (): { runMs: number; waitMs: number } | null => {
  try {
    const [run, wait] = readFileSync(`/proc/${server.pid}/task/${server.pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return { runMs: run / 1e6, waitMs: wait / 1e6 };
  } catch {
    return null;
  }
};

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, median: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))], max: sorted.at(-1)! };
};

try {
  await cheapLatencies(2); // warm-up
  /** The main thread's CPU time and CPU wait during `work` (for cheap and hostile requests alike), divided by the cheap requests measured. */
  const threadDuring = async <T extends number[]>(work: () => Promise<T>) => {
    const before = mainThread();
    const latencies = await work();
    const after = mainThread();
    const per = (value: number) => value / latencies.length;
    return { latencies, thread: before && after ? { run: per(after.runMs - before.runMs), wait: per(after.waitMs - before.waitMs) } : null };
  };
  const idleRun = await threadDuring(() => cheapLatencies(SECONDS));
  const idle = stats(idleRun.latencies);
  const rows = [{ name: 'idle (baseline)', ...idle, thread: idleRun.thread, answers: '' }];
  for (const hostile of scenarios) {
    let measured!: Awaited<ReturnType<typeof threadDuring>>;
    const measuring = threadDuring(() => cheapLatencies(SECONDS)).then((result) => (measured = result));
    const statuses = await keepInFlight(hostile, measuring);
    rows.push({ name: hostile.name, ...stats(measured.latencies), thread: measured.thread, answers: [...statuses].map(([status, count]) => `${count}×${status}`).join(' ') });
  }
  const ms = (value: number) => `${value.toFixed(1)}`.padStart(8);
  console.log(`\ncheap requests (conformance, 20 sites) one at a time, ${SECONDS} s per scenario; added = scenario − idle`);
  console.log('run / wait: during the scenario, the server main thread\'s ms on a CPU / ms runnable but waiting for one, divided by the cheap requests');
  console.log(`${'scenario'.padEnd(44)} ${'n'.padStart(5)} ${'median'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ${'+median'.padStart(8)} ${'+p99'.padStart(8)} ${'run'.padStart(6)} ${'wait'.padStart(6)}  hostile answers`);
  const per = (value: number | undefined) => (value === undefined ? '     –' : value.toFixed(1).padStart(6));
  for (const row of rows) {
    console.log(`${row.name.padEnd(44)} ${String(row.n).padStart(5)} ${ms(row.median)} ${ms(row.p99)} ${ms(row.max)} ${ms(row.median - idle.median)} ${ms(row.p99 - idle.p99)} ${per(row.thread?.run)} ${per(row.thread?.wait)}  ${row.answers}`);
  }
} finally {
  await server.stop();
}
