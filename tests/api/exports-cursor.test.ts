import type { AddressInfo } from 'node:net';
import { get, type IncomingMessage } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import type { ItemQuery } from '../../server/storage/features.ts';
import { EXPORT_APPLICATION_NAME } from '../../server/storage/postgres/export-cursor.ts';
import { openPostgresStorage } from '../../server/storage/postgres/index.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestDatabase, describePostgres, psqlAt } from '../helpers/postgres.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// PostgreSQL exports stream from a real cursor (issue 16 §3): on a connection of the export pool, in a read-only
// snapshot, one batch fetched per batch the client takes. Checked against the database itself (pg_stat_activity
// shows what each export connection is doing) and against SQLite's bytes for the same data.

const JSON_LINES = { module: new URL('../../server/storage/sqlite/fixtures/json-lines-encoder.ts', import.meta.url).href, options: null };
const everything: ItemQuery = { filters: [], limit: Number.MAX_SAFE_INTEGER, offset: 0 };
const NOW = () => new Date('2026-12-02T03:00:00Z');

describePostgres('PostgreSQL exports from a cursor', () => {
  describePostgresBytes();
  describePostgresCursor();
  describePostgresHttp();
});

function describePostgresBytes(): void {
  let sqlite: TestApp;
  let postgres: TestApp;
  beforeAll(async () => {
    const demo = await demoDataset();
    const dataset = { bts_sites: demo.bts_sites, cable_routes: demo.cable_routes, incidents: demo.incidents };
    [sqlite, postgres] = await Promise.all([createTestApp(dataset, { storage: 'sqlite', now: NOW }), createTestApp(dataset, { storage: 'postgres', now: NOW })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([sqlite?.services.storage.close(), postgres?.services.storage.close()]);
  });

  it('every format carries the same bytes from PostgreSQL as from SQLite, for each role and query', async () => {
    const paths = [
      '/api/collections/bts_sites/export?format=FORMAT',
      '/api/collections/incidents/export?format=FORMAT&type=cable_theft&sortby=-occurred_at',
      '/api/collections/cable_routes/export?format=FORMAT&bbox=107.8,14.2,108.2,14.6&crs=http://www.opengis.net/def/crs/EPSG/0/9216',
    ];
    for (const caller of ['police', 'viettel'] as const) {
      for (const path of paths) {
        for (const format of ['geojson', 'csv', 'kml', 'gpkg']) {
          const url = path.replace('FORMAT', format);
          if (format !== 'geojson' && format !== 'gpkg' && url.includes('crs=')) continue;
          const [fromSqlite, fromPostgres] = await Promise.all([sqlite, postgres].map(async (app) => {
            const response = await app.as(caller).request(url);
            expect(response.status, `${caller} ${url}`).toBe(200);
            return Buffer.from(await response.arrayBuffer());
          }));
          expect(fromSqlite.length, `${caller} ${url}`).toBeGreaterThan(500);
          // Compared as bytes; a difference is shown as text where the format is text.
          if (format === 'gpkg') expect(fromPostgres.equals(fromSqlite), `${caller} ${url}`).toBe(true);
          else expect(fromPostgres.toString('utf8'), `${caller} ${url}`).toBe(fromSqlite.toString('utf8'));
        }
      }
    }
  }, 120_000);
}

/** What each export connection of the database is doing, from pg_stat_activity: its state and whether a transaction is open. */
async function exportConnections(url: string): Promise<{ pid: number; state: string; inTransaction: boolean }[]> {
  const rows = await psqlAt(url, `SELECT pid, state, xact_start IS NOT NULL FROM pg_stat_activity WHERE datname = current_database() AND application_name = '${EXPORT_APPLICATION_NAME}' ORDER BY pid`);
  return rows.split('\n').filter(Boolean).map((line) => {
    const [pid, state, open] = line.split('|');
    return { pid: Number(pid), state, inTransaction: open === 't' };
  });
}

/** Waits until no export connection has a transaction open (the test's timeout fails a leak). */
async function untilNoneOpen(url: string): Promise<void> {
  while ((await exportConnections(url)).some((connection) => connection.inTransaction)) await new Promise((resolve) => setTimeout(resolve, 50));
}

function describePostgresCursor(): void {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let storage: Storage;
  let total: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    // One export connection: an export that kept it would hold back every later one.
    storage = await openPostgresStorage(database.url, { poolSize: 2, env: { NETGUARD_EXPORTS: '1' } });
    await storage.features.insertDataset({ incidents: (await demoDataset()).incidents });
    total = (await storage.features.counts()).incidents;
  }, 120_000);
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });
  const lines = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).length;

  it('a paused export has fetched only a few batches: the rest is still in the database, and a dropped connection fails it', async () => {
    // More than the few batches (500 features each) an export reads ahead of its client.
    expect(total).toBeGreaterThan(6 * 500);
    const reader = (await storage.features.exportStream('incidents', everything, JSON_LINES)).getReader();
    const received = [(await reader.read()).value!];
    // The export holds its cursor in an open read-only transaction while its client does not read (the portal is
    // open between fetches, so PostgreSQL shows the connection as active).
    const [connection] = await exportConnections(database.url);
    expect(connection).toMatchObject({ state: 'active', inTransaction: true });
    await psqlAt(database.url, `SELECT pg_terminate_backend(${connection.pid})`);
    // What was fetched before the connection went is delivered; what was still on the server is not.
    const failure = await (async () => {
      for (;;) {
        const next = await reader.read();
        if (next.done) return undefined;
        received.push(next.value);
      }
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(lines(received)).toBeLessThanOrEqual(4 * 500);
    // The broken connection was dropped, not given back: the next export gets a new one and reads the whole layer.
    const whole = await new Response(await storage.features.exportStream('incidents', everything, JSON_LINES)).text();
    expect(whole.split('\n').filter(Boolean)).toHaveLength(total);
    await untilNoneOpen(database.url);
  });

  it('an export whose client goes away closes its cursor and gives its connection back, every time', async () => {
    for (let round = 0; round < 5; round += 1) {
      const reader = (await storage.features.exportStream('incidents', everything, JSON_LINES)).getReader();
      await reader.read();
      await reader.cancel();
      await untilNoneOpen(database.url);
    }
    // Never more than the pool's one connection, and it is idle: no transaction, no cursor left open.
    const connections = await exportConnections(database.url);
    expect(connections.length).toBeLessThanOrEqual(1);
    expect(connections.every((connection) => connection.state === 'idle')).toBe(true);
    const whole = await new Response(await storage.features.exportStream('incidents', everything, JSON_LINES)).text();
    expect(whole.split('\n').filter(Boolean)).toHaveLength(total);
  });

  it('an export past NETGUARD_EXPORT_MAX_MS fails and gives its connection back', async () => {
    const limited = await openPostgresStorage(database.url, { poolSize: 1, env: { NETGUARD_EXPORTS: '1', NETGUARD_EXPORT_MAX_MS: '200' } });
    try {
      const outcome = await (async () => {
        const reader = (await limited.features.exportStream('incidents', everything, JSON_LINES)).getReader();
        await reader.read();
        // Past the 200 ms it may last: the next batch it fetches fails it.
        await new Promise((resolve) => setTimeout(resolve, 300));
        for (let next = await reader.read(); !next.done; next = await reader.read()) { /* read on */ }
        return 'complete';
      })().catch((error: unknown) => error);
      expect(outcome).toBeInstanceOf(Error);
      expect(String(outcome)).toMatch(/NETGUARD_EXPORT_MAX_MS/);
      await untilNoneOpen(database.url);
    } finally {
      await limited.close();
    }
  });

  it('with every export connection taken, one more export waits for it and the next is refused with 503', async () => {
    const running = (await storage.features.exportStream('incidents', everything, JSON_LINES)).getReader();
    await running.read();
    const waiting = storage.features.exportStream('incidents', { ...everything, filters: [{ property: 'type', value: 'cable_theft' }] }, JSON_LINES);
    const refused = await storage.features.exportStream('incidents', everything, JSON_LINES).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, code: 'ServiceBusy' });
    await running.cancel();
    const thefts = (await storage.features.query('incidents', { ...everything, limit: 1, filters: [{ property: 'type', value: 'cable_theft' }] })).numberMatched;
    expect((await new Response(await waiting).text()).split('\n').filter(Boolean)).toHaveLength(thefts);
    await untilNoneOpen(database.url);
  });
}

