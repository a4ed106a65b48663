import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, psqlAt } from '../../../tests/helpers/postgres.ts';
import type { Storage } from '../storage.ts';
import { openPostgresStorage } from './index.ts';

// Writing transactions take their turn before their first query (database.ts, inTransaction), so concurrent writes
// wait for each other instead of failing on the change-log counter and running again. PostgreSQL's own count of
// rolled-back transactions tells whether any ran twice.
describePostgres('PostgreSQL writing transactions take turns', () => {
  let url: string;
  let drop: () => Promise<void>;
  let storage: Storage;
  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    storage = await openPostgresStorage(url, { poolSize: 20 });
  });
  afterAll(async () => {
    await drop?.();
  });
  const rollbacks = async () => Number(await psqlAt(url, 'SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()'));
  const site = (code: string) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [107.9, 14.5] }, properties: { site_code: code, owner: 'viettel', technologies: ['4G'], status: 'planned' } });

  it('40 read-check-create transactions at once all commit on their first run, with distinct ids', async () => {
    await storage.features.create('bts_sites', site('FIRST'));
    const before = await rollbacks();
    const ids = await Promise.all(Array.from({ length: 40 }, (_, index) => storage.transaction(async (tx) => {
      const taken = await tx.features.query('bts_sites', { filters: [{ property: 'site_code', value: `TURN-${index}` }], limit: 1, offset: 0 });
      expect(taken.features).toEqual([]);
      return (await tx.features.create('bts_sites', site(`TURN-${index}`))).id;
    })));
    expect(new Set(ids).size).toBe(40);
    expect((await storage.features.counts()).bts_sites).toBe(41);
    // A connection reports its statistics when it ends (an idle one only every 10 s).
    await storage.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await rollbacks()).toBe(before);
  });
});
