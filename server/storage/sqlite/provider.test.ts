import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/open.ts';
import { Conflict } from '../../errors.ts';
import { createSqliteProvider } from './provider.ts';

const site = (id: unknown, owner: string): Feature => ({
  type: 'Feature',
  id: id as number,
  geometry: { type: 'Point', coordinates: [108, 14.5] },
  properties: { site_code: `S${String(id)}`, owner, technologies: ['4G'], status: 'active' },
});

function freshProvider() {
  const db = openDatabase(':memory:');
  migrate(db);
  return createSqliteProvider(db);
}

describe('sqlite provider insert', () => {
  it('keeps the features’ own ids', () => {
    const provider = freshProvider();
    provider.insert('bts_sites', [site(42, 'vnpt')]);
    expect(provider.get('bts_sites', 42)?.properties.owner).toBe('vnpt');
  });

  it('rolls the whole batch back when one feature is invalid, naming its path', () => {
    const provider = freshProvider();
    expect(() => provider.insert('bts_sites', [site(1, 'vnpt'), site(2, 'acme')])).toThrow(/bts_sites\.features\[1\]\.properties\.owner/);
    expect(provider.counts().bts_sites).toBe(0);
  });

  it('answers Conflict for a duplicate id and keeps the first feature', () => {
    const provider = freshProvider();
    provider.insert('bts_sites', [site(7, 'vnpt')]);
    expect(() => provider.insert('bts_sites', [site(8, 'fpt'), site(7, 'viettel')])).toThrow(Conflict);
    expect(provider.counts().bts_sites).toBe(1);
    expect(provider.get('bts_sites', 7)?.properties.owner).toBe('vnpt');
  });

  it('rejects a feature without an integer id', () => {
    expect(() => freshProvider().insert('bts_sites', [site('x', 'vnpt')])).toThrow(/features\[0\]\.id/);
  });

  it('rejects a geometry of the wrong kind', () => {
    const line: Feature = { ...site(1, 'vnpt'), geometry: { type: 'LineString', coordinates: [[108, 14], [108.1, 14.1]] } };
    expect(() => freshProvider().insert('bts_sites', [line])).toThrow(/geometry: Point expected/);
  });
});

describe('sqlite provider edits', () => {
  const moved = (feature: Feature, coordinates: [number, number]): Feature => ({ ...feature, geometry: { type: 'Point', coordinates } });

  it('creates under the next free id, whatever id the feature carries', () => {
    const provider = freshProvider();
    provider.insert('bts_sites', [site(41, 'vnpt')]);
    expect(provider.create('bts_sites', site(5, 'fpt')).id).toBe(42);
  });

  it('creates many under consecutive free ids in one transaction, or none when one is invalid', () => {
    const provider = freshProvider();
    provider.insert('bts_sites', [site(41, 'vnpt')]);
    expect(provider.createAll('bts_sites', [site(1, 'fpt'), site(1, 'viettel')])).toEqual([42, 43]);
    expect(provider.get('bts_sites', 43)?.properties.owner).toBe('viettel');
    expect(() => provider.createAll('bts_sites', [site(0, 'fpt'), site(0, 'acme')])).toThrow(/bts_sites\.features\[1\]\.properties\.owner/);
    expect(provider.counts().bts_sites).toBe(3);
  });

  it('moves a replaced feature in the spatial index and the search index', () => {
    const provider = freshProvider();
    provider.insert('bts_sites', [site(1, 'vnpt')]);
    provider.replace('bts_sites', 1, { ...moved(site(1, 'vnpt'), [107.8, 14.9]), properties: { ...site(1, 'vnpt').properties, site_code: 'KTM-NEW' } });
    const near = (bbox: [number, number, number, number]) => provider.query('bts_sites', { bbox, filters: [], limit: 10, offset: 0 }).numberMatched;
    expect(near([107.99, 14.49, 108.01, 14.51])).toBe(0);
    expect(near([107.79, 14.89, 107.81, 14.91])).toBe(1);
    expect(provider.search('KTM-NEW', 5).map((hit) => hit.id)).toEqual([1]);
    expect(provider.search('S1', 5)).toEqual([]);
  });

  it('removes a feature from the table, the spatial index and search', () => {
    const provider = freshProvider();
    provider.insert('bts_sites', [site(1, 'vnpt'), site(2, 'vnpt')]);
    expect(provider.remove('bts_sites', 1)?.id).toBe(1);
    expect(provider.remove('bts_sites', 1)).toBeUndefined();
    expect(provider.query('bts_sites', { bbox: [107, 14, 109, 15], filters: [], limit: 10, offset: 0 }).features.map((f) => f.id)).toEqual([2]);
    expect(provider.search('S1', 5)).toEqual([]);
  });

  it('rolls back every write of a transaction that throws', () => {
    const provider = freshProvider();
    expect(() =>
      provider.transaction(() => {
        provider.create('bts_sites', site(0, 'vnpt'));
        provider.create('bts_sites', site(0, 'acme'));
      }),
    ).toThrow(/owner/);
    expect(provider.counts().bts_sites).toBe(0);
  });
});