function describePostgresHttp(): void {
  let t: TestApp;
  let server: ServerType;
  let url: string;
  beforeAll(async () => {
    // Ten copies of the demo's incidents under new ids: some 20 MB of GeoJSON, more than the sockets buffer.
    const incidents = (await demoDataset()).incidents;
    const copies = Array.from({ length: 10 }, (_, copy) => incidents.features.map((feature) => ({ ...feature, id: Number(feature.id) + copy * 1_000_000 })));
    t = await createTestApp({ incidents: { ...incidents, features: copies.flat() } }, { storage: 'postgres', now: NOW });
    server = serve({ fetch: t.raw.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t?.services.storage.close();
  });

  it('a download whose HTTP client goes away mid-file gives its export connection back, its transaction ended', async () => {
    const response = await new Promise<IncomingMessage>((resolve, reject) => get(`${url}/api/collections/incidents/export?format=geojson`, { headers: { Authorization: `Bearer ${t.tokens.police}` }, agent: false }, resolve).on('error', reject));
    expect(response.statusCode).toBe(200);
    await new Promise((resolve) => response.once('data', resolve));
    response.pause();
    // Mid-file: the export holds its cursor in an open transaction while the client does not read.
    const [connection] = await exportConnections(t.databaseUrl!);
    expect(connection).toMatchObject({ inTransaction: true });
    response.destroy();
    await untilNoneOpen(t.databaseUrl!);
    expect((await exportConnections(t.databaseUrl!)).every((each) => each.state === 'idle')).toBe(true);
    // Audited as cut short once its end is recorded (the test's timeout fails an export never audited).
    type Audited = { records: { details: { complete: boolean; count: number } }[] };
    const audited = async () => ((await (await t.as('dic').request('/api/audit?action=export&limit=1')).json()) as Audited).records;
    let records = await audited();
    while (records.length === 0) records = await audited();
    expect(records[0].details).toMatchObject({ complete: false });
    expect(records[0].details.count).toBeLessThan(10 * 3_600);
  });
}
