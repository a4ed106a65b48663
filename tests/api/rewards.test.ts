import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson, type Caller, type TestApp } from '../helpers/test-app.ts';

// Issue 18 §2: rewards (khen thưởng) for citizens whose hotline report led to a confirmed case.

type Reward = {
  id: number; hotlineReportId: number; trackingCode: string; incidentId: number; status: string; proposedAt: string;
  amountVnd: number | null; decisionNumber: string | null; refusalReason: string | null; decidedAt: string | null;
};

/**
 * A clock the test moves: rewards fall in the report periods it chooses, and `tick` steps past the hotline's
 * per-address filing window (every in-process request comes from one address).
 */
function clockAt(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => { now = new Date(next); }, tick: () => { now = new Date(now.getTime() + 11 * 60_000); } };
}

const CONTACT = { name: 'Trần Thị Báo Tin', phone: '0905 777 888' };

/** A citizen's report at the test network's place, converted by the police into an incident; returns both. */
async function convertedReport(t: TestApp, seenAt = '2026-03-01T03:00:00Z') {
  const filed = await sendJson<{ trackingCode: string }>(t.as('public'), 'POST', '/api/hotline/reports', {
    lon: 108.0052, lat: 14.3552, seenAt, description: 'Thấy hai người cắt cáp treo', contact: CONTACT,
  });
  expect(filed.status).toBe(201);
  const queue = await getJson<{ reports: { id: number; trackingCode: string }[] }>(t.as('police'), '/api/hotline/reports?status=received&limit=500');
  const report = queue.body.reports.find((r) => r.trackingCode === filed.body.trackingCode)!;
  const converted = await sendJson<{ incident: { id: number } }>(t.as('police'), 'POST', `/api/hotline/reports/${report.id}/convert`, { type: 'cable_theft' });
  expect(converted.status).toBe(201);
  return { reportId: report.id, trackingCode: filed.body.trackingCode, incidentId: converted.body.incident.id };
}

const move = (t: TestApp, incidentId: number, to: string) => sendJson(t.as('police'), 'POST', `/api/incidents/${incidentId}/transitions`, { to });
const propose = (t: TestApp, hotlineReportId: number, caller: Caller = 'police') =>
  sendJson<Reward>(t.as(caller), 'POST', '/api/rewards', { hotlineReportId, proposal: 'Tin báo chính xác, giúp bắt quả tang' });
const decide = (t: TestApp, id: number, body: Record<string, unknown>, caller: Caller = 'dic') => sendJson<Reward>(t.as(caller), 'POST', `/api/rewards/${id}/decision`, body);
const approve = (amountVnd: number, decisionNumber = '125/QĐ-SKHCN') => ({ decision: 'approve', amountVnd, decisionNumber });
const track = (t: TestApp, code: string) => t.as('public').request(`/api/hotline/reports/track/${code}`);

describe('proposing a reward', async () => {
  const clock = clockAt('2026-03-01T08:00:00Z');
  const t = await createTestApp(EDITING_DATASET, { now: clock.now });
  const report = () => { clock.tick(); return convertedReport(t); };

  it('needs a converted report whose incident the police confirmed: reported, false alarm and duplicate answer 409', async () => {
    const { reportId, incidentId } = await report();
    const refused = await propose(t, reportId);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('reported');
    expect((await getJson<{ numberMatched: number }>(t.as('police'), `/api/rewards?hotlineReportId=${reportId}`)).body.numberMatched).toBe(0);
    expect((await move(t, incidentId, 'verified')).status).toBe(200);
    const proposed = await propose(t, reportId);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ hotlineReportId: reportId, incidentId, status: 'proposed', amountVnd: null, decisionNumber: null });
    expect((await propose(t, reportId)).status).toBe(409);

    const dismissed = await report();
    await move(t, dismissed.incidentId, 'false_alarm');
    expect((await propose(t, dismissed.reportId)).status).toBe(409);
  });

  it('refuses a report still awaiting triage (409) and one that does not exist (404)', async () => {
    clock.tick();
    await sendJson(t.as('public'), 'POST', '/api/hotline/reports', { lon: 108.0052, lat: 14.3552, seenAt: '2026-03-01T03:00:00Z', description: 'Chưa xử lý' });
    const waiting = (await getJson<{ reports: { id: number }[] }>(t.as('police'), '/api/hotline/reports?status=received')).body.reports[0];
    expect((await propose(t, waiting.id)).status).toBe(409);
    expect((await propose(t, 987_654)).status).toBe(404);
  });

  it('a case still under investigation or resolved is confirmed too', async () => {
    const investigating = await report();
    await move(t, investigating.incidentId, 'verified');
    await move(t, investigating.incidentId, 'investigating');
    expect((await propose(t, investigating.reportId)).status).toBe(201);
    const resolved = await report();
    for (const to of ['verified', 'investigating', 'resolved']) await move(t, resolved.incidentId, to);
    expect((await propose(t, resolved.reportId)).status).toBe(201);
  });
});

