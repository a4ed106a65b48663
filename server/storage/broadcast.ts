import type { StoredFeature } from './features.ts';

/**
 * A live message for connected users, as plain data so that another process can receive it: the event's name and
 * data, and the record it is about, from which each receiver decides with its own read rules who may see it.
 */
export type LiveMessage = {
  /** SSE event name, e.g. `incident.alarm`. */
  type: string;
  data: Record<string, unknown>;
  /** The record the event is about: who may read it may receive the event. */
  about: { collection: string; feature: StoredFeature };
};

/**
 * Fan-out of live messages after their write has committed. In one process it is a list of listeners; a PostgreSQL
 * provider can carry the same messages over LISTEN/NOTIFY so that every process's subscribers get them.
 */
export interface Broadcast {
  publish(message: LiveMessage): Promise<void>;
  /** Calls `listener` for every message published from now on; returns the unsubscribe function. */
  subscribe(listener: (message: LiveMessage) => void): () => void;
}
