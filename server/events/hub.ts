import type { Principal } from '../auth/principal.ts';

/** A live event for connected users, e.g. a carrier alarm that just became an incident. */
export type LiveEvent = {
  /** SSE event name, e.g. `incident.alarm`. */
  type: string;
  data: Record<string, unknown>;
  /** Decides, per connected principal, whether they may receive it; the same rules as reading the data. */
  visibleTo: (principal: Principal) => boolean;
};

export type Subscriber = { principal: Principal; send: (type: string, data: Record<string, unknown>) => void };

/** In-process fan-out to `/api/events` subscribers; each event goes only to subscribers it is visible to. */
export type EventHub = {
  publish(event: LiveEvent): number;
  subscribe(subscriber: Subscriber): () => void;
  size(): number;
};

export function createEventHub(): EventHub {
  const subscribers = new Set<Subscriber>();
  return {
    publish(event) {
      let delivered = 0;
      for (const subscriber of subscribers) {
        if (!event.visibleTo(subscriber.principal)) continue;
        subscriber.send(event.type, event.data);
        delivered += 1;
      }
      return delivered;
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    size: () => subscribers.size,
  };
}
