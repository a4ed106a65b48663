import { availableParallelism } from 'node:os';
import { Worker, type Transferable } from 'node:worker_threads';
import { AppError, ServiceBusy, TooManyJobs } from '../errors.ts';
import { currentCaller } from './caller.ts';

/** A task module's `TASKS`: pure functions of plain data, by name. */
type TaskTable = Record<string, (input: never) => unknown>;

export type WorkPoolOptions = {
  /** Module whose `TASKS` the workers run (a `file:` URL). */
  tasks: URL;
  /** Worker threads at most; default the machine's cores. */
  size?: number;
  /** Jobs that may wait for a free worker; one more is refused with 503. Default 4 per worker. */
  maxQueue?: number;
  /** Milliseconds one job may run before its worker is stopped and the job refused (422); default 10,000. */
  budgetMs?: number;
  /** Heap of each worker in MB; a job that needs more is refused (422) instead of taking the server down. Default 512. */
  maxHeapMb?: number;
  /**
   * Jobs one caller (`caller.ts`) may have running at once. Its further jobs wait in its own line, and other callers'
   * jobs start before them, so a single account or address can neither fill the queue nor hold back everyone's work.
   * Default: no limit (jobs outside a request are never counted).
   */
  perCaller?: number;
  /**
   * Jobs of one caller that may wait for its share (`perCaller`); one more is refused with 429. The app's own bursts
   * (the patrol panel asks for five analyses at once) fit in it. Default: twice `perCaller`.
   */
  perCallerWaiting?: number;
  /**
   * Milliseconds a refusal for `perCaller` waits before it is answered (default 0). A client that sends again at once
   * when refused would otherwise turn its refused jobs into a stream of requests; the wait costs only a timer.
   */
  refusalDelayMs?: number;
};

export interface WorkPool<T extends TaskTable> {
  /**
   * Runs `task` on `input` in a worker thread; rejects with 503 when the queue is full, 422 past the time or memory
   * budget. `options.budgetMs` raises the time budget for a job known to be long (never lowers it below the pool's).
   */
  run<K extends keyof T & string>(task: K, input: Parameters<T[K]>[0], transfer?: Transferable[], options?: { budgetMs?: number }): Promise<Awaited<ReturnType<T[K]>>>;
  /** Starts every worker now, so the first heavy requests do not wait for threads to load (the server calls it at start). */
  warm(): void;
  /** Workers running and jobs waiting, for tests and monitoring. */
  stats(): { workers: number; busy: number; queued: number };
  close(): Promise<void>;
}

type Job = { id: number; task: string; input: unknown; transfer: Transferable[]; budgetMs: number; caller: string | undefined; resolve: (value: unknown) => void; reject: (error: Error) => void };
/** Jobs per caller (running, or running and waiting), for `perCaller`. */
type CallerCounts = Map<string, number>;
const add = (counts: CallerCounts, caller: string | undefined, by: number) => {
  if (caller === undefined) return;
  const count = (counts.get(caller) ?? 0) + by;
  if (count > 0) counts.set(caller, count);
  else counts.delete(caller);
};
type Slot = { worker: Worker; ready: boolean; job: Job | null; timer?: NodeJS.Timeout };
type Reply = { ready: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string; status?: number; code?: string; details?: Record<string, unknown>; stack?: string } };

const tooMuch = (what: string, details: Record<string, unknown>) =>
  new AppError(422, 'WorkLimitExceeded', `the request needs more ${what} than one request may use; ask for a smaller area or less data`, details);

/**
 * A small pool of worker threads for the heavy, pure part of requests (geometry, analyses, file encoding), so that no
 * request holds the event loop: cheap requests keep answering while a hostile one burns its own budget. Workers
 * start on demand, are kept while idle without holding the process open, and one that runs past its budget or out
 * of memory is stopped and replaced.
 */
