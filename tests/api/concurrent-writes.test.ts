import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_POWER, TOWER_TYPES } from '../../server/collections/vocabulary.ts';
import { signIn, startServer, type RunningServer } from '../helpers/server-process.ts';

// Issue 12: writes that race, tried as truly concurrent requests over loopback against the real server process
// (`server/main.ts` on a fresh demo database), never one request after another through `app.request`.
let server: RunningServer;
type Session = { cookie: string; csrfToken: string };
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  server = await startServer();
  for (const username of ['viettel', 'vnpt', 'police', 'admin', 'dic']) sessions[username] = await signIn(server.url, username);
}, 180_000);
afterAll(() => server?.stop());

type Feature = { type: 'Feature'; id: number; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> };

/**
 * A body that arrives BODY_DELAY_MS after the request's headers, as from a phone on a slow link, so that every
 * request of a batch is in flight, headers read, before any body is complete: a handler that read stored state before
 * its body would read it before the others' writes.
 */
const BODY_DELAY_MS = 150;
const slowBody = (text: string) => new ReadableStream<Uint8Array>({
  async start(controller) {
    await new Promise((resolve) => setTimeout(resolve, BODY_DELAY_MS));
    controller.enqueue(new TextEncoder().encode(text));
    controller.close();
  },
});

/** A request as `username`, with the session cookie and CSRF token, JSON in and out, and a body that comes late. */
function call(username: string, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const session = sessions[username];
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken, Accept: 'application/json',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers,
    },
    body: options.body === undefined ? undefined : slowBody(JSON.stringify(options.body)),
    duplex: 'half',
  } as RequestInit);
}
const json = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;

