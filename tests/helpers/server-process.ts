import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copySeededTemplate, templateUsable } from './seeded-template.ts';

/** `kill` sends SIGKILL and waits for the exit (crash tests); `stop` shuts down cleanly and removes a fresh database. */
export type RunningServer = { url: string; databasePath: string; pid: number; stop: () => Promise<void>; kill: () => Promise<void> };

/**
 * The environment of a production start (no demo seed), for a server over a database the caller built: a fresh
 * NETGUARD_SECRET_KEY, which such a start requires. The builders' own sealed secrets used a key of their process.
 */
export const productionEnv = (): Record<string, string> => ({ NETGUARD_SEED: 'none', NETGUARD_SECRET_KEY: randomBytes(32).toString('base64') });

/** Asks the kernel for a free loopback port, so parallel runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real NetGuard server (`server/main.ts`) on a free port, as `npm start` does after its build, and
 * resolves once it answers on /api. Without `databasePath` it gets a fresh database file, removed on `stop`: under
 * vitest a copy of the run's one seeded demo database (tests/helpers/seeded-template.ts) unless `env` changes what a
 * first start stores; the benchmark scripts pass their own file and environment (e.g. `productionEnv()`). It runs one
 * server process (NETGUARD_WORKERS=1) unless `env` sets NETGUARD_WORKERS.
 */
export async function startServer(options: { timeoutMs?: number; databasePath?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const env = options.env ?? {};
  const timeoutMs = options.timeoutMs ?? 90_000;
  if (options.databasePath) return launch(options.databasePath, env, timeoutMs);
  const directory = mkdtempSync(join(tmpdir(), 'netguard-e2e-'));
  try {
    const databasePath = templateUsable(env)
      ? await copySeededTemplate(directory, async (path) => (await launch(path, {}, 180_000)).stop())
      : join(directory, 'netguard.sqlite');
    const server = await launch(databasePath, env, timeoutMs);
    return { ...server, stop: async () => {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    } };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

async function launch(databasePath: string, env: Record<string, string>, timeoutMs: number): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    // One process unless the caller asks for a cluster: a test server needs no more, and its pid is the one serving.
    env: { ...process.env, NETGUARD_WORKERS: '1', ...env, PORT: String(port), NETGUARD_DB: databasePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForApi(url, child, timeoutMs, () => output);
    await waitForWorkers(url, Number(env.NETGUARD_WORKERS ?? 1), child, timeoutMs, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    databasePath,
    pid: child.pid!,
    stop: () => stopChild(child),
    kill: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    }),
  };
}

async function waitForApi(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api`);
      if (response.ok) return;
    } catch {
      // Not listening yet: first start seeds the database.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer on ${url}/api within ${timeoutMs} ms:\n${output()}`);
}

/**
 * A request on a connection of its own, which the cluster hands to its next worker: the status and the worker that
 * answered (`X-NetGuard-Worker`; none when not clustered).
 */
export function askWorker(url: string, { method = 'GET', path = '/api/conformance', headers = {} }: { method?: string; path?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; worker: string | undefined }> {
  return new Promise((resolve, reject) => {
    const call = request(`${url}${path}`, { agent: false, method, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, worker: response.headers['x-netguard-worker'] as string | undefined }));
    });
    call.on('error', reject);
    call.end();
  });
}

/** The cluster worker answering a request on a connection of its own (`X-NetGuard-Worker`; none when not clustered). */
export async function workerAnswering(url: string): Promise<string | undefined> {
  return (await askWorker(url)).worker;
}

/**
 * The port answers once the first worker listens; load spread over `workers` needs them all listening first, since
 * the cluster hands each new connection to a listening worker and keep-alive connections stay where they landed.
 */
async function waitForWorkers(url: string, workers: number, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  if (workers <= 1) return;
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string | undefined>();
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    for (let index = 0; index < 2 * workers; index += 1) seen.add(await workerAnswering(url));
    if (seen.size >= workers) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`only ${seen.size} of ${workers} workers answered on ${url} within ${timeoutMs} ms:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  // Ended already (exited, or killed by a signal: `kill` then `stop` must not wait for an exit that came).
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

/** Signs a demo account in (password `demo`) and returns its session cookie and CSRF token. */
export async function signIn(url: string, username: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username} failed: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0], csrfToken };
}

/** A new API token acting as `username`, issued by the demo admin. */
export async function issueToken(url: string, username: string): Promise<{ id: number; token: string; signingSecret: string }> {
  const admin = await signIn(url, 'admin');
  const response = await fetch(`${url}/api/admin/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken },
    body: JSON.stringify({ username, name: 'end-to-end tests' }),
  });
  if (!response.ok) throw new Error(`token for ${username} failed: ${response.status}`);
  return (await response.json()) as { id: number; token: string; signingSecret: string };
}
