import { AGENCIES, INSPECTION_DECISIONS, type InspectionDecisionKind } from '../collections/vocabulary.ts';
import { deploymentArea } from '../deployment/area.ts';
import type { PeriodCounts, ReportQueries } from '../storage/report-queries.ts';
import type { RewardStore } from '../storage/rewards.ts';
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

const sum = (values: Record<string, number>) => Object.values(values).reduce((total, n) => total + n, 0);

/**
 * Inspections of the period by result, and for each agency (directive 4a) its inspections, its decisions and the
 * fines it imposed; every agency is listed, with zeros when it recorded none.
 */
function inspectionCounts(counts: PeriodCounts['inspections']) {
  const byAgency = AGENCIES.map((agency) => {
    const decisions = counts.byAgencyDecision[agency] ?? {};
    return {
      agency, inspections: sum(decisions), finesVnd: counts.finesVndByAgency[agency] ?? 0,
      decisions: Object.fromEntries(INSPECTION_DECISIONS.map((decision) => [decision, decisions[decision] ?? 0])) as Record<InspectionDecisionKind, number>,
    };
  });
  const { compliant = 0, warning = 0, violation = 0 } = counts.byResult;
  return { total: sum(counts.byResult), compliant, warning, violation, byAgency };
}

/**
 * The six-monthly report of directive item 7, from the store's counts (`ReportQueries`): incidents by type, former
 * district and carrier against the previous period; damage and outage; resolved and open cases; key-target
 * decisions; patrol plans and their coverage; hotline reports and how they ended; inspections by
 * agency with their decisions.
 * Incidents are counted by when they occurred, like the items endpoint's `datetime`, so each figure equals the
 * matching API count. Rewards to citizens (issue 18 §2): proposed in the period, and approved in it with their amount.
 */
export async function sixMonthlyReport(queries: ReportQueries, rewardStore: RewardStore, period: Period, now: Date) {
  const previous = previousPeriod(period);
  const current = await queries.periodCounts(periodMs(period), period, OPEN);
  const before = await queries.periodCounts(periodMs(previous), previous, OPEN);
  const by = (column: keyof PeriodCounts['incidentsBy']) => compare(new Map(Object.entries(current.incidentsBy[column])), new Map(Object.entries(before.incidentsBy[column])));
  const totals = current.incidents, previousTotal = before.incidents.total;
  const rewards = await rewardStore.periodCounts(periodMs(period));
  const decisions = current.keyTargetActions, plans = current.plans, hotline = current.hotline, inspections = current.inspections;
  return {
    title: 'Báo cáo 6 tháng về bảo đảm an toàn hạ tầng bưu chính, viễn thông, công nghệ thông tin',
    // Named as they are today (since 2025 the Department of Science and Technology), from the deployment's area.json.
    issuedBy: deploymentArea().organisations.department.name,
    issuer: deploymentArea().organisations.committee.name,
    place: deploymentArea().place,
    issuedAt: now.toISOString(),
    period, previousPeriod: previous,
    incidents: {
      total: totals.total, previousTotal,
      change: previousTotal === 0 ? null : Math.round(((totals.total - previousTotal) / previousTotal) * 1000) / 10,
      byType: by('type'), byCommune: by('commune_code'), byDistrict: by('district_code'), byCarrier: by('asset_owner'),
      damageVnd: totals.damageVnd, outageMinutes: totals.outageMinutes,
      resolved: totals.resolved, open: totals.open, dismissed: totals.dismissed,
    },
    keyTargets: { proposed: decisions.propose ?? 0, designated: decisions.approve ?? 0, rejected: decisions.reject ?? 0, returned: decisions.return ?? 0, revoked: decisions.revoke ?? 0 },
    patrols: { plans: plans.plans, approved: plans.approved, unitDays: plans.unitDays, meanCoverage: plans.meanCoverage },
    hotline: { received: Object.values(hotline).reduce((sum, n) => sum + n, 0), converted: hotline.converted ?? 0, closed: hotline.closed ?? 0, pending: hotline.received ?? 0 },
    rewards: { proposed: rewards.proposed, approved: rewards.approved, refused: rewards.refused, amountVnd: rewards.amountVnd },
    inspections: inspectionCounts(inspections),
  };
}

export type SixMonthlyReport = Awaited<ReturnType<typeof sixMonthlyReport>>;
