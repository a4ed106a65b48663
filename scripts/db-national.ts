import { rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openSqliteStorage } from '../server/storage/sqlite/index.ts';
import { finishBulkLoad } from '../server/storage/sqlite/inspect.ts';
import { DEFAULT_SEED } from './generator/index.ts';
import { loadNational } from './national/build.ts';

/** `npm run db:national -- [--copies 100] [--out data/national.sqlite] [--seed N]`: a national-scale database for the benchmarks. */
const { values } = parseArgs({ options: { copies: { type: 'string', default: '100' }, out: { type: 'string', default: 'data/national.sqlite' }, seed: { type: 'string', default: String(DEFAULT_SEED) } } });
const started = performance.now();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${values.out}${suffix}`, { force: true });
const storage = openSqliteStorage(values.out!);
const counts = await loadNational(storage.features, {
  copies: Number(values.copies), seed: Number(values.seed),
  onProgress: (done, total) => process.stdout.write(`\rloading copy ${done}/${total} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
});
await storage.close();
finishBulkLoad(values.out!);
console.log(`\n${values.out}: ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(0)} s, ${(statSync(values.out).size / 1e6).toFixed(0)} MB`);
