import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { openAndSeed } from './db/bootstrap.ts';

const port = Number(process.env.PORT ?? 8787);
const databasePath = process.env.NETGUARD_DB ?? 'data/netguard.sqlite';

const { services, seeded } = await openAndSeed(databasePath, { demo: process.env.NETGUARD_SEED !== 'none' });
const { provider } = services;
if (seeded) console.log(seeded);

// Resolved from this file, so the server finds the built app whatever the working directory.
const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
const corsOrigins = (process.env.NETGUARD_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
const server = serve({ fetch: createApp(services, { webRoot, corsOrigins }).fetch, port }, () => {
  console.log(`NetGuard listening on http://localhost:${port}`);
});

function shutdown(signal: string): void {
  console.log(`${signal}: closing`);
  server.close(() => {
    provider.close();
    process.exit(0);
  });
  // Keep-alive connections can hold close() open; the database must still be closed.
  setTimeout(() => {
    provider.close();
    process.exit(0);
  }, 3_000).unref();
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
