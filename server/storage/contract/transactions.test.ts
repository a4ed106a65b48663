import type { Feature } from 'geojson';
import { expect, it } from 'vitest';
import { describeProviders, type ContractStorage } from '../../../tests/helpers/providers.ts';

const site = (code: string): Feature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { site_code: code, owner: 'vnpt', technologies: ['4G'], status: 'active' },
});
const count = async (storage: ContractStorage) => (await storage.features.counts()).bts_sites;

describeProviders('storage.transaction', (fresh) => {
  it('commits every write of the work together', async () => {
    const storage = await fresh();
    const ids = await storage.transaction(async (tx) => [(await tx.features.create('bts_sites', site('A'))).id, (await tx.features.create('bts_sites', site('B'))).id]);
    expect(ids).toEqual([1, 2]);
    expect(await count(storage)).toBe(2);
  });

  it('rolls back every write when the work throws', async () => {
    const storage = await fresh();
    await expect(storage.transaction(async (tx) => {
      await tx.features.create('bts_sites', site('A'));
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await count(storage)).toBe(0);
  });

  it('keeps concurrent read-check-write transactions from overtaking each other', async () => {
    const storage = await fresh();
    await storage.features.insert('bts_sites', [{ ...site('COUNTER'), id: 1, properties: { ...site('COUNTER').properties, tower_height_m: 0 } }]);
    // Twenty increments at once, each reading the value and writing it plus one: any interleaving would lose some.
    await Promise.all(Array.from({ length: 20 }, () => storage.transaction(async (tx) => {
      const counter = (await tx.features.get('bts_sites', 1))!;
      await tx.features.replace('bts_sites', 1, { ...counter, properties: { ...counter.properties, tower_height_m: Number(counter.properties.tower_height_m) + 1 } });
    })));
    expect((await storage.features.get('bts_sites', 1))?.properties.tower_height_m).toBe(20);
  });

  it('never shows a read outside the transaction its uncommitted writes', async () => {
    const storage = await fresh();
    let seenDuring: number | undefined;
    let reading: Promise<void> | undefined;
    await storage.transaction(async (tx) => {
      await tx.features.create('bts_sites', site('A'));
      reading = count(storage).then((n) => void (seenDuring = n));
      await tx.features.create('bts_sites', site('B'));
    });
    await reading;
    // Before the commit (PostgreSQL: another connection) or after it (SQLite waits), never half of it.
    expect([0, 2]).toContain(seenDuring);
  });

  it('lets a transaction catch a Conflict and go on', async () => {
    const storage = await fresh();
    await storage.features.insert('bts_sites', [{ ...site('A'), id: 1 }]);
    const created = await storage.transaction(async (tx) => {
      await expect(tx.features.insert('bts_sites', [{ ...site('B'), id: 1 }])).rejects.toThrow(/duplicate|already/);
      return (await tx.features.create('bts_sites', site('C'))).id;
    });
    expect(created).toBe(2);
    expect(await count(storage)).toBe(2);
  });

  it('refuses a transaction’s stores once it has ended', async () => {
    const storage = await fresh();
    const leaked = await storage.transaction(async (tx) => tx);
    await expect(leaked.features.counts()).rejects.toThrow();
  });
});
