import { createPolledBroadcast } from '../polled-broadcast.ts';
import type { Storage, Stores } from '../storage.ts';
import { createPostgresAccounts } from './accounts.ts';
import { batchedAppends } from '../audit.ts';
import { createPostgresAudit } from './audit.ts';
import { createPostgresCaseFiles } from './case-files.ts';
import { createPostgresChangeCounters } from './change-counters.ts';
import { createPostgresChangeLog } from './change-log.ts';
import { inTransaction, migrate, openPool, poolSql, type Sql } from './database.ts';
import { createExportCursors, type ExportCursors } from './export-cursor.ts';
import { createPostgresFeatures } from './features.ts';
import { createPostgresFibreBreaks } from './fibre-breaks.ts';
import { createPostgresField, createPostgresIdempotency, createPostgresPhotos } from './field.ts';
import { createPostgresIncidentHistory, createPostgresKeyTargetHistory } from './histories.ts';
import { createPostgresHotline } from './hotline.ts';
import { createPostgresInspectionPlans, createPostgresInspections } from './inspections.ts';
import { listenForLive } from './live-listener.ts';
import { createPostgresLiveLog } from './live-log.ts';
import { createPostgresPlans } from './patrol-plans.ts';
import { createPostgresAlarms, createPostgresBulletins, createPostgresTracks } from './records.ts';
import { createPostgresRegister } from './register.ts';
import { createPostgresReportQueries } from './report-queries.ts';
import { createPostgresRewards } from './rewards.ts';
import { createPostgresThrottles } from './throttles.ts';

/** Default NETGUARD_LIVE_POLL_MS: with LISTEN/NOTIFY waking every process, the poll is only a slow safety net. */
export const SAFETY_POLL_MS = 2_000;

/**
 * Default NETGUARD_TILE_CONNECTIONS: the tile pool's size per process. Its connections plan each tile statement once
 * (a generic plan, pruned to the period's month partitions when it runs): under plan_cache_mode=auto the planner
 * kept choosing custom plans for a statement over the partitioned incidents (a generic plan's estimate counts all 61
 * months), and planned a z14 tile for 1.5-2.2 ms to run it in 0.45 ms, a low-zoom one for 14-19 ms (pg_stat_statements,
 * national set). They are kept 15 minutes idle, so that a quiet spell does not bring the planning back.
 */
export const TILE_CONNECTIONS = 4;
export const TILE_APPLICATION_NAME = 'netguard tiles';
const TILE_IDLE_MS = 15 * 60_000;

function stores(sql: Sql, exports?: ExportCursors, tiles?: Sql): Stores {
  return {
    features: createPostgresFeatures(sql, exports, tiles),
    accounts: createPostgresAccounts(sql),
    audit: createPostgresAudit(sql),
    incidentHistory: createPostgresIncidentHistory(sql),
    keyTargetHistory: createPostgresKeyTargetHistory(sql),
    hotline: createPostgresHotline(sql),
    alarms: createPostgresAlarms(sql),
    bulletins: createPostgresBulletins(sql),
    inspections: createPostgresInspections(sql),
    inspectionPlans: createPostgresInspectionPlans(sql),
    plans: createPostgresPlans(sql),
    tracks: createPostgresTracks(sql),
    changes: createPostgresChangeLog(sql),
    counters: createPostgresChangeCounters(sql),
    throttles: createPostgresThrottles(sql),
    reports: createPostgresReportQueries(sql),
    field: createPostgresField(sql),
    photos: createPostgresPhotos(sql),
    idempotency: createPostgresIdempotency(sql),
    caseFiles: createPostgresCaseFiles(sql),
    register: createPostgresRegister(sql),
    rewards: createPostgresRewards(sql),
    fibreBreaks: createPostgresFibreBreaks(sql),
    live: createPostgresLiveLog(sql),
  };
}

/**
 * Opens NetGuard's storage on the PostgreSQL database at `url` (postgres://…; PostGIS, unaccent and pg_trgm must be
 * installed in it or creatable), applies pending migrations and returns its stores and unit of work: each
 * `transaction` is one serialisable transaction on one pooled client, run again on a serialisation failure.
 */
export async function openPostgresStorage(url: string, options: { poolSize?: number; env?: Record<string, string | undefined> } = {}): Promise<Storage> {
  const pool = await openPool(url, options.poolSize);
  // The backends of this process's pool, where its live messages are appended: their NOTIFYs are its own.
  const backends = new Set<number>();
  const backendOf = (client: unknown) => (client as { processID?: number }).processID;
  pool.on('connect', (client) => void backends.add(backendOf(client) ?? 0));
  pool.on('remove', (client) => void backends.delete(backendOf(client) ?? 0));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const env = options.env ?? process.env;
  // No larger than the pool asked for: a caller sizing its pool small (a test app, a bench's helper) means it.
  const tileSize = Math.min(Number(env.NETGUARD_TILE_CONNECTIONS) || TILE_CONNECTIONS, options.poolSize ?? Infinity);
  const tilePool = await openPool(url, tileSize, TILE_APPLICATION_NAME, { genericPlans: true, idleMs: TILE_IDLE_MS });
  const exports = await createExportCursors(url, options.env);
  const outside = stores(poolSql(pool), exports, poolSql(tilePool));
  // Several NetGuard processes may serve one database: live messages go through its live log, read whenever a NOTIFY
  // says another process appended to it, and every NETGUARD_LIVE_POLL_MS as a safety net for a listening connection
  // that died without a word.
  const broadcast = createPolledBroadcast(outside.live, { pollMs: Number(env.NETGUARD_LIVE_POLL_MS) || SAFETY_POLL_MS, wakeups: listenForLive(url, { fromThisProcess: (pid) => backends.has(pid) }) });
  const audit = batchedAppends(outside.audit);
  return {
    ...outside,
    audit: audit.store,
    transaction: (work) => inTransaction(pool, (sql) => work(stores(sql))),
    broadcast,
    close: async () => {
      await audit.settled();
      await broadcast.close();
      await Promise.all([pool.end(), tilePool.end(), exports.close()]);
    },
  };
}
