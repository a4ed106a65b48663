import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../broadcast.ts';
import { openSqliteStorage } from './index.ts';

// Two storages over one file stand for two processes (each has its own connection, as each process would): what one
// publishes reaches the other's listeners through the live log (migration 062), once, and its own listeners at once.

const directory = mkdtempSync(join(tmpdir(), 'netguard-live-'));
const path = join(directory, 'netguard.sqlite');
const first = openSqliteStorage(path);
const second = openSqliteStorage(path);
afterAll(async () => {
  await first.close();
  await second.close();
  rmSync(directory, { recursive: true, force: true });
});

const message = (n: number): LiveMessage => ({
  type: 'incident.alarm', data: { n },
  about: { collection: 'incidents', feature: { type: 'Feature', id: n, geometry: { type: 'Point', coordinates: [108, 14.4] }, properties: { asset_owner: 'viettel' } } },
});

/** Resolves with what `listener` got once it has `count` messages, or what it had after `ms`. */
function collect(subscribe: (listener: (message: LiveMessage) => void) => () => void, count: number, ms: number): Promise<LiveMessage[]> {
  const got: LiveMessage[] = [];
  return new Promise((resolve) => {
    const done = () => { unsubscribe(); clearTimeout(timer); resolve(got); };
    const unsubscribe = subscribe((received) => { got.push(received); if (got.length === count) done(); });
    const timer = setTimeout(done, ms);
  });
}

describe('the live log between processes over one database file', () => {
  it('delivers what one publishes to the other, in order, and to its own listeners once', async () => {
    const elsewhere = collect((listener) => second.broadcast.subscribe(listener), 3, 5_000);
    // Longer than several polls: a message read back from the log must not reach its publisher a second time.
    const here = collect((listener) => first.broadcast.subscribe(listener), 4, 1_000);
    for (const n of [1, 2, 3]) await first.broadcast.publish(message(n));
    expect((await elsewhere).map((received) => received.data.n)).toEqual([1, 2, 3]);
    expect((await here).map((received) => received.data.n)).toEqual([1, 2, 3]);
  });

  it('carries the record the message is about, so the receiver decides who may see it', async () => {
    const elsewhere = collect((listener) => first.broadcast.subscribe(listener), 1, 5_000);
    await second.broadcast.publish(message(4));
    expect(await elsewhere).toEqual([message(4)]);
  });

  it('still reaches its own listeners, and resolves, when the store cannot take the message', async () => {
    const closed = openSqliteStorage(path);
    const here = collect((listener) => closed.broadcast.subscribe(listener), 1, 1_000);
    await closed.close();
    const errors = console.error;
    console.error = () => {};
    try {
      await expect(closed.broadcast.publish(message(6))).resolves.toBeUndefined();
    } finally {
      console.error = errors;
    }
    expect(await here).toEqual([message(6)]);
  });

  it('keeps numbering after pruning, so a process never reads a message twice', async () => {
    const before = await first.live.latest();
    await first.live.prune(Date.now() + 1);
    expect(await first.live.since(0, 10)).toEqual([]);
    expect(await first.live.append('elsewhere', message(5), Date.now())).toBe(before + 1);
  });
});
