import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Whether this machine can run the throwaway PostgreSQL clusters (tests/helpers/postgres.ts), without importing
// vitest: vite.config.ts asks too, to leave out the PostgreSQL project where it cannot run.

export const BIN = process.env.NETGUARD_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const EXTENSION_DIR = process.env.NETGUARD_POSTGRES_EXTENSIONS ?? '/usr/share/postgresql/15/extension';
export const EXTENSIONS = ['postgis', 'unaccent', 'pg_trgm'];
/** Set in CI (`.ci/run`): a machine without PostgreSQL then fails the PostgreSQL tests instead of skipping them. */
export const REQUIRE_POSTGRES_ENV = 'NETGUARD_REQUIRE_POSTGRES';
export const asRoot = process.getuid?.() === 0;

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  for (const binary of ['initdb', 'pg_ctl', 'postgres', 'psql']) {
    if (!existsSync(join(BIN, binary))) return `PostgreSQL 15 is not installed (no ${join(BIN, binary)}; Debian: apt-get install postgresql-15-postgis-3)`;
  }
  for (const extension of EXTENSIONS) {
    if (!existsSync(join(EXTENSION_DIR, `${extension}.control`))) return `the PostgreSQL extension ${extension} is not installed (no ${join(EXTENSION_DIR, extension)}.control; Debian: postgresql-15-postgis-3, postgresql-contrib)`;
  }
  if (asRoot && !postgresUser()) return 'running as root and there is no postgres user to run the cluster as (PostgreSQL refuses root)';
  return null;
}

export function postgresUser(): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
