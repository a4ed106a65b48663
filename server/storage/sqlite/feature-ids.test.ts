import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from './index.ts';

const site = (code: string): Feature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { site_code: code, owner: 'vnpt', technologies: ['4G'], status: 'active' },
});

describe('feature ids over SQLite (issue 12)', () => {
  it('never hands out an id twice, even the deleted newest one', async () => {
    const storage = openSqliteStorage(':memory:');
    const [first, second] = await storage.features.createAll('bts_sites', [site('A'), site('B')]);
    await storage.features.remove('bts_sites', second);
    const third = (await storage.features.create('bts_sites', site('C'))).id;
    expect([first, second, third]).toEqual([1, 2, 3]);
    await storage.features.remove('bts_sites', third);
    await storage.features.remove('bts_sites', first);
    expect((await storage.features.create('bts_sites', site('D'))).id).toBe(4);
  });

  it('counts ids a batch brought with it, and keeps each collection apart', async () => {
    const storage = openSqliteStorage(':memory:');
    await storage.features.insert('bts_sites', [{ ...site('E'), id: 500 }]);
    await storage.features.remove('bts_sites', 500);
    expect((await storage.features.create('bts_sites', site('F'))).id).toBe(501);
    const facility: Feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { name: 'Bưu cục', kind: 'post_office', owner: 'vnpost', status: 'active' } };
    expect((await storage.features.create('facilities', facility)).id).toBe(1);
  });
});