describe('deciding a reward and what the citizen sees', async () => {
  const clock = clockAt('2026-03-01T08:00:00Z');
  const t = await createTestApp(EDITING_DATASET, { now: clock.now });
  const proposedReward = async () => {
    clock.tick();
    const converted = await convertedReport(t);
    await move(t, converted.incidentId, 'verified');
    return { ...converted, reward: (await propose(t, converted.reportId)).body };
  };

  it('after the department approves, the tracking page says the report helped and nothing more — no amount, decision or contact', async () => {
    const { trackingCode, reward } = await proposedReward();
    const receivedAt = clock.now().toISOString();
    const before = await track(t, trackingCode);
    expect(await before.json()).toEqual({ trackingCode, status: 'converted', receivedAt, closingReason: null, helped: false });
    const approved = await decide(t, reward.id, approve(2_500_000, '125/QĐ-SKHCN'));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', amountVnd: 2_500_000, decisionNumber: '125/QĐ-SKHCN', decidedAt: receivedAt });
    const after = await track(t, trackingCode);
    const text = await after.text();
    expect(JSON.parse(text)).toEqual({ trackingCode, status: 'converted', receivedAt, closingReason: null, helped: true });
    for (const secret of ['2500000', '2.500.000', '125/', 'SKHCN', CONTACT.name, CONTACT.phone, String(reward.incidentId), 'Tin báo chính xác']) expect(text).not.toContain(secret);
  });

  it('a refused reward leaves the page as it was; a second decision on it is 409 and changes nothing', async () => {
    const { trackingCode, reward } = await proposedReward();
    const refused = await decide(t, reward.id, { decision: 'refuse', reason: 'Vụ việc đã được phát hiện trước tin báo' });
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: 'Vụ việc đã được phát hiện trước tin báo', amountVnd: null });
    expect(await (await track(t, trackingCode)).json()).toMatchObject({ helped: false });
    const again = await decide(t, reward.id, approve(1_000_000));
    expect(again.status).toBe(409);
    expect((await getJson<{ rewards: Reward[] }>(t.as('dic'), `/api/rewards?hotlineReportId=${reward.hotlineReportId}`)).body.rewards[0]).toMatchObject({ status: 'refused', amountVnd: null });
  });

  it('refuses a bad amount or decision number with 400 and leaves the reward proposed', async () => {
    const { reward } = await proposedReward();
    for (const body of [approve(0), approve(-5), approve(1.5), approve(2_000_000_000), { decision: 'approve', amountVnd: 1000 }, approve(1000, ''), approve(1000, '<b>1</b>'), { decision: 'refuse' }, { decision: 'maybe' }]) {
      const answer = await decide(t, reward.id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toHaveProperty('error.code');
    }
    expect((await decide(t, 987_654, approve(1000))).status).toBe(404);
    expect((await getJson<{ rewards: Reward[] }>(t.as('dic'), `/api/rewards?hotlineReportId=${reward.hotlineReportId}`)).body.rewards[0].status).toBe('proposed');
  });

  it('writes an audit entry for the proposal and for the decision, naming who did each', async () => {
    const { reward } = await proposedReward();
    await decide(t, reward.id, approve(3_000_000, '7/QĐ-SKHCN'));
    const audit = await getJson<{ records: { action: string; actor: string; before: unknown; after: Record<string, unknown> }[] }>(t.as('admin'), `/api/audit?targetType=rewards&targetId=${reward.id}`);
    const steps = audit.body.records.map((record) => [record.action, record.actor]).reverse();
    expect(steps).toEqual([['create', 'police'], ['transition', 'dic']]);
    expect(audit.body.records[0]).toMatchObject({ before: { status: 'proposed' }, after: { status: 'approved', amountVnd: 3_000_000, decisionNumber: '7/QĐ-SKHCN' } });
  });

  it('the department lists the proposals waiting for it, oldest first, with their incident', async () => {
    const first = await proposedReward();
    const second = await proposedReward();
    const waiting = await getJson<{ numberMatched: number; rewards: (Reward & { incident: { status: string } })[] }>(t.as('dic'), '/api/rewards?status=proposed');
    const ids = waiting.body.rewards.map((reward) => reward.id);
    expect(ids.indexOf(first.reward.id)).toBeLessThan(ids.indexOf(second.reward.id));
    expect(waiting.body.rewards.every((reward) => reward.status === 'proposed' && reward.incident.status === 'verified')).toBe(true);
    expect(JSON.stringify(waiting.body)).not.toContain(CONTACT.phone);
    expect((await t.as('dic').request('/api/rewards?status=paid')).status).toBe(400);
  });
});

