import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePostgres } from '../helpers/postgres.ts';
import { freePort, startServer, type RunningServer } from '../helpers/server-process.ts';

// README "Deploying beyond one machine": the recipe's own scripts (scripts/deploy/), run as a reader would run them,
// build a primary that archives its write-ahead log, a streaming standby and a base backup; two NetGuard servers
// over the primary act as one; the standby has every write and refuses to serve NetGuard; and a point-in-time
// recovery from the backup and the archive brings the database back as it was at a chosen moment, which a third
// NetGuard server then serves.

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;
const PASSWORD = 'correct horse battery staple 16';
const secrets = { NETGUARD_DB_PASSWORD: `app-${randomBytes(8).toString('hex')}`, REPLICATION_PASSWORD: `repl-${randomBytes(8).toString('hex')}` };
const secretKey = randomBytes(32).toString('base64');

const script = (name: string, args: string[]) => run(join('scripts/deploy', name), args, { env: { ...process.env, ...secrets, LISTEN: '127.0.0.1' } });
const appUrl = (port: number) => `postgres://netguard:${secrets.NETGUARD_DB_PASSWORD}@127.0.0.1:${port}/netguard`;
/** A query as the postgres superuser over the local socket (as `sudo -u postgres psql` would). */
async function psql(port: number, sql: string): Promise<string> {
  const args = ['-X', '-At', '-p', String(port), '-d', 'netguard', '-c', sql];
  const { stdout } = asRoot ? await run('runuser', ['-u', 'postgres', '--', join(BIN, 'psql'), ...args]) : await run(join(BIN, 'psql'), args);
  return stdout.trim();
}
const productionEnv = (port: number) => ({ NETGUARD_DATABASE_URL: appUrl(port), NETGUARD_SEED: 'none', NETGUARD_SECRET_KEY: secretKey });

