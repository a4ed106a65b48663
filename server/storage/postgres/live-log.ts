import type { LiveMessage } from '../broadcast.ts';
import type { LiveLog, LoggedMessage } from '../live-log.ts';
import type { Sql } from './database.ts';

/** The channel on which an append to the live log is announced (`live-listener.ts` listens on it). */
export const LIVE_CHANNEL = 'netguard_live';

/**
 * live_messages (migration 004): one row per published message, the message as JSON text, numbered by live_sequence.
 * An append announces itself on LIVE_CHANNEL in the same statement, so in the same transaction: PostgreSQL delivers
 * the NOTIFY at commit, when the row is there for the listeners to read. The payload is only the number; the message
 * is read from the log (a NOTIFY holds at most 8,000 bytes, and the log keeps the order).
 */
export function createPostgresLiveLog(sql: Sql): LiveLog {
  return {
    append: async (origin, message, atMs) => (await sql.rows<{ seq: number }>(
      `WITH next AS (UPDATE live_sequence SET last = last + 1 RETURNING last),
            appended AS (INSERT INTO live_messages (seq, origin, at_ms, message) SELECT last, $1, $2, $3 FROM next RETURNING seq)
       SELECT seq, pg_notify('${LIVE_CHANNEL}', seq::text) FROM appended`,
      [origin, atMs, JSON.stringify(message)],
    ))[0].seq,
    latest: async () => (await sql.rows<{ last: number }>('SELECT last FROM live_sequence'))[0].last,
    since: async (seq, limit) =>
      (await sql.rows<{ seq: number; origin: string; message: string }>('SELECT seq, origin, message FROM live_messages WHERE seq > $1 ORDER BY seq LIMIT $2', [seq, limit]))
        .map((row): LoggedMessage => ({ seq: row.seq, origin: row.origin, message: JSON.parse(row.message) as LiveMessage })),
    async prune(beforeMs) {
      await sql.rows('DELETE FROM live_messages WHERE at_ms < $1', [beforeMs]);
    },
  };
}
