import type { SqliteDatabase } from '../db/open.ts';

export const PLAN_STATUSES = ['draft', 'approved', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A saved plan: its record fields plus the generated plan body (JSON-serialisable). */
export type SavedPlan = {
  id: string;
  name: string;
  status: PlanStatus;
  createdAt: string;
  updatedAt: string;
  startDate: string;
  endDate: string;
  body: Record<string, unknown>;
};

/** Storage of patrol plans, behind an interface like the feature provider so PostGIS can follow. */
export interface PatrolPlanStore {
  save(plan: SavedPlan): void;
  list(): SavedPlan[];
  get(id: string): SavedPlan | undefined;
  setStatus(id: string, status: PlanStatus, now: string): SavedPlan | undefined;
}

type Row = { id: string; name: string; status: PlanStatus; created_at: string; updated_at: string; start_date: string; end_date: string; plan: string };

const fromRow = (row: Row): SavedPlan => ({
  id: row.id, name: row.name, status: row.status, createdAt: row.created_at, updatedAt: row.updated_at,
  startDate: row.start_date, endDate: row.end_date, body: JSON.parse(row.plan) as Record<string, unknown>,
});

export function createSqlitePlanStore(db: SqliteDatabase): PatrolPlanStore {
  const insert = db.prepare('INSERT INTO patrol_plans (id, name, status, created_at, updated_at, start_date, end_date, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const select = db.prepare('SELECT * FROM patrol_plans WHERE id = ?');
  const all = db.prepare('SELECT * FROM patrol_plans ORDER BY created_at DESC, id');
  const update = db.prepare('UPDATE patrol_plans SET status = ?, updated_at = ? WHERE id = ?');
  return {
    save: (plan) => {
      db.transaction(() => insert.run(plan.id, plan.name.normalize('NFC'), plan.status, plan.createdAt, plan.updatedAt, plan.startDate, plan.endDate, JSON.stringify(plan.body)))();
    },
    list: () => (all.all() as Row[]).map(fromRow),
    get: (id) => {
      const row = select.get(id) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    setStatus: (id, status, now) => {
      const changed = db.transaction(() => update.run(status, now, id).changes)();
      return changed ? fromRow(select.get(id) as Row) : undefined;
    },
  };
}
