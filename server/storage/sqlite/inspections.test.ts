import { describe, expect, it } from 'vitest';
import { Conflict } from '../../errors.ts';
import type { AgencyInspection, InspectionTarget } from '../inspections.ts';
import { migrate, openDatabase } from './database.ts';
import { createSqliteInspectionPlans, createSqliteInspections } from './inspections.ts';

const agent = (id: number, owner: string): InspectionTarget => ({ kind: 'service_agent', collection: 'service_agents', id, owner, name: `Đại lý ${id}`, area: null });
const inspection = (target: InspectionTarget, date: string, extra: Partial<AgencyInspection> = {}): Omit<AgencyInspection, 'id'> => ({
  target, agency: 'police', jointWith: [], date, findings: [], decision: { kind: 'none' }, result: 'compliant', followUpDate: null, notes: null, planItemId: null,
  recordedBy: 'police', recordedAt: `${date}T09:00:00Z`, ...extra,
});

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

describe('the inspection store', () => {
  const open = () => {
    const db = openDatabase(':memory:');
    migrate(db);
    return { inspections: createSqliteInspections(db), plans: createSqliteInspectionPlans(db) };
  };

  it('scopes a query to a carrier’s own agents, and counts only what it may see', () => {
    const { inspections } = open();
    inspections.add(inspection(agent(1, 'viettel'), '2026-05-01'));
    inspections.add(inspection(agent(2, 'vnpt'), '2026-05-02'));
    inspections.add(inspection({ kind: 'site', collection: 'bts_sites', id: 3, owner: 'vnpt', name: null, area: null }, '2026-05-03'));
    const vnpt = inspections.query({ visibleTo: { collections: ['service_agents'], owner: 'vnpt' }, limit: 10, offset: 0 });
    expect(vnpt.inspections.map((found) => found.target.id)).toEqual([2]);
    expect(vnpt.numberMatched).toBe(1);
    expect(inspections.query({ limit: 1, offset: 0 })).toMatchObject({ numberMatched: 3, inspections: [{ date: '2026-05-03' }] });
  });

  it('keeps a fine’s amount and legal basis, and refuses a second record by one agency of one plan item', () => {
    const { inspections, plans } = open();
    const plan = plans.create({ title: 'Q4', from: '2026-10-01', to: '2026-12-31', notes: null, createdBy: 'dic', createdAt: '2026-09-30T00:00:00Z' }, [{ target: agent(1, 'viettel'), agencies: ['police', 'dic'], date: '2026-11-01', notes: null }]);
    const itemId = plan.items[0].id;
    const fined = inspections.add(inspection(agent(1, 'viettel'), '2026-11-01', { planItemId: itemId, decision: { kind: 'fine', amountVnd: 12_500_000, legalBasis: 'NĐ 15/2020/NĐ-CP' }, result: 'violation', findings: [{ kind: 'other', severity: 'major' }] }));
    expect(inspections.get(fined.id)?.decision).toEqual({ kind: 'fine', amountVnd: 12_500_000, legalBasis: 'NĐ 15/2020/NĐ-CP' });
    expect(() => inspections.add(inspection(agent(1, 'viettel'), '2026-11-02', { planItemId: itemId }))).toThrow(Conflict);
    expect(plans.item(itemId)?.recorded).toEqual([{ inspectionId: fined.id, agency: 'police', date: '2026-11-01', result: 'violation' }]);
  });
});
