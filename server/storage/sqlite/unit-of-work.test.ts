import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from './index.ts';
import { OUTSIDE_DATABASE } from './unit-of-work.ts';

const site = (code: string): Feature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { site_code: code, owner: 'vnpt', technologies: ['4G'], status: 'active' },
});
const count = async (storage: ReturnType<typeof openSqliteStorage>) => (await storage.features.counts()).bts_sites;

describe('storage.transaction over SQLite', () => {
  it('commits every write of the work together', async () => {
    const storage = openSqliteStorage(':memory:');
    const ids = await storage.transaction(async (tx) => [(await tx.features.create('bts_sites', site('A'))).id, (await tx.features.create('bts_sites', site('B'))).id]);
    expect(ids).toEqual([1, 2]);
    expect(await count(storage)).toBe(2);
  });

  it('rolls back every write when the work throws', async () => {
    const storage = openSqliteStorage(':memory:');
    await expect(storage.transaction(async (tx) => {
      await tx.features.create('bts_sites', site('A'));
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await count(storage)).toBe(0);
  });

  it('runs concurrent transactions one after the other, so read-check-write never interleaves', async () => {
    const storage = openSqliteStorage(':memory:');
    await storage.features.insert('bts_sites', [{ ...site('COUNTER'), id: 1, properties: { ...site('COUNTER').properties, tower_height_m: 0 } }]);
    // Fifty increments at once, each reading the value and writing it plus one: any interleaving would lose some.
    await Promise.all(Array.from({ length: 50 }, () => storage.transaction(async (tx) => {
      const counter = (await tx.features.get('bts_sites', 1))!;
      await tx.features.replace('bts_sites', 1, { ...counter, properties: { ...counter.properties, tower_height_m: Number(counter.properties.tower_height_m) + 1 } });
    })));
    expect((await storage.features.get('bts_sites', 1))?.properties.tower_height_m).toBe(50);
  });

  it('keeps a read outside the transaction from seeing its uncommitted writes', async () => {
    const storage = openSqliteStorage(':memory:');
    let seenDuring: number | undefined;
    let reading: Promise<void> | undefined;
    await storage.transaction(async (tx) => {
      await tx.features.create('bts_sites', site('A'));
      // Another request's read, started while the transaction is open, waits for it to end.
      reading = count(storage).then((n) => void (seenDuring = n));
      await tx.features.create('bts_sites', site('B'));
    });
    await reading;
    expect(seenDuring).toBe(2);
  });

  it('rolls back and rejects a transaction that awaits something outside the database, and frees the connection', async () => {
    const storage = openSqliteStorage(':memory:');
    await expect(storage.transaction(async (tx) => {
      await tx.features.create('bts_sites', site('A'));
      await new Promise((resolve) => setTimeout(resolve, 5));
      await tx.features.create('bts_sites', site('B'));
    })).rejects.toThrow(OUTSIDE_DATABASE);
    expect(await count(storage)).toBe(0);
    await storage.transaction(async (tx) => void (await tx.features.create('bts_sites', site('C'))));
    expect(await count(storage)).toBe(1);
  });

  it('refuses the outer stores and a nested transaction inside a transaction instead of hanging', async () => {
    const storage = openSqliteStorage(':memory:');
    await expect(storage.transaction(async () => void (await storage.features.counts()))).rejects.toThrow(OUTSIDE_DATABASE);
    await expect(storage.transaction(async () => storage.transaction(async () => 1))).rejects.toThrow(OUTSIDE_DATABASE);
    expect(await count(storage)).toBe(0);
  });

  it('refuses a transaction’s stores once it has ended', async () => {
    const storage = openSqliteStorage(':memory:');
    const leaked = await storage.transaction(async (tx) => tx);
    await expect(leaked.features.counts()).rejects.toThrow(OUTSIDE_DATABASE);
  });
});
