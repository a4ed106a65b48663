import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../scripts/generator/index.ts';
import { createApp } from './app.ts';
import { openAndSeed } from './bootstrap.ts';

const port = Number(process.env.PORT ?? 8787);
const databasePath = process.env.NETGUARD_DB ?? 'data/netguard.sqlite';

// The composition root: the one server file that knows the demo generator (scripts/), handed in as the seed.
const { services, seeded } = await openAndSeed(databasePath, { demo: process.env.NETGUARD_SEED === 'none' ? undefined : () => generateDemo() });
if (seeded) console.log(seeded);

// Resolved from this file, so the server finds the built app whatever the working directory.
const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
const corsOrigins = (process.env.NETGUARD_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
const server = serve({ fetch: createApp(services, { webRoot, corsOrigins }).fetch, port }, () => {
  console.log(`NetGuard listening on http://localhost:${port}`);
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
