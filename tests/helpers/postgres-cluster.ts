import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Throwaway PostgreSQL 15 clusters from Debian's binaries, for the tests (tests/helpers/postgres.ts) and the
 * benchmarks (scripts/bench.ts). PostgreSQL refuses to run as root: as root a cluster runs as the `postgres` user in a
 * temporary folder it owns.
 */
const BIN = process.env.NETGUARD_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const EXTENSION_DIR = process.env.NETGUARD_POSTGRES_EXTENSIONS ?? '/usr/share/postgresql/15/extension';
const EXTENSIONS = ['postgis', 'unaccent', 'pg_trgm'];

const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;

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

function postgresUser(): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
async function pg(binary: string, args: string[]): Promise<string> {
  const [command, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(BIN, binary), ...args]] : [join(BIN, binary), args];
  const { stdout } = await run(command, all, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A running cluster: where it lives and how to reach it. */
export type ClusterInfo = { directory: string; port: number };

/** The URL of `database` on `cluster`, as its superuser. */
export const clusterUrl = (cluster: ClusterInfo, database: string) => `postgres://postgres@127.0.0.1:${cluster.port}/${database}`;

/**
 * Starts a PostgreSQL cluster in a new temporary folder on a free loopback port, as the `postgres` user when we are
 * root, tuned for throwaway data (no fsync: a crash only loses a database nobody keeps). `settings` are more `-c`
 * options (later ones win), e.g. a benchmark's larger shared_buffers. The caller stops it with `stopCluster`.
 */
export async function startPostgresCluster(settings: readonly string[] = []): Promise<ClusterInfo> {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-pg-'));
  if (asRoot) {
    const user = postgresUser()!;
    chownSync(directory, user.uid, user.gid);
  }
  const data = join(directory, 'data');
  await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const options = [
    `-p ${port}`, `-k ${directory}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off',
    '-c full_page_writes=off', '-c autovacuum=off', '-c shared_buffers=32MB', '-c max_connections=60', ...settings.map((setting) => `-c ${setting}`),
  ];
  await pg('pg_ctl', ['-D', data, '-l', join(directory, 'log'), '-w', '-t', '60', '-o', options.join(' '), 'start']);
  return { directory, port };
}

/** Makes `database` on `cluster` with the extensions NetGuard's migrations need (postgis, unaccent, pg_trgm). */
export async function createDatabaseWithExtensions(cluster: ClusterInfo, database: string): Promise<string> {
  const url = clusterUrl(cluster, database);
  await psqlAt(clusterUrl(cluster, 'postgres'), `CREATE DATABASE ${database}`);
  await psqlAt(url, EXTENSIONS.map((extension) => `CREATE EXTENSION ${extension};`).join(' '));
  return url;
}

/** Runs `sql` through psql on the database at `url`; the rows come back unaligned, fields split by `|`. */
export async function psqlAt(url: string, sql: string): Promise<string> {
  return pg('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', '-d', url, '-c', sql]);
}

/** Stops a cluster at once (nothing in it is worth a clean shutdown) and removes its folder. */
export async function stopCluster(cluster: ClusterInfo): Promise<void> {
  const data = join(cluster.directory, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
  rmSync(cluster.directory, { recursive: true, force: true });
}

