import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Things a test run makes once and every test file reuses: the generated demo dataset and a seeded demo database.
 * tests/global-setup.ts gives each run its own directory (`NETGUARD_TEST_TEMPLATE_DIR`), removed at the end, so
 * nothing outlives the code that made it. Outside vitest (benchmarks) there is none and callers make their own.
 */
export const RUN_CACHE_ENV = 'NETGUARD_TEST_TEMPLATE_DIR';

export const runCacheDirectory = (): string | undefined => process.env[RUN_CACHE_ENV] || undefined;

/**
 * Makes `name` in the run's directory once: test files run in parallel processes, so the first to create the
 * lock directory calls `produce(directory)` and the others wait for its `ready` mark. Returns the directory.
 */
export async function oncePerRun(name: string, produce: (directory: string) => Promise<void> | void): Promise<string> {
  const directory = join(runCacheDirectory()!, name);
  const ready = join(directory, '.ready');
  const failed = join(directory, '.failed');
  if (existsSync(ready)) return directory;
  let mine = false;
  try {
    mkdirSync(directory);
    mine = true;
  } catch {
    // Another test file is making it.
  }
  if (mine) {
    try {
      await produce(directory);
      writeFileSync(ready, '');
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
    return directory;
  }
  const deadline = Date.now() + 180_000;
  while (!existsSync(ready)) {
    if (existsSync(failed)) throw new Error(`making the run's ${name} failed in another test file`);
    if (Date.now() > deadline) throw new Error(`no ${name} in ${directory} after 180 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return directory;
}
