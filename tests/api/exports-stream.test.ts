import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../scripts/generator/index.ts';
import { loadNational } from '../../scripts/national/build.ts';
import { createServices } from '../../server/services.ts';
import { finishBulkLoad } from '../../server/storage/sqlite/inspect.ts';
import { openSqliteStorage } from '../../server/storage/sqlite/index.ts';
import { productionEnv, startServer, type RunningServer } from '../helpers/server-process.ts';

// Exports stream from a cursor (issue 16 §3), checked on a real server over a generated national-style set of four
// province copies (40,000 incidents, 6,000 sites): GDAL reads what comes out, a large export starts before it is
// read whole and keeps pace with its client, a client that goes away frees the export thread and the temporary
// GeoPackage, and every role sees exactly what the items endpoint shows it.

const VALIDATE_GPKG = '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py';
const COPIES = 4;
const USERS = [
  { username: 'police', role: 'police_planner', organisationCode: 'police-kontum' },
  { username: 'viettel', role: 'carrier_editor', organisationCode: 'viettel' },
  { username: 'ubnd', role: 'viewer', organisationCode: 'ubnd-kontum' },
  { username: 'dic', role: 'dic_reviewer', organisationCode: 'dic-kontum' },
] as const;
type Username = (typeof USERS)[number]['username'];
type Feature = { id: number; properties: Record<string, unknown> };
type AuditRecord = { details: { format: string; count: number; complete: boolean } };

