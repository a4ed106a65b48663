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
