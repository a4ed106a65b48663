import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_CACHE_ENV } from './helpers/run-cache.ts';

/** Gives the run a directory for what it makes once (tests/helpers/run-cache.ts), removed at the end. */
export default function setup(): () => void {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-run-'));
  process.env[RUN_CACHE_ENV] = directory;
  return () => rmSync(directory, { recursive: true, force: true });
}
