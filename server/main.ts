import { serve } from '@hono/node-server';
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../scripts/generator/index.ts';
import { areaDirectory } from './deployment/area.ts';
import { createApp } from './app.ts';
import { openAndSeed } from './bootstrap.ts';
import { productionKeyProblem, resolveSecretKey } from './auth/secret-box.ts';
import { serverProcesses } from './threads/cores.ts';

const port = Number(process.env.PORT ?? 8787);
const databasePath = process.env.NETGUARD_DB ?? 'data/netguard.sqlite';
// NETGUARD_WORKERS processes serve the port (node:cluster); with one, this process serves it alone.
const processes = serverProcesses();

if (cluster.isPrimary) {
  // Before anything is opened or written: a production start without its secret key leaves nothing behind.
  const refusal = productionKeyProblem();
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}

const { warning } = resolveSecretKey(databasePath);
if (warning && cluster.isPrimary) console.warn(warning);

if (cluster.isPrimary && processes > 1) await runPrimary();
else await runServer();

/**
 * The cluster's primary: opens, migrates and seeds the database once, closes it, then forks the workers, which share
 * the port. A worker that dies is replaced (after a second when it died within 5 s of its start, so a worker that
 * cannot start does not spin); SIGTERM/SIGINT stop every worker, each closing its database, and then the primary.
 */
async function runPrimary(): Promise<void> {
  const { services, seeded } = await openAndSeed(databasePath, { demo: demoSeed() });
  if (seeded) console.log(seeded);
  await services.storage.close();
  let stopping = false;
  const started = new Map<number, number>();
  const fork = () => {
    // Each worker knows how many share the machine, to size its thread pools (server/threads/cores.ts).
    const worker = cluster.fork({ NETGUARD_WORKERS: String(processes) });
    started.set(worker.id, Date.now());
  };
  for (let index = 0; index < processes; index += 1) fork();
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    console.error(`NetGuard worker ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another`);
    setTimeout(fork, lived < 5_000 ? 1_000 : 0);
  });
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping ${started.size} workers`);
    if (started.size === 0) process.exit(0);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, 10_000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/** One server process: alone, or a cluster worker over the database its primary prepared. */
async function runServer(): Promise<void> {
  // The composition root: the one server file that knows the demo generator (scripts/), handed in as the seed.
  const { services, seeded } = await openAndSeed(databasePath, cluster.isWorker ? {} : { demo: demoSeed() });
  if (seeded && cluster.isPrimary) console.log(seeded);

  // Resolved from this file, so the server finds the built app whatever the working directory.
  const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
  // Slow clients (issue 13): a client gets 10 s to send its headers and 60 s for the whole request (a 10 MB import
  // over a slow link), checked every 2 s, so trickled requests cannot hold connections open for Node's default 5 min.
  const serverOptions = { headersTimeout: 10_000, requestTimeout: 60_000, connectionsCheckingInterval: 2_000 };
  const corsOrigins = (process.env.NETGUARD_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  const app = createApp(services, { webRoot, corsOrigins, worker: cluster.worker?.id });
  const server = serve({ fetch: app.fetch, port, serverOptions }, () => {
    console.log(`NetGuard listening on http://localhost:${port}${cluster.isWorker ? ` (worker ${cluster.worker?.id}, process ${process.pid})` : ''}`);
    services.work.warm();
  });

  let closing = false;
  function shutdown(signal: string): void {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    const close = () => void services.storage.close().then(() => process.exit(0));
    server.close(close);
    // Keep-alive connections can hold close() open; the database must still be closed.
    setTimeout(close, 3_000).unref();
  }
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

function demoSeed() {
  return process.env.NETGUARD_SEED === 'none' ? undefined : () => generateDemo({ area: areaDirectory() });
}
