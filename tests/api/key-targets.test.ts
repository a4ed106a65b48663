import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

type Zone = { id: number; properties: Record<string, unknown> };
type Detail = { zone: Zone; actions: string[]; history: { action: string; actor: string; from: string | null; to: string; comment: string | null }[] };

const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });
const proposal = (extra: Record<string, unknown> = {}) => ({
  name: 'Khu vực trạm Đắk Hà', category: 'transmission_hub', protectionLevel: 1, justification: 'Ba vụ trộm cáp trong 6 tháng',
  reviewDate: '2027-05-01', protectedAssets: [{ collection: 'bts_sites', id: 3 }], geometry: square(108.1, 14.45), ...extra,
});

describe('key-target designation', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-11-28T08:00:00Z') });
  const step = (caller: 'police' | 'dic' | 'viettel' | 'admin', id: number, body: Record<string, unknown>) => sendJson<Zone & { error?: { details: { allowed?: string[] } } }>(t.as(caller), 'POST', `/api/key-targets/${id}/transitions`, body);
  const detail = async (id: number) => (await getJson<Detail>(t.as('dic'), `/api/key-targets/${id}`)).body;

  it('police propose → DIC returns with a comment → police resubmit → DIC approves → designated → DIC revokes', async () => {
    const { status, body: zone } = await sendJson<Zone>(t.as('police'), 'POST', '/api/key-targets/proposals', proposal());
    expect(status).toBe(201);
    expect(zone.properties).toMatchObject({ status: 'proposed', proposed_by: 'Công an tỉnh Quảng Ngãi' });
    const queue = await getJson<{ features: { id: number; properties: { review: { justification: string } } }[] }>(t.as('dic'), '/api/key-targets/review-queue');
    expect(queue.body.features.find((feature) => feature.id === zone.id)?.properties.review.justification).toBe('Ba vụ trộm cáp trong 6 tháng');
    expect((await step('dic', zone.id, { action: 'return', comment: 'Bổ sung danh sách tài sản' })).body.properties.status).toBe('returned');
    expect((await sendJson(t.as('police'), 'PUT', `/api/key-targets/proposals/${zone.id}`, proposal({ protectedAssets: [{ collection: 'bts_sites', id: 3 }, { collection: 'bts_sites', id: 4 }] }))).status).toBe(200);
    expect((await step('police', zone.id, { action: 'resubmit', comment: 'Đã bổ sung' })).body.properties.status).toBe('proposed');
    const approved = await step('dic', zone.id, { action: 'approve', comment: 'Đồng ý' });
    expect(approved.body.properties).toMatchObject({ status: 'designated', reviewed_by: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', effective_date: '2026-11-28' });
    const designated = await getJson<{ features: { id: number }[] }>(t.as('police'), '/api/collections/key_targets/items?status=designated');
    expect(designated.body.features.map((feature) => feature.id)).toContain(zone.id);
    expect((await step('dic', zone.id, { action: 'revoke', comment: 'Trạm đã di dời' })).body.properties.status).toBe('revoked');
    const history = (await detail(zone.id)).history;
    expect(history.map((event) => [event.action, event.actor, event.to])).toEqual([
      ['propose', 'police', 'proposed'], ['return', 'dic', 'returned'], ['edit', 'police', 'returned'], ['resubmit', 'police', 'proposed'],
      ['approve', 'dic', 'designated'], ['revoke', 'dic', 'revoked'],
    ]);
    expect(history[1].comment).toBe('Bổ sung danh sách tài sản');
  });

  it('refuses steps the state, the role or the missing comment do not allow, changing nothing', async () => {
    const { body: zone } = await sendJson<Zone>(t.as('police'), 'POST', '/api/key-targets/proposals', proposal({ name: 'Khu vực B' }));
    const before = (await detail(zone.id)).history.length;
    expect((await step('police', zone.id, { action: 'approve', comment: 'tự duyệt' })).status).toBe(403);
    expect((await step('dic', zone.id, { action: 'approve', comment: '  ' })).status).toBe(400);
    expect((await step('dic', zone.id, { action: 'approve' })).status).toBe(400);
    const wrong = await step('dic', zone.id, { action: 'revoke', comment: 'x' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error?.details.allowed).toEqual(['approve', 'reject', 'return']);
    expect((await step('viettel', zone.id, { action: 'approve', comment: 'x' })).status).toBe(403);
    expect((await sendJson(t.as('viettel'), 'POST', '/api/key-targets/proposals', proposal())).status).toBe(403);
    expect((await step('dic', zone.id, { action: 'reject', comment: 'Không đủ căn cứ' })).body.properties.status).toBe('rejected');
    expect((await step('dic', zone.id, { action: 'approve', comment: 'x' })).status).toBe(409);
    expect((await detail(zone.id)).history.length).toBe(before + 1);
  });

  it('an approval with a future effective date waits as approved, then becomes designated on the day', async () => {
    let now = new Date('2026-11-28T08:00:00Z');
    const later = await createTestApp(EDITING_DATASET, { now: () => now });
    const { body: zone } = await sendJson<Zone>(later.as('police'), 'POST', '/api/key-targets/proposals', proposal());
    const approved = await sendJson<Zone>(later.as('dic'), 'POST', `/api/key-targets/${zone.id}/transitions`, { action: 'approve', comment: 'Đồng ý', effectiveDate: '2027-01-01' });
    expect(approved.body.properties.status).toBe('approved');
    now = new Date('2027-01-01T01:00:00Z');
    const { body } = await getJson<Detail>(later.as('dic'), `/api/key-targets/${zone.id}`);
    expect(body.zone.properties.status).toBe('designated');
    expect(body.history.at(-1)).toMatchObject({ action: 'effective', actor: 'system' });
  });

  it('refuses an invalid polygon and unknown protected assets with their paths, storing nothing', async () => {
    const before = (await t.features.counts()).key_targets;
    const bowTie = { type: 'Polygon', coordinates: [[[108, 14.3], [108.01, 14.31], [108.01, 14.3], [108, 14.31], [108, 14.3]]] };
    const bad = await sendJson<{ error: { details: { problems: { path: string }[] } } }>(t.as('police'), 'POST', '/api/key-targets/proposals', proposal({ geometry: bowTie, protectedAssets: [{ collection: 'bts_sites', id: 999 }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.problems.map((problem) => problem.path)).toEqual(['geometry.coordinates', 'protectedAssets.0']);
    expect((await sendJson(t.as('police'), 'POST', '/api/key-targets/proposals', proposal({ geometry: { type: 'Point', coordinates: [108, 14.3] } }))).status).toBe(400);
    expect((await t.features.counts()).key_targets).toBe(before);
  });

  it('carriers never see proposals, and reading the history is audited', async () => {
    expect((await t.as('viettel').request('/api/key-targets/review-queue')).status).toBe(403);
    const { body } = await getJson<{ records: { actor: string }[] }>(t.app, '/api/audit?targetType=key_targets&action=read&actor=dic');
    expect(body.records.length).toBeGreaterThan(0);
  });
});
