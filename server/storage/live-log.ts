import type { LiveMessage } from './broadcast.ts';

/** A live message as the log keeps it: its number and the process that published it. */
export type LoggedMessage = { seq: number; origin: string; message: LiveMessage };

/**
 * The live messages every process serving this storage published, numbered by a sequence that never goes back, so a
 * process that remembers the last number it saw finds the messages the others published since
 * (`polled-broadcast.ts`). Messages are kept for a short while only: they are for those connected now.
 */
export interface LiveLog {
  /** Appends a message published by `origin` at `atMs`; returns its number. */
  append(origin: string, message: LiveMessage, atMs: number): Promise<number>;
  /** The number of the latest message, 0 when there was none. */
  latest(): Promise<number>;
  /** Up to `limit` messages numbered after `seq`, oldest first. */
  since(seq: number, limit: number): Promise<LoggedMessage[]>;
  /** Drops the messages appended before `beforeMs`; the numbering goes on from where it was. */
  prune(beforeMs: number): Promise<void>;
}
