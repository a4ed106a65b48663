import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

type Request = Parameters<typeof autocannon>[0]['requests'] extends (infer R)[] | undefined ? R : never;
import type { Services } from '../server/services.ts';
import type { FeatureStore } from '../server/storage/features.ts';
import type { Storage } from '../server/storage/storage.ts';
import { openPostgresStorage } from '../server/storage/postgres/index.ts';
import { DATABASE_URL_ENV } from '../server/storage/open.ts';
import { openSqliteStorage } from '../server/storage/sqlite/index.ts';
import { finishBulkLoad } from '../server/storage/sqlite/inspect.ts';
import { productionEnv, startServer, type RunningServer } from '../tests/helpers/server-process.ts';
import type { BenchPostgres } from './bench-postgres.ts';
import { DEFAULT_SEED } from './generator/index.ts';
import { loadNational } from './national/build.ts';
import { median } from './bench-stats.ts';

/**
 * The SQLite file a bench reads: `db` (the national set `npm run db:national` built), or with `copies` a scratch file
 * of that many copies built now, in a folder the caller removes (`scratch`). Exits saying what to run when `db` is
 * missing.
 */
export async function benchDatabase(db: string, copies: string | undefined): Promise<{ path: string; scratch?: string }> {
  if (copies) {
    const scratch = mkdtempSync(join(tmpdir(), 'netguard-bench-'));
    const path = join(scratch, 'bench.sqlite');
    const building = openSqliteStorage(path);
    await loadNational(building.features, { copies: Number(copies), seed: DEFAULT_SEED });
    await building.close();
    finishBulkLoad(path);
    return { path, scratch };
  }
  if (!existsSync(db)) {
    console.error(`${db} is missing: run \`npm run db:national\` first (or pass --copies N)`);
    process.exit(1);
  }
  return { path: db };
}

/**
 * A server under test: its label, how it is reached, and its own storage opened again for the lost-writes check;
 * `statements`, where the database can tell (PostgreSQL's pg_stat_statements), counts the statements run on it so
 * far and those that wrote.
 */
export type BenchServer = {
  label: string; server: RunningServer; token: string; editorToken: string; open: () => Promise<Storage>;
  statements?: () => Promise<{ all: number; writes: number }>;
};
/** A read under autocannon: the requests it cycles through, given the server's bearer header. */
export type BenchRead = { label: string; requests: (headers: Record<string, string>) => Request[]; rateTarget?: string };

/** The bench's two accounts on a storage (a police planner who reads, a carrier editor who writes) and a token of each. */
export async function benchTokens({ accounts }: Services): Promise<{ token: string; editorToken: string }> {
  if (!(await accounts.users()).some((user) => user.username === 'bench')) await accounts.createUser({ username: 'bench', displayName: 'Benchmark', password: 'benchmark-only-password', role: 'police_planner', organisationCode: 'police-kontum' });
  if (!(await accounts.users()).some((user) => user.username === 'bench-editor')) await accounts.createUser({ username: 'bench-editor', displayName: 'Benchmark editor', password: 'benchmark-only-password', role: 'carrier_editor', organisationCode: 'viettel' });
  const tokenOf = async (username: string) => (await accounts.createToken((await accounts.users()).find((user) => user.username === username)!.userId, 'bench')).token;
  return { token: await tokenOf('bench'), editorToken: await tokenOf('bench-editor') };
}

/** The bench's city: the first BTS site of the first copy, and a city-sized box (≈ 11 × 11 km) around it. */
export async function benchCity(features: FeatureStore): Promise<{ centre: [number, number]; bbox: [number, number, number, number] }> {
  const [cx, cy] = ((await features.get('bts_sites', 1))!.geometry as { coordinates: number[] }).coordinates;
  return { centre: [cx, cy], bbox: [cx - 0.05, cy - 0.05, cx + 0.05, cy + 0.05] };
}

/**
 * The servers the several-processes rows compare, each started over the bench's data: SQLite with one process (the
 * baseline) and with two over the file at `path`, and PostgreSQL with two over `postgres` when there is one.
 */
export async function processServers(path: string, tokens: { token: string; editorToken: string }, postgres?: { database: BenchPostgres; tokens: { token: string; editorToken: string } } | null): Promise<BenchServer[]> {
  const sqliteServer = async (workers: number): Promise<BenchServer> => ({
    label: `SQLite, ${workers} process${workers > 1 ? 'es' : ''}`, ...tokens, open: async () => openSqliteStorage(path),
    server: await startServer({ databasePath: path, env: { ...productionEnv(), NETGUARD_WORKERS: String(workers) } }),
  });
  const servers: BenchServer[] = [await sqliteServer(1), await sqliteServer(2)];
  if (postgres) {
    const { url, statements } = postgres.database;
    servers.push({
      label: 'PostgreSQL, 2 processes', ...postgres.tokens, open: () => openPostgresStorage(url, { poolSize: 1 }), statements,
      // The SQLite path only names the secret key's file; NETGUARD_DATABASE_URL chooses the provider.
      server: await startServer({ databasePath: path, env: { ...productionEnv(), NETGUARD_WORKERS: '2', [DATABASE_URL_ENV]: url } }),
    });
  }
  return servers;
}

