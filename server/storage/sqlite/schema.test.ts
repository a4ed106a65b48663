import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../collections/registry.ts';
import { migrate, openDatabase } from './database.ts';

const SQL_TYPES = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'INTEGER', date: 'TEXT', datetime: 'TEXT', 'text[]': 'TEXT' } as const;

type ColumnInfo = { name: string; type: string };

describe('migrations', () => {
  it('apply once and are recorded', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db).length).toBeGreaterThan(0);
    expect(migrate(db)).toEqual([]);
  });

  it.each(COLLECTIONS.map((collection) => [collection.id, collection] as const))('give %s the columns its registry entry declares', (_id, collection) => {
    const db = openDatabase(':memory:');
    migrate(db);
    const columns = (db.prepare(`PRAGMA table_info(${collection.id})`).all() as ColumnInfo[]).map((column) => [column.name, column.type]);
    const expected = [
      ['id', 'INTEGER'],
      ...collection.properties.map((property) => [property.name, SQL_TYPES[property.type]]),
      ['geometry', 'TEXT'],
      ['minx', 'REAL'],
      ['miny', 'REAL'],
      ['maxx', 'REAL'],
      ['maxy', 'REAL'],
      ...(collection.temporalProperty ? [['temporal_ms', 'INTEGER']] : []),
    ];
    // A migration that adds a property appends its column, so the table's order is not the registry's; rows are read
    // and written by column name.
    const byName = (list: string[][]) => [...list].sort(([a], [b]) => a.localeCompare(b));
    expect(byName(columns)).toEqual(byName(expected));
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = ?").pluck().get(`${collection.id}_rtree`)).toBe(1);
  });
});