describe('who may do what with rewards', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-03-01T08:00:00Z') });
  const converted = await convertedReport(t);
  await move(t, converted.incidentId, 'verified');

  it('only the police propose; carriers, the viewer, the department and the public are refused and nothing is stored', async () => {
    for (const caller of ['viettel', 'vnpt', 'ubnd', 'dic', 'public'] as const) {
      expect((await propose(t, converted.reportId, caller)).status, caller).toBe(caller === 'public' ? 401 : 403);
    }
    expect((await getJson<{ numberMatched: number }>(t.as('police'), '/api/rewards')).body.numberMatched).toBe(0);
  });

  it('only the department decides; the police, carriers, the viewer and the public are refused and the reward stays proposed', async () => {
    const reward = (await propose(t, converted.reportId)).body;
    for (const caller of ['police', 'viettel', 'ubnd', 'public'] as const) {
      expect((await decide(t, reward.id, approve(1_000_000), caller)).status, caller).toBe(caller === 'public' ? 401 : 403);
    }
    expect((await getJson<{ rewards: Reward[] }>(t.as('police'), '/api/rewards')).body.rewards[0].status).toBe('proposed');
  });

  it('police and the department read the list; carriers, the viewer and the public do not', async () => {
    for (const caller of ['admin', 'police', 'dic'] as const) expect((await t.as(caller).request('/api/rewards')).status, caller).toBe(200);
    for (const caller of ['viettel', 'vnpt', 'ubnd', 'public'] as const) expect((await t.as(caller).request('/api/rewards')).status, caller).toBe(caller === 'public' ? 401 : 403);
  });
});

describe('rewards in the six-monthly report', async () => {
  const clock = clockAt('2025-11-20T08:00:00Z');
  const t = await createTestApp(EDITING_DATASET, { now: clock.now });
  type Step = { at: string; reward: Reward };
  const proposals: Step[] = [], decisions: Step[] = [];

  /** One report converted, confirmed and proposed at `proposeAt`, decided at `decideAt` (approve with `amount`, or refuse when null). */
  async function rewardAt(proposeAt: string, decideAt: string | null, amount: number | null) {
    clock.set(proposeAt);
    const converted = await convertedReport(t, new Date(Date.parse(proposeAt) - 3_600_000).toISOString());
    await move(t, converted.incidentId, 'verified');
    const reward = (await propose(t, converted.reportId)).body;
    proposals.push({ at: reward.proposedAt, reward });
    if (!decideAt) return;
    clock.set(decideAt);
    const decided = (await decide(t, reward.id, amount === null ? { decision: 'refuse', reason: 'Không đủ căn cứ' } : approve(amount))).body;
    decisions.push({ at: decided.decidedAt!, reward: decided });
  }

  it('counts rewards proposed and approved in the period and the amount approved, as the rows the test wrote say', async () => {
    await rewardAt('2025-12-30T09:00:00Z', '2026-01-05T09:00:00Z', 4_000_000); // proposed in 2025-H2, approved in 2026-H1
    await rewardAt('2026-02-10T09:00:00Z', '2026-02-12T09:00:00Z', 1_500_000);
    await rewardAt('2026-03-10T09:00:00Z', '2026-03-11T09:00:00Z', null); // refused
    await rewardAt('2026-06-30T23:59:00Z', '2026-07-01T00:00:30Z', 9_000_000); // proposed on H1's last day, approved in H2
    await rewardAt('2026-05-05T09:00:00Z', null, null); // still waiting
    const within = (from: string, to: string) => (step: Step) => step.at >= `${from}T00:00:00.000Z` && step.at <= `${to}T23:59:59.999Z`;
    for (const [period, from, to] of [['2025-H2', '2025-07-01', '2025-12-31'], ['2026-H1', '2026-01-01', '2026-06-30'], ['2026-H2', '2026-07-01', '2026-12-31']]) {
      const approvedIn = decisions.filter(within(from, to)).filter((step) => step.reward.status === 'approved');
      const expected = {
        proposed: proposals.filter(within(from, to)).length,
        approved: approvedIn.length,
        refused: decisions.filter(within(from, to)).filter((step) => step.reward.status === 'refused').length,
        amountVnd: approvedIn.reduce((sum, step) => sum + step.reward.amountVnd!, 0),
      };
      const { body } = await getJson<{ rewards: typeof expected }>(t.as('dic'), `/api/reports/six-monthly?period=${period}`);
      expect(body.rewards, period).toEqual(expected);
    }
    // The hand count, so a wrong filter above cannot make both sides agree on nothing.
    expect((await getJson<{ rewards: unknown }>(t.as('dic'), '/api/reports/six-monthly?period=2026-H1')).body.rewards).toEqual({ proposed: 4, approved: 2, refused: 1, amountVnd: 5_500_000 });
    // The CSV export carries the same figures under Vietnamese headings.
    const response = await t.as('dic').request('/api/reports/six-monthly?period=2026-H1&format=csv');
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text).toContain('Khen thưởng được duyệt,2');
    expect(text).toContain('Tổng tiền thưởng (VNĐ),5500000');
  });
});
