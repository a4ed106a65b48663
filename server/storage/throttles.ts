/**
 * Fixed-window counters per key (a username and address, a client address…), kept in the store so that they hold
 * across concurrent requests, restarts and (with a shared database) several processes. Each call is one atomic step.
 */
export interface ThrottleStore {
  /** Counts one attempt in the key's current window (a new window once `windowMs` has passed); returns the count so far and when the window started. */
  hit(key: string, windowMs: number, nowMs: number): Promise<{ count: number; startMs: number }>;
  reset(key: string): Promise<void>;
}
