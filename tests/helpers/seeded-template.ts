import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_URL_ENV } from '../../server/storage/open.ts';
import { oncePerRun, runCacheDirectory } from './run-cache.ts';

/**
 * One seeded demo database per test run, copied for every server that would otherwise seed its own.
 *
 * Seeding the demo (generating the network and 3,600 incidents, then storing them) takes about 14 s of CPU on a quiet
 * machine, and ten browser and server test files each started a server on a fresh database: two and a half minutes
 * of a 2-core CI run spent producing the same file. The copy is the database a first `npm start` makes — a real server
 * seeds it — so every test still runs on a database of its own.
 */

/** Environment variables that change what a first start stores (or where: a PostgreSQL database): a server started with one seeds its own. */
const SEED_INPUTS = ['NETGUARD_SEED', 'NETGUARD_AREA', 'NETGUARD_SECRET_KEY', DATABASE_URL_ENV] as const;

export function templateUsable(env: Record<string, string | undefined>): boolean {
  return runCacheDirectory() !== undefined && SEED_INPUTS.every((name) => env[name] === undefined && process.env[name] === undefined);
}

const FILES = ['netguard.sqlite', 'netguard.sqlite-wal', 'netguard.sqlite.key'];

/**
 * Copies the run's seeded database into `targetDirectory` as `netguard.sqlite` (with its WAL and its sealing key).
 * The first caller seeds it with `seed(path)`, which must start and stop a real server on `path`.
 */
export async function copySeededTemplate(targetDirectory: string, seed: (databasePath: string) => Promise<void>): Promise<string> {
  const directory = await oncePerRun('seeded-database', (made) => seed(join(made, 'netguard.sqlite')));
  for (const file of FILES) {
    if (existsSync(join(directory, file))) copyFileSync(join(directory, file), join(targetDirectory, file));
  }
  return join(targetDirectory, 'netguard.sqlite');
}