describe('streamed exports on a real server', () => {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-export-stream-'));
  /** The server's own temporary folder, where its GeoPackages are written. */
  const serverTmp = join(directory, 'server-tmp');
  const tokens = {} as Record<Username, string>;
  let counts: Record<string, number>;
  let theftCount: number;
  let server: RunningServer;

  beforeAll(async () => {
    const path = join(directory, 'national.sqlite');
    const storage = openSqliteStorage(path);
    await loadNational(storage.features, { copies: COPIES, seed: DEFAULT_SEED });
    const { accounts } = createServices(storage);
    for (const user of USERS) {
      const created = await accounts.createUser({ ...user, displayName: user.username, password: 'export-test-password' });
      tokens[user.username] = (await accounts.createToken(created.userId, 'export test')).token;
    }
    // The brute-force counts the exports must match: count(*) of each table, and of one filter.
    counts = await storage.features.counts();
    theftCount = (await storage.features.query('incidents', { filters: [{ property: 'type', value: 'cable_theft' }], limit: 1, offset: 0 })).numberMatched;
    await storage.close();
    finishBulkLoad(path);
    mkdirSync(serverTmp);
    // One export at a time: an export thread that a gone client left busy would hold back every later export.
    server = await startServer({ databasePath: path, env: { ...productionEnv(), NETGUARD_EXPORTS: '1', TMPDIR: serverTmp } });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  const headers = (username: Username) => ({ Authorization: `Bearer ${tokens[username]}` });
  const fetchAs = (username: Username, path: string) => fetch(`${server.url}${path}`, { headers: headers(username) });
  /** Saves an export to a file, as a browser download would, on a connection of its own. */
  const download = async (username: Username, path: string, name: string): Promise<string> => {
    const response = await open(username, path);
    expect(response.statusCode).toBe(200);
    const file = join(directory, name);
    await pipeline(response, createWriteStream(file));
    return file;
  };
  const featureCount = (file: string) => [...execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' }).matchAll(/Feature Count: (\d+)/g)].reduce((sum, [, n]) => sum + Number(n), 0);
  /**
   * A GET whose response the test reads by hand (pause it, destroy it), on a new connection: a kept-alive one may be
   * closed by the server while the test runs GDAL.
   */
  const open = (username: Username, path: string, more: Record<string, string> = {}) =>
    new Promise<IncomingMessage>((resolve, reject) => get(`${server.url}${path}`, { headers: { ...headers(username), ...more }, agent: false }, resolve).on('error', reject));
  const firstChunk = (response: IncomingMessage) => new Promise<Buffer>((resolve) => response.once('data', resolve));
  const exportsAudited = async () => (await (await fetchAs('dic', '/api/audit?action=export&limit=100')).json() as { records: AuditRecord[] }).records;
  /** Polls the audit log until `found` holds of it (an export is audited when it ends, complete or not). */
  async function auditUntil(found: (records: AuditRecord[]) => boolean): Promise<AuditRecord[]> {
    for (;;) {
      const records = await exportsAudited();
      if (found(records)) return records;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  /** Every item a user may read, page by page through the items endpoint (the paged, non-streamed read path). */
  async function items(username: Username, collectionId: string): Promise<Feature[]> {
    const features: Feature[] = [];
    let next: string | undefined = `/api/collections/${collectionId}/items?limit=10000`;
    while (next) {
      const page = (await (await fetchAs(username, next)).json()) as { features: Feature[]; links: { rel: string; href: string }[] };
      features.push(...page.features);
      const link = page.links.find((candidate) => candidate.rel === 'next')?.href;
      next = link && new URL(link, server.url).pathname + new URL(link, server.url).search;
    }
    return features;
  }

  it('GDAL reads every streamed format and finds the features the database holds', async () => {
    for (const format of ['geojson', 'csv', 'kml', 'gpkg']) {
      const file = await download('police', `/api/collections/bts_sites/export?format=${format}`, `sites.${format}`);
      expect(featureCount(file), format).toBe(counts.bts_sites);
      if (format === 'gpkg') execFileSync('/usr/bin/python3', [VALIDATE_GPKG, file]);
    }
    expect(featureCount(await download('police', '/api/collections/incidents/export?format=geojson', 'incidents.geojson'))).toBe(counts.incidents);
    expect(featureCount(await download('police', '/api/collections/incidents/export?format=csv&type=cable_theft', 'thefts.csv'))).toBe(theftCount);
  }, 90_000);

  it('a large export sends its first bytes before it has read the set, compressed as a browser asks, and other requests answer while it waits for its client', async () => {
    const before = (await exportsAudited()).length;
    const response = await open('police', '/api/collections/incidents/export?format=geojson', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(response.headers['content-type']).toBe('application/geo+json');
    expect(response.headers['content-encoding']).toBe('br');
    const first = await firstChunk(response);
    response.pause();
    // Concurrent requests while the export is open: items, a filtered page and an export refused before its first byte.
    const others = await Promise.all([
      fetchAs('viettel', '/api/collections/bts_sites/items?limit=10'),
      fetchAs('police', '/api/collections/incidents/items?limit=100&type=cable_theft'),
      fetchAs('ubnd', '/api/collections/incidents/export?format=csv'),
    ]);
    expect(others.map((other) => other.status)).toEqual([200, 200, 403]);
    expect(await others[2].json()).toMatchObject({ error: { code: 'Forbidden' } });
    // The paused export has not read its set: it is audited only when it ends, and it has not ended.
    expect((await exportsAudited()).length).toBe(before);
    response.resume();
    const rest: Buffer[] = [first];
    for await (const chunk of response) rest.push(chunk as Buffer);
    const text = brotliDecompressSync(Buffer.concat(rest)).toString('utf8');
    expect(text.slice(0, 40)).toMatch(/^\{"type":"FeatureCollection","features":\[/);
    expect((JSON.parse(text) as { features: Feature[] }).features).toHaveLength(counts.incidents);
    const [latest] = await auditUntil((records) => records.length > before);
    expect(latest.details).toMatchObject({ format: 'geojson', count: counts.incidents, complete: true });
  });

  it('a client that goes away mid-export stops the read, frees the export thread and leaves no temporary file', async () => {
    for (const format of ['geojson', 'gpkg']) {
      const before = (await exportsAudited()).length;
      const collectionId = format === 'gpkg' ? 'bts_sites' : 'incidents';
      const response = await open('police', `/api/collections/${collectionId}/export?format=${format}`);
      await firstChunk(response);
      response.destroy();
      const [latest] = await auditUntil((records) => records.length > before);
      if (format === 'geojson') {
        // Stopped where the client left it: fewer features read than the layer holds.
        expect(latest.details.complete).toBe(false);
        expect(latest.details.count).toBeLessThan(counts.incidents);
      }
    }
    // One export thread: the next exports run only if the gone clients' exports let it go.
    for (const format of ['csv', 'kml']) expect(featureCount(await download('police', `/api/collections/bts_sites/export?format=${format}`, `after.${format}`))).toBe(counts.bts_sites);
    // The server's temporary folder also holds tsx's cache: only NetGuard's own folders must be gone.
    const left = () => readdirSync(serverTmp).filter((name) => name.startsWith('netguard-'));
    while (left().length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(left()).toEqual([]);
  }, 60_000);

  it('an export beyond the cap waits for the export thread, and one beyond those waiting is refused with 503 JSON before any byte', async () => {
    const running = await open('police', '/api/collections/incidents/export?format=geojson');
    await firstChunk(running);
    running.pause();
    // The one export thread is taken (NETGUARD_EXPORTS=1) and one more export may wait for it: of two more, the one
    // that comes second is refused at once, the other waits.
    const more = [open('viettel', '/api/collections/bts_sites/export?format=csv'), open('viettel', '/api/collections/bts_sites/export?format=csv')];
    const refused = await Promise.race(more);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.headers['content-type']).toMatch(/json/);
    refused.resume();
    running.destroy();
    const waited = (await Promise.all(more)).find((response) => response !== refused)!;
    expect(waited.statusCode).toBe(200);
    waited.resume();
    await new Promise((resolve) => waited.once('end', resolve));
  });

  it('each role exports exactly what the items endpoint shows it, and a refused export answers JSON before any byte', async () => {
    for (const username of ['police', 'viettel'] as const) {
      for (const collectionId of ['bts_sites', 'incidents']) {
        const exported = (await (await fetchAs(username, `/api/collections/${collectionId}/export?format=geojson`)).json()) as { features: Feature[] };
        const read = await items(username, collectionId);
        expect(exported.features.map((feature) => [feature.id, feature.properties]), `${username} ${collectionId}`).toEqual(read.map((feature) => [feature.id, feature.properties]));
      }
    }
    const refused = await fetchAs('police', '/api/collections/incidents/export?format=geojson&filter=S_NOPE(geometry)');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/json/);
  }, 90_000);
});
