/**
 * `npm run load-test [-- --db data/national.sqlite --seconds 60 --connections 50]`: autocannon against the real
 * server on loopback, bounded in time — mixed reads (items in a bbox, vector tiles, search) and writes (incident
 * creation and a status change of each created incident) — then counts what was written: zero errors and zero lost
 * writes is the pass mark. Prints one table; never part of the tests.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createServices } from '../server/services.ts';
import { openSqliteStorage } from '../server/storage/sqlite/index.ts';
import { inspectSqlite } from '../server/storage/sqlite/inspect.ts';
import { productionEnv, startServer } from '../tests/helpers/server-process.ts';
import { tileOfPosition } from '../server/geometry/web-mercator.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'data/national.sqlite' }, seconds: { type: 'string', default: '60' }, connections: { type: 'string', default: '50' } } });
if (!existsSync(values.db!)) throw new Error(`${values.db} is missing: run npm run db:national first`);
const marker = `load-test-${Date.now()}`;
const services = createServices(openSqliteStorage(values.db!));
if (!(await services.accounts.users()).some((user) => user.username === 'load')) await services.accounts.createUser({ username: 'load', displayName: 'Load test', password: 'load-test-only-password', role: 'police_planner', organisationCode: 'police-kontum' });
const token = (await services.accounts.createToken((await services.accounts.users()).find((user) => user.username === 'load')!.userId, 'load test')).token;
const [cx, cy] = ((await services.storage.features.get('bts_sites', 1))!.geometry as { coordinates: number[] }).coordinates;
await services.storage.close();

const server = await startServer({ databasePath: values.db, env: productionEnv() });

const created: number[] = [];
let createdOk = 0, movedOk = 0, next = 0;
const json = { 'Content-Type': 'application/json' };
const tile = (z: number) => { const [x, y] = tileOfPosition(cx, cy, z); return `/api/collections/incidents/tiles/WebMercatorQuad/${z}/${y}/${x}`; };
const result = await autocannon({
  url: server.url, connections: Number(values.connections), duration: Number(values.seconds), headers: { Authorization: `Bearer ${token}` },
  requests: [
    { method: 'GET', path: `/api/collections/incidents/items?limit=100&bbox=${cx - 0.05},${cy - 0.05},${cx + 0.05},${cy + 0.05}` },
    { method: 'GET', path: tile(12) },
    { method: 'GET', path: `/api/search?q=${encodeURIComponent('Đắk Glei')}` },
    {
      method: 'POST', path: '/api/incidents', headers: json,
      // Writes land inside the real Kon Tum outline (the only province outline stored), where incidents are accepted.
      body: JSON.stringify({ lon: 108.0, lat: 14.35, type: 'cable_theft', occurredAt: '2026-11-01T02:00:00Z', description: marker }),
      onResponse: (status: number, body: string) => { if (status === 201) { createdOk += 1; created.push((JSON.parse(body) as { id: number }).id); } },
    },
    {
      method: 'POST', headers: json,
      // Each created incident is moved on once; until one exists the slot reads a tile instead.
      setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
        const id = created[next];
        context.moving = id !== undefined;
        if (id === undefined) return { ...request, method: 'GET', path: tile(14), body: undefined };
        next += 1;
        return { ...request, path: `/api/incidents/${id}/transitions`, body: JSON.stringify({ to: 'verified', comment: marker }) };
      },
      onResponse: (status: number, _body: string, context: Record<string, unknown>) => { if (status === 200 && context.moving) movedOk += 1; },
    },
  ],
} as never);
await server.stop();
const check = inspectSqlite(values.db!);
const { stored, withStatus: verified } = check.incidentsDescribed(marker, 'verified');
check.close();
console.log(['figure', 'value'].join(' | '));
console.log('---|---');
for (const [figure, value] of [
  ['requests (all kinds)', result.requests.total], ['requests/s', result.requests.average.toFixed(0)], ['latency p50 / p99 (ms)', `${result.latency.p50} / ${result.latency.p99}`],
  ['errors (non-2xx + failed + timeouts)', result.non2xx + result.errors + result.timeouts],
  ['incidents created (201)', createdOk], ['incidents stored afterwards', stored], ['status changes accepted (200)', movedOk], ['verified afterwards', verified],
  // Writes still in flight when the run stops may be stored without their answer being counted: that is not loss.
  ['lost writes (acknowledged but not stored)', Math.max(0, createdOk - stored) + Math.max(0, movedOk - verified)],
] as const) console.log(`${figure} | ${value}`);
