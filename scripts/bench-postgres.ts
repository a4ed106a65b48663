import { openPostgresBulkLoad } from '../server/storage/postgres/bulk-load.ts';
import { openPostgresStorage } from '../server/storage/postgres/index.ts';
import { createDatabaseWithExtensions, postgresMissing, psqlAt, startPostgresCluster, stopCluster } from '../tests/helpers/postgres-cluster.ts';
import { loadNational } from './national/build.ts';

/**
 * The PostgreSQL database the bench reads, and how to let it go (a cluster of its own is stopped and removed);
 * `statements` counts the statements run on it so far, and those that wrote, where pg_stat_statements is there.
 */
export type BenchPostgres = { url: string; loadSeconds: number | null; stop: () => Promise<void>; statements?: () => Promise<{ all: number; writes: number }> };

/**
 * Settings of the bench's own cluster beyond the tests' (tests/helpers/postgres-cluster.ts): buffers and memory for
 * a million incidents on this machine, as a small deployment would set them.
 */
const BENCH_SETTINGS = ['shared_buffers=512MB', 'effective_cache_size=4GB', 'work_mem=16MB', 'maintenance_work_mem=256MB', 'max_wal_size=4GB', 'random_page_cost=1.1', 'shared_preload_libraries=pg_stat_statements'];

/**
 * The statements run on the database at `url` so far (every round trip: BEGIN and COMMIT count too) and those that
 * wrote, from pg_stat_statements; undefined where the extension is not loaded (a `--database-url` of the caller's).
 */
async function statementCounter(url: string): Promise<BenchPostgres['statements']> {
  const loaded = await psqlAt(url, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'").catch(() => '0');
  if (Number(loaded) === 0) return undefined;
  return async () => {
    const [all, writes] = (await psqlAt(url, `SELECT coalesce(sum(calls), 0), coalesce(sum(calls) FILTER (WHERE query ~* '^\\s*(insert|update|delete)'), 0) FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'`)).trim().split('|').map(Number);
    return { all, writes };
  };
}

/**
 * The database for the bench's PostgreSQL rows: the one at `databaseUrl` (loaded with `npm run db:national --
 * --database-url …` first; an empty one is loaded here), or, when PostgreSQL's binaries are installed, a throwaway
 * cluster started here and loaded with the same national set as the SQLite file (`copies`, `seed`) through COPY.
 * Null, with the reason printed, when neither is possible.
 */
export async function benchPostgres(options: { databaseUrl?: string; copies: number; seed: number }): Promise<BenchPostgres | null> {
  const load = async (url: string) => {
    const started = performance.now();
    const bulk = await openPostgresBulkLoad(url);
    try {
      await loadNational(bulk, { copies: options.copies, seed: options.seed });
      await bulk.finish();
    } finally {
      await bulk.close();
    }
    return (performance.now() - started) / 1000;
  };
  if (options.databaseUrl) {
    const storage = await openPostgresStorage(options.databaseUrl, { poolSize: 1 });
    const empty = (await storage.features.counts()).bts_sites === 0;
    await storage.close();
    return { url: options.databaseUrl, loadSeconds: empty ? await load(options.databaseUrl) : null, stop: async () => {}, statements: await statementCounter(options.databaseUrl) };
  }
  const missing = postgresMissing();
  if (missing) {
    console.warn(`No PostgreSQL rows: ${missing} (or pass --database-url postgres://…)`);
    return null;
  }
  const cluster = await startPostgresCluster(BENCH_SETTINGS);
  try {
    const url = await createDatabaseWithExtensions(cluster, 'netguard_bench');
    await psqlAt(url, 'CREATE EXTENSION pg_stat_statements');
    return { url, loadSeconds: await load(url), stop: () => stopCluster(cluster), statements: await statementCounter(url) };
  } catch (error) {
    await stopCluster(cluster);
    throw error;
  }
}
