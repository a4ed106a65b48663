import { availableParallelism } from 'node:os';

type Env = Record<string, string | undefined>;

const positive = (raw: string | undefined): number | undefined => {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value > 0 ? value : undefined;
};

/** How many server processes `server/main.ts` starts: NETGUARD_WORKERS, else one per core. */
export const serverProcesses = (env: Env = process.env): number => positive(env.NETGUARD_WORKERS) ?? availableParallelism();

/**
 * This process's share of the cores, at least one: the default size of its thread pools, so that several server
 * processes on one machine do not each start a thread per core (2 processes on 2 cores: one thread each). The
 * processes are counted from NETGUARD_WORKERS, which the cluster's primary sets for every worker it forks; a process
 * without it (a script, a test) is alone.
 */
export const coresPerProcess = (env: Env = process.env): number => Math.max(1, Math.floor(availableParallelism() / (positive(env.NETGUARD_WORKERS) ?? 1)));
