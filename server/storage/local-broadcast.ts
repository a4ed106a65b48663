import type { Broadcast, LiveMessage } from './broadcast.ts';

/** The broadcast of a storage served by one process: listeners in this process, called in order. */
export function createLocalBroadcast(): Broadcast {
  const listeners = new Set<(message: LiveMessage) => void>();
  return {
    async publish(message) {
      for (const listener of listeners) listener(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
