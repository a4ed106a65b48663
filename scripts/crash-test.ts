/**
 * `npm run crash-test [-- --trials 5]`: starts the real server on a fresh demo database, sends a large bulk import,
 * kills the server with SIGKILL while it works, reopens the database and checks that `PRAGMA integrity_check` is ok
 * and the import is either all there or not there at all. A few trials at different kill delays; prints a table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openAndSeed } from '../server/bootstrap.ts';
import { inspectSqlite } from '../server/storage/sqlite/inspect.ts';
import { generateDemo } from './generator/index.ts';
import { startServer } from '../tests/helpers/server-process.ts';

// 20,000 sites keep the import busy for seconds, so most kill delays fall inside its transaction.
const { values } = parseArgs({ options: { trials: { type: 'string', default: '6' }, features: { type: 'string', default: '20000' } } });
const directory = mkdtempSync(join(tmpdir(), 'netguard-crash-'));
const path = join(directory, 'crash.sqlite');
const { services } = await openAndSeed(path, { demo: () => generateDemo() });
const token = (await services.accounts.createToken((await services.accounts.users()).find((user) => user.username === 'viettel')!.userId, 'crash test')).token;
await services.storage.close();

const count = Number(values.features);
const rows: string[] = [];
for (let trial = 0; trial < Number(values.trials); trial += 1) {
  const prefix = `CRASH-${trial}-`;
  const file = JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, index) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [107.85 + (index % 200) / 2000, 14.5 + Math.floor(index / 200) / 2000] },
      properties: { site_code: `${prefix}${index}`, owner: 'viettel', technologies: ['4G'], status: 'planned' },
    })),
  });
  const server = await startServer({ databasePath: path });
  const delay = [300, 1000, 2000, 3000, 5000, 9000][trial % 6];
  const upload = fetch(`${server.url}/api/imports/bts_sites?format=geojson`, { method: 'POST', body: file, headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status, () => 'killed');
  await new Promise((r) => setTimeout(r, delay));
  await server.kill();
  const answer = await upload;
  await new Promise((r) => setTimeout(r, 300));
  const database = inspectSqlite(path);
  const integrity = database.integrity();
  const stored = database.sitesWithCodePrefix(prefix);
  // The low-zoom counts are written in the same transaction: at zoom 0 they must add up to the table.
  const counted = database.pointCountsMatch();
  database.close();
  const verdict = integrity === 'ok' && (stored === 0 || stored === count) && counted ? 'pass' : 'FAIL';
  rows.push(`${trial + 1} | ${delay} ms | ${answer} | ${integrity} | ${stored.toLocaleString('en')} of ${count.toLocaleString('en')} | ${counted ? 'yes' : 'NO'} | ${verdict}`);
}
console.log('trial | SIGKILL after | answer | integrity_check | import stored | tile counts = table | verdict');
console.log('---|---|---|---|---|---|---');
for (const line of rows) console.log(line);
rmSync(directory, { recursive: true, force: true });
if (rows.some((line) => line.endsWith('FAIL'))) process.exitCode = 1;