type Round = {
  rps: number; p50: number; p99: number; errors: number; cpuMsPerRequest: number; cores: number; clientCpuMsPerRequest: number;
  /** The busiest process's share of the answers (`X-NetGuard-Worker`); 1 for a single process. */
  busiestShare: number;
  statementsPerRequest?: number; writesPerRequest?: number;
};

/** CPU seconds (user + system, every thread) a server has used so far: the process and, for a cluster, its workers (Linux). */
function cpuSeconds(pid: number): number {
  const own = (id: number) => { const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(fields[11]) + Number(fields[12])) / 100; };
  const workers = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return own(pid) + workers.reduce((sum, worker) => sum + own(worker), 0);
}

/**
 * Each read under autocannon (20 connections) on every server in alternating rounds (medians over the rounds: other
 * load on the machine falls on all of them alike), each server warmed first (half a second of each read). The first server is the baseline of the
 * second (SQLite, 1 process → 2); a PostgreSQL server's baseline is the SQLite server with as many processes, and its
 * ratio is PostgreSQL's latency over SQLite's (target: within 2×). Rows in the bench table's columns.
 */
export async function compareServers(servers: BenchServer[], reads: BenchRead[], options: { seconds: number; rounds: number }): Promise<string[][]> {
  const headers = (server: BenchServer) => ({ Authorization: `Bearer ${server.token}` });
  // Each answer counted by the process that gave it, so an uneven spread over the cluster's workers shows.
  const answers = new Map<string, number>();
  const counted = (request: Request): Request => ({
    ...request,
    onResponse: (status, body, context, responseHeaders) => {
      const worker = responseHeaders?.['x-netguard-worker'] ?? '';
      answers.set(worker, (answers.get(worker) ?? 0) + 1);
      request.onResponse?.(status, body, context, responseHeaders);
    },
  });
  const load = (server: BenchServer, read: BenchRead, duration: number) => autocannon({ url: server.server.url, connections: 20, duration, requests: read.requests(headers(server)).map(counted) });
  // Half a second of each read first: connections made and statements prepared on every worker.
  for (const read of reads) for (const server of servers) await load(server, read, 0.5);
  const rounds = reads.map(() => servers.map((): Round[] => []));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [r, read] of reads.entries()) {
      for (const [s, server] of servers.entries()) {
        answers.clear();
        const statementsBefore = await server.statements?.();
        const cpuBefore = cpuSeconds(server.server.pid);
        const clientBefore = process.cpuUsage();
        const result = await load(server, read, options.seconds);
        const client = process.cpuUsage(clientBefore);
        const cpu = cpuSeconds(server.server.pid) - cpuBefore;
        const statementsAfter = await server.statements?.();
        const total = result.requests.total;
        rounds[r][s].push({
          rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors, cpuMsPerRequest: (1000 * cpu) / total, cores: cpu / options.seconds,
          clientCpuMsPerRequest: (client.user + client.system) / 1000 / total,
          busiestShare: Math.max(...answers.values()) / [...answers.values()].reduce((sum, count) => sum + count, 0),
          ...(statementsBefore && statementsAfter ? { statementsPerRequest: (statementsAfter.all - statementsBefore.all) / total, writesPerRequest: (statementsAfter.writes - statementsBefore.writes) / total } : {}),
        });
      }
    }
  }
  const rows: string[][] = [];
  for (const [r, read] of reads.entries()) {
    const summaries = servers.map((_, s) => {
      const of = (key: keyof Round) => median(rounds[r][s].map((each) => each[key] ?? Number.NaN));
      return {
        rps: of('rps'), p50: of('p50'), p99: of('p99'), cpuMsPerRequest: of('cpuMsPerRequest'), cores: of('cores'), clientCpuMsPerRequest: of('clientCpuMsPerRequest'),
        busiestShare: of('busiestShare'), statementsPerRequest: of('statementsPerRequest'), writesPerRequest: of('writesPerRequest'),
        errors: rounds[r][s].reduce((sum, each) => sum + each.errors, 0),
      };
    });
    for (const [s, server] of servers.entries()) {
      const result = summaries[s];
      const label = `${read.label}, ${server.label}, 20 connections, ${options.rounds} × ${options.seconds} s`;
      const postgres = server.label.startsWith('PostgreSQL');
      // PostgreSQL against the SQLite server with as many processes (the one before it); SQLite 2 against SQLite 1.
      const base = s === 0 ? null : summaries[postgres ? s - 1 : 0];
      rows.push([`${label}: latency (ms)`, String(result.p50), String(result.p99), base ? String(base.p50) : '—',
        !base ? '—' : postgres ? `PG/SQLite ${(result.p50 / base.p50).toFixed(2)}×` : `${(base.p50 / result.p50).toFixed(2)}×`, postgres ? 'PG/SQLite ≤ 2×' : '']);
      rows.push([`${label}: requests/s (errors ${result.errors})`, result.rps.toFixed(0), '', base ? base.rps.toFixed(0) : '—', base ? `${(result.rps / base.rps).toFixed(2)}×` : '—',
        s === 1 && read.rateTarget ? read.rateTarget : '0 errors']);
      rows.push([`${label}: server CPU ms per request; cores used`, result.cpuMsPerRequest.toFixed(1), result.cores.toFixed(2), base ? base.cpuMsPerRequest.toFixed(1) : '—', base ? `${(base.cpuMsPerRequest / result.cpuMsPerRequest).toFixed(2)}×` : '—', '']);
      // The load's own client shares the machine's cores: what it spends a request is not the server's to use.
      rows.push([`${label}: bench client (autocannon) CPU ms per request; busiest process's share of the answers`, result.clientCpuMsPerRequest.toFixed(1), `${(100 * result.busiestShare).toFixed(0)} %`, '', '', '']);
      if (!Number.isNaN(result.statementsPerRequest)) {
        rows.push([`${label}: database statements per request; of them writes`, result.statementsPerRequest.toFixed(2), result.writesPerRequest.toFixed(2), base && !Number.isNaN(base.statementsPerRequest) ? base.statementsPerRequest.toFixed(2) : '—', '', '']);
      }
    }
  }
  return rows;
}