export function createWorkPool<T extends TaskTable>(options: WorkPoolOptions): WorkPool<T> {
  const size = Math.max(1, options.size ?? availableParallelism());
  const maxQueue = options.maxQueue ?? size * 4;
  const budgetMs = options.budgetMs ?? 10_000;
  const maxHeapMb = options.maxHeapMb ?? 512;
  const perCaller = options.perCaller ?? Number.POSITIVE_INFINITY;
  const perCallerWaiting = options.perCallerWaiting ?? 2 * perCaller;
  const refusalDelayMs = options.refusalDelayMs ?? 0;
  const inFlight: CallerCounts = new Map();
  const running: CallerCounts = new Map();
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (slot: Slot, settle: (job: Job) => void) => {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = null;
    if (job) add(running, job.caller, -1);
    slot.worker.unref();
    if (job) settle(job);
  };
  const retire = (slot: Slot) => {
    slots.delete(slot);
    void slot.worker.terminate();
    dispatch();
  };
  const start = (slot: Slot, job: Job) => {
    slot.job = job;
    add(running, job.caller, 1);
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      finish(slot, (stopped) => stopped.reject(tooMuch('time', { budgetMs: job.budgetMs })));
      retire(slot);
    }, job.budgetMs);
    slot.worker.postMessage({ id: job.id, task: job.task, input: job.input }, job.transfer);
  };
  const spawn = (): Slot => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { tasks: options.tasks.href }, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    const slot: Slot = { worker, ready: false, job: null };
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        slot.ready = true;
        slot.worker.unref();
        return dispatch();
      }
      finish(slot, (job) => (reply.ok ? job.resolve(reply.value) : job.reject(rebuild(reply.error))));
      dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      // A worker that cannot even start (its task module fails to load) would fail again: refuse what waits.
      if (!slot.ready) for (const job of queue.splice(0)) job.reject(error);
      finish(slot, (job) => job.reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuch('memory', { maxHeapMb }) : error));
      retire(slot);
    });
    worker.on('exit', () => {
      finish(slot, (job) => job.reject(new Error('a worker thread stopped during the job')));
      if (slots.has(slot)) retire(slot);
    });
    slots.add(slot);
    return slot;
  };
  const runningFor = (job: Job) => (job.caller === undefined ? 0 : (running.get(job.caller) ?? 0));
  /**
   * The job to start next: of the jobs whose caller runs fewer than `perCaller`, the one whose caller runs fewest,
   * first come first served among equals; -1 when none may start. So a caller with jobs waiting takes turns with
   * the others instead of taking every worker that frees up.
   */
  const nextJob = (): number => {
    let best = -1;
    for (let index = 0; index < queue.length; index += 1) {
      const share = runningFor(queue[index]);
      if (share < perCaller && (best < 0 || share < runningFor(queue[best]))) best = index;
    }
    return best;
  };
  /** Waiting jobs that could start as workers free up, not counting those held back for their caller's share. */
  const startable = (): number => {
    const share = new Map<string, number>();
    let count = 0;
    for (const job of queue) {
      if (job.caller === undefined) count += 1;
      else {
        const taken = share.get(job.caller) ?? running.get(job.caller) ?? 0;
        if (taken < perCaller) count += 1;
        share.set(job.caller, taken + 1);
      }
    }
    return count;
  };
  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      const next = nextJob();
      if (next < 0) return;
      const idle = [...slots].find((slot) => slot.ready && !slot.job);
      if (idle) start(idle, queue.splice(next, 1)[0]);
      else {
        const starting = [...slots].filter((slot) => !slot.ready).length;
        for (let more = Math.min(size - slots.size, startable() - starting); more > 0; more -= 1) spawn();
        return;
      }
    }
  }

  return {
    run(task, input, transfer = [], runOptions = {}) {
      if (closed) return Promise.reject(new Error('the work pool is closed'));
      const free = [...slots].filter((slot) => !slot.job).length + (size - slots.size);
      const caller = currentCaller();
      const own = caller === undefined ? 0 : (inFlight.get(caller) ?? 0);
      if (own >= perCaller + perCallerWaiting) {
        const refusal = new TooManyJobs(`at most ${perCaller} heavy requests of one caller run at a time and ${perCallerWaiting} wait; wait for one to finish`, Math.ceil(budgetMs / 1000), perCaller);
        return new Promise((_, reject) => setTimeout(() => reject(refusal), refusalDelayMs));
      }
      // Jobs held back for their caller's share do not fill the queue for others: each caller's line is bounded above.
      if (own < perCaller && startable() >= maxQueue + Math.max(0, free)) {
        return Promise.reject(new ServiceBusy('the server is busy with heavy requests; try again shortly', Math.ceil(budgetMs / 1000)));
      }
      add(inFlight, caller, 1);
      return new Promise<unknown>((resolve, reject) => {
        queue.push({ id: nextId++, task, input, transfer, budgetMs: Math.max(budgetMs, runOptions.budgetMs ?? 0), caller, resolve, reject });
        dispatch();
      }).finally(() => add(inFlight, caller, -1)) as Promise<never>;
    },
    warm() {
      while (!closed && slots.size < size) spawn();
    },
    stats: () => ({ workers: slots.size, busy: [...slots].filter((slot) => slot.job).length, queued: queue.length }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the work pool is closed'));
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
      slots.clear();
    },
  };
}

/** An error from a worker as the main thread throws it: an AppError keeps its status and code, anything else is a 500. */
function rebuild(error: { name: string; message: string; status?: number; code?: string; details?: Record<string, unknown>; stack?: string }): Error {
  if (typeof error.status === 'number' && typeof error.code === 'string') return new AppError(error.status as AppError['status'], error.code, error.message, error.details);
  const rebuilt = new Error(error.message);
  rebuilt.stack = error.stack;
  return rebuilt;
}
