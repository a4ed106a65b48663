import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { migrate, openDatabase } from './db/open.ts';
import { seedDemo } from './db/seed.ts';
import { createSqliteProvider } from './storage/sqlite/provider.ts';
import { generateDemo } from '../scripts/generator/index.ts';

const port = Number(process.env.PORT ?? 8787);
const databasePath = process.env.NETGUARD_DB ?? 'data/netguard.sqlite';

const db = openDatabase(databasePath);
migrate(db);
const provider = createSqliteProvider(db);
const total = Object.values(provider.counts()).reduce((sum, count) => sum + count, 0);
if (total === 0) {
  const started = performance.now();
  const dataset = generateDemo();
  const generateMs = Math.round(performance.now() - started);
  const { counts, elapsedMs } = seedDemo(provider, dataset);
  console.log(`Seeded ${databasePath} (generated in ${generateMs} ms, stored in ${elapsedMs} ms): ${JSON.stringify(counts)}`);
}

// Resolved from this file, so the server finds the built app whatever the working directory.
const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
const server = serve({ fetch: createApp({ provider, webRoot }).fetch, port }, () => {
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
