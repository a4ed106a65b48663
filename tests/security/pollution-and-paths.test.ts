import { serve, type ServerType } from '@hono/node-server';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_RULES } from '../../server/auth/rules.ts';
import { ACCESS_DATASET } from '../fixtures/access-dataset.ts';
import { signIn, startServer, type RunningServer } from '../helpers/server-process.ts';
import { createTestApp } from '../helpers/test-app.ts';

// The red team's prototype-pollution and path probes (issue 13), over real sockets: against the real server
// (`server/main.ts` on a copy of the demo database, serving the built web app), and against the same app served in
// this process, where Object.prototype itself can be looked at after the probes.

type Answer = { status: number; type: string; body: string; cookie: string };
/** One request with the path on the wire exactly as written: fetch and URL would resolve its dots and escapes first. */
function raw(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sent = request({ host: hostname, port, path, method: init.method ?? 'GET', headers: { ...(init.body ? { 'Content-Length': String(Buffer.byteLength(init.body)) } : {}), ...init.headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: String(response.headers['content-type'] ?? ''), body, cookie: String(response.headers['set-cookie'] ?? '').split(';')[0] }));
    });
    sent.on('error', reject);
    sent.end(init.body);
  });
}

/** The problem with an answer that should be a refusal: `null` when it is a 4xx with `{ error: { code, message, details } }`. */
function refusalProblem(answer: Answer): string | null {
  if (answer.status < 400 || answer.status > 499) return `status ${answer.status}`;
  if (!answer.type.startsWith('application/json')) return `type ${answer.type}`;
  const { error } = JSON.parse(answer.body) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  if (typeof error?.code !== 'string' || typeof error.message !== 'string') return `body ${answer.body.slice(0, 120)}`;
  if (typeof error.details !== 'object' || error.details === null || Array.isArray(error.details)) return `no details object: ${answer.body.slice(0, 120)}`;
  return null;
}

/** JSON bodies that pollute Object.prototype in code that merges or assigns what it was sent (lodash.merge style). */
const POLLUTING_BODIES = [
  '{"__proto__":{"polluted":"yes","role":"admin","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes","role":"admin"}}}',
  '{"type":"Feature","geometry":{"type":"Point","coordinates":[108.005,14.355]},"properties":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}',
  '{"properties":{"__proto__":{"polluted":"yes"}}}',
];
const POLLUTING_QUERY = '__proto__[polluted]=yes&constructor[prototype][polluted]=yes&__proto__.role=admin';
/**
 * Every route that takes a JSON body: all writes but DELETE (no body) and sign-out (no body; it would end the
 * probing session). Parameters are filled with ids that exist in the demo, so a body reaches its validation.
 */
const WRITES = ROUTE_RULES.filter((rule) => rule.method !== 'GET' && rule.method !== 'DELETE' && rule.path !== '/api/auth/logout');
const fill = (path: string) => path.replace(':collectionId', 'bts_sites').replace(/:[A-Za-z]+/g, '1');
/** Every read: a query parameter named after a prototype is refused on every route, even those that ignore their query. */
const READS = ROUTE_RULES.filter((rule) => rule.method === 'GET');

/** What a probe could have changed: the audit trail (every write appends to it), every collection's count, the accounts. */
async function snapshot(base: string, cookie: string): Promise<string> {
  const get = async (path: string) => (await raw(base, path, { headers: { Cookie: cookie } })).body;
  const collections = (JSON.parse(await get('/api/collections')) as { collections: { id: string }[] }).collections;
  const counts = await Promise.all(collections.map(async ({ id }) => [id, (JSON.parse(await get(`/api/collections/${id}/items?limit=1`)) as { numberMatched: number }).numberMatched]));
  // Reads of security data are audited too (the snapshot's own reads among them): count the entries that record writes.
  const audit = JSON.parse(await get('/api/audit?limit=1&action=create,update,delete,transition,login,login_failed,logout')) as { numberMatched: number };
  if (typeof audit.numberMatched !== 'number') throw new Error('the audit trail did not answer');
  return JSON.stringify({ counts, audit, site: await get('/api/collections/bts_sites/items/1'), users: await get('/api/admin/users'), tokens: await get('/api/admin/tokens') });
}

