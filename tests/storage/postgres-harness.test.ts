import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, psqlAt } from '../helpers/postgres.ts';

describePostgres('the throwaway PostgreSQL cluster (tests/helpers/postgres.ts)', () => {
  let first: Awaited<ReturnType<typeof createTestDatabase>>;
  let second: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    [first, second] = [await createTestDatabase(), await createTestDatabase()];
  });
  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  it('gives each database PostGIS, unaccent and pg_trgm, working', async () => {
    const row = await psqlAt(first.url, `SELECT ST_Area(ST_Intersection(ST_MakeEnvelope(0, 0, 2, 2, 4326), ST_MakeEnvelope(1, 1, 3, 3, 4326))),
      unaccent('Đắk Glei'), similarity('dak glei', 'dak gle') > 0.5`);
    expect(row.trim()).toBe('1|Dak Glei|t');
  });

  it('keeps the databases apart: a table made in one is not in the other', async () => {
    await psqlAt(first.url, 'CREATE TABLE only_here (id integer)');
    expect((await psqlAt(first.url, "SELECT to_regclass('only_here') IS NOT NULL")).trim()).toBe('t');
    expect((await psqlAt(second.url, "SELECT to_regclass('only_here') IS NOT NULL")).trim()).toBe('f');
  });

  it('drops a database it made', async () => {
    const third = await createTestDatabase();
    await third.drop();
    await expect(psqlAt(third.url, 'SELECT 1')).rejects.toThrow(/does not exist/);
  });
});
