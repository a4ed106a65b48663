import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../scripts/generator/index.ts';
import { areaDirectory } from './deployment/area.ts';
import { createApp } from './app.ts';
import { openAndSeed } from './bootstrap.ts';
import { productionKeyProblem, resolveSecretKey } from './auth/secret-box.ts';

const port = Number(process.env.PORT ?? 8787);
const databasePath = process.env.NETGUARD_DB ?? 'data/netguard.sqlite';

// Before anything is opened or written: a production start without its secret key leaves nothing behind.
const refusal = productionKeyProblem();
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

const { warning } = resolveSecretKey(databasePath);
if (warning) console.warn(warning);
// The composition root: the one server file that knows the demo generator (scripts/), handed in as the seed.
const { services, seeded } = await openAndSeed(databasePath, { demo: process.env.NETGUARD_SEED === 'none' ? undefined : () => generateDemo({ area: areaDirectory() }) });
if (seeded) console.log(seeded);

// Resolved from this file, so the server finds the built app whatever the working directory.
const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
// Slow clients (issue 13): a client gets 10 s to send its headers and 60 s for the whole request (a 10 MB import
// over a slow link), checked every 2 s, so trickled requests cannot hold connections open for Node's default 5 min.
const serverOptions = { headersTimeout: 10_000, requestTimeout: 60_000, connectionsCheckingInterval: 2_000 };
const corsOrigins = (process.env.NETGUARD_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
const server = serve({ fetch: createApp(services, { webRoot, corsOrigins }).fetch, port, serverOptions }, () => {
  console.log(`NetGuard listening on http://localhost:${port}`);
  services.work.warm();
});

function shutdown(signal: string): void {
  console.log(`${signal}: closing`);
  const close = () => void services.storage.close().then(() => process.exit(0));
  server.close(close);
  // Keep-alive connections can hold close() open; the database must still be closed.
  setTimeout(close, 3_000).unref();
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
