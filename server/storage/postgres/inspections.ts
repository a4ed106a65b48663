import { Conflict } from '../../errors.ts';
import type { InspectionPlan, InspectionPlanStore, InspectionQuery, InspectionStore, PlanItemRecord } from '../inspections.ts';
import { inspection, target, targetColumns, type InspectionRow, type TargetRow } from '../rows/inspections.ts';
import { positional, type Sql } from './database.ts';
import { binder } from './filter-sql.ts';

/** The WHERE clause of a query, its values bound in `params`. */
function where(query: InspectionQuery, params: unknown[]): string {
  const bind = binder(params);
  const clauses: string[] = [];
  if (query.collection !== undefined) clauses.push(`target_collection = ${bind(query.collection)}`);
  if (query.targetId !== undefined) clauses.push(`target_id = ${bind(query.targetId)}`);
  if (query.agency !== undefined) clauses.push(`agency = ${bind(query.agency)}`);
  if (query.from !== undefined) clauses.push(`date COLLATE "C" >= ${bind(query.from)}`);
  if (query.to !== undefined) clauses.push(`date COLLATE "C" <= ${bind(query.to)}`);
  if (query.visibleTo) {
    clauses.push(`target_collection = ANY (${bind(query.visibleTo.collections)}::text[])`);
    if (query.visibleTo.owner !== undefined) clauses.push(`target_owner = ${bind(query.visibleTo.owner)}`);
  }
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
}

/** inspections (migration 004). */
export function createPostgresInspections(sql: Sql): InspectionStore {
  const get = async (id: number) => {
    const [row] = await sql.rows<InspectionRow>('SELECT * FROM inspections WHERE id = $1', [id]);
    return row && inspection(row);
  };
  return {
    async add(input) {
      const fine = input.decision.kind === 'fine' ? input.decision : null;
      const [row] = await sql.rows<InspectionRow>(positional(`INSERT INTO inspections (target_kind, target_collection, target_id, target_owner, target_name, area, agency, joint_with, date, findings,
          decision, fine_vnd, legal_basis, result, follow_up_date, notes, plan_item_id, recorded_by, recorded_at) VALUES (${Array(19).fill('?').join(', ')})
          ON CONFLICT (plan_item_id, agency) DO NOTHING RETURNING *`),
      [...targetColumns(input.target), input.agency, JSON.stringify(input.jointWith), input.date, JSON.stringify(input.findings),
        input.decision.kind, fine?.amountVnd ?? null, fine?.legalBasis ?? null, input.result, input.followUpDate, input.notes, input.planItemId, input.recordedBy, input.recordedAt]);
      if (!row) throw new Conflict(`${input.agency} has already recorded its inspection of plan item ${input.planItemId}`, { planItemId: input.planItemId, agency: input.agency });
      return inspection(row);
    },
    get,
    async query(query) {
      const params: unknown[] = [];
      const clause = where(query, params);
      const rows = await sql.rows<InspectionRow>(`SELECT * FROM inspections ${clause} ORDER BY date COLLATE "C" DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, query.limit, query.offset]);
      const [{ n }] = await sql.rows<{ n: number }>(`SELECT count(*) AS n FROM inspections ${clause}`, params);
      return { inspections: rows.map(inspection), numberMatched: n };
    },
  };
}

type PlanRow = { id: number; title: string; period_from: string; period_to: string; notes: string | null; created_by: string; created_at: string };
type ItemRow = TargetRow & { id: number; plan_id: number; agencies: string; date: string; notes: string | null };
/** An item not removed from its plan. */
const LIVE = 'NOT EXISTS (SELECT 1 FROM inspection_plan_item_removals WHERE item_id = inspection_plan_items.id)';
const INSERT_ITEM = 'INSERT INTO inspection_plan_items (plan_id, target_kind, target_collection, target_id, target_owner, target_name, area, agencies, date, notes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id';

/** inspection_plans and inspection_plan_items (migration 004), each item with the inspections recorded against it. */
export function createPostgresInspectionPlans(sql: Sql): InspectionPlanStore {
  const item = async (row: ItemRow, on: Sql = sql): Promise<PlanItemRecord> => ({
    id: row.id, planId: row.plan_id, target: target(row), agencies: JSON.parse(row.agencies), date: row.date, notes: row.notes,
    recorded: await on.rows<PlanItemRecord['recorded'][number]>('SELECT id AS "inspectionId", agency, date, result FROM inspections WHERE plan_item_id = $1 ORDER BY id', [row.id]),
  });
  const plan = async (row: PlanRow, on: Sql = sql): Promise<InspectionPlan & { items: PlanItemRecord[] }> => {
    const items = await on.rows<ItemRow>(`SELECT * FROM inspection_plan_items WHERE plan_id = $1 AND ${LIVE} ORDER BY date COLLATE "C", id`, [row.id]);
    return {
      id: row.id, title: row.title, from: row.period_from, to: row.period_to, notes: row.notes, createdBy: row.created_by, createdAt: row.created_at,
      items: await Promise.all(items.map((entry) => item(entry, on))),
    };
  };
  // Removed items are kept for undo; only `removedItem` and `restoreItem` see them.
  const itemWhere = async (id: number, live: boolean) => {
    const [row] = await sql.rows<ItemRow>(`SELECT * FROM inspection_plan_items WHERE id = $1 AND ${live ? '' : 'NOT '}${LIVE}`, [id]);
    return row && item(row);
  };
  const get = async (id: number, on: Sql = sql) => {
    const [row] = await on.rows<PlanRow>('SELECT * FROM inspection_plans WHERE id = $1', [id]);
    return row && plan(row, on);
  };
  return {
    create: (input, items) => sql.atomic(async (tx) => {
      const [{ id }] = await tx.rows<{ id: number }>('INSERT INTO inspection_plans (title, period_from, period_to, notes, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [input.title, input.from, input.to, input.notes, input.createdBy, input.createdAt]);
      for (const entry of items) await tx.rows(INSERT_ITEM, [id, ...targetColumns(entry.target), JSON.stringify(entry.agencies), entry.date, entry.notes]);
      return (await get(id, tx))!;
    }),
    list: async () => Promise.all((await sql.rows<PlanRow>('SELECT * FROM inspection_plans ORDER BY period_from COLLATE "C" DESC, id DESC')).map((row) => plan(row))),
    get: (id) => get(id),
    item: (id) => itemWhere(id, true),
    async addItem(planId, entry) {
      const [{ id }] = await sql.rows<{ id: number }>(INSERT_ITEM, [planId, ...targetColumns(entry.target), JSON.stringify(entry.agencies), entry.date, entry.notes]);
      return (await itemWhere(id, true))!;
    },
    async updateItem(id, change) {
      await sql.rows(`UPDATE inspection_plan_items SET agencies = $1, date = $2, notes = $3 WHERE id = $4 AND ${LIVE}`, [JSON.stringify(change.agencies), change.date, change.notes, id]);
      return (await itemWhere(id, true))!;
    },
    async removeItem(id, at) {
      await sql.rows('INSERT INTO inspection_plan_item_removals (item_id, removed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, at]);
    },
    removedItem: (id) => itemWhere(id, false),
    async restoreItem(id) {
      await sql.rows('DELETE FROM inspection_plan_item_removals WHERE item_id = $1', [id]);
      return (await itemWhere(id, true))!;
    },
  };
}
