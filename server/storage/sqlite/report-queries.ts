import type { PeriodCounts, ReportQueries } from '../report-queries.ts';
import type { SqliteDatabase } from './database.ts';
import type { Sync } from './unit-of-work.ts';

/** The six-monthly report's aggregates in SQL over incidents, key_target_events, patrol_plans, hotline_reports and inspections. */
export function createSqliteReportQueries(db: SqliteDatabase): Sync<ReportQueries> {
  return {
    periodCounts(range, days, openStatuses) {
      const grouped = (column: 'type' | 'commune_code' | 'district_code' | 'asset_owner') =>
        Object.fromEntries(db.prepare(`SELECT coalesce(${column}, 'none') AS key, count(*) AS n FROM incidents WHERE temporal_ms BETWEEN ? AND ? GROUP BY 1`).raw().all(range.startMs, range.endMs) as [string, number][]);
      const totals = db.prepare(`SELECT count(*) AS total, coalesce(sum(damage_vnd), 0) AS damageVnd, coalesce(sum(outage_minutes), 0) AS outageMinutes,
          coalesce(sum(status = 'resolved'), 0) AS resolved, coalesce(sum(status IN (SELECT value FROM json_each(?))), 0) AS open,
          coalesce(sum(status IN ('false_alarm', 'duplicate')), 0) AS dismissed
        FROM incidents WHERE temporal_ms BETWEEN ? AND ?`).get(JSON.stringify(openStatuses), range.startMs, range.endMs) as Record<string, number>;
      const isoFrom = new Date(range.startMs).toISOString(), isoTo = new Date(range.endMs).toISOString();
      const actions = db.prepare('SELECT action, count(*) FROM key_target_events WHERE at BETWEEN ? AND ? GROUP BY action').raw().all(isoFrom, isoTo) as [string, number][];
      const plans = db.prepare(`SELECT count(*) AS plans, avg(json_extract(plan, '$.coverage.expectedRiskSharePerDay')) AS meanCoverage,
          coalesce(sum(json_extract(plan, '$.parameters.units')), 0) AS unitDays, coalesce(sum(status = 'approved'), 0) AS approved
        FROM patrol_plans WHERE start_date <= ? AND end_date >= ?`).get(days.to, days.from) as { plans: number; approved: number; unitDays: number; meanCoverage: number | null };
      const hotline = db.prepare('SELECT status, count(*) FROM hotline_reports WHERE received_at BETWEEN ? AND ? GROUP BY status').raw().all(isoFrom, isoTo) as [string, number][];
      const inspectionResults = db.prepare('SELECT result, count(*) FROM inspections WHERE date BETWEEN ? AND ? GROUP BY result').raw().all(days.from, days.to) as [string, number][];
      const byAgency = db.prepare('SELECT agency, decision, count(*), coalesce(sum(fine_vnd), 0) FROM inspections WHERE date BETWEEN ? AND ? GROUP BY agency, decision').raw().all(days.from, days.to) as [string, string, number, number][];
      const inspections: PeriodCounts['inspections'] = { byResult: Object.fromEntries(inspectionResults), byAgencyDecision: {}, finesVndByAgency: {} };
      for (const [agency, decision, count, finesVnd] of byAgency) {
        (inspections.byAgencyDecision[agency] ??= {})[decision] = count;
        inspections.finesVndByAgency[agency] = (inspections.finesVndByAgency[agency] ?? 0) + finesVnd;
      }
      return {
        incidentsBy: { type: grouped('type'), commune_code: grouped('commune_code'), district_code: grouped('district_code'), asset_owner: grouped('asset_owner') },
        incidents: { total: totals.total, damageVnd: totals.damageVnd, outageMinutes: totals.outageMinutes, resolved: totals.resolved, open: totals.open, dismissed: totals.dismissed },
        keyTargetActions: Object.fromEntries(actions), plans, hotline: Object.fromEntries(hotline), inspections,
      };
    },
  };
}
