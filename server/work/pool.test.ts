import { afterAll, describe, expect, it } from 'vitest';
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
});
