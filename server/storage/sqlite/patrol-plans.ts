import { PATROL_PLANS_COLLECTION } from '../../collections/published.ts';
import type { PatrolPlanStore, PlanStatus, SavedPlan } from '../patrol-plans.ts';
import type { SqliteDatabase } from './database.ts';
import { queryRecordFeatures, recordExtent, type RecordFeatures } from './record-features.ts';
import type { Sync } from './unit-of-work.ts';

type Row = { id: string; name: string; status: PlanStatus; created_at: string; updated_at: string; start_date: string; end_date: string; plan: string };
const fromRow = (row: Row): SavedPlan => ({
  id: row.id, name: row.name, status: row.status, createdAt: row.created_at, updatedAt: row.updated_at,
  startDate: row.start_date, endDate: row.end_date, body: JSON.parse(row.plan) as Record<string, unknown>,
});

// A plan's shift routes, read from its stored body: plans are few (tens to hundreds), so the JSON is walked per query.
const positions = "json_each(p.plan, '$.shifts') AS s, json_each(s.value, '$.route.geometry.coordinates') AS c";
const corner = (aggregate: 'min' | 'max', axis: 0 | 1) => `(SELECT ${aggregate}(c.value ->> ${axis}) FROM ${positions})`;

/** Plans with routes as one multi-line each; the feature id is the plan's row number, in the order plans were saved. */
export const PLAN_FEATURES: RecordFeatures = {
  collection: PATROL_PLANS_COLLECTION,
  select: `SELECT * FROM (SELECT p.rowid AS id, p.id AS plan_id, p.name, p.status, p.start_date, p.end_date,
        p.plan ->> '$.coverage.expectedRiskSharePerDay' AS coverage,
        json_object('type', 'MultiLineString', 'coordinates', (SELECT json_group_array(s.value -> '$.route.geometry.coordinates') FROM json_each(p.plan, '$.shifts') AS s)) AS geometry,
        unixepoch(p.start_date) * 1000 AS temporal_ms,
        ${corner('min', 0)} AS minx, ${corner('min', 1)} AS miny, ${corner('max', 0)} AS maxx, ${corner('max', 1)} AS maxy
      FROM patrol_plans AS p) WHERE minx IS NOT NULL`,
};

/** patrol_plans (migration 003): the whole generated plan as JSON with its record fields. */
export function createSqlitePlans(db: SqliteDatabase): Sync<PatrolPlanStore> {
  const insert = db.prepare('INSERT INTO patrol_plans (id, name, status, created_at, updated_at, start_date, end_date, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const select = db.prepare('SELECT * FROM patrol_plans WHERE id = ?');
  const update = db.prepare('UPDATE patrol_plans SET status = ?, updated_at = ? WHERE id = ?');
  return {
    save(plan) {
      insert.run(plan.id, plan.name, plan.status, plan.createdAt, plan.updatedAt, plan.startDate, plan.endDate, JSON.stringify(plan.body));
    },
    list: () => (db.prepare('SELECT * FROM patrol_plans ORDER BY created_at DESC, id').all() as Row[]).map(fromRow),
    get(id) {
      const row = select.get(id) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    setStatus(id, status, now) {
      return update.run(status, now, id).changes ? fromRow(select.get(id) as Row) : undefined;
    },
    queryFeatures: (query) => queryRecordFeatures(db, PLAN_FEATURES, query),
    extent: () => recordExtent(db, PLAN_FEATURES),
  };
}
