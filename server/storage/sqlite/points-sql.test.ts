import { describe, expect, it } from 'vitest';
import { randomDataset } from '../../../tests/helpers/random-dataset.ts';
import { migrate, openDatabase } from './database.ts';
import { createSqliteFeatures } from './features.ts';

function seededProvider() {
  const db = openDatabase(':memory:');
  migrate(db);
  const provider = createSqliteFeatures(db);
  provider.insertDataset(randomDataset(11, 300, ['incidents', 'bts_sites']));
  return provider;
}

describe('sqlite provider points', () => {
  it('gives the same points and properties as the full query, for a time range', () => {
    const provider = seededProvider();
    const datetime = { startMs: Date.parse('2024-01-01T00:00:00Z'), endMs: Date.parse('2025-12-31T23:59:59Z') };
    const full = provider.query('incidents', { datetime, filters: [], limit: 10_000, offset: 0 }).features;
    const lean = provider.points('incidents', { datetime, properties: ['type', 'occurred_at', 'asset_id'] }).features;
    expect(full.length).toBeGreaterThan(10);
    expect(lean.length).toBe(full.length);
    lean.forEach((point, index) => {
      expect(point.id).toBe(full[index].id);
      expect(point.geometry).toEqual(full[index].geometry);
      expect(point.properties).toEqual({ type: full[index].properties.type, occurred_at: full[index].properties.occurred_at, asset_id: full[index].properties.asset_id });
    });
  });

  it('decodes text arrays and booleans as the full query does', () => {
    const provider = seededProvider();
    const lean = provider.points('bts_sites', { properties: ['technologies', 'alarm_equipped'] }).features[0];
    const full = provider.get('bts_sites', Number(lean.id))!;
    expect(lean.properties).toEqual({ technologies: full.properties.technologies, alarm_equipped: full.properties.alarm_equipped });
  });

  it('refuses a property the registry does not define and a collection that is not of points', () => {
    const provider = seededProvider();
    expect(() => provider.points('incidents', { properties: ['type; DROP TABLE incidents'] })).toThrow(/no property/);
    expect(() => provider.points('cable_routes', { properties: [] })).toThrow(/not a point collection/);
  });
});
