import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, workerAnswering, type RunningServer } from '../helpers/server-process.ts';

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

describe('NETGUARD_WORKERS=2 on one port', () => {
  it('answers from two distinct processes', async () => {
    expect(children(server.pid)).toHaveLength(2);
    expect(await workersAnswering(server.url, 8)).toEqual(new Set(['1', '2']));
  });

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
