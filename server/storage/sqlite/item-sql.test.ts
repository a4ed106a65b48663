import { describe, expect, it } from 'vitest';
import { btsSites } from '../../collections/bts-sites.ts';
import { migrate, openDatabase } from './database.ts';
import { itemSql } from './item-sql.ts';

describe('itemSql', () => {
  it('drives a bbox query from the R*Tree and reads the table by primary key only', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const sql = itemSql(btsSites, { bbox: [107, 14, 108, 15], filters: [{ property: 'owner', value: 'viettel' }], limit: 10, offset: 0 });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT t.* FROM ${sql.from} ${sql.where} ORDER BY t.id`).all(...sql.params) as { detail: string }[]).map(
      (step) => step.detail,
    );
    expect(plan[0]).toMatch(/^SCAN r VIRTUAL TABLE INDEX/);
    expect(plan).toContain('SEARCH t USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.some((step) => /^SCAN t\b/.test(step))).toBe(false);
  });
});
