import { randomUUID } from 'node:crypto';
import type { Broadcast, LiveMessage } from './broadcast.ts';
import type { LiveLog } from './live-log.ts';

/** How often a process looks for messages the others published: the added delay is half of it on average. */
export const POLL_MS = 100;
/** Messages older than this are pruned: a process polls far more often, so none is pruned before all have seen it. */
const KEEP_MS = 60_000;
const PAGE = 500;

/**
 * The broadcast of a storage that several processes serve (cluster workers, or separate servers over one database):
 * a published message reaches this process's listeners at once and goes into the store's live log; every process
 * polls the log every `POLL_MS` and hands the messages the others appended to its listeners, in the log's order.
 * It needs no channel between the processes but the database, so it works for any number of servers over one file.
 * `close()` stops the polling (before the database closes).
 */
export function createPolledBroadcast(log: LiveLog, options: { pollMs?: number; now?: () => number } = {}): Broadcast & { close(): Promise<void> } {
  const pollMs = options.pollMs ?? POLL_MS;
  const now = options.now ?? Date.now;
  const origin = randomUUID();
  const listeners = new Set<(message: LiveMessage) => void>();
  const deliver = (message: LiveMessage) => { for (const listener of listeners) listener(message); };
  let seen: number | undefined;
  let prunedAt = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> = Promise.resolve();

  const poll = async () => {
    try {
      if (seen === undefined) seen = await log.latest();
      for (let page = await log.since(seen, PAGE); page.length > 0 && !closed; page = await log.since(seen, PAGE)) {
        for (const entry of page) {
          seen = entry.seq;
          if (entry.origin !== origin) deliver(entry.message);
        }
      }
    } catch (error) {
      if (!closed) console.error('live messages: polling the store failed, trying again', error);
    }
    if (!closed) timer = setTimeout(() => (polling = poll()), pollMs).unref();
  };
  polling = poll();

  return {
    async publish(message) {
      deliver(message);
      const time = now();
      // The write behind the message has committed: a log that cannot take it costs the other processes' listeners
      // this message, never the request its answer.
      try {
        await log.append(origin, message, time);
        if (time - prunedAt >= KEEP_MS) {
          prunedAt = time;
          await log.prune(time - KEEP_MS);
        }
      } catch (error) {
        console.error('live messages: the store did not take a message; other processes miss it', error);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await polling;
    },
  };
}
