import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from './database.ts';
import { createSqliteInspections } from './inspections.ts';

describe('migration 050: scrap-dealer inspections become police inspections', () => {
  it('moves each row with its id, date, notes and a result that reads the same', () => {
    const db = openDatabase(':memory:');
    // Everything up to migration 050 first, as a database made before it would be.
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.prepare("INSERT INTO schema_migrations VALUES (50, 'later', '')").run();
    migrate(db);
    const insert = db.prepare('INSERT INTO scrap_inspections (id, dealer_id, date, result, notes, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run(3, 7, '2026-01-10', 'compliant', null, 'police', '2026-01-10T08:00:00Z');
    insert.run(5, 7, '2026-03-02', 'warning', 'Sổ thu mua thiếu', 'police', '2026-03-02T08:00:00Z');
    insert.run(9, 8, '2026-04-20', 'violation', '50 kg cáp đồng', 'police', '2026-04-20T08:00:00Z');
    db.prepare('DELETE FROM schema_migrations WHERE version = 50').run();
    expect(migrate(db)).toEqual([50]);
    const moved = createSqliteInspections(db).query({ limit: 10, offset: 0 });
    expect(moved.inspections.map((found) => [found.id, found.target.collection, found.target.id, found.agency, found.date, found.result, found.decision.kind, found.findings.length, found.notes]))
      .toEqual([[9, 'scrap_dealers', 8, 'police', '2026-04-20', 'violation', 'none', 1, '50 kg cáp đồng'], [5, 'scrap_dealers', 7, 'police', '2026-03-02', 'warning', 'warning', 0, 'Sổ thu mua thiếu'], [3, 'scrap_dealers', 7, 'police', '2026-01-10', 'compliant', 'none', 0, null]]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'scrap_inspections'").pluck().get()).toBe(0);
  });
});
