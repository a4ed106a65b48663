import type { SqliteDatabase } from '../db/open.ts';
import { deploymentArea } from '../deployment/area.ts';
import { periodMs, previousPeriod, type Period } from './period.ts';

export type CountRow = { key: string; count: number; previous: number; change: number | null };

const OPEN = ['reported', 'verified', 'investigating'];

/** Rows by key for a period and the one before it, with the change in per cent (null when there was nothing before). */
function compare(now: Map<string, number>, before: Map<string, number>): CountRow[] {
  const keys = [...new Set([...now.keys(), ...before.keys()])].sort();
  return keys.map((key) => {
    const count = now.get(key) ?? 0, previous = before.get(key) ?? 0;
    return { key, count, previous, change: previous === 0 ? null : Math.round(((count - previous) / previous) * 1000) / 10 };
  });
}

/**
 * The six-monthly report of directive item 7, counted in SQL over the store's tables: incidents by type, former
 * district and carrier against the previous period; damage and outage; resolved and open cases; key-target
 * decisions; patrol plans and their coverage; hotline reports and how they ended; scrap-dealer inspections.
 * Incidents are counted by when they occurred, like the items endpoint's `datetime`, so each figure equals the
 * matching API count.
 */
export function sixMonthlyReport(db: SqliteDatabase, period: Period, now: Date) {
  const previous = previousPeriod(period);
  const range = periodMs(period), before = periodMs(previous);
  const grouped = (column: string, bounds: { startMs: number; endMs: number }) =>
    new Map((db.prepare(`SELECT coalesce(${column}, 'none') AS key, count(*) AS n FROM incidents WHERE temporal_ms BETWEEN ? AND ? GROUP BY 1`).raw().all(bounds.startMs, bounds.endMs) as [string, number][]));
  const by = (column: string) => compare(grouped(column, range), grouped(column, before));
  const totals = db.prepare(`SELECT count(*) AS incidents, coalesce(sum(damage_vnd), 0) AS damageVnd, coalesce(sum(outage_minutes), 0) AS outageMinutes,
      sum(status = 'resolved') AS resolved, sum(status IN (${OPEN.map(() => '?').join(', ')})) AS open, sum(status IN ('false_alarm', 'duplicate')) AS dismissed
    FROM incidents WHERE temporal_ms BETWEEN ? AND ?`).get(...OPEN, range.startMs, range.endMs) as Record<string, number | null>;
  const previousTotal = db.prepare('SELECT count(*) FROM incidents WHERE temporal_ms BETWEEN ? AND ?').pluck().get(before.startMs, before.endMs) as number;
  const isoFrom = new Date(range.startMs).toISOString(), isoTo = new Date(range.endMs).toISOString();
  const decisions = Object.fromEntries(db.prepare(`SELECT action, count(*) FROM key_target_events WHERE at BETWEEN ? AND ? AND action IN ('propose', 'approve', 'reject', 'return', 'revoke') GROUP BY action`)
    .raw().all(isoFrom, isoTo) as [string, number][]);
  const plans = db.prepare(`SELECT count(*) AS plans, avg(json_extract(plan, '$.coverage.expectedRiskSharePerDay')) AS meanCoverage, sum(json_extract(plan, '$.parameters.units')) AS unitDays,
      sum(status = 'approved') AS approved FROM patrol_plans WHERE start_date <= ? AND end_date >= ?`).get(period.to, period.from) as Record<string, number | null>;
  const hotline = Object.fromEntries(db.prepare('SELECT status, count(*) FROM hotline_reports WHERE received_at BETWEEN ? AND ? GROUP BY status').raw().all(isoFrom, isoTo) as [string, number][]);
  const inspections = Object.fromEntries(db.prepare('SELECT result, count(*) FROM scrap_inspections WHERE date BETWEEN ? AND ? GROUP BY result').raw().all(period.from, period.to) as [string, number][]);
  return {
    title: 'Báo cáo 6 tháng về bảo đảm an toàn hạ tầng bưu chính, viễn thông, công nghệ thông tin',
    // Named as they are today (since 2025 the Department of Science and Technology), from the deployment's area.json.
    issuedBy: deploymentArea().organisations.department.name,
    issuer: deploymentArea().organisations.committee.name,
    place: deploymentArea().place,
    issuedAt: now.toISOString(),
    period, previousPeriod: previous,
    incidents: {
      total: totals.incidents ?? 0, previousTotal,
      change: previousTotal === 0 ? null : Math.round((((totals.incidents ?? 0) - previousTotal) / previousTotal) * 1000) / 10,
      byType: by('type'), byCommune: by('commune_code'), byDistrict: by('district_code'), byCarrier: by('asset_owner'),
      damageVnd: totals.damageVnd ?? 0, outageMinutes: totals.outageMinutes ?? 0,
      resolved: totals.resolved ?? 0, open: totals.open ?? 0, dismissed: totals.dismissed ?? 0,
    },
    keyTargets: { proposed: decisions.propose ?? 0, designated: decisions.approve ?? 0, rejected: decisions.reject ?? 0, returned: decisions.return ?? 0, revoked: decisions.revoke ?? 0 },
    patrols: { plans: plans.plans ?? 0, approved: plans.approved ?? 0, unitDays: plans.unitDays ?? 0, meanCoverage: plans.meanCoverage },
    hotline: { received: Object.values(hotline).reduce((sum, n) => sum + n, 0), converted: hotline.converted ?? 0, closed: hotline.closed ?? 0, pending: hotline.received ?? 0 },
    inspections: { total: Object.values(inspections).reduce((sum, n) => sum + n, 0), compliant: inspections.compliant ?? 0, warning: inspections.warning ?? 0, violation: inspections.violation ?? 0 },
  };
}

export type SixMonthlyReport = ReturnType<typeof sixMonthlyReport>;
