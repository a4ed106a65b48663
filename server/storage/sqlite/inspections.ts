import { Conflict } from '../../errors.ts';
import type { InspectionPlan, InspectionPlanStore, InspectionQuery, InspectionStore, PlanItemRecord } from '../inspections.ts';
import { inspection, target, targetColumns, type InspectionRow, type TargetRow } from '../rows/inspections.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** The WHERE clause of a query and its parameters. */
function where(query: InspectionQuery): { sql: string; values: unknown[] } {
  const clauses: string[] = [], values: unknown[] = [];
  const add = (clause: string, ...more: unknown[]) => { clauses.push(clause); values.push(...more); };
  if (query.collection !== undefined) add('target_collection = ?', query.collection);
  if (query.targetId !== undefined) add('target_id = ?', query.targetId);
  if (query.agency !== undefined) add('agency = ?', query.agency);
  if (query.from !== undefined) add('date >= ?', query.from);
  if (query.to !== undefined) add('date <= ?', query.to);
  if (query.visibleTo) {
    add('target_collection IN (SELECT value FROM json_each(?))', JSON.stringify(query.visibleTo.collections));
    if (query.visibleTo.owner !== undefined) add('target_owner = ?', query.visibleTo.owner);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}

/** inspections (migration 050). */
export function createSqliteInspections(db: SqliteDatabase): Sync<InspectionStore> {
  const insert = db.prepare(`INSERT INTO inspections (target_kind, target_collection, target_id, target_owner, target_name, area, agency, joint_with, date, findings,
      decision, fine_vnd, legal_basis, result, follow_up_date, notes, plan_item_id, recorded_by, recorded_at) VALUES (${Array(19).fill('?').join(', ')})`);
  const select = db.prepare('SELECT * FROM inspections WHERE id = ?');
  const get = (id: number) => {
    const row = select.get(id) as InspectionRow | undefined;
    return row && inspection(row);
  };
  return {
    add(input) {
      const fine = input.decision.kind === 'fine' ? input.decision : null;
      try {
        const { lastInsertRowid } = insert.run(...targetColumns(input.target), input.agency, JSON.stringify(input.jointWith), input.date, JSON.stringify(input.findings),
          input.decision.kind, fine?.amountVnd ?? null, fine?.legalBasis ?? null, input.result, input.followUpDate, input.notes, input.planItemId, input.recordedBy, input.recordedAt);
        return get(Number(lastInsertRowid))!;
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new Conflict(`${input.agency} has already recorded its inspection of plan item ${input.planItemId}`, { planItemId: input.planItemId, agency: input.agency });
        throw error;
      }
    },
    get,
    query(query) {
      const { sql, values } = where(query);
      const rows = db.prepare(`SELECT * FROM inspections ${sql} ORDER BY date DESC, id DESC LIMIT ? OFFSET ?`).all(...values, query.limit, query.offset) as InspectionRow[];
      const numberMatched = db.prepare(`SELECT count(*) FROM inspections ${sql}`).pluck().get(...values) as number;
      return { inspections: rows.map(inspection), numberMatched };
    },
  };
}

type PlanRow = { id: number; title: string; period_from: string; period_to: string; notes: string | null; created_by: string; created_at: string };
type ItemRow = TargetRow & { id: number; plan_id: number; agencies: string; date: string; notes: string | null };
/** An item not removed from its plan (migration 046). */
const LIVE = 'NOT EXISTS (SELECT 1 FROM inspection_plan_item_removals WHERE item_id = inspection_plan_items.id)';

/** inspection_plans and inspection_plan_items (migration 050), each item with the inspections recorded against it. */
export function createSqliteInspectionPlans(db: SqliteDatabase): Sync<InspectionPlanStore> {
  const insertPlan = db.prepare('INSERT INTO inspection_plans (title, period_from, period_to, notes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertItem = db.prepare('INSERT INTO inspection_plan_items (plan_id, target_kind, target_collection, target_id, target_owner, target_name, area, agencies, date, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const recordedOf = db.prepare('SELECT id AS inspectionId, agency, date, result FROM inspections WHERE plan_item_id = ? ORDER BY id');
  const item = (row: ItemRow): PlanItemRecord => ({
    id: row.id, planId: row.plan_id, target: target(row), agencies: JSON.parse(row.agencies), date: row.date, notes: row.notes,
    recorded: recordedOf.all(row.id) as PlanItemRecord['recorded'],
  });
  const plan = (row: PlanRow): InspectionPlan & { items: PlanItemRecord[] } => ({
    id: row.id, title: row.title, from: row.period_from, to: row.period_to, notes: row.notes, createdBy: row.created_by, createdAt: row.created_at,
    items: (db.prepare(`SELECT * FROM inspection_plan_items WHERE plan_id = ? AND ${LIVE} ORDER BY date, id`).all(row.id) as ItemRow[]).map(item),
  });
  // Removed items are kept for undo; only `removedItem` and `restoreItem` see them.
  const itemById = (id: number) => {
    const row = db.prepare(`SELECT * FROM inspection_plan_items WHERE id = ? AND ${LIVE}`).get(id) as ItemRow | undefined;
    return row && item(row);
  };
  const removedById = (id: number) => {
    const row = db.prepare(`SELECT * FROM inspection_plan_items WHERE id = ? AND NOT ${LIVE}`).get(id) as ItemRow | undefined;
    return row && item(row);
  };
  const get = (id: number) => {
    const row = db.prepare('SELECT * FROM inspection_plans WHERE id = ?').get(id) as PlanRow | undefined;
    return row && plan(row);
  };
  return {
    create(input, items) {
      return db.transaction(() => {
        const planId = Number(insertPlan.run(input.title, input.from, input.to, input.notes, input.createdBy, input.createdAt).lastInsertRowid);
        for (const entry of items) insertItem.run(planId, ...targetColumns(entry.target), JSON.stringify(entry.agencies), entry.date, entry.notes);
        return get(planId)!;
      }).immediate();
    },
    list: () => (db.prepare('SELECT * FROM inspection_plans ORDER BY period_from DESC, id DESC').all() as PlanRow[]).map(plan),
    get,
    item: itemById,
    addItem(planId, entry) {
      const { lastInsertRowid } = insertItem.run(planId, ...targetColumns(entry.target), JSON.stringify(entry.agencies), entry.date, entry.notes);
      return itemById(Number(lastInsertRowid))!;
    },
    updateItem(id, change) {
      db.prepare(`UPDATE inspection_plan_items SET agencies = ?, date = ?, notes = ? WHERE id = ? AND ${LIVE}`).run(JSON.stringify(change.agencies), change.date, change.notes, id);
      return itemById(id)!;
    },
    removeItem(id, at) {
      db.prepare('INSERT OR IGNORE INTO inspection_plan_item_removals (item_id, removed_at) VALUES (?, ?)').run(id, at);
    },
    removedItem: removedById,
    restoreItem(id) {
      db.prepare('DELETE FROM inspection_plan_item_removals WHERE item_id = ?').run(id);
      return itemById(id)!;
    },
  };
}
