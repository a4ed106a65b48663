import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describePostgres } from '../../../tests/helpers/postgres.ts';
import { openPool, poolSql, PREPARED_LIMIT, type Sql } from './database.ts';

// The provider's statements are prepared on the server once per connection; PostgreSQL's own view of a session's
// prepared statements (pg_prepared_statements) tells what the connection holds. One connection, so every statement
// below runs on the session that view describes.
describePostgres('PostgreSQL prepared statements', () => {
  let drop: () => Promise<void>;
  let close: () => Promise<void>;
  let sql: Sql;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const pool = await openPool(database.url, 1);
    close = () => pool.end();
    sql = poolSql(pool);
  });
  afterAll(async () => {
    await close?.();
    await drop?.();
  });
  const preparedLike = async (pattern: string) =>
    (await sql.rows<{ statement: string }>('SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1', [pattern])).map((row) => row.statement);

  it('prepares a statement with parameters once and runs it again without preparing it anew', async () => {
    for (let run = 0; run < 3; run += 1) expect(await sql.rows('SELECT $1::int + 41 AS answer', [run])).toEqual([{ answer: run + 41 }]);
    expect(await preparedLike('%+ 41 AS answer%')).toEqual(['SELECT $1::int + 41 AS answer']);
  });

  it('runs text without parameters unprepared (such a text may hold several statements, as a migration does)', async () => {
    expect(await sql.rows('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    expect(await preparedLike('%AS two%')).toEqual([]);
  });

  it(`prepares at most ${PREPARED_LIMIT} distinct texts, and runs the rest unnamed`, async () => {
    for (let shape = 0; shape < PREPARED_LIMIT + 20; shape += 1) expect(await sql.rows(`SELECT $1::int AS shape_${shape}`, [shape])).toEqual([{ [`shape_${shape}`]: shape }]);
    const [{ count }] = await sql.rows<{ count: number }>('SELECT count(*)::int AS count FROM pg_prepared_statements');
    expect(count).toBeLessThanOrEqual(PREPARED_LIMIT);
    expect((await preparedLike('%AS shape_%')).length).toBeGreaterThan(0);
  });

  it('runs statements asked for at once in a transaction one after the other, in order, without pg queueing them', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const answers = await sql.atomic((tx) => Promise.all(Array.from({ length: 12 }, (_, index) =>
        tx.rows<{ n: number }>('SELECT $1::int AS n, clock_timestamp() AS at FROM pg_sleep(0.005)', [index]))));
      expect(answers.map(([row]) => row.n)).toEqual(Array.from({ length: 12 }, (_, index) => index));
      const times = answers.map(([row]) => new Date((row as unknown as { at: string }).at).getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((message) => message.includes('already executing a query'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
