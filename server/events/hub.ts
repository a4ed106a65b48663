import { rowScope, scopeAdmits } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import type { Broadcast, LiveMessage } from '../storage/broadcast.ts';

export type { LiveMessage } from '../storage/broadcast.ts';

export type Subscriber = { principal: Principal; send: (type: string, data: Record<string, unknown>) => void };

/** Fan-out to this process's `/api/events` subscribers of the storage's live messages. */
export type EventHub = {
  /** Sends a message (after its write has committed) through the storage's broadcast, to every process. */
  publish(message: LiveMessage): Promise<void>;
  subscribe(subscriber: Subscriber): () => void;
  size(): number;
};

/** Whether a subscriber may receive a message: the same read scope as reading the record it is about. */
export function mayReceive(principal: Principal, message: LiveMessage): boolean {
  const scope = rowScope(principal, message.about.collection);
  return scope !== null && scopeAdmits(scope, message.about.feature);
}

/**
 * Listens to the storage's broadcast and hands each message to the local subscribers allowed to read the record
 * it is about — decided here, by the receiving process, so a message can travel as plain data between processes.
 */
export function createEventHub(broadcast: Broadcast): EventHub {
  const subscribers = new Set<Subscriber>();
  broadcast.subscribe((message) => {
    for (const subscriber of subscribers) if (mayReceive(subscriber.principal, message)) subscriber.send(message.type, message.data);
  });
  return {
    publish: (message) => broadcast.publish(message),
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    size: () => subscribers.size,
  };
}
