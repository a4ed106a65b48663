import pg from 'pg';
import type { LiveWakeups } from '../polled-broadcast.ts';
import { LIVE_CHANNEL } from './live-log.ts';

/** The listening connection is named so that an administrator (and the tests) can tell it in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'netguard live';
/** The first pause before connecting again after the listening connection dropped; it doubles up to RETRY_MAX_MS. */
const RETRY_MS = 100;
const RETRY_MAX_MS = 5_000;

/**
 * Wake-ups from PostgreSQL's LISTEN/NOTIFY for a process's live broadcast (`polled-broadcast.ts`): one connection of
 * its own per process, outside the pool, LISTENing on the live log's channel; each NOTIFY (an append committed by any
 * process) makes the broadcast read the log. A dropped connection (a restart, a terminated backend, a network cut)
 * is connected again, sooner first and then more slowly; once it listens again the broadcast reads the log at once,
 * so the messages appended while nobody listened are delivered too: the log, not the notifications, is what holds
 * them.
 */
export function listenForLive(url: string, options: { fromThisProcess?: (backendPid: number) => boolean } = {}): LiveWakeups {
  return (lookNow) => {
    let closed = false;
    let client: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    let delay = RETRY_MS;
    const connect = async () => {
      // TCP keep-alive probes from 10 s: a connection cut without a word is found and connected again. A connection
      // attempt gives up after 10 s (an unreachable server must not hold up `close`), and is tried again.
      const next = new pg.Client({
        connectionString: url, application_name: LISTENER_APPLICATION_NAME, keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 10_000,
      });
      let lost = false;
      const reconnect = () => {
        if (lost) return;
        lost = true;
        if (client === next) client = undefined;
        next.end().catch(() => {});
        if (closed) return;
        retry = setTimeout(() => (connecting = connect()), delay).unref();
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      };
      next.on('error', reconnect);
      next.on('end', reconnect);
      // A NOTIFY sent by one of this process's own connections announces its own message: its listeners have it.
      next.on('notification', (notification) => {
        if (!options.fromThisProcess?.(notification.processId)) lookNow();
      });
      try {
        await next.connect();
        await next.query(`LISTEN ${LIVE_CHANNEL}`);
      } catch {
        reconnect();
        return;
      }
      if (closed || lost) {
        if (!lost) await next.end().catch(() => {});
        return;
      }
      client = next;
      delay = RETRY_MS;
      // What was appended before this connection listened is in the log: read it now.
      lookNow();
    };
    let connecting = connect();
    return {
      async close() {
        closed = true;
        clearTimeout(retry);
        await connecting;
        await client?.end().catch(() => {});
      },
    };
  };
}
