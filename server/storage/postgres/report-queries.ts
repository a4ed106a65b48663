import type { PeriodCounts, ReportQueries } from '../report-queries.ts';
import type { Sql } from './database.ts';

type Pairs = { key: string; n: number }[];
const pairs = (rows: Pairs) => Object.fromEntries(rows.map((row) => [row.key, row.n]));

/** The six-monthly report's aggregates in SQL over incidents, key_target_events, patrol_plans, hotline_reports and inspections. */
export function createPostgresReportQueries(sql: Sql): ReportQueries {
  return {
    async periodCounts(range, days, openStatuses) {
      const grouped = async (column: 'type' | 'commune_code' | 'district_code' | 'asset_owner') =>
        pairs(await sql.rows<Pairs[number]>(`SELECT coalesce(${column}, 'none') AS key, count(*) AS n FROM incidents WHERE temporal_ms BETWEEN $1 AND $2 GROUP BY 1`, [range.startMs, range.endMs]));
      const [totals] = await sql.rows<PeriodCounts['incidents']>(`SELECT count(*) AS total, coalesce(sum(damage_vnd), 0)::bigint AS "damageVnd", coalesce(sum(outage_minutes), 0)::bigint AS "outageMinutes",
          count(*) FILTER (WHERE status = 'resolved') AS resolved, count(*) FILTER (WHERE status = ANY ($1::text[])) AS open,
          count(*) FILTER (WHERE status IN ('false_alarm', 'duplicate')) AS dismissed
        FROM incidents WHERE temporal_ms BETWEEN $2 AND $3`, [openStatuses, range.startMs, range.endMs]);
      const isoFrom = new Date(range.startMs).toISOString(), isoTo = new Date(range.endMs).toISOString();
      const actions = await sql.rows<Pairs[number]>('SELECT action AS key, count(*) AS n FROM key_target_events WHERE at COLLATE "C" BETWEEN $1 AND $2 GROUP BY action', [isoFrom, isoTo]);
      const [plans] = await sql.rows<PeriodCounts['plans']>(`SELECT count(*) AS plans, avg((plan::jsonb #>> '{coverage,expectedRiskSharePerDay}')::double precision) AS "meanCoverage",
          coalesce(sum((plan::jsonb #>> '{parameters,units}')::double precision), 0) AS "unitDays", count(*) FILTER (WHERE status = 'approved') AS approved
        FROM patrol_plans WHERE start_date COLLATE "C" <= $1 AND end_date COLLATE "C" >= $2`, [days.to, days.from]);
      const hotline = await sql.rows<Pairs[number]>('SELECT status AS key, count(*) AS n FROM hotline_reports WHERE received_at COLLATE "C" BETWEEN $1 AND $2 GROUP BY status', [isoFrom, isoTo]);
      const inspectionResults = await sql.rows<Pairs[number]>('SELECT result AS key, count(*) AS n FROM inspections WHERE date COLLATE "C" BETWEEN $1 AND $2 GROUP BY result', [days.from, days.to]);
      const byAgency = await sql.rows<{ agency: string; decision: string; n: number; fines: number }>(
        'SELECT agency, decision, count(*) AS n, coalesce(sum(fine_vnd), 0)::bigint AS fines FROM inspections WHERE date COLLATE "C" BETWEEN $1 AND $2 GROUP BY agency, decision', [days.from, days.to]);
      const inspections: PeriodCounts['inspections'] = { byResult: pairs(inspectionResults), byAgencyDecision: {}, finesVndByAgency: {} };
      for (const { agency, decision, n, fines } of byAgency) {
        (inspections.byAgencyDecision[agency] ??= {})[decision] = n;
        inspections.finesVndByAgency[agency] = (inspections.finesVndByAgency[agency] ?? 0) + fines;
      }
      return {
        incidentsBy: { type: await grouped('type'), commune_code: await grouped('commune_code'), district_code: await grouped('district_code'), asset_owner: await grouped('asset_owner') },
        incidents: totals, keyTargetActions: pairs(actions), plans, hotline: pairs(hotline), inspections,
      };
    },
  };
}
