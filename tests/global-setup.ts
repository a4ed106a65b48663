import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopRunCluster } from './helpers/postgres.ts';
import { RUN_CACHE_ENV } from './helpers/run-cache.ts';

/** The run's directory and how many projects (vite.config.ts) use it: each project runs this setup once. */
type Run = { directory: string; projects: number };
const RUN_KEY = Symbol.for('netguard.test-run');
const shared = globalThis as { [RUN_KEY]?: Run };

/**
 * Gives the run a directory for what it makes once (tests/helpers/run-cache.ts), removed at the end, after stopping
 * the PostgreSQL cluster a test file may have started there (tests/helpers/postgres.ts). The projects of one run
 * share it (one demo dataset, one cluster); the last project to finish removes it.
 */
export default function setup(): () => Promise<void> {
  const run = (shared[RUN_KEY] ??= { directory: mkdtempSync(join(tmpdir(), 'netguard-run-')), projects: 0 });
  run.projects += 1;
  process.env[RUN_CACHE_ENV] = run.directory;
  return async () => {
    run.projects -= 1;
    if (run.projects > 0) return;
    delete shared[RUN_KEY];
    await stopRunCluster(run.directory);
    rmSync(run.directory, { recursive: true, force: true });
  };
}
