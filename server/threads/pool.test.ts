import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { onBehalfOf } from './caller.ts';
import { AppError } from '../errors.ts';
import { createWorkPool } from './pool.ts';
import type { TASKS } from './fixtures/test-tasks.ts';

const tasks = new URL('./fixtures/test-tasks.ts', import.meta.url);

describe('the work pool', () => {
  const pool = createWorkPool<typeof TASKS>({ tasks, size: 2, maxQueue: 1, budgetMs: 1_500, maxHeapMb: 64 });
  afterAll(() => pool.close());

  it('runs a job in a worker thread and returns its result', async () => {
    expect(await pool.run('echo', { value: { a: [1, 2, 'đ'] } })).toEqual({ a: [1, 2, 'đ'] });
  });

  it('keeps the event loop free while a job computes', async () => {
    const job = pool.run('spin', { ms: 600 });
    // Timers on this thread keep firing on time while the worker spins.
    const started = performance.now();
    let ticks = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        ticks += 1;
        if (ticks === 10) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    const tickedFor = performance.now() - started;
    expect(await job).toBe(600);
    expect(tickedFor).toBeLessThan(600);
  });

  it('stops a job past its time budget with 422 and keeps serving the next one', async () => {
    const error = await pool.run('spin', { ms: 60_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 422, code: 'WorkLimitExceeded', details: { budgetMs: 1_500 } });
    expect(await pool.run('echo', { value: 'after' })).toBe('after');
  });

  it('lets a job known to be long run past the pool’s budget up to its own, and stops it there', async () => {
    expect(await pool.run('spin', { ms: 2_000 }, [], { budgetMs: 4_000 })).toBe(2_000);
    const error = await pool.run('spin', { ms: 60_000 }, [], { budgetMs: 2_500 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 422, code: 'WorkLimitExceeded', details: { budgetMs: 2_500 } });
    // A smaller budget than the pool's is not a way around it: the pool's stands.
    expect(await pool.run('spin', { ms: 1_000 }, [], { budgetMs: 10 })).toBe(1_000);
  });

  it('stops a job that runs out of memory with 422 instead of taking the process down', async () => {
    const error = await pool.run('hog', {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 422, code: 'WorkLimitExceeded', details: { maxHeapMb: 64 } });
    expect(await pool.run('echo', { value: 'alive' })).toBe('alive');
  });

  it('answers 503 with a retry time once every worker is busy and the queue is full', async () => {
    const running = [pool.run('spin', { ms: 400 }), pool.run('spin', { ms: 400 }), pool.run('spin', { ms: 400 })];
    const refused = await pool.run('echo', { value: 'one too many' }).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ status: 503, code: 'ServiceBusy', details: { retryAfterSeconds: 2 } });
    expect(await Promise.all(running)).toEqual([400, 400, 400]);
  });

  it('starts every worker on warm(), ready before the first job', async () => {
    pool.warm();
    expect(pool.stats().workers).toBe(2);
    expect(await Promise.all([pool.run('echo', { value: 1 }), pool.run('echo', { value: 2 })])).toEqual([1, 2]);
  });

  it('passes an error a task throws on: an AppError keeps its status, code and details', async () => {
    await expect(pool.run('fail', { status: 413 })).rejects.toMatchObject({ status: 413, code: 'GeometryTooComplex', details: { maxVertices: 10 } });
    const plain = await pool.run('fail', {}).catch((caught: unknown) => caught);
    expect(plain).not.toBeInstanceOf(AppError);
    expect((plain as Error).message).toBe('area is too complex');
  });

  it('runs two jobs of one caller at a time: its third waits though a worker is free, others go first, its fourth gets 429', async () => {
    const shared = createWorkPool<typeof TASKS>({ tasks, size: 3, maxQueue: 1, budgetMs: 10_000, maxHeapMb: 64, perCaller: 2, perCallerWaiting: 1, refusalDelayMs: 300 });
    shared.warm();
    const finished: unknown[] = [];
    const noted = <T,>(job: Promise<T>, name: string) => job.then((value) => (finished.push(name), value));
    try {
      const mine = [1, 2].map((n) => noted(onBehalfOf('user:1', () => shared.run('spin', { ms: 4_000 })), `spin ${n}`));
      const third = noted(onBehalfOf('user:1', () => shared.run('echo', { value: 'third' })), 'third');
      const asked = performance.now();
      const refused = await onBehalfOf('user:1', () => shared.run('echo', { value: 'fourth' })).catch((caught: unknown) => caught);
      expect(refused).toMatchObject({ status: 429, code: 'TooManyJobs', details: { maxJobsPerCaller: 2, retryAfterSeconds: 10 } });
      // The refusal is held back, so a client that sends again at once cannot make a stream of refusals.
      expect(performance.now() - asked).toBeGreaterThanOrEqual(290);
      // The third worker is free: another caller's job and work outside any request take it, the caller's third waits.
      expect(await Promise.all([onBehalfOf('address:10.0.0.9', () => shared.run('echo', { value: 'other' })), shared.run('echo', { value: 'no caller' })])).toEqual(['other', 'no caller']);
      expect(shared.stats()).toMatchObject({ busy: 2, queued: 1 });
      // With every worker busy, a job held back for its caller's share does not fill the queue (1) for anyone else.
      const blocker = noted(shared.run('spin', { ms: 1_000 }), 'blocker');
      const later = noted(onBehalfOf('address:10.0.0.10', () => shared.run('echo', { value: 'later' })), 'later');
      expect(await later).toBe('later');
      expect(await third).toBe('third');
      await blocker;
      expect(await Promise.all(mine)).toEqual([4_000, 4_000]);
      // The later caller's job started on the first free worker, before the third job queued ahead of it.
      expect(finished.slice(0, 2)).toEqual(['blocker', 'later']);
      expect(finished.indexOf('third')).toBeGreaterThan(finished.findIndex((name) => String(name).startsWith('spin')));
      // Finished jobs, and failed ones, give the caller its share back.
      await expect(onBehalfOf('user:1', () => shared.run('fail', {}))).rejects.toThrow('area is too complex');
      expect(await onBehalfOf('user:1', () => Promise.all([shared.run('echo', { value: 1 }), shared.run('echo', { value: 2 }), shared.run('echo', { value: 3 })]))).toEqual([1, 2, 3]);
    } finally {
      await shared.close();
    }
  });

  it('gives a freed worker to the caller running fewest jobs, not to the one that queued first', async () => {
    const two = createWorkPool<typeof TASKS>({ tasks, size: 2, maxQueue: 4, budgetMs: 10_000, maxHeapMb: 64, perCaller: 2 });
    two.warm();
    const finished: string[] = [];
    const run = (caller: string, name: string, ms: number) => onBehalfOf(caller, () => two.run('spin', { ms })).then(() => finished.push(name));
    try {
      // One caller's three jobs, then another caller's one. Whenever a worker frees up while the first caller still
      // runs a job, the other caller's job is taken first; first come first served would run a3 before b1.
      await Promise.all([run('user:1', 'a1', 2_000), run('user:1', 'a2', 1_000), run('user:1', 'a3', 0), run('user:2', 'b1', 0)]);
      expect(finished.indexOf('b1')).toBeLessThan(finished.indexOf('a3'));
    } finally {
      await two.close();
    }
  });

  it.runIf(process.platform === 'linux')('runs its threads NETGUARD_WORKER_NICE steps nicer than the event loop, as the kernel sees them', async () => {
    /** The nice value of each thread of this process, from /proc. */
    const niceOfThreads = () => readdirSync('/proc/self/task').map((task) => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1].split(' ')[16]));
    const before = niceOfThreads();
    const saved = process.env.NETGUARD_WORKER_NICE;
    process.env.NETGUARD_WORKER_NICE = '10';
    const niced = createWorkPool<typeof TASKS>({ tasks, size: 2, maxQueue: 2, budgetMs: 5_000, maxHeapMb: 64 });
    try {
      await Promise.all([niced.run('spin', { ms: 200 }), niced.run('spin', { ms: 200 })]);
      const expected = Math.min(19, getPriority(0) + 10);
      const count = (threads: number[]) => threads.filter((nice) => nice === expected).length;
      // Each of the two, and any thread it starts itself (tsx's module loader), which inherits its priority.
      expect(count(niceOfThreads()) - count(before)).toBeGreaterThanOrEqual(2);
      expect(getPriority(0)).toBeLessThan(expected);
    } finally {
      if (saved === undefined) delete process.env.NETGUARD_WORKER_NICE;
      else process.env.NETGUARD_WORKER_NICE = saved;
      await niced.close();
    }
  });
});
