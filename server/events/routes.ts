import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { SIGNED_IN } from '../auth/audiences.ts';
import { credentialStillValid } from '../auth/middleware.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';

export const EVENT_RULES: RouteRule[] = [rule('GET', '/api/events', SIGNED_IN)];

const HEARTBEAT_MS = 15_000;
/** How often a stream re-checks its credential: a signed-out, revoked or changed principal stops receiving within this. */
export const RECHECK_MS = 2_000;

/**
 * `GET /api/events`: Server-Sent Events for the signed-in user. Each event reaches only the users it is visible to
 * (decided per event by the publisher, with the same rules as reading the data); a comment every 15 s keeps
 * proxies from closing the stream. Every 2 s, and before each event, the stream re-checks that its session or token
 * still stands for the same user, role and carrier; when it does not (sign-out, revocation, a disabled account, a
 * role change) the stream sends `session-ended` and closes, and the browser's reconnect starts afresh.
 */
export function eventRoutes({ events, accounts }: Services) {
  return new Hono<AppEnv>().get('/', (c) => {
    const principal = c.get('principal');
    const stillValid = credentialStillValid(c, accounts);
    return streamSSE(c, async (stream) => {
      let id = 0;
      let ended = false;
      const unsubscribe = events.subscribe({
        principal,
        // Checked before each event; the checks answer in the order the events came, so the events keep it.
        send: (type, data) => void stillValid().then((valid) => {
          if (!valid) ended = true;
          if (!ended) return stream.writeSSE({ event: type, data: JSON.stringify(data), id: String((id += 1)) });
        }),
      });
      stream.onAbort(unsubscribe);
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ user: principal.kind === 'user' ? principal.username : null }) });
      let sinceHeartbeat = 0;
      while (!stream.aborted && !stream.closed && !ended) {
        await stream.sleep(RECHECK_MS);
        if (stream.aborted) break;
        if (!(await stillValid())) ended = true;
        else if ((sinceHeartbeat += RECHECK_MS) >= HEARTBEAT_MS) {
          sinceHeartbeat = 0;
          await stream.write(': heartbeat\n\n');
        }
      }
      unsubscribe();
      if (ended && !stream.aborted) await stream.writeSSE({ event: 'session-ended', data: JSON.stringify({ reason: 'signed out, revoked or changed' }) });
    });
  });
}