const SITES = '/api/collections/bts_sites/items';
let serial = 0;
/** A new Viettel site of its own for one test, so the tests never share a record. */
async function newSite(): Promise<Feature> {
  serial += 1;
  const response = await call('viettel', 'POST', SITES, {
    body: {
      type: 'Feature', geometry: { type: 'Point', coordinates: [108.0 + serial * 0.001, 14.36] },
      properties: { site_code: `VTL-RACE-${serial}`, owner: 'viettel', technologies: ['4G'], status: 'active' },
    },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Feature;
}
const site = (id: number) => json<Feature>(call('viettel', 'GET', `${SITES}/${id}`));
const auditOf = (id: number) =>
  json<{ records: { action: string; before: unknown; after: unknown }[] }>(call('admin', 'GET', `/api/audit?targetType=bts_sites&targetId=${id}&limit=100`));

describe('asset edits never lose each other', () => {
  it('six PATCHes of six different properties sent at once all survive', async () => {
    const { id } = await newSite();
    const patches: Record<string, unknown>[] = [
      { tower_height_m: 42.5 }, { tower_type: TOWER_TYPES[1] }, { backup_power: BACKUP_POWER[2] },
      { alarm_equipped: true }, { commune_code: '23236' }, { status: 'planned' },
    ];
    const statuses = await Promise.all(patches.map((properties) => call('viettel', 'PATCH', `${SITES}/${id}`, { body: { properties } }).then((r) => r.status)));
    expect(statuses).toEqual(patches.map(() => 200));
    const stored = await site(id);
    for (const properties of patches) expect(stored.properties).toMatchObject(properties);
    expect((await auditOf(id)).records.filter((record) => record.action === 'update')).toHaveLength(patches.length);
  });

  it('a PATCH racing a DELETE answers 200 or 404, never 500, and writes no update of a deleted site', async () => {
    for (let round = 0; round < 6; round++) {
      const { id } = await newSite();
      const patch = call('viettel', 'PATCH', `${SITES}/${id}`, { body: { properties: { tower_height_m: 30 + round } } });
      const remove = call('viettel', 'DELETE', `${SITES}/${id}`);
      // Alternate which request leaves first.
      const [patched, removed] = round % 2 === 0 ? await Promise.all([patch, remove]) : (await Promise.all([remove, patch])).reverse();
      expect(removed.status).toBe(204);
      expect([200, 404]).toContain(patched.status);
      if (patched.status === 404) expect(((await patched.json()) as { error: { code: string } }).error.code).toBe('NotFound');
      expect((await call('viettel', 'GET', `${SITES}/${id}`)).status).toBe(404);
      const updates = (await auditOf(id)).records.filter((record) => record.action === 'update');
      expect(updates.length).toBe(patched.status === 200 ? 1 : 0);
      for (const update of updates) expect(update.after).not.toBeNull();
    }
  });
});

describe('optimistic locking: ETag and If-Match (OGC API – Features Part 4)', () => {
  it('an item carries a strong ETag that changes with every write, and a stale If-Match gets 412 and changes nothing', async () => {
    const created = await newSite();
    const read = await call('viettel', 'GET', `${SITES}/${created.id}`);
    const tag = read.headers.get('ETag')!;
    expect(tag).toMatch(/^"[^"]+"$/);
    expect((await call('viettel', 'GET', `${SITES}/${created.id}`)).headers.get('ETag')).toBe(tag);

    const patched = await call('viettel', 'PATCH', `${SITES}/${created.id}`, { body: { properties: { tower_height_m: 12 } }, headers: { 'If-Match': tag } });
    expect(patched.status).toBe(200);
    const fresh = patched.headers.get('ETag')!;
    expect(fresh).not.toBe(tag);
    expect((await call('viettel', 'GET', `${SITES}/${created.id}`)).headers.get('ETag')).toBe(fresh);

    const stale = await call('viettel', 'PUT', `${SITES}/${created.id}`, { body: { ...created, properties: { ...created.properties, tower_height_m: 99 } }, headers: { 'If-Match': tag } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('ETag')).toBe(fresh);
    const error = ((await stale.json()) as { error: { code: string; details: { etag: string } } }).error;
    expect(error.code).toBe('PreconditionFailed');
    expect(error.details.etag).toBe(fresh);
    expect((await site(created.id)).properties.tower_height_m).toBe(12);

    expect((await call('viettel', 'DELETE', `${SITES}/${created.id}`, { headers: { 'If-Match': tag } })).status).toBe(412);
    expect((await call('viettel', 'GET', `${SITES}/${created.id}`)).status).toBe(200);
    expect((await call('viettel', 'GET', `${SITES}/${created.id}`, { headers: { 'If-None-Match': fresh } })).status).toBe(304);
    expect((await call('viettel', 'DELETE', `${SITES}/${created.id}`, { headers: { 'If-Match': fresh } })).status).toBe(204);
  });

  it('of two PUTs sent at once with the same If-Match, exactly one wins and the other gets 412', async () => {
    const created = await newSite();
    const tag = (await call('viettel', 'GET', `${SITES}/${created.id}`)).headers.get('ETag')!;
    const put = (height: number) => call('viettel', 'PUT', `${SITES}/${created.id}`, { body: { ...created, properties: { ...created.properties, tower_height_m: height } }, headers: { 'If-Match': tag } });
    const responses = await Promise.all([put(10), put(20), put(30), put(40)]);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(3);
    const winner = [10, 20, 30, 40][statuses.indexOf(200)];
    expect((await site(created.id)).properties.tower_height_m).toBe(winner);
  });

  it('a joint-inspection plan item changed by three department staff at once from the same version: one change is kept, the others get 412 naming the current version, one audit entry', async () => {
    type Item = { id: number; planId: number; date: string; notes: string | null; etag: string };
    const { plans } = await json<{ plans: { id: number; from: string; to: string; items: Item[] }[] }>(call('dic', 'GET', '/api/inspection-plans'));
    const plan = plans.find((candidate) => candidate.items.length > 0)!;
    const item = plan.items[0];
    const path = `/api/inspection-plans/${plan.id}/items/${item.id}`;
    const notes = ['Ghi chú của chị Lan', 'Ghi chú của anh Minh', 'Ghi chú của anh Tùng'];
    const responses = await Promise.all(notes.map((text) => call('dic', 'PATCH', path, { body: { notes: text }, headers: { 'If-Match': item.etag } })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(2);
    const winner = responses[statuses.indexOf(200)];
    const kept = (await winner.json()) as Item;
    expect(kept.notes).toBe(notes[statuses.indexOf(200)]);
    expect(winner.headers.get('ETag')).toBe(kept.etag);
    const refused = (await responses[statuses.indexOf(412)].json()) as { error: { code: string; details: { etag: string } } };
    expect(refused.error).toMatchObject({ code: 'PreconditionFailed', details: { etag: kept.etag } });
    const stored = (await json<{ items: Item[] }>(call('dic', 'GET', `/api/inspection-plans/${plan.id}`))).items.find((candidate) => candidate.id === item.id)!;
    expect(stored).toMatchObject({ notes: kept.notes, etag: kept.etag });
    const audit = await json<{ records: { action: string }[] }>(call('admin', 'GET', `/api/audit?targetType=inspection_plan_items&targetId=${item.id}&limit=100`));
    expect(audit.records.filter((entry) => entry.action === 'update')).toHaveLength(1);
    // Without If-Match an edit still goes through (an API client that reads and writes at once), as before.
    expect((await call('dic', 'PATCH', path, { body: { notes: 'Ghi chú chung' } })).status).toBe(200);
  });
});

describe('ids are never reused', () => {
  it('after the newest site is deleted, the next new site gets a new id, not the deleted one', async () => {
    const doomed = await newSite();
    expect((await call('viettel', 'DELETE', `${SITES}/${doomed.id}`)).status).toBe(204);
    serial += 1;
    const next = await json<Feature>(call('vnpt', 'POST', SITES, {
      body: { type: 'Feature', geometry: { type: 'Point', coordinates: [108.1, 14.4] }, properties: { site_code: `VNP-RACE-${serial}`, owner: 'vnpt', technologies: ['4G'], status: 'active' } },
    }));
    expect(next.id).toBeGreaterThan(doomed.id);
    expect((await call('viettel', 'GET', `${SITES}/${doomed.id}`)).status).toBe(404);
  });

  it('undoing a delete restores the site under its own id, and only its owner can, once', async () => {
    const original = await newSite();
    expect((await call('viettel', 'DELETE', `${SITES}/${original.id}`)).status).toBe(204);
    const restore = (username: string, body: unknown = original) => call(username, 'PUT', `${SITES}/${original.id}`, { body, headers: { 'If-None-Match': '*' } });

    const vnpt = await restore('vnpt', { ...original, properties: { ...original.properties, owner: 'vnpt' } });
    expect(vnpt.status).toBe(403);
    const restored = await restore('viettel');
    expect(restored.status).toBe(201);
    expect(((await restored.json()) as Feature).id).toBe(original.id);
    const stored = await site(original.id);
    expect(stored.properties).toEqual(original.properties);
    expect(stored.geometry).toEqual(original.geometry);
    // Restored means existing: a second undo is refused, and the restored site is edited like any other.
    expect((await restore('viettel')).status).toBe(412);
    expect((await call('viettel', 'PATCH', `${SITES}/${original.id}`, { body: { properties: { tower_height_m: 25 } } })).status).toBe(200);
    // An id that never belonged to a deleted site cannot be claimed this way.
    expect((await call('viettel', 'PUT', `${SITES}/999999`, { body: original, headers: { 'If-None-Match': '*' } })).status).toBe(404);
  });
});

describe('workflow steps happen once', () => {
  it('a hotline report converted twice and closed at the same moment becomes exactly one incident', async () => {
    const filed = await fetch(`${server.url}/api/hotline/reports`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lon: 108.0052, lat: 14.3552, seenAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Thấy hai người cắt cáp quang' }),
    });
    expect(filed.status).toBe(201);
    const { trackingCode } = (await filed.json()) as { trackingCode: string };
    const queue = await json<{ reports: { id: number; trackingCode: string }[] }>(call('police', 'GET', '/api/hotline/reports?status=received&limit=500'));
    const report = queue.reports.find((candidate) => candidate.trackingCode === trackingCode)!;
    const fromHotline = async () => (await json<{ numberMatched: number }>(call('police', 'GET', '/api/collections/incidents/items?source=hotline&limit=1'))).numberMatched;
    const before = await fromHotline();
    const convert = () => call('police', 'POST', `/api/hotline/reports/${report.id}/convert`, { body: { type: 'cable_theft' } });
    const close = () => call('police', 'POST', `/api/hotline/reports/${report.id}/close`, { body: { reason: 'Trùng tin báo' } });
    const statuses = (await Promise.all([convert(), convert(), close(), convert()])).map((response) => response.status);
    expect(statuses.filter((status) => status === 201 || status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(3);
    expect(await fromHotline()).toBe(before + (statuses.includes(201) ? 1 : 0));
  });

  it('three officers verifying one incident at the same moment: it is verified once, the others get 409', async () => {
    const filed = await call('police', 'POST', '/api/incidents', { body: { lon: 108.0051, lat: 14.3551, type: 'cable_theft', occurredAt: new Date(Date.now() - 7_200_000).toISOString().replace(/\.\d{3}Z$/, 'Z'), description: 'Mất 150 m cáp' } });
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: number };
    const move = (to: string) => call('police', 'POST', `/api/incidents/${id}/transitions`, { body: { to } });
    const statuses = (await Promise.all([move('verified'), move('verified'), move('verified')])).map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(2);
    const history = await json<{ events: { to?: string; toStatus?: string }[] }>(call('police', 'GET', `/api/incidents/${id}/history`));
    expect(history.events.length).toBe(2);
  });

  it('a key-target proposal approved and rejected at the same moment takes one decision: one 200, one 409, one review step', async () => {
    const square = [[[108.2, 14.5], [108.21, 14.5], [108.21, 14.51], [108.2, 14.51], [108.2, 14.5]]];
    const proposed = await call('police', 'POST', '/api/key-targets/proposals', { body: {
      name: 'Khu vực thử đồng thời', category: 'transmission_hub', protectionLevel: 1, justification: 'Hai vụ cắt cáp trong 3 tháng',
      reviewDate: '2027-05-01', protectedAssets: [], geometry: { type: 'Polygon', coordinates: square },
    } });
    expect(proposed.status).toBe(201);
    const { id } = (await proposed.json()) as { id: number };
    const decide = (action: string) => call('dic', 'POST', `/api/key-targets/${id}/transitions`, { body: { action, comment: `Quyết định: ${action}` } });
    const answers = await Promise.all([decide('approve'), decide('reject')]);
    const statuses = answers.map((response) => response.status);
    expect(statuses.sort()).toEqual([200, 409]);
    const winner = (['approve', 'reject'] as const)[answers.findIndex((response) => response.status === 200)];
    const detail = await json<{ zone: { properties: { status: string } }; history: { action: string }[] }>(call('dic', 'GET', `/api/key-targets/${id}`));
    expect(detail.zone.properties.status).toBe(winner === 'approve' ? 'designated' : 'rejected');
    expect(detail.history.filter((step) => step.action === 'approve' || step.action === 'reject').map((step) => step.action)).toEqual([winner]);
  });

  it('a reward decided three times at the same moment is decided once: one 200, two 409, one audit entry (issue 18)', async () => {
    const filed = await fetch(`${server.url}/api/hotline/reports`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lon: 108.0054, lat: 14.3554, seenAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Thấy người tháo cáp đồng' }),
    });
    const { trackingCode } = (await filed.json()) as { trackingCode: string };
    const queue = await json<{ reports: { id: number; trackingCode: string }[] }>(call('police', 'GET', '/api/hotline/reports?status=received&limit=500'));
    const report = queue.reports.find((candidate) => candidate.trackingCode === trackingCode)!;
    const { incident } = await json<{ incident: { id: number } }>(call('police', 'POST', `/api/hotline/reports/${report.id}/convert`, { body: { type: 'cable_theft' } }));
    expect((await call('police', 'POST', `/api/incidents/${incident.id}/transitions`, { body: { to: 'verified' } })).status).toBe(200);
    const proposed = await call('police', 'POST', '/api/rewards', { body: { hotlineReportId: report.id, proposal: 'Tin báo giúp bắt quả tang' } });
    expect(proposed.status).toBe(201);
    const { id } = (await proposed.json()) as { id: number };
    const decisions = [
      { decision: 'approve', amountVnd: 2_000_000, decisionNumber: '11/QĐ-SKHCN' },
      { decision: 'refuse', reason: 'Không đủ căn cứ' },
      { decision: 'approve', amountVnd: 5_000_000, decisionNumber: '12/QĐ-SKHCN' },
    ];
    const responses = await Promise.all(decisions.map((body) => call('dic', 'POST', `/api/rewards/${id}/decision`, { body })));
    const statuses = responses.map((response) => response.status);
    expect([...statuses].sort()).toEqual([200, 409, 409]);
    const winner = decisions[statuses.indexOf(200)];
    const stored = (await json<{ rewards: { status: string; amountVnd: number | null; decisionNumber: string | null }[] }>(call('police', 'GET', `/api/rewards?hotlineReportId=${report.id}`))).rewards[0];
    expect(stored).toMatchObject(winner.decision === 'approve'
      ? { status: 'approved', amountVnd: winner.amountVnd, decisionNumber: winner.decisionNumber }
      : { status: 'refused', amountVnd: null, decisionNumber: null });
    const audit = await json<{ records: { action: string }[] }>(call('admin', 'GET', `/api/audit?targetType=rewards&targetId=${id}&limit=100`));
    expect(audit.records.filter((record) => record.action === 'transition')).toHaveLength(1);
    const tracked = await json<{ helped: boolean }>(fetch(`${server.url}/api/hotline/reports/track/${trackingCode}`));
    expect(tracked.helped).toBe(winner.decision === 'approve');
  });

  it('two officers proposing a reward on one report at the same moment: one 201, one 409, one proposal, one audit entry; a proposal on another report in the same burst is kept; then two department staff deciding at once decide it once (issue 18)', async () => {
    // A second officer and a second department official, each with their own session, as two people on two machines.
    const PASSWORD = 'mat-khau-thu-dong-thoi-2026';
    for (const [username, role, organisation] of [['police2', 'police_planner', 'police-kontum'], ['dic2', 'dic_reviewer', 'dic-kontum']] as const) {
      const made = await call('admin', 'POST', '/api/admin/users', { body: { username, displayName: `Cán bộ ${username}`, password: PASSWORD, role, organisation } });
      expect(made.status).toBe(201);
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
      expect(login.status).toBe(200);
      sessions[username] = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
    }
    /** A citizen's report, converted and verified by the police: a confirmed hotline case, ready for a reward. */
    const confirmedReport = async (lon: number) => {
      const filed = await fetch(`${server.url}/api/hotline/reports`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ lon, lat: 14.3556, seenAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Thấy người cắt cáp treo' }),
      });
      const { trackingCode } = (await filed.json()) as { trackingCode: string };
      const queue = await json<{ reports: { id: number; trackingCode: string }[] }>(call('police', 'GET', '/api/hotline/reports?status=received&limit=500'));
      const report = queue.reports.find((candidate) => candidate.trackingCode === trackingCode)!;
      const { incident } = await json<{ incident: { id: number } }>(call('police', 'POST', `/api/hotline/reports/${report.id}/convert`, { body: { type: 'cable_theft' } }));
      expect((await call('police', 'POST', `/api/incidents/${incident.id}/transitions`, { body: { to: 'verified' } })).status).toBe(200);
      return { reportId: report.id, trackingCode };
    };
    const first = await confirmedReport(108.0056);
    const other = await confirmedReport(108.0156);
    const proposals = [
      { by: 'police', body: { hotlineReportId: first.reportId, proposal: 'Đề xuất của cán bộ thứ nhất' } },
      { by: 'police2', body: { hotlineReportId: first.reportId, proposal: 'Đề xuất của cán bộ thứ hai' } },
      { by: 'police2', body: { hotlineReportId: other.reportId, proposal: 'Đề xuất cho tin báo khác' } },
    ];
    const answers = await Promise.all(proposals.map(({ by, body }) => call(by, 'POST', '/api/rewards', { body })));
    const statuses = answers.map((response) => response.status);
    expect([...statuses.slice(0, 2)].sort()).toEqual([201, 409]);
    expect(statuses[2]).toBe(201);
    const won = statuses.indexOf(201);
    const rewardsOf = async (reportId: number) => (await json<{ rewards: { id: number; status: string; proposal: string; proposedBy: string; amountVnd: number | null }[] }>(call('dic', 'GET', `/api/rewards?hotlineReportId=${reportId}`))).rewards;
    const [stored] = await rewardsOf(first.reportId);
    expect(await rewardsOf(first.reportId)).toHaveLength(1);
    expect(stored).toMatchObject({ status: 'proposed', proposal: proposals[won].body.proposal });
    expect((await rewardsOf(other.reportId)).map((reward) => reward.proposal)).toEqual(['Đề xuất cho tin báo khác']);
    const auditFor = async (id: number) => (await json<{ records: { action: string; actor: string }[] }>(call('admin', 'GET', `/api/audit?targetType=rewards&targetId=${id}&limit=100`))).records;
    expect((await auditFor(stored.id)).filter((record) => record.action === 'create')).toHaveLength(1);

    // Two department officials decide it at the same moment: one approval or one refusal, never both.
    const decisions = [
      { by: 'dic', body: { decision: 'approve', amountVnd: 3_000_000, decisionNumber: '21/QĐ-SKHCN' } },
      { by: 'dic2', body: { decision: 'refuse', reason: 'Tin báo đến sau khi lực lượng đã có mặt' } },
    ];
    const decided = (await Promise.all(decisions.map(({ by, body }) => call(by, 'POST', `/api/rewards/${stored.id}/decision`, { body })))).map((response) => response.status);
    expect([...decided].sort()).toEqual([200, 409]);
    const winner = decisions[decided.indexOf(200)].body;
    const [after] = await rewardsOf(first.reportId);
    // The decision is the winner's, and the proposal it decided is untouched.
    expect(after).toMatchObject({ status: winner.decision === 'approve' ? 'approved' : 'refused', amountVnd: winner.decision === 'approve' ? 3_000_000 : null, proposal: stored.proposal, proposedBy: stored.proposedBy });
    const transitions = (await auditFor(stored.id)).filter((record) => record.action === 'transition');
    expect(transitions).toHaveLength(1);
    expect((await json<{ helped: boolean }>(fetch(`${server.url}/api/hotline/reports/track/${first.trackingCode}`))).helped).toBe(winner.decision === 'approve');
    expect((await rewardsOf(other.reportId))[0].status).toBe('proposed');
  });

  it('inspections recorded at once leave the latest date as the dealer’s last inspection', async () => {
    const dealers = await json<{ features: Feature[] }>(call('police', 'GET', '/api/collections/scrap_dealers/items?limit=1'));
    const dealer = dealers.features[0];
    // Dates up to today (an inspection cannot be dated in the future), so the latest is today whatever the demo holds.
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const dates = [day(40), day(0), day(300), day(3), day(1), day(120)];
    const responses = await Promise.all(dates.map((date, index) =>
      call('police', 'POST', `/api/scrap-dealers/${dealer.id}/inspections`, { body: { date, result: index === 1 ? 'violation' : 'compliant' } })));
    expect(responses.map((response) => response.status)).toEqual(dates.map(() => 201));
    const after = await json<Feature>(call('police', 'GET', `/api/collections/scrap_dealers/items/${dealer.id}`));
    expect(after.properties.last_inspection_date).toBe(day(0));
    expect(after.properties.last_inspection_result).toBe('violation');
  });
});
