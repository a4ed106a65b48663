import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL_ENV } from '../../server/storage/open.ts';
import { createTestDatabase, describePostgres } from '../helpers/postgres.ts';
import { askWorker, issueToken, signIn, startServer, workerAnswering, type RunningServer } from '../helpers/server-process.ts';

// Issue 16: NETGUARD_WORKERS=2 processes (node:cluster) serve one port. The primary prepares the database, replaces a
// worker that dies and, on SIGTERM, stops every worker, each closing its database.

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { NETGUARD_WORKERS: '2' } });
}, 240_000);
afterAll(() => server?.stop());

const workersAnswering = async (url: string, requests: number) => {
  const seen = new Set<string | undefined>();
  for (let index = 0; index < requests; index += 1) seen.add(await workerAnswering(url));
  return seen;
};
/** The primary's child processes (Linux). */
const children = (pid: number): number[] => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = await Promise.resolve(probe()).catch(() => undefined);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

/**
 * A credential ended through one worker is refused by the other at its very next request: no worker keeps a
 * session, a token or its user in memory between requests, each request reads them from the database.
 */
function credentialsAcrossWorkers(url: () => string): void {
  const items = '/api/collections/incidents/items?limit=1';
  type Ask = Parameters<typeof askWorker>[1];
  /** Requests on connections of their own until a worker other than `worker` answers: every answer, that one last. */
  async function untilOther(worker: string | undefined, ask: Ask) {
    const answers = [];
    for (let index = 0; index < 20; index += 1) {
      answers.push(await askWorker(url(), ask));
      if (answers.at(-1)!.worker !== worker) return answers;
    }
    throw new Error(`only worker ${worker} answered`);
  }
  /** Both workers accept `ask`; `afterFirst` runs once the first has answered. */
  async function acceptedByBoth(ask: Ask, afterFirst = () => {}) {
    const first = await askWorker(url(), ask);
    afterFirst();
    const other = await untilOther(first.worker, ask);
    expect([first, ...other].map((answer) => answer.status)).toEqual([first, ...other].map(() => 200));
  }

  it('a sign-out answered by one worker is refused by the other at its very next request', async () => {
    const session = await signIn(url(), 'dic');
    const withCookie = { path: items, headers: { Cookie: session.cookie } };
    await acceptedByBoth(withCookie);
    const out = await askWorker(url(), { method: 'POST', path: '/api/auth/logout', headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken } });
    expect(out.status).toBe(204);
    const after = await untilOther(out.worker, withCookie);
    expect(after.map((answer) => answer.status)).toEqual(after.map(() => 401));
  });

  it('a token revoked through one worker is refused by the other at its very next request; its use is noted once for both', async () => {
    const issued = await issueToken(url(), 'police');
    const bearer = { path: items, headers: { Authorization: `Bearer ${issued.token}` } };
    const before = new Date().toISOString();
    let firstAnswered = '';
    await acceptedByBoth(bearer, () => (firstAnswered = new Date().toISOString()));
    const admin = await signIn(url(), 'admin');
    const adminHeaders = { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken };
    // The first use is noted; the other worker's, within the minute, wrote nothing.
    const tokens = (await (await fetch(`${url()}/api/admin/tokens`, { headers: adminHeaders })).json()) as { tokens: { id: number; lastUsedAt: string | null }[] };
    const lastUse = tokens.tokens.find((token) => token.id === issued.id)?.lastUsedAt ?? '';
    expect(lastUse >= before && lastUse <= firstAnswered).toBe(true);
    const revoked = await askWorker(url(), { method: 'DELETE', path: `/api/admin/tokens/${issued.id}`, headers: adminHeaders });
    expect(revoked.status).toBe(204);
    const after = await untilOther(revoked.worker, bearer);
    expect(after.map((answer) => answer.status)).toEqual(after.map(() => 401));
  });
}

describe('NETGUARD_WORKERS=2 on one port', () => {
  it('answers from two distinct processes', async () => {
    expect(children(server.pid)).toHaveLength(2);
    expect(await workersAnswering(server.url, 8)).toEqual(new Set(['1', '2']));
  });

  credentialsAcrossWorkers(() => server.url);

  it('replaces a killed worker, and the port keeps answering from two', async () => {
    const [victim, survivor] = children(server.pid);
    process.kill(victim, 'SIGKILL');
    const replaced = await until(() => {
      const now = children(server.pid);
      return now.length === 2 && !now.includes(victim) ? now : undefined;
    }, 20_000);
    expect(replaced).toContain(survivor);
    // The new worker is the third the primary forked; it answers beside the survivor.
    const seen = await until(async () => { const answering = await workersAnswering(server.url, 4); return answering.has('3') && answering.size === 2 ? answering : undefined; }, 60_000);
    expect(seen?.size).toBe(2);
  });

  it('stops every worker on SIGTERM, each closing the database (its write-ahead log is gone)', async () => {
    const workers = children(server.pid);
    process.kill(server.pid, 'SIGTERM');
    expect(await until(() => (alive(server.pid) || workers.some(alive) ? undefined : true), 20_000)).toBe(true);
    expect(existsSync(`${server.databasePath}-wal`)).toBe(false);
  });
});

describePostgres('NETGUARD_WORKERS=2 over PostgreSQL', () => {
  let pgServer: RunningServer | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    pgServer = await startServer({ env: { NETGUARD_WORKERS: '2', [DATABASE_URL_ENV]: database.url }, timeoutMs: 180_000 });
  }, 300_000);
  afterAll(async () => {
    await pgServer?.stop();
    await drop?.();
  });

  credentialsAcrossWorkers(() => pgServer!.url);
});
