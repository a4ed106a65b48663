import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Medians and p99 of a list of milliseconds (or any figures). */
export type Figures = { median: number; p99: number };
const figures = (values: number[]): Figures => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] };
};

/** One streamed export as its client sees it, with the server's peak RSS and the cheap requests answered meanwhile. */
type ExportRun = { durationMs: number; firstByteMs: number; bytes: number; peakRssMb: number; cheapMs: number[] };

/** A process and its descendants (the server's cluster workers), by Linux's /proc/PID/task/TID/children. */
function processTree(pid: number): number[] {
  if (!existsSync(`/proc/${pid}/task`)) return [];
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  return [pid, ...children.flatMap(processTree)];
}

/** The resident memory of the server, every process of it together, in MB. */
const rssMb = (pid: number) => processTree(pid).reduce((sum, each) => {
  try {
    return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${each}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return sum; // a worker that ended between the listing and the read
  }
}, 0);

/** A cheap request, one after the other, until `until` resolves (or `count` of them when none): their latencies. */
async function cheapRequests(url: string, headers: Record<string, string>, until: Promise<unknown> | null, count = 0): Promise<number[]> {
  let done = false;
  void until?.finally(() => (done = true));
  const times: number[] = [];
  while (until ? !done : times.length < count) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`cheap request answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Downloads one export as fast as the client can, dropping the bytes, while the RSS is sampled and cheap requests run. */
async function runExport(serverUrl: string, pid: number, path: string, headers: Record<string, string>, cheapUrl: string): Promise<ExportRun> {
  let peakRssMb = rssMb(pid);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(pid))), 50);
  const started = performance.now();
  let firstByteMs = 0;
  let bytes = 0;
  const download = (async () => {
    const response = await fetch(`${serverUrl}${path}`, { headers });
    if (!response.ok || !response.body) throw new Error(`${path} answered ${response.status}`);
    const reader = response.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += next.value.byteLength;
    }
    return performance.now() - started;
  })();
  const [durationMs, cheapMs] = await Promise.all([download, cheapRequests(cheapUrl, headers, download)]);
  clearInterval(sampler);
  return { durationMs, firstByteMs, bytes, peakRssMb: Math.max(peakRssMb, rssMb(pid)), cheapMs };
}

/**
 * The streamed exports of issue 16 against a running server: the whole incidents layer as GeoJSON and the whole
 * sites layer as a GeoPackage, `runs` times each, with the server's peak RSS, the time to the first byte and the
 * duration, and the latency of cheap requests (`cheapPath`, one lane) during them against the same requests with
 * no export running, measured first. Returns table rows: figure, median, p99, baseline median, ratio, target.
 */
export async function benchStreamedExports(server: { url: string; pid: number }, headers: Record<string, string>, cheapPath: string, counts: Record<string, number>, runs: number): Promise<string[][]> {
  const cheapUrl = `${server.url}${cheapPath}`;
  const idle = figures(await cheapRequests(cheapUrl, headers, null, 200));
  const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
  const rows: string[][] = [['cheap request idle (items, bbox, limit 10; baseline)', fmt(idle.median), fmt(idle.p99), '—', '—', '']];
  const exports = [
    { label: `incidents GeoJSON (${counts.incidents.toLocaleString('en')} features)`, path: '/api/collections/incidents/export?format=geojson' },
    { label: `bts_sites GeoPackage (${counts.bts_sites.toLocaleString('en')} features)`, path: '/api/collections/bts_sites/export?format=gpkg' },
  ];
  for (const { label, path } of exports) {
    const results: ExportRun[] = [];
    for (let run = 0; run < runs; run += 1) results.push(await runExport(server.url, server.pid, path, headers, cheapUrl));
    const of = (pick: (run: ExportRun) => number) => figures(results.map(pick));
    const cheap = figures(results.flatMap((run) => run.cheapMs));
    rows.push(
      [`streamed export ${label}: duration, ms (${runs} runs, ${(of((run) => run.bytes).median / 1e6).toFixed(0)} MB)`, fmt(of((run) => run.durationMs).median), fmt(of((run) => run.durationMs).p99), '—', '—', 'succeeds'],
      ['  time to its first byte, ms', fmt(of((run) => run.firstByteMs).median), fmt(of((run) => run.firstByteMs).p99), '—', '—', ''],
      ['  peak server RSS during it (all its processes), MB', fmt(of((run) => run.peakRssMb).median), fmt(of((run) => run.peakRssMb).p99), '—', '—', '< 1024'],
      [`  cheap requests during it, ms (${results.reduce((sum, run) => sum + run.cheapMs.length, 0)} requests)`, fmt(cheap.median), fmt(cheap.p99), fmt(idle.median), `${(idle.median / cheap.median).toFixed(1)}×`, 'keep answering'],
    );
  }
  return rows;
}
