import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { openPool, poolSql, type Sql } from '../../server/storage/postgres/database.ts';
import { openPostgresStorage } from '../../server/storage/postgres/index.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { clusterUrl, createDatabaseWithExtensions, postgresMissing, psqlAt, startPostgresCluster, stopCluster, type ClusterInfo } from './postgres-cluster.ts';
import { oncePerRun, runCacheDirectory } from './run-cache.ts';

export { postgresMissing, psqlAt, stopCluster, type ClusterInfo } from './postgres-cluster.ts';

/**
 * Throwaway PostgreSQL clusters for tests. One cluster per test run (the run cache, tests/global-setup.ts stops it at
 * the end), one database per test file cloned from a template database that already has the extensions and the
 * provider's migrations (server/storage/postgres/migrations). Starting and stopping clusters is
 * tests/helpers/postgres-cluster.ts's, which the benchmarks share.
 */
const TEMPLATE = 'netguard_template';
/** The schema of the template that keeps what the migrations wrote into the tables. */
const SEED = 'netguard_test_seed';
/** Set in CI (`.ci/run`): a machine without PostgreSQL then fails the PostgreSQL tests instead of skipping them. */
export const REQUIRE_POSTGRES_ENV = 'NETGUARD_REQUIRE_POSTGRES';

/**
 * Starts the tests' cluster (startPostgresCluster) with the template database: its extensions and the provider's
 * migrations made.
 */
export async function startCluster(): Promise<ClusterInfo> {
  // pg_stat_statements: so that a test can count the statements a store ran (CREATE EXTENSION in its database).
  const cluster = await startPostgresCluster(['shared_preload_libraries=pg_stat_statements']);
  try {
    await createDatabaseWithExtensions(cluster, TEMPLATE);
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
 * A fresh test database with the store opened on it and, beside the store, a pool of one connection for the test's
 * own SQL (a setting, a statement and a catalogue query then share a session); `close` ends both and drops the database.
 */
export async function openTestStore(): Promise<{ url: string; storage: Storage; sql: Sql; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const storage = await openPostgresStorage(database.url, { poolSize: 2 });
  const pool = await openPool(database.url, 1);
  return { url: database.url, storage, sql: poolSql(pool), close: async () => {
    await pool.end();
    await storage.close();
    await database.drop();
  } };
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
