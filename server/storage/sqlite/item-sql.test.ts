import { describe, expect, it } from 'vitest';
import { btsSites } from '../../collections/bts-sites.ts';
import { migrate, openDatabase } from './database.ts';
import { itemSql } from './item-sql.ts';
import { filterSql } from './filter-sql.ts';
import { createSqliteFeatures } from './features.ts';

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

describe('filterSql', () => {
  it('binds every value and never writes one into the SQL text', () => {
    const params: unknown[] = [];
    const sql = filterSql(btsSites, {
      op: 'and', args: [
        { op: 'compare', property: 'site_code', comparison: '=', value: "x' OR 1=1 --" },
        { op: 'in', property: 'owner', values: ['vnpt', 'fpt'] },
        { op: 'like', property: 'site_code', pattern: 'KTM%', caseInsensitive: false },
      ],
    }, params);
    expect(sql).not.toMatch(/OR 1=1|vnpt|KTM/);
    expect(params).toEqual(["x' OR 1=1 --", 'vnpt', 'fpt', 'KTM*']);
  });

  it('starts a spatial filter from the R*Tree', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    createSqliteFeatures(db);
    const sql = itemSql(btsSites, { filters: [], filter: { op: 'spatial', relation: 'intersects', geometry: { type: 'Point', coordinates: [108, 14.3] } }, limit: 10, offset: 0 });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT t.* FROM ${sql.from} ${sql.where}`).all(...sql.params) as { detail: string }[]).map((step) => step.detail).join('\n');
    expect(plan).toMatch(/bts_sites_rtree VIRTUAL TABLE INDEX/);
  });
});