/** Sends every polluting body to every write route and every polluting query string to every route; the problems found. */
async function probe(base: string, headers: Record<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const rule of WRITES) {
    for (const body of POLLUTING_BODIES) {
      const answer = await raw(base, fill(rule.path), { method: rule.method, headers: { ...headers, 'Content-Type': 'application/json' }, body });
      const problem = refusalProblem(answer);
      if (problem) problems.push(`${rule.method} ${rule.path} ${body.slice(0, 40)}: ${problem}`);
    }
    const answer = await raw(base, `${fill(rule.path)}?${POLLUTING_QUERY}`, { method: rule.method, headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });
    const problem = refusalProblem(answer);
    if (problem) problems.push(`${rule.method} ${rule.path}?${POLLUTING_QUERY.slice(0, 20)}: ${problem}`);
  }
  for (const rule of READS) {
    const answer = await raw(base, `${fill(rule.path)}?${POLLUTING_QUERY}`, { headers });
    if (answer.status !== 400 || refusalProblem(answer)) problems.push(`GET ${rule.path}?${POLLUTING_QUERY.slice(0, 20)}: ${answer.status} ${refusalProblem(answer)}`);
  }
  return problems;
}

describe('prototype pollution and path tricks against the real server', () => {
  let server: RunningServer;
  let admin: { cookie: string; csrfToken: string };
  let viewer: { cookie: string; csrfToken: string };
  beforeAll(async () => {
    server = await startServer();
    admin = await signIn(server.url, 'admin');
    viewer = await signIn(server.url, 'ubnd');
  }, 120_000);
  afterAll(() => server?.stop());

  it('every write refuses __proto__ and constructor.prototype bodies and query strings with a 4xx error, and nothing changes', async () => {
    expect(WRITES.length).toBeGreaterThan(30);
    const before = await snapshot(server.url, admin.cookie);
    expect(await probe(server.url, { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken })).toEqual([]);
    expect(await snapshot(server.url, admin.cookie)).toBe(before);
    // Nothing the server decides from plain objects changed: roles, scopes and the unknown-parameter rule still hold.
    for (const path of ['/api/audit', '/api/collections/key_targets/items', '/api/admin/users']) {
      expect((await raw(server.url, path, { headers: { Cookie: viewer.cookie } })).status, path).toBe(403);
    }
    expect((await raw(server.url, '/api/collections')).status).toBe(401);
    expect((await raw(server.url, '/api/collections/bts_sites/items?polluted=yes', { headers: { Cookie: viewer.cookie } })).status).toBe(400);
  });

  it('static files: dot segments, encoded dots and slashes, backslashes, double slashes and null bytes never reach a file outside the web app', async () => {
    const outside = ['"name": "netguard"', 'root:x:0:0', "from '@hono/node-server'", 'SQLite format 3', 'better-sqlite3'];
    const tricks = [
      '/../package.json', '/../../../../etc/passwd', '/%2e%2e/package.json', '/%2E%2E/%2e%2e/etc/passwd', '/%2e%2e%2fpackage.json', '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/%2e%2e/server/main.ts', '/glyphs/..%2f..%2f..%2fpackage.json', '/glyphs/%2e%2e%2f%2e%2e%2fdata%2fnetguard.sqlite',
      '//etc/passwd', '//package.json', '/%2f%2fetc%2fpasswd', '/%5c..%5c..%5cpackage.json', '/assets/..%5c..%5c..%5cpackage.json',
      '/index.html%00.js', '/favicon.svg%00', '/%00', '/assets/%00../../package.json', '/bao-tin/..%2f..%2fpackage.json', '/thuc-dia/%2e%2e/%2e%2e/package.json',
    ];
    for (const path of tricks) {
      const answer = await raw(server.url, path);
      expect(answer.status, path).toBeLessThan(500);
      for (const marker of outside) expect(answer.body, `${path} shows ${marker}`).not.toContain(marker);
      // Either the app shell for a client-side route, or a refusal: never another file under a file's type.
      if (answer.status === 200) expect(answer.type, path).toMatch(/^text\/html/);
      else expect(answer.status, path).toBeGreaterThanOrEqual(400);
    }
    // Backslashes and raw control characters are refused by the HTTP parser itself, before the app.
    for (const path of ['/..\\..\\package.json', '/assets\\..\\..\\package.json']) expect((await raw(server.url, path)).status, path).toBe(400);
    // A file that is not there is a 404, not the app shell labelled as a glyph range or a script.
    for (const path of ['/glyphs/..%2f..%2f..%2fpackage.json', '/glyphs/Noto%20Sans%20Regular/99999-100254.pbf', '/assets/missing.js', '/favicon.svg%00']) {
      expect((await raw(server.url, path)).status, path).toBe(404);
    }
    const shell = await raw(server.url, '/ban-do/khu-vuc');
    expect(shell.status).toBe(200);
    expect(shell.body).toMatch(/<!doctype html>/i);
  });

  it('collection and item ids with dots, escapes, slashes, backslashes and null bytes get a 4xx JSON error and show nothing', async () => {
    const ids = [
      '/api/collections/..%2fbts_sites/items', '/api/collections/%2e%2e/items', '/api/collections/bts_sites%00/items', '/api/collections/bts_sites%2f..%2fkey_targets/items',
      '/api/collections/bts_sites%5c..%5ckey_targets/items', '/api/collections/__proto__/items', '/api/collections/constructor/items', '/api/collections/toString/items',
      '/api/collections/hasOwnProperty', '/api/collections/%E0%A4%A/items', '/api/collections/bts_sites/items/1%2f..%2f2', '/api/collections/bts_sites/items/..%2f1',
      '/api/collections/bts_sites/items/1%00', '/api/collections/bts_sites/items/1%5c..%5c2', '/api/collections/bts_sites/items/__proto__', '/api/collections/bts_sites/items/1.0e0',
      '/api/collections/bts_sites/items/0x1', '/api/collections/bts_sites/items/%20%31', '/api//collections//bts_sites//items', '/api/collections/bts_sites/items/1/../../key_targets/items',
      '/api/collections/bts_sites/tiles/WebMercatorQuad/..%2f..%2f0/0/0', '/api/collections/bts_sites/tiles/WebMercatorQuad/0/0/0%00', '/api/collections/bts_sites/tiles/WebMercatorQuad/0/0/..%2f0',
      '/api/collections/bts_sites/tiles/%2e%2e%2fWebMercatorQuad/0/0/0', '/api/collections/bts_sites/tiles/WebMercatorQuad/0/0/0.pbf%00', '/api/collections/bts_sites%00/tiles/WebMercatorQuad/0/0/0',
      '/api/collections/bts_sites/export%00?format=csv', '/api/collections/..%2fkey_targets/export?format=csv', '/api/search%00?q=VTL',
    ];
    for (const path of ids) {
      const answer = await raw(server.url, path, { headers: { Cookie: viewer.cookie } });
      expect(refusalProblem(answer), `${path}: ${answer.status} ${answer.body.slice(0, 100)}`).toBeNull();
      expect(answer.body, path).not.toContain('"type":"Feature"');
    }
  });

  it('dot segments are resolved before the access rules: no spelling of a path reaches key targets for the viewer', async () => {
    const spellings = [
      '/api/collections/key_targets/items', '/api/collections/bts_sites/../key_targets/items', '/api/collections/bts_sites/%2e%2e/key_targets/items',
      '/api/collections/bts_sites/items/%2e%2e/%2e%2e/key_targets/items', '/api/collections/bts_sites/%2E%2E/key_targets/items', '/api/collections/./key_targets/items',
      '/api/collections/%2e/key_targets/items', '/api/collections/key_targets/tiles/WebMercatorQuad/10/816/481', '/api/collections/bts_sites/%2e%2e/key_targets/tiles/WebMercatorQuad/10/816/481',
      '/api/collections/bts_sites/%2e%2e/key_targets/export?format=geojson', '/api/x/%2e%2e/collections/key_targets/items', '/api/collections/key_targets/items/',
    ];
    for (const path of spellings) {
      const answer = await raw(server.url, path, { headers: { Cookie: viewer.cookie } });
      expect([403, 404], `${path}: ${answer.status}`).toContain(answer.status);
      expect(refusalProblem(answer), path).toBeNull();
    }
    // The same spellings reach them for the police, so the refusals above are the rules, not broken paths.
    const police = await signIn(server.url, 'police');
    expect((await raw(server.url, '/api/collections/bts_sites/%2e%2e/key_targets/items', { headers: { Cookie: police.cookie } })).status).toBe(200);
  });
});

describe('prototype pollution against the app served in this process', () => {
  let http: ServerType;
  let base: string;
  let headers: Record<string, string>;
  beforeAll(async () => {
    const t = await createTestApp(ACCESS_DATASET, { webRoot: fileURLToPath(new URL('../../dist/web', import.meta.url)) });
    http = serve({ fetch: t.raw.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => http.once('listening', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const login = await raw(base, '/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
    headers = { Cookie: login.cookie, 'X-CSRF-Token': (JSON.parse(login.body) as { csrfToken: string }).csrfToken };
  });
  afterAll(() => new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve())));

  it('after every probe, Object.prototype, Array.prototype and Function.prototype are as they were', async () => {
    const own = () => [Object.prototype, Array.prototype, Function.prototype].map((prototype) => Object.getOwnPropertyNames(prototype).sort().join(','));
    const before = own();
    expect(await probe(base, headers)).toEqual([]);
    expect(own()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(Object.create(null).polluted).toBeUndefined();
  });
});
