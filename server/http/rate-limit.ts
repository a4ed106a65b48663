import type { ThrottleStore } from '../storage/throttles.ts';

/**
 * A fixed-window counter per key (client address, username…), kept in the store's throttles so that concurrent
 * requests, restarts and several processes all count against the same window. Each call is one atomic step.
 */
export type RateLimiter = {
  /** Counts one attempt; `allowed` is false once the key has used up its window. */
  hit(key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  reset(key: string): Promise<void>;
};

/** @param options.name keeps this limiter's keys apart from other limiters' in the shared store */
export function createRateLimiter(throttles: ThrottleStore, options: { name: string; limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const key = (name: string) => `${options.name}:${name}`;
  const retryAfter = (startMs: number, time: number) => Math.max(1, Math.ceil((startMs + options.windowMs - time) / 1000));
  return {
    async hit(name) {
      const time = now();
      const { count, startMs } = await throttles.hit(key(name), options.windowMs, time);
      return { allowed: count <= options.limit, retryAfterSeconds: retryAfter(startMs, time) };
    },
    reset: (name) => throttles.reset(key(name)),
  };
}
