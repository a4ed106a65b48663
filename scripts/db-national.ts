import { rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openPostgresBulkLoad } from '../server/storage/postgres/bulk-load.ts';
import { openSqliteStorage } from '../server/storage/sqlite/index.ts';
import { finishBulkLoad } from '../server/storage/sqlite/inspect.ts';
import { DEFAULT_SEED } from './generator/index.ts';
import { loadNational } from './national/build.ts';

/**
 * `npm run db:national -- [--copies 100] [--out data/national.sqlite | --database-url postgres://…] [--seed N]`: a
 * national-scale database for the benchmarks. With --database-url it loads an empty PostgreSQL database (migrated
 * first) through COPY; otherwise it writes a new SQLite file.
 */
const { values } = parseArgs({ options: {
  copies: { type: 'string', default: '100' }, out: { type: 'string', default: 'data/national.sqlite' }, 'database-url': { type: 'string' }, seed: { type: 'string', default: String(DEFAULT_SEED) },
} });
const started = performance.now();
const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')} s`;
const onProgress = (done: number, total: number) => {
  const elapsed = performance.now() - started;
  process.stdout.write(`\rloading copy ${done}/${total}, ${minutes(elapsed)} elapsed, about ${minutes((elapsed / done) * (total - done))} to go   `);
};
const options = { copies: Number(values.copies), seed: Number(values.seed), onProgress };
const url = values['database-url'];
if (url) {
  const load = await openPostgresBulkLoad(url);
  try {
    const counts = await loadNational(load, options);
    process.stdout.write('\nVACUUM ANALYZE …');
    await load.finish();
    console.log(`\n${url.replace(/\/\/[^@/]*@/, '//')}: ${JSON.stringify(counts)} in ${minutes(performance.now() - started)}`);
  } finally {
    await load.close();
  }
} else {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${values.out}${suffix}`, { force: true });
  const storage = openSqliteStorage(values.out!);
  const counts = await loadNational(storage.features, options);
  await storage.close();
  finishBulkLoad(values.out!);
  console.log(`\n${values.out}: ${JSON.stringify(counts)} in ${minutes(performance.now() - started)}, ${(statSync(values.out!).size / 1e6).toFixed(0)} MB`);
}
