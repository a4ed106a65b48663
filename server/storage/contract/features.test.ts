import type { Feature } from 'geojson';
import { expect, it } from 'vitest';
import { Conflict } from '../../errors.ts';
import { describeProviders } from '../../../tests/helpers/providers.ts';

const site = (id: unknown, owner: string): Feature => ({
  type: 'Feature',
  id: id as number,
  geometry: { type: 'Point', coordinates: [108, 14.5] },
  properties: { site_code: `S${String(id)}`, owner, technologies: ['4G'], status: 'active' },
});

describeProviders('feature store insert', (freshStorage) => {
  it('keeps the features’ own ids', async () => {
    const { features } = await freshStorage();
    await features.insert('bts_sites', [site(42, 'vnpt')]);
    expect((await features.get('bts_sites', 42))?.properties.owner).toBe('vnpt');
  });

  it('rolls the whole batch back when one feature is invalid, naming its path', async () => {
    const { features } = await freshStorage();
    await expect(features.insert('bts_sites', [site(1, 'vnpt'), site(2, 'acme')])).rejects.toThrow(/bts_sites\.features\[1\]\.properties\.owner/);
    expect((await features.counts()).bts_sites).toBe(0);
  });

  it('answers Conflict for a duplicate id and keeps the first feature', async () => {
    const { features } = await freshStorage();
    await features.insert('bts_sites', [site(7, 'vnpt')]);
    await expect(features.insert('bts_sites', [site(8, 'fpt'), site(7, 'viettel')])).rejects.toThrow(Conflict);
    expect((await features.counts()).bts_sites).toBe(1);
    expect((await features.get('bts_sites', 7))?.properties.owner).toBe('vnpt');
  });

  it('rejects a feature without an integer id', async () => {
    await expect((await freshStorage()).features.insert('bts_sites', [site('x', 'vnpt')])).rejects.toThrow(/features\[0\]\.id/);
  });

  it('rejects a geometry of the wrong kind', async () => {
    const line: Feature = { ...site(1, 'vnpt'), geometry: { type: 'LineString', coordinates: [[108, 14], [108.1, 14.1]] } };
    await expect((await freshStorage()).features.insert('bts_sites', [line])).rejects.toThrow(/geometry: Point expected/);
  });
});

describeProviders('feature store edits', (freshStorage) => {
  const moved = (feature: Feature, coordinates: [number, number]): Feature => ({ ...feature, geometry: { type: 'Point', coordinates } });

  it('creates under the next free id, whatever id the feature carries', async () => {
    const { features } = await freshStorage();
    await features.insert('bts_sites', [site(41, 'vnpt')]);
    expect((await features.create('bts_sites', site(5, 'fpt'))).id).toBe(42);
  });

  it('creates many under consecutive free ids in one transaction, or none when one is invalid', async () => {
    const { features } = await freshStorage();
    await features.insert('bts_sites', [site(41, 'vnpt')]);
    expect(await features.createAll('bts_sites', [site(1, 'fpt'), site(1, 'viettel')])).toEqual([42, 43]);
    expect((await features.get('bts_sites', 43))?.properties.owner).toBe('viettel');
    await expect(features.createAll('bts_sites', [site(0, 'fpt'), site(0, 'acme')])).rejects.toThrow(/bts_sites\.features\[1\]\.properties\.owner/);
    expect((await features.counts()).bts_sites).toBe(3);
  });

  it('moves a replaced feature in the spatial index and the search index', async () => {
    const { features } = await freshStorage();
    await features.insert('bts_sites', [site(1, 'vnpt')]);
    await features.replace('bts_sites', 1, { ...moved(site(1, 'vnpt'), [107.8, 14.9]), properties: { ...site(1, 'vnpt').properties, site_code: 'KTM-NEW' } });
    const near = async (bbox: [number, number, number, number]) => (await features.query('bts_sites', { bbox, filters: [], limit: 10, offset: 0 })).numberMatched;
    expect(await near([107.99, 14.49, 108.01, 14.51])).toBe(0);
    expect(await near([107.79, 14.89, 107.81, 14.91])).toBe(1);
    expect((await features.search('KTM-NEW', 5)).map((hit) => hit.id)).toEqual([1]);
    expect(await features.search('S1', 5)).toEqual([]);
  });

  it('removes a feature from the table, the spatial index and search', async () => {
    const { features } = await freshStorage();
    await features.insert('bts_sites', [site(1, 'vnpt'), site(2, 'vnpt')]);
    expect((await features.remove('bts_sites', 1))?.id).toBe(1);
    expect(await features.remove('bts_sites', 1)).toBeUndefined();
    expect((await features.query('bts_sites', { bbox: [107, 14, 109, 15], filters: [], limit: 10, offset: 0 })).features.map((feature) => feature.id)).toEqual([2]);
    expect(await features.search('S1', 5)).toEqual([]);
  });
});

const newSite = (code: string): Feature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { site_code: code, owner: 'vnpt', technologies: ['4G'], status: 'active' },
});

describeProviders('feature ids (issue 12)', (freshStorage) => {
  it('never hands out an id twice, even the deleted newest one', async () => {
    const storage = await freshStorage();
    const [first, second] = await storage.features.createAll('bts_sites', [newSite('A'), newSite('B')]);
    await storage.features.remove('bts_sites', second);
    const third = (await storage.features.create('bts_sites', newSite('C'))).id;
    expect([first, second, third]).toEqual([1, 2, 3]);
    await storage.features.remove('bts_sites', third);
    await storage.features.remove('bts_sites', first);
    expect((await storage.features.create('bts_sites', newSite('D'))).id).toBe(4);
  });

  it('counts ids a batch brought with it, and keeps each collection apart', async () => {
    const storage = await freshStorage();
    await storage.features.insert('bts_sites', [{ ...newSite('E'), id: 500 }]);
    await storage.features.remove('bts_sites', 500);
    expect((await storage.features.create('bts_sites', newSite('F'))).id).toBe(501);
    const facility: Feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { name: 'Bưu cục', kind: 'post_office', owner: 'vnpost', status: 'active' } };
    expect((await storage.features.create('facilities', facility)).id).toBe(1);
  });
});
