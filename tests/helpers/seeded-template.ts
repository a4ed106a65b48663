import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One seeded demo database per test run, copied for every server that would otherwise seed its own.
 *
 * Seeding the demo (generating the network and 3,600 incidents, then storing them) takes about 14 s of CPU on a quiet
 * machine, and ten browser and server test files each started a server on a fresh database: two and a half minutes
 * of a 2-core CI run spent producing the same file. The copy is the same database a first `npm start` makes — the same
 * code seeds it, on its own path — so every test still runs on a database of its own.
 *
 * The directory comes from tests/global-setup.ts (`NETGUARD_TEST_TEMPLATE_DIR`); outside vitest (benchmarks) there is
 * none and servers seed their own database as before.
 */
export const TEMPLATE_DIRECTORY_ENV = 'NETGUARD_TEST_TEMPLATE_DIR';

/** Environment variables that change what a first start stores: a server started with one seeds its own database. */
const SEED_INPUTS = ['NETGUARD_SEED', 'NETGUARD_AREA', 'NETGUARD_SECRET_KEY'] as const;

export function templateUsable(env: Record<string, string | undefined>): boolean {
  return Boolean(process.env[TEMPLATE_DIRECTORY_ENV]) && SEED_INPUTS.every((name) => env[name] === undefined && process.env[name] === undefined);
}

const FILES = ['netguard.sqlite', 'netguard.sqlite-wal', 'netguard.sqlite.key'];

/**
 * Copies the run's seeded database into `targetDirectory` as `netguard.sqlite` (with its WAL and its sealing key).
 * The first caller seeds it with `seed(path)`, which must start and stop a real server on `path`; test files run in
 * parallel processes, so the first one to create the lock directory seeds and the others wait for its `ready` mark.
 */
export async function copySeededTemplate(targetDirectory: string, seed: (databasePath: string) => Promise<void>): Promise<string> {
  const directory = process.env[TEMPLATE_DIRECTORY_ENV]!;
  const ready = join(directory, 'ready');
  const failed = join(directory, 'failed');
  if (!existsSync(ready)) {
    let mine = false;
    try {
      mkdirSync(join(directory, 'lock'));
      mine = true;
    } catch {
      // Another test file is seeding it.
    }
    if (mine) {
      try {
        await seed(join(directory, 'netguard.sqlite'));
        writeFileSync(ready, '');
      } catch (error) {
        writeFileSync(failed, String(error));
        throw error;
      }
    } else {
      const deadline = Date.now() + 180_000;
      while (!existsSync(ready)) {
        if (existsSync(failed)) throw new Error('seeding the shared test database failed in another test file');
        if (Date.now() > deadline) throw new Error(`no seeded test database in ${directory} after 180 s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  for (const file of FILES) {
    if (existsSync(join(directory, file))) copyFileSync(join(directory, file), join(targetDirectory, file));
  }
  return join(targetDirectory, 'netguard.sqlite');
}