/**
 * Mixed: three bbox reads to one new site (in the province) written through the API, on one server; every
 * acknowledged write must be stored, once. The sites written are taken out again afterwards, so the bench leaves the
 * database as it found it.
 */
export async function mixedLoad(server: BenchServer, bboxPath: string, seconds: number): Promise<string[][]> {
  const sitesBefore = await countSites(server);
  const written: number[] = [];
  let writeNumber = 0;
  const auth = { Authorization: `Bearer ${server.token}` };
  const mixed = await autocannon({
    url: server.server.url, connections: 20, duration: seconds,
    requests: [
      ...Array.from({ length: 3 }, () => ({ method: 'GET' as const, path: bboxPath, headers: auth })),
      {
        method: 'POST', path: '/api/collections/bts_sites/items', headers: { Authorization: `Bearer ${server.editorToken}`, 'Content-Type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({
          type: 'Feature', geometry: { type: 'Point', coordinates: [107.9 + (writeNumber % 100) * 1e-3, 14.4 + Math.floor(writeNumber / 100) * 1e-3] },
          properties: { site_code: `BENCH-${Date.now()}-${(writeNumber += 1)}`, owner: 'viettel', technologies: ['4G'], status: 'planned' },
        }) }),
        onResponse: (status, body) => { if (status === 201) written.push((JSON.parse(body) as { id: number }).id); },
      },
    ],
  });
  await server.server.stop();
  const after = await settleWrites(server, written);
  return [
    [`mixed load, ${server.label}, 3 bbox reads : 1 write, ${seconds} s (${written.length} writes acknowledged)`, `${mixed.requests.average.toFixed(0)}/s`, `p50 ${mixed.latency.p50} ms, p99 ${mixed.latency.p99} ms`, '', '', ''],
    [`mixed load, ${server.label}: errors (non-2xx + failed)`, String(mixed.non2xx + mixed.errors), '', '', '', '0'],
    [`mixed load, ${server.label}: lost writes (acknowledged, not stored)`, String(after.missing), '', '', '', '0'],
    [`mixed load, ${server.label}: writes stored but not yet answered when the load stopped`, String(after.count - sitesBefore - (written.length - after.missing)), '', '', '', ''],
  ];
}

/** The BTS sites stored now. */
async function countSites(server: BenchServer): Promise<number> {
  const store = await server.open();
  const count = (await store.features.counts()).bts_sites;
  await store.close();
  return count;
}

/**
 * How many of the acknowledged sites are missing, and the count before they are taken out again with those still in
 * flight when the load stopped (numbered just after).
 */
async function settleWrites(server: BenchServer, acknowledged: number[]): Promise<{ count: number; missing: number }> {
  const store = await server.open();
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
