import { randomUUID } from 'node:crypto';
import type { Broadcast, LiveMessage } from './broadcast.ts';
import type { LiveLog } from './live-log.ts';

/** How often a process looks for messages the others published: the added delay is half of it on average. */
export const POLL_MS = 100;
/** Messages older than this are pruned: a process polls far more often, so none is pruned before all have seen it. */
const KEEP_MS = 60_000;
const PAGE = 500;

/**
 * What wakes a broadcast between its polls: given the function that looks at the log now, it calls it whenever the
 * log may hold new messages (PostgreSQL: a NOTIFY), and once more after any gap in which it may have missed one.
 */
export type LiveWakeups = (lookNow: () => void) => { close(): Promise<void> };

/**
 * The broadcast of a storage that several processes serve (cluster workers, or separate servers over one database):
 * a published message reaches this process's listeners at once and goes into the store's live log; every process
 * reads the log for the messages the others appended and hands them to its listeners, in the log's order. It reads
 * every `pollMs`, and at once whenever `wakeups` says so (then `pollMs` is only a safety net). It needs no channel
 * between the processes but the database, so it works for any number of servers over one file.
 * `close()` stops the polling (before the database closes).
 */
export function createPolledBroadcast(log: LiveLog, options: { pollMs?: number; now?: () => number; wakeups?: LiveWakeups } = {}): Broadcast & { close(): Promise<void> } {
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
  let running = false;
  let again = false;

  const poll = async () => {
    try {
      if (seen === undefined) seen = await log.latest();
      // A page that is not full was the last: one query per look when there is little to read.
      for (let more = true; more && !closed;) {
        const page = await log.since(seen, PAGE);
        for (const entry of page) {
          seen = entry.seq;
          if (entry.origin !== origin) deliver(entry.message);
        }
        more = page.length === PAGE;
      }
    } catch (error) {
      if (!closed) console.error('live messages: polling the store failed, trying again', error);
    }
  };
  // One read of the log at a time: a wake-up during a read makes one more read right after it, never a second one
  // beside it (two would hand the same messages out twice).
  const lookNow = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    polling = poll().then(() => {
      running = false;
      if (closed) return;
      if (again) {
        again = false;
        lookNow();
      } else timer = setTimeout(lookNow, pollMs).unref();
    });
  };
  lookNow();
  const wakeups = options.wakeups?.(lookNow);

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
      await wakeups?.close();
      await polling;
    },
  };
}
