import { PATROL_PLANS_COLLECTION } from '../../collections/published.ts';
import type { PatrolPlanStore, PlanStatus, SavedPlan } from '../patrol-plans.ts';
import type { Sql } from './database.ts';
import { queryRecordFeatures, recordExtent, type RecordFeatures } from './record-features.ts';

type Row = { id: string; name: string; status: PlanStatus; created_at: string; updated_at: string; start_date: string; end_date: string; plan: string };
const fromRow = (row: Row): SavedPlan => ({
  id: row.id, name: row.name, status: row.status, createdAt: row.created_at, updatedAt: row.updated_at,
  startDate: row.start_date, endDate: row.end_date, body: JSON.parse(row.plan) as Record<string, unknown>,
});

// A plan's shift routes, read from its stored body: plans are few (tens to hundreds), so the JSON is walked per query.
const positions = "jsonb_array_elements(p.plan::jsonb -> 'shifts') AS s, jsonb_array_elements(s #> '{route,geometry,coordinates}') AS c";
const corner = (aggregate: 'min' | 'max', axis: 0 | 1) => `(SELECT ${aggregate}((c ->> ${axis})::double precision) FROM ${positions})`;

/** Plans with routes as one multi-line each; the feature id is the plan's number in the order plans were saved. */
const PLAN_FEATURES: RecordFeatures = {
  collection: PATROL_PLANS_COLLECTION,
  select: `SELECT *, ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326) AS geom FROM (SELECT p.row_id AS id, p.id AS plan_id, p.name, p.status, p.start_date, p.end_date,
        (p.plan::jsonb #>> '{coverage,expectedRiskSharePerDay}')::double precision AS coverage,
        json_build_object('type', 'MultiLineString', 'coordinates', (SELECT json_agg(s #> '{route,geometry,coordinates}') FROM jsonb_array_elements(p.plan::jsonb -> 'shifts') AS s))::text AS geometry,
        (p.start_date::date - DATE '1970-01-01')::bigint * 86400000 AS temporal_ms,
        ${corner('min', 0)} AS minx, ${corner('min', 1)} AS miny, ${corner('max', 0)} AS maxx, ${corner('max', 1)} AS maxy
      FROM patrol_plans AS p) AS plans WHERE minx IS NOT NULL`,
};

/** patrol_plans (migration 004): the whole generated plan as JSON with its record fields. */
export function createPostgresPlans(sql: Sql): PatrolPlanStore {
  const get = async (id: string) => {
    const [row] = await sql.rows<Row>('SELECT * FROM patrol_plans WHERE id = $1', [id]);
    return row ? fromRow(row) : undefined;
  };
  return {
    async save(plan) {
      await sql.rows('INSERT INTO patrol_plans (id, name, status, created_at, updated_at, start_date, end_date, plan) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [plan.id, plan.name, plan.status, plan.createdAt, plan.updatedAt, plan.startDate, plan.endDate, JSON.stringify(plan.body)]);
    },
    list: async () => (await sql.rows<Row>('SELECT * FROM patrol_plans ORDER BY created_at COLLATE "C" DESC, id COLLATE "C"')).map(fromRow),
    get,
    setStatus: async (id, status, now) => ((await sql.rows<Row>('UPDATE patrol_plans SET status = $1, updated_at = $2 WHERE id = $3 RETURNING *', [status, now, id])).map(fromRow))[0],
    queryFeatures: (query) => queryRecordFeatures(sql, PLAN_FEATURES, query),
    extent: () => recordExtent(sql, PLAN_FEATURES),
  };
}
