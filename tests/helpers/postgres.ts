import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, it } from 'vitest';
import { openPostgresStorage } from '../../server/storage/postgres/index.ts';
import { asRoot, BIN, EXTENSIONS, postgresMissing, postgresUser, REQUIRE_POSTGRES_ENV } from './postgres-binaries.ts';
import { oncePerRun, runCacheDirectory } from './run-cache.ts';

export { postgresMissing, REQUIRE_POSTGRES_ENV };

/**
 * Throwaway PostgreSQL clusters for tests. One cluster per test run (the run cache, tests/global-setup.ts stops it at
 * the end), one database per test file cloned from a template database that already has the extensions and the
 * provider's migrations (server/storage/postgres/migrations). PostgreSQL
 * refuses to run as root: as root the cluster runs as the `postgres` user in a temporary folder it owns.
 */
const TEMPLATE = 'netguard_template';
/** The schema of the template that keeps what the migrations wrote into the tables. */
const SEED = 'netguard_test_seed';

const run = promisify(execFile);

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

const clusterUrl = (cluster: ClusterInfo, database: string) => `postgres://postgres@127.0.0.1:${cluster.port}/${database}`;

/**
 * Starts a cluster in a new temporary folder, tuned for tests (no fsync: a crash only loses a throwaway database),
 * with the template database and its extensions made.
 */
export async function startCluster(): Promise<ClusterInfo> {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-pg-'));
  if (asRoot) {
    const user = postgresUser()!;
    chownSync(directory, user.uid, user.gid);
  }
  const data = join(directory, 'data');
  await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const settings = [
    `-p ${port}`, `-k ${directory}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off',
    '-c full_page_writes=off', '-c autovacuum=off', '-c shared_buffers=32MB', '-c max_connections=60',
    // So that a test can count the statements a store ran (CREATE EXTENSION pg_stat_statements in its database).
    '-c shared_preload_libraries=pg_stat_statements',
  ];
  await pg('pg_ctl', ['-D', data, '-l', join(directory, 'log'), '-w', '-t', '60', '-o', settings.join(' '), 'start']);
  const cluster = { directory, port };
  try {
    await psql(cluster, 'postgres', `CREATE DATABASE ${TEMPLATE}`);
    await psql(cluster, TEMPLATE, EXTENSIONS.map((extension) => `CREATE EXTENSION ${extension};`).join(' '));
    await (await openPostgresStorage(clusterUrl(cluster, TEMPLATE), { poolSize: 1 })).close();
    // A copy of the rows the migrations wrote (reference data, counters), for emptyTestDatabase to put back.
    await psql(cluster, TEMPLATE, `CREATE SCHEMA ${SEED}; DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('spatial_ref_sys', 'schema_migrations') LOOP
        EXECUTE format('CREATE TABLE ${SEED}.%I AS SELECT * FROM public.%I', t, t);
      END LOOP;
    END $$`);
  } catch (error) {
    await stopCluster(cluster);
    throw error;
  }
  return cluster;
}

const psql = (cluster: ClusterInfo, database: string, sql: string) => psqlAt(clusterUrl(cluster, database), sql);

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

const RUN_CLUSTER = 'postgres';
const INFO_FILE = 'cluster.json';

/** Stops the run's cluster if a test file started one; tests/global-setup.ts calls it before removing the run cache. */
export async function stopRunCluster(runDirectory: string): Promise<void> {
  const info = join(runDirectory, RUN_CLUSTER, INFO_FILE);
  if (existsSync(info)) await stopCluster(JSON.parse(readFileSync(info, 'utf8')) as ClusterInfo);
}

let ownCluster: Promise<ClusterInfo> | undefined;

/** The run's cluster, started by the first test file that asks; outside vitest's run cache, one of this process's own. */
async function cluster(): Promise<ClusterInfo> {
  if (runCacheDirectory()) {
    const directory = await oncePerRun(RUN_CLUSTER, async (into) => writeFileSync(join(into, INFO_FILE), JSON.stringify(await startCluster())));
    return JSON.parse(readFileSync(join(directory, INFO_FILE), 'utf8')) as ClusterInfo;
  }
  if (!ownCluster) {
    ownCluster = startCluster();
    afterAll(async () => stopCluster(await ownCluster!));
  }
  return ownCluster;
}

let databases = 0;

/**
 * A fresh database on the run's cluster, cloned from the template (the extensions made), and the way to drop it.
 * Its name is unique to this test process.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const info = await cluster();
  const name = `netguard_${process.pid}_${++databases}`;
  await psql(info, 'postgres', `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE} STRATEGY FILE_COPY`);
  return { url: clusterUrl(info, name), drop: async () => void (await psql(info, 'postgres', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/**
 * Puts a test database back as the migrations left it: every table emptied (triggers off, so the append-only audit
 * log too; DELETE, as TRUNCATE makes new files and costs several times more on tables this small), the rows the
 * migrations wrote put back, identity columns restarted after them. A fresh database for the next test at a
 * fraction of a clone's cost.
 */
export async function emptyTestDatabase(url: string): Promise<void> {
  await psqlAt(url, `SET session_replication_role = replica; DO $$ DECLARE t text; c record; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('spatial_ref_sys', 'schema_migrations') LOOP
      EXECUTE format('DELETE FROM public.%I', t);
    END LOOP;
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '${SEED}' LOOP
      EXECUTE format('INSERT INTO public.%I SELECT * FROM ${SEED}.%I', t, t);
    END LOOP;
    FOR c IN SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES' LOOP
      EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce((SELECT max(%I) FROM public.%I), 0) + 1, false)', c.table_name, c.column_name, c.column_name, c.table_name);
    END LOOP;
  END $$`);
}

/**
 * `describe` for tests that need PostgreSQL: where it is missing they are skipped with the reason in the name (and
 * on the console), unless NETGUARD_REQUIRE_POSTGRES=1 makes the absence a failing test.
 */
export function describePostgres(name: string, body: () => void): void {
  const missing = postgresMissing();
  if (!missing) {
    describe(name, body);
  } else if (process.env[REQUIRE_POSTGRES_ENV] === '1') {
    describe(name, () => it(`needs PostgreSQL (${REQUIRE_POSTGRES_ENV}=1)`, () => {
      throw new Error(missing);
    }));
  } else {
    console.warn(`Skipped "${name}": ${missing}`);
    describe.skip(`${name} — skipped: ${missing}`, body);
  }
}