type Session = { cookie: string; csrfToken: string };
async function signIn(url: string, username: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(response.status).toBe(200);
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0], csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}
const send = (url: string, session: Session, method: string, path: string, body?: unknown) => fetch(`${url}${path}`, {
  method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken },
});
const site = (code: string, lon: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, 14.35] }, properties: { site_code: code, owner: 'viettel', technologies: ['4G'], status: 'planned' } });
const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describePostgres('Deploying beyond one machine: the scripts/deploy recipe of the README', () => {
  let root: string;
  const ports = { primary: 0, standby: 0, restored: 0, rebuilt: 0 };
  let backup: string;
  const servers: RunningServer[] = [];
  let one: RunningServer;
  let other: RunningServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'netguard-deploy-'));
    if (asRoot) {
      const [, , uid, gid] = readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith('postgres:'))!.split(':');
      chownSync(root, Number(uid), Number(gid));
    }
    ports.primary = await freePort();
    ports.standby = await freePort();
    await script('primary.sh', [join(root, 'primary'), String(ports.primary), join(root, 'archive')]);
    await script('standby.sh', ['127.0.0.1', String(ports.primary), join(root, 'standby'), String(ports.standby)]);
    // The first accounts of a production database, made with the CLI the README names.
    // Both at once on the new database: one migrates it, the other waits on the migrations' advisory lock.
    await Promise.all([['chief', 'police_planner', 'police-kontum'], ['vt-editor', 'carrier_editor', 'viettel']].map(([username, role, organisation]) =>
      run(process.execPath, ['--import', 'tsx', 'scripts/user.ts', 'create', '--username', username, '--role', role, '--organisation', organisation],
        { env: { ...process.env, ...productionEnv(ports.primary), NETGUARD_PASSWORD: PASSWORD } })));
    backup = (await script('base-backup.sh', ['127.0.0.1', String(ports.primary), join(root, 'backups')])).stdout.trim();
    // Two application servers, as behind a load balancer.
    [one, other] = await Promise.all([0, 1].map(() => startServer({ databasePath: join(root, 'unused.sqlite'), env: productionEnv(ports.primary) })));
    servers.push(one, other);
  }, 240_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const cluster of ['rebuilt', 'restored', 'standby', 'primary']) {
      const data = join(root, cluster);
      if (!existsSync(join(data, 'postmaster.pid'))) continue;
      const stop = [join(BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
      await (asRoot ? run('runuser', ['-u', 'postgres', '--', ...stop]) : run(stop[0], stop.slice(1))).catch(() => {});
    }
    rmSync(root, { recursive: true, force: true });
  });

  let kept: number;
  it('two application servers over the primary act as one: signed in on one, a carrier writes through the other', async () => {
    const session = await signIn(one.url, 'vt-editor');
    const created = await send(other.url, session, 'POST', '/api/collections/bts_sites/items', site('VTL-DEPLOY-KEPT', 107.91));
    expect(created.status).toBe(201);
    kept = ((await created.json()) as { id: number }).id;
    const read = await fetch(`${one.url}/api/collections/bts_sites/items/${kept}`, { headers: { Cookie: (await signIn(one.url, 'chief')).cookie } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { properties: { site_code: string } }).properties.site_code).toBe('VTL-DEPLOY-KEPT');
  });

  it('the standby replays every write, and NetGuard refuses to start on it', async () => {
    await until(async () => (await psql(ports.standby, "SELECT count(*) FROM bts_sites WHERE site_code = 'VTL-DEPLOY-KEPT'")) === '1', 'the standby has the new site');
    expect(await psql(ports.standby, 'SELECT pg_is_in_recovery()')).toBe('t');
    const refused = await startServer({ databasePath: join(root, 'unused.sqlite'), env: productionEnv(ports.standby), timeoutMs: 30_000 }).then(
      (server) => {
        servers.push(server);
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/is a standby \(read-only replica\): point NETGUARD_DATABASE_URL at the primary/);
    expect(refused).not.toContain(secrets.NETGUARD_DB_PASSWORD);
  });

  it('point-in-time recovery from the base backup and the WAL archive brings back the database of a chosen moment', async () => {
    const editor = await signIn(one.url, 'vt-editor');
    // The moment to go back to: after the kept site's commit, before the mistakes below.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // As PostgreSQL reads a time: a space before the hours and the zone as an offset.
    const target = new Date().toISOString().replace('T', ' ').replace('Z', '+00');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await send(other.url, editor, 'DELETE', `/api/collections/bts_sites/items/${kept}`)).status).toBe(204);
    const later = await send(one.url, editor, 'POST', '/api/collections/bts_sites/items', site('VTL-DEPLOY-LATER', 107.92));
    expect(later.status).toBe(201);
    const laterId = ((await later.json()) as { id: number }).id;
    // The segment holding them is archived at once here rather than within archive_timeout (60 s).
    const segment = await psql(ports.primary, 'SELECT pg_walfile_name(pg_switch_wal())');
    await until(async () => readdirSync(join(root, 'archive')).includes(segment), `segment ${segment} is archived`);

    ports.restored = await freePort();
    await script('restore.sh', [backup, join(root, 'archive'), join(root, 'restored'), String(ports.restored), target]);
    const restored = await startServer({ databasePath: join(root, 'unused.sqlite'), env: productionEnv(ports.restored) });
    servers.push(restored);
    const chief = await signIn(restored.url, 'chief');
    const get = (id: number) => fetch(`${restored.url}/api/collections/bts_sites/items/${id}`, { headers: { Cookie: chief.cookie } });
    expect((await get(kept)).status).toBe(200);
    expect((await get(laterId)).status).toBe(404);
    // The live primary still has the later state.
    expect(await psql(ports.primary, `SELECT count(*) FROM bts_sites WHERE id = ${kept}`)).toBe('0');
  });

  it('failover: the promoted standby serves NetGuard with every write the primary had', async () => {
    const promote = [join(BIN, 'pg_ctl'), '-D', join(root, 'standby'), '-w', 'promote'];
    await (asRoot ? run('runuser', ['-u', 'postgres', '--', ...promote]) : run(promote[0], promote.slice(1)));
    expect(await psql(ports.standby, 'SELECT pg_is_in_recovery()')).toBe('f');
    const promoted = await startServer({ databasePath: join(root, 'unused.sqlite'), env: productionEnv(ports.standby) });
    servers.push(promoted);
    const chief = await signIn(promoted.url, 'chief');
    const later = await fetch(`${promoted.url}/api/collections/bts_sites/items?site_code=VTL-DEPLOY-LATER`, { headers: { Cookie: chief.cookie } });
    expect(((await later.json()) as { numberMatched: number }).numberMatched).toBe(1);
    expect((await fetch(`${promoted.url}/api/collections/bts_sites/items/${kept}`, { headers: { Cookie: chief.cookie } })).status).toBe(404);
    // The lost primary comes back as a standby of the new one.
    ports.rebuilt = await freePort();
    await script('standby.sh', ['127.0.0.1', String(ports.standby), join(root, 'rebuilt'), String(ports.rebuilt)]);
    expect(await psql(ports.rebuilt, "SELECT count(*) FROM bts_sites WHERE site_code = 'VTL-DEPLOY-LATER'")).toBe('1');
  });
});
