import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_DIRECTORY_ENV } from './helpers/seeded-template.ts';

/** Gives the run a directory for its one seeded demo database (tests/helpers/seeded-template.ts), removed at the end. */
export default function setup(): () => void {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-template-'));
  process.env[TEMPLATE_DIRECTORY_ENV] = directory;
  return () => rmSync(directory, { recursive: true, force: true });
}
