import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openAndSeed } from '../../server/bootstrap.ts';
import { demoRewards } from '../../server/rewards/demo-records.ts';
import { CONFIRMED_STATUSES } from '../../server/rewards/eligibility.ts';
import { parsePeriod } from '../../server/reports/period.ts';
import { sixMonthlyReport } from '../../server/reports/six-monthly.ts';
import { demoDataset } from '../helpers/demo-dataset.ts';

type PlanItem = { id: number; date: string; agencies: string[]; status: string; target: { kind: string; collection: string | null; id: number | null; name: string | null } };
type Plan = { id: number; title: string; from: string; to: string; notes: string | null; createdBy: string; items: PlanItem[]; counts: { items: number; done: number; overdue: number; planned: number } };
type Reward = { id: number; hotlineReportId: number; trackingCode: string; incidentId: number; status: string; amountVnd: number | null; decidedAt: string | null; proposedAt: string; proposal: string };

/** The demo's seeded plans and rewards checked against the demo dataset they were made from (issue 18). */
describe('the demo seeds joint inspection plans and rewards, synthetic and made from its own data', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-demo-plans-'));
  const dataset = await demoDataset();
  const { services } = await openAndSeed(join(directory, 'demo.sqlite'), { demo: () => dataset });
  const app = createApp(services, {});
  const users = await services.accounts.users();
  const tokenOf = async (username: string) => (await services.accounts.createToken(users.find((user) => user.username === username)!.userId, 'tests')).token;
  const dic = await tokenOf('dic');
  const get = async <T,>(path: string, token?: string) => {
    const response = await app.request(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  afterAll(async () => {
    await services.storage.close();
    rmSync(directory, { recursive: true, force: true });
  });
  const featureOf = (collection: string, id: number) => dataset[collection as keyof typeof dataset].features.find((feature) => Number(feature.id) === id)!;

  it('two plans: the first half of 2026 carried out by the inspections the demo recorded, the last quarter still to come', async () => {
    const { plans } = await get<{ plans: Plan[] }>('/api/inspection-plans', dic);
    expect(plans.map((plan) => [plan.from, plan.to])).toEqual([['2026-10-01', '2026-12-31'], ['2026-01-01', '2026-06-30']]);
    for (const plan of plans) {
      expect(plan.title).toContain('mô phỏng');
      expect(plan.createdBy).toBe('demo');
      for (const item of plan.items) expect(item.date >= plan.from && item.date <= plan.to, `${plan.title} ${item.id}`).toBe(true);
    }
    const [later, earlier] = plans;
    // Each feature item of the first half is a feature the demo says was last inspected that very day, and done.
    const features = earlier.items.filter((item) => item.target.kind !== 'area');
    expect(features.length).toBe(6);
    for (const item of features) {
      expect(featureOf(item.target.collection!, item.target.id!).properties!.last_inspection_date, `item ${item.id}`).toBe(item.date);
      expect(item.status).toBe('done');
      const { inspections } = await get<{ inspections: { planItemId: number | null; agency: string; date: string }[] }>(`/api/inspections?collection=${item.target.collection}&id=${item.target.id}`, dic);
      expect(inspections.filter((inspection) => inspection.planItemId === item.id).map((inspection) => [inspection.agency, inspection.date])).toEqual([[item.agencies[0], item.date]]);
    }
    // The town-centre area nobody inspected is past due.
    expect(earlier.items.filter((item) => item.target.kind === 'area').map((item) => [item.status, item.agencies])).toEqual([['overdue', ['commune', 'police']]]);
    expect(earlier.counts).toEqual({ items: 7, done: 6, overdue: 1, planned: 0 });

    // The last quarter's agents are ones the demo has as active and never inspected, and nothing is carried out yet.
    expect(later.counts.done).toBe(0);
    const agents = later.items.filter((item) => item.target.collection === 'service_agents');
    expect(agents).toHaveLength(4);
    for (const item of agents) expect(featureOf('service_agents', item.target.id!).properties).toMatchObject({ last_inspection_result: 'not_inspected', status: 'active' });
    expect(later.items.map((item) => item.target.kind).sort()).toEqual(['scrap_dealer', 'service_agent', 'service_agent', 'service_agent', 'service_agent', 'site']);
  });

  it('rewards on five confirmed hotline cases of the demo: two approved, one refused, two waiting; the citizen reads only that it helped', async () => {
    const { rewards } = await get<{ rewards: Reward[] }>('/api/rewards?limit=100', dic);
    expect(rewards.map((reward) => reward.status).sort()).toEqual(['approved', 'approved', 'proposed', 'proposed', 'refused']);
    for (const reward of rewards) {
      const incident = featureOf('incidents', reward.incidentId);
      expect(incident.properties).toMatchObject({ source: 'hotline' });
      expect(CONFIRMED_STATUSES).toContain(incident.properties!.status);
      expect(reward.proposal).toContain('mô phỏng');
      // The hotline report is where and after the incident was seen, converted into that incident.
      const report = (await services.storage.hotline.get(reward.hotlineReportId))!;
      expect(report).toMatchObject({ status: 'converted', incidentId: reward.incidentId, lon: (incident.geometry as { coordinates: number[] }).coordinates[0] });
      expect(Date.parse(report.receivedAt)).toBeGreaterThanOrEqual(Date.parse(String(incident.properties!.occurred_at)));
      expect(reward.trackingCode).toMatch(/^KT-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
      expect(Date.parse(reward.decidedAt ?? reward.proposedAt)).toBeLessThan(Date.parse('2026-09-01'));
      const tracked = await get<Record<string, unknown>>(`/api/hotline/reports/track/${reward.trackingCode}`);
      expect(tracked.helped).toBe(reward.status === 'approved');
      expect(JSON.stringify(tracked)).not.toMatch(/amount|decision|QĐ/i);
    }
    // The six-monthly reports count them: each half-year as the list says, with the amounts approved in it.
    for (const period of ['2026-H1', '2026-H2', '2025-H2']) {
      const { from, to } = parsePeriod(period, null, null)!;
      const within = (at: string | null) => at !== null && at.slice(0, 10) >= from && at.slice(0, 10) <= to;
      const report = await sixMonthlyReport(services.storage.reports, services.storage.rewards, parsePeriod(period, null, null)!, new Date('2026-12-01T00:00:00Z'));
      expect(report.rewards.proposed, period).toBe(rewards.filter((reward) => within(reward.proposedAt)).length);
      expect(report.rewards.approved, period).toBe(rewards.filter((reward) => reward.status === 'approved' && within(reward.decidedAt)).length);
      expect(report.rewards.amountVnd, period).toBe(rewards.filter((reward) => reward.status === 'approved' && within(reward.decidedAt)).reduce((sum, reward) => sum + reward.amountVnd!, 0));
    }
    expect(rewards.filter((reward) => reward.status === 'approved').reduce((sum, reward) => sum + reward.amountVnd!, 0)).toBeGreaterThan(0);
  });

  it('the same dataset always gives the same reports and rewards', async () => {
    expect(demoRewards(dataset)).toEqual(demoRewards(structuredClone(dataset)));
  });
});
