import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopRunCluster } from './helpers/postgres.ts';
import { RUN_CACHE_ENV } from './helpers/run-cache.ts';

/**
 * Gives the run a directory for what it makes once (tests/helpers/run-cache.ts), removed at the end, after stopping
 * the PostgreSQL cluster a test file may have started there (tests/helpers/postgres.ts).
 */
export default function setup(): () => Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-run-'));
  process.env[RUN_CACHE_ENV] = directory;
  return async () => {
    await stopRunCluster(directory);
    rmSync(directory, { recursive: true, force: true });
  };
}
