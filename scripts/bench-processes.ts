/**
 * `npm run bench:processes [-- --db data/national.sqlite | --copies N] [--seconds 10] [--rounds 5] [--postgres |
 * --database-url postgres://…]`: the several-processes rows of `npm run bench` alone (issue 16's target: two processes
 * reach 1.7× the requests per second of one on the bbox workload), in more rounds and without the rest of the bench.
 * SQLite with one process (the baseline) and with two over the same file, and PostgreSQL with two when asked for
 * (`--postgres` starts a throwaway cluster and loads the same set; `--database-url` names a loaded database). Each
 * row is the median over the alternating rounds: requests/s, latency, the servers' CPU per request and the cores they
 * got, the client's own CPU per request, how evenly the cluster's processes answered and, on PostgreSQL, the
 * statements per request. Never a test: figures depend on the machine; read them as ratios.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createServices } from '../server/services.ts';
import { openPostgresStorage } from '../server/storage/postgres/index.ts';
import { openSqliteStorage } from '../server/storage/sqlite/index.ts';
import { DEFAULT_SEED } from './generator/index.ts';
import { TEMPLATE_SCALE } from './national/build.ts';
import { benchPostgres } from './bench-postgres.ts';
import { benchCity, benchDatabase, benchTokens, compareServers, processServers } from './bench-providers.ts';

const { values } = parseArgs({ options: {
  db: { type: 'string', default: 'data/national.sqlite' }, copies: { type: 'string' }, seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '5' },
  postgres: { type: 'boolean', default: false }, 'database-url': { type: 'string' },
} });
const { path, scratch } = await benchDatabase(values.db!, values.copies);

const services = createServices(openSqliteStorage(path));
const tokens = await benchTokens(services);
const { bbox } = await benchCity(services.storage.features);
const copies = (await services.storage.features.counts()).bts_sites / TEMPLATE_SCALE.btsSites;
await services.storage.close();
const postgres = values.postgres || values['database-url'] ? await benchPostgres({ databaseUrl: values['database-url'], copies, seed: DEFAULT_SEED }) : null;
let pgTokens = null;
if (postgres) {
  const pgServices = createServices(await openPostgresStorage(postgres.url, { poolSize: 1 }));
  pgTokens = await benchTokens(pgServices);
  await pgServices.storage.close();
}

const servers = await processServers(path, tokens, postgres && pgTokens && { database: postgres, tokens: pgTokens });
const bboxItems = `/api/collections/incidents/items?limit=1000&bbox=${bbox.join(',')}`;
const rows = await compareServers(servers, [
  { label: 'bbox items (incidents, city, limit 1000)', requests: (headers) => [{ method: 'GET', path: bboxItems, headers }], rateTarget: '≥ 1.7× of 1 process' },
], { seconds: Number(values.seconds), rounds: Number(values.rounds) });
for (const server of servers) await server.server.stop();
await postgres?.stop();

console.log(`dataset ${path} (${copies} copies)`);
console.log(['figure', 'median', 'p99', 'baseline median', 'ratio', 'target'].join(' | '));
console.log('---|---|---|---|---|---');
for (const line of rows) console.log(line.join(' | '));
if (scratch) rmSync(scratch, { recursive: true, force: true });
