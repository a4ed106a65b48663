/**
 * A fixed-window counter per key (client address, username…), in memory: NetGuard runs as one process, and a
 * restart forgetting the counts is acceptable for throttling.
 */
export type RateLimiter = {
  /** Counts one attempt; `allowed` is false once the key has used up its window. */
  hit(key: string): { allowed: boolean; retryAfterSeconds: number };
  reset(key: string): void;
};

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const time = now();
    let window = windows.get(key);
    if (!window || time - window.start >= options.windowMs) {
      window = { start: time, count: 0 };
      windows.set(key, window);
    }
    // Expired windows of other keys are dropped now and then so the map cannot grow without bound.
    if (windows.size > 10_000) for (const [other, w] of windows) if (time - w.start >= options.windowMs) windows.delete(other);
    return { window, retryAfterSeconds: Math.max(1, Math.ceil((window.start + options.windowMs - time) / 1000)) };
  };
  return {
    hit(key) {
      const { window, retryAfterSeconds } = current(key);
      window.count += 1;
      return { allowed: window.count <= options.limit, retryAfterSeconds };
    },
    reset: (key) => void windows.delete(key),
  };
}
