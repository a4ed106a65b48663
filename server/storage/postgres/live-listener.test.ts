import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, psqlAt } from '../../../tests/helpers/postgres.ts';
import type { LiveMessage } from '../broadcast.ts';
import type { Storage } from '../storage.ts';
import { openPostgresStorage } from './index.ts';
import { LISTENER_APPLICATION_NAME } from './live-listener.ts';

// LISTEN/NOTIFY wakes each process's live broadcast (issue 16 §2). Two storages over one database stand for two
// processes (each has its own pool and its own listening connection, as each process would). Their safety-net poll
// is set an hour away, so what arrives came through a NOTIFY or through the catch-up after a reconnection.

const HOUR_MS = 3_600_000;
const message = (n: number): LiveMessage => ({
  type: 'incident.alarm', data: { n },
  about: { collection: 'incidents', feature: { type: 'Feature', id: n, geometry: { type: 'Point', coordinates: [108, 14.4] }, properties: { asset_owner: 'viettel' } } },
});

/** Resolves with what `storage`'s listeners got once they have `count` messages, or what they had after `ms`. */
function collect(storage: Storage, count: number, ms: number): Promise<number[]> {
  const got: number[] = [];
  return new Promise((resolve) => {
    const done = () => { unsubscribe(); clearTimeout(timer); resolve(got); };
    const unsubscribe = storage.broadcast.subscribe((received) => { got.push(Number(received.data.n)); if (got.length === count) done(); });
    const timer = setTimeout(done, ms);
  });
}

/** The pids of the database's listening connections, from pg_stat_activity. */
async function listeners(url: string): Promise<number[]> {
  const rows = await psqlAt(url, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = '${LISTENER_APPLICATION_NAME}' ORDER BY pid`);
  return rows.split('\n').filter(Boolean).map(Number);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describePostgres('live messages between processes over PostgreSQL LISTEN/NOTIFY', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let one: Storage;
  let other: Storage;
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { NETGUARD_LIVE_POLL_MS: String(HOUR_MS) };
    [one, other] = await Promise.all([openPostgresStorage(database.url, { poolSize: 2, env }), openPostgresStorage(database.url, { poolSize: 2, env })]);
    while ((await listeners(database.url)).length < 2) await sleep(20);
  });
  afterAll(async () => {
    await Promise.all([one?.close(), other?.close()]);
    await database?.drop();
  });

  it('what one publishes reaches the other through a NOTIFY, in order, with no poll due for an hour', async () => {
    const elsewhere = collect(other, 3, 10_000);
    for (const n of [1, 2, 3]) await one.broadcast.publish(message(n));
    expect(await elsewhere).toEqual([1, 2, 3]);
  });

  it('a terminated listening connection is connected again and catches up: what was published meanwhile arrives, none lost', async () => {
    const name = new URL(database.url).pathname.slice(1);
    const admin = database.url.replace(/\/[^/]*$/, '/postgres');
    const listening = async () => (await psqlAt(admin, `SELECT count(*) FROM pg_stat_activity WHERE datname = '${name}' AND application_name = '${LISTENER_APPLICATION_NAME}'`)).trim();
    const got: number[] = [];
    const unsubscribe = other.broadcast.subscribe((received) => got.push(Number(received.data.n)));
    // The publisher's pool keeps the connection it has; no new connection (no listener) gets in until we say so.
    await one.live.latest();
    await psqlAt(admin, `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    try {
      await psqlAt(admin, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND application_name = '${LISTENER_APPLICATION_NAME}'`);
      while ((await listening()) !== '0') await sleep(20);
      // Published while nobody listens: no NOTIFY reaches the other process, and its poll is an hour away.
      for (const n of [11, 12, 13, 14, 15]) await one.broadcast.publish(message(n));
    } finally {
      await psqlAt(admin, `ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    // Only the catch-up once it listens again delivers them (the test's timeout fails a lost one).
    while (got.length < 5) await sleep(20);
    expect(got).toEqual([11, 12, 13, 14, 15]);
    while ((await listening()) !== '2') await sleep(20);
    unsubscribe();
  });

  it('an idle process reads the live log only on its safety-net poll (every 2 s), not every 100 ms, nor for its own messages', async () => {
    const quiet = await createTestDatabase();
    await psqlAt(quiet.url, 'CREATE EXTENSION pg_stat_statements');
    const storage = await openPostgresStorage(quiet.url, { poolSize: 2, env: {} });
    try {
      while ((await listeners(quiet.url)).length < 1) await sleep(20);
      await psqlAt(quiet.url, 'SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)');
      const reads = async () => Number((await psqlAt(quiet.url, `SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query LIKE '%FROM live_messages WHERE seq >%'`)).trim());
      // Three seconds in which the 100 ms poll read the log 30 times. A slow machine reads it less, never more.
      await sleep(3_000);
      const idle = await reads();
      console.info(`live log reads by an idle process in 3 s: ${idle} (the 100 ms poll: 30)`);
      expect(idle).toBeLessThanOrEqual(2);
      // Its own messages' NOTIFYs wake it for nothing to deliver: it skips them rather than read the log for each.
      await psqlAt(quiet.url, 'SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)');
      // Apart, so that wake-ups cannot fold into one read.
      for (let n = 0; n < 10; n += 1) {
        await storage.broadcast.publish(message(n));
        await sleep(50);
      }
      const publishing = await reads();
      console.info(`live log reads by a process publishing 10 messages: ${publishing} (one per NOTIFY would be 10)`);
      expect(publishing).toBeLessThanOrEqual(3);
    } finally {
      await storage.close();
      await quiet.drop();
    }
  });
});
