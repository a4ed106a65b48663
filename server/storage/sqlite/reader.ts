import { MessageChannel } from 'node:worker_threads';
import type { FilterExpr } from '../filter.ts';
import type { ItemQuery } from '../features.ts';
import type { Stores } from '../storage.ts';
import { coresPerProcess } from '../../threads/cores.ts';
import { createWorkPool, type WorkPool } from '../../threads/pool.ts';
import type { TASKS as READS } from './read-tasks.ts';
import type { TASKS as EXPORTS } from './export-tasks.ts';
import { receiveExport, STALL_MS } from '../export-stream.ts';
import { SPATIAL_BUDGET_MS } from './spatial-functions.ts';

export type Reader = WorkPool<typeof READS>;
export type ExportReader = WorkPool<typeof EXPORTS>;

const number = (raw: string | undefined, fallback: number) => (raw && Number(raw) > 0 ? Number(raw) : fallback);

/**
 * Threads that run heavy reads of a database file on read-only connections of their own
 * (`read-tasks.ts`), so the event loop stays free for every other request (issue 13). Threads start on the first heavy
 * read, run at a lower CPU priority than the event loop, and share the work pool's settings: NETGUARD_READ_THREADS
 * (default 2, at most this process's share of the cores), a queue of 4 per thread (503 beyond), NETGUARD_JOBS_PER_CALLER reads of one caller at
 * a time (twice as many wait, 429 beyond) and NETGUARD_JOB_BUDGET_MS as the longest a read may run (422 beyond). That last bound is a
 * backstop, kept well above the spatial filter budget, which stops a filter first and says why (422 FilterTooCostly).
 */
export function createReader(env: Record<string, string | undefined> = process.env): Reader {
  const size = number(env.NETGUARD_READ_THREADS, Math.min(2, coresPerProcess(env)));
  return createWorkPool<typeof READS>({
    tasks: new URL('./read-tasks.ts', import.meta.url),
    size,
    maxQueue: size * 4,
    budgetMs: Math.max(number(env.NETGUARD_JOB_BUDGET_MS, 10_000), 2 * SPATIAL_BUDGET_MS + 1_000),
    maxHeapMb: number(env.NETGUARD_WORKER_HEAP_MB, 512),
    perCaller: number(env.NETGUARD_JOBS_PER_CALLER, 2),
    refusalDelayMs: 1_000,
  });
}

/**
 * Threads that stream exports (`export-tasks.ts`), apart from the heavy reads so that long downloads never hold
 * those back: each export keeps one thread, and its cursor, until its client has the whole file or goes away. The
 * bounds are those of a stream, not of a read: NETGUARD_EXPORTS exports at once (default 2), as many waiting (503
 * beyond), NETGUARD_JOBS_PER_CALLER of one caller at a time; NETGUARD_EXPORT_STALL_MS (default 60,000) that a client
 * may take no data before its export is stopped, and NETGUARD_EXPORT_MAX_MS (default 1,800,000) that one may last.
 * Memory is a few batches per export, whatever the layer.
 */
export function createExportReader(env: Record<string, string | undefined> = process.env): { pool: ExportReader; stallMs: number } {
  const size = number(env.NETGUARD_EXPORTS, 2);
  const pool = createWorkPool<typeof EXPORTS>({
    tasks: new URL('./export-tasks.ts', import.meta.url),
    size,
    maxQueue: size,
    budgetMs: number(env.NETGUARD_EXPORT_MAX_MS, 1_800_000),
    maxHeapMb: number(env.NETGUARD_WORKER_HEAP_MB, 512),
    perCaller: number(env.NETGUARD_JOBS_PER_CALLER, 2),
    refusalDelayMs: 1_000,
  });
  return { pool, stallMs: number(env.NETGUARD_EXPORT_STALL_MS, STALL_MS) };
}

/** True when an expression tests geometry: its exact tests cost up to the filter budget, too much for the event loop. */
export function testsGeometry(expr: FilterExpr): boolean {
  switch (expr.op) {
    case 'and':
    case 'or':
      return expr.args.some(testsGeometry);
    case 'not':
      return testsGeometry(expr.arg);
    case 'spatial':
    case 'dwithin':
      return true;
    default:
      return false;
  }
}

const heavy = (query: ItemQuery) => query.filter !== undefined && testsGeometry(query.filter);

/**
 * The stores used outside transactions, with their heavy reads sent to `reader`: items queries carrying a CQL2
 * spatial filter (features, hotline reports, patrol plans) and the six-monthly report's aggregates; exports stream from
 * `exports`' threads. Inside a
 * transaction the same calls run on the main connection, where they see the transaction's own writes.
 */
export function withHeavyReadsOn(reader: Reader, exports: ReturnType<typeof createExportReader>, path: string, stores: Stores): Stores {
  const { features, hotline, plans } = stores;
  return {
    ...stores,
    features: {
      ...features,
      query: (collectionId, query) => (heavy(query) ? reader.run('features', { path, collectionId, query }) : features.query(collectionId, query)),
      // An export reads every match, however plain its filter: up to a whole layer, always off the event loop.
      exportStream: async (collectionId, query, encoder, options) => {
        const { port1, port2 } = new MessageChannel();
        const reading = exports.pool.run('exportFeatures', { path, collectionId, query, encoder, port: port2 }, [port2]);
        return receiveExport(port1, reading, { stallMs: exports.stallMs, ...options });
      },
    },
    hotline: { ...hotline, queryFeatures: (query) => (heavy(query) ? reader.run('records', { path, table: 'hotline', query }) : hotline.queryFeatures(query)) },
    plans: { ...plans, queryFeatures: (query) => (heavy(query) ? reader.run('records', { path, table: 'plans', query }) : plans.queryFeatures(query)) },
    reports: { periodCounts: (range, days, openStatuses) => reader.run('periodCounts', { path, range, days, openStatuses }) },
  };
}
