import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';

export const EVENT_RULES: RouteRule[] = [rule('GET', '/api/events', SIGNED_IN)];

const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/events`: Server-Sent Events for the signed-in user. Each event reaches only the users it is visible to
 * (decided per event by the publisher, with the same rules as reading the data); a comment every 15 s keeps
 * proxies from closing the stream.
 */
export function eventRoutes({ events }: Services) {
  return new Hono<AppEnv>().get('/', (c) => {
    const principal = c.get('principal');
    return streamSSE(c, async (stream) => {
      let id = 0;
      const unsubscribe = events.subscribe({
        principal,
        send: (type, data) => void stream.writeSSE({ event: type, data: JSON.stringify(data), id: String((id += 1)) }),
      });
      stream.onAbort(unsubscribe);
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ user: principal.kind === 'user' ? principal.username : null }) });
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(HEARTBEAT_MS);
        if (!stream.aborted) await stream.write(': heartbeat\n\n');
      }
      unsubscribe();
    });
  });
}
