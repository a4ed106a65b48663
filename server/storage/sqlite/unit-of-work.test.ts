import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from './index.ts';
import { OUTSIDE_DATABASE } from './unit-of-work.ts';

const site = (code: string): Feature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { site_code: code, owner: 'vnpt', technologies: ['4G'], status: 'active' },
});
const count = async (storage: ReturnType<typeof openSqliteStorage>) => (await storage.features.counts()).bts_sites;

describe('storage.transaction over SQLite', () => {
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
});
