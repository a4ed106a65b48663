import { coresPerProcess } from '../threads/cores.ts';
import { createWorkPool, type WorkPool, type WorkPoolOptions } from '../threads/pool.ts';
import type { AppTasks } from './tasks.ts';

export type AppWorkPool = WorkPool<AppTasks>;

const number = (raw: string | undefined, fallback: number) => (raw && Number.isFinite(Number(raw)) && Number(raw) > 0 ? Number(raw) : fallback);

/**
 * The app's pool of `server/work/tasks.ts`, configured from the environment (README "Configuration"):
 * NETGUARD_WORK_THREADS (threads, default this process's share of the cores: the cores divided by NETGUARD_WORKERS), NETGUARD_WORK_QUEUE (jobs waiting, default 4 per thread),
 * NETGUARD_JOB_BUDGET_MS (running time per job, default 10,000), NETGUARD_WORKER_HEAP_MB (default 512),
 * NETGUARD_JOBS_PER_CALLER (jobs one account or address may have running at once, default 2; twice as many may wait).
 */
export function appWorkPool(env: Record<string, string | undefined> = process.env, overrides: Partial<WorkPoolOptions> = {}): AppWorkPool {
  const size = number(env.NETGUARD_WORK_THREADS, coresPerProcess(env));
  return createWorkPool<AppTasks>({
    tasks: new URL('./tasks.ts', import.meta.url),
    size,
    maxQueue: number(env.NETGUARD_WORK_QUEUE, size * 4),
    budgetMs: number(env.NETGUARD_JOB_BUDGET_MS, 10_000),
    maxHeapMb: number(env.NETGUARD_WORKER_HEAP_MB, 512),
    perCaller: jobsPerCaller(env),
    refusalDelayMs: 1_000,
    ...overrides,
  });
}

/** Jobs one caller may have running at once in a pool (NETGUARD_JOBS_PER_CALLER, default 2). */
export const jobsPerCaller = (env: Record<string, string | undefined> = process.env): number => number(env.NETGUARD_JOBS_PER_CALLER, 2);

let shared: AppWorkPool | undefined;

/** One pool per process, shared by every app built in it (the server has one; a test file builds many). */
export const sharedWorkPool = (): AppWorkPool => (shared ??= appWorkPool());
