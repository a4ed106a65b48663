import { expect, it } from 'vitest';
import { Conflict } from '../../errors.ts';
import { describeProviders, type ContractStorage } from '../../../tests/helpers/providers.ts';
import type { AgencyInspection, InspectionTarget } from '../inspections.ts';
import type { NewHotlineReport } from '../hotline.ts';
import type { LiveMessage } from '../broadcast.ts';

const report = (code: string, receivedAt: string, lon = 108, lat = 14.5): NewHotlineReport => ({
  trackingCode: code, lon, lat, seenAt: receivedAt, description: 'Thấy người cắt cáp', category: 'cable_theft',
  contact: { name: 'Nguyễn Văn A', phone: '0905123456' }, receivedAt, clientAddress: '10.0.0.1',
});

describeProviders('hotline reports', (fresh) => {
  it('keeps a report, finds it by code, lists newest first and refuses a taken tracking code', async () => {
    const { hotline } = await fresh();
    const first = await hotline.add(report('KT-AAAA', '2026-11-01T08:00:00.000Z'));
    await hotline.add(report('KT-BBBB', '2026-11-02T08:00:00.000Z'));
    expect(first).toEqual({ id: first.id, trackingCode: 'KT-AAAA', lon: 108, lat: 14.5, seenAt: '2026-11-01T08:00:00.000Z', description: 'Thấy người cắt cáp', category: 'cable_theft',
      contact: { name: 'Nguyễn Văn A', phone: '0905123456' }, status: 'received', closingReason: null, incidentId: null, receivedAt: '2026-11-01T08:00:00.000Z', handledBy: null, handledAt: null });
    expect((await hotline.byCode('KT-AAAA'))?.id).toBe(first.id);
    await expect(hotline.add(report('KT-AAAA', '2026-11-03T08:00:00.000Z'))).rejects.toThrow(Conflict);
    const listed = await hotline.list(null, 10, 0);
    expect([listed.numberMatched, listed.reports.map((found) => found.trackingCode)]).toEqual([2, ['KT-BBBB', 'KT-AAAA']]);
  });

  it('settles a received report once: of two steps only the first wins', async () => {
    const { hotline } = await fresh();
    const { id } = await hotline.add(report('KT-CCCC', '2026-11-01T08:00:00.000Z'));
    expect(await hotline.settle(id, { status: 'converted', incidentId: 42, handledBy: 'police', at: '2026-11-01T09:00:00.000Z' })).toBe(true);
    expect(await hotline.settle(id, { status: 'closed', closingReason: 'trùng', handledBy: 'police', at: '2026-11-01T10:00:00.000Z' })).toBe(false);
    expect(await hotline.get(id)).toMatchObject({ status: 'converted', incidentId: 42, handledBy: 'police', handledAt: '2026-11-01T09:00:00.000Z' });
    expect((await hotline.list('received', 10, 0)).numberMatched).toBe(0);
  });

  it('reads as a point collection without contacts: bbox, datetime, filters, extent', async () => {
    const { hotline } = await fresh();
    const a = await hotline.add(report('KT-DDDD', '2026-11-01T08:00:00.000Z', 107.5, 14.2));
    await hotline.add(report('KT-EEEE', '2026-11-05T08:00:00.000Z', 108, 14.5));
    const near = await hotline.queryFeatures({ bbox: [107.4, 14.1, 107.6, 14.3], filters: [], limit: 10, offset: 0 });
    expect(near).toEqual({ numberMatched: 1, features: [{ type: 'Feature', id: a.id, geometry: { type: 'Point', coordinates: [107.5, 14.2] },
      properties: { tracking_code: 'KT-DDDD', status: 'received', seen_at: '2026-11-01T08:00:00.000Z', received_at: '2026-11-01T08:00:00.000Z', description: 'Thấy người cắt cáp', incident_id: null } }] });
    const later = await hotline.queryFeatures({ datetime: { startMs: Date.parse('2026-11-03T00:00:00Z'), endMs: null }, filters: [{ property: 'status', value: 'received' }], limit: 10, offset: 0 });
    expect(later.features.map((found) => found.properties.tracking_code)).toEqual(['KT-EEEE']);
    expect(await hotline.extent()).toEqual({ bbox: [107.5, 14.2, 108, 14.5], interval: ['2026-11-01T08:00:00.000Z', '2026-11-05T08:00:00.000Z'] });
  });
});

describeProviders('rewards', (fresh) => {
  it('proposes one reward per report, decides it once, and counts a period', async () => {
    const storage = await fresh();
    const { id: reportId } = await storage.hotline.add(report('KT-FFFF', '2026-11-01T08:00:00.000Z'));
    const reward = await storage.rewards.propose({ hotlineReportId: reportId, incidentId: 7, proposal: 'Khen thưởng người báo tin', proposedBy: 'police', proposedAt: '2026-11-02T08:00:00.000Z' });
    expect(reward).toEqual({ id: reward.id, hotlineReportId: reportId, trackingCode: 'KT-FFFF', incidentId: 7, status: 'proposed', proposal: 'Khen thưởng người báo tin', proposedBy: 'police',
      proposedAt: '2026-11-02T08:00:00.000Z', amountVnd: null, decisionNumber: null, refusalReason: null, decidedBy: null, decidedAt: null });
    await expect(storage.rewards.propose({ hotlineReportId: reportId, incidentId: 7, proposal: 'x', proposedBy: 'police', proposedAt: '2026-11-02T09:00:00.000Z' })).rejects.toThrow(Conflict);
    expect(await storage.rewards.decide(reward.id, { status: 'approved', amountVnd: 2_000_000, decisionNumber: '12/QĐ-CA', decidedBy: 'admin', decidedAt: '2026-11-03T08:00:00.000Z' })).toBe(true);
    expect(await storage.rewards.decide(reward.id, { status: 'refused', refusalReason: 'x', decidedBy: 'admin', decidedAt: '2026-11-04T08:00:00.000Z' })).toBe(false);
    expect((await storage.rewards.forReport(reportId))?.amountVnd).toBe(2_000_000);
    expect(await storage.rewards.list('approved', 10, 0)).toMatchObject({ numberMatched: 1, rewards: [{ id: reward.id, status: 'approved' }] });
    expect(await storage.rewards.periodCounts({ startMs: Date.parse('2026-11-01T00:00:00Z'), endMs: Date.parse('2026-11-30T23:59:59Z') })).toEqual({ proposed: 1, approved: 1, refused: 0, amountVnd: 2_000_000 });
  });
});

describeProviders('alarms, bulletins and histories', (fresh) => {
  it('records an alarm once and a signature once', async () => {
    const { alarms } = await fresh();
    const alarm = { carrier: 'viettel', alarmId: 'A-1', incidentId: 3, receivedAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z', body: '{"x":1}', sequence: 0 };
    await alarms.add(alarm);
    await expect(alarms.add(alarm)).rejects.toThrow(Conflict);
    await alarms.update('viettel', 'A-1', '{"x":2}', 1, '2026-11-01T09:00:00.000Z');
    expect(await alarms.get('viettel', 'A-1')).toEqual({ ...alarm, body: '{"x":2}', sequence: 1, updatedAt: '2026-11-01T09:00:00.000Z' });
    expect([await alarms.claimSignature('sig', 1000, 0), await alarms.claimSignature('sig', 2000, 0), await alarms.claimSignature('sig', 3000, 2500)]).toEqual([true, false, true]);
  });

  it('lists bulletins newest first with their audience', async () => {
    const { bulletins } = await fresh();
    const first = await bulletins.add({ title: 'Cảnh báo', body: 'Trộm cáp ở Đắk Tô', severity: 'urgent', audience: ['viettel', 'vnpt'], publishedBy: 'police', organisation: 'Công an tỉnh', publishedAt: '2026-11-01T08:00:00.000Z' });
    await bulletins.add({ title: 'Tin', body: 'b', severity: 'info', audience: 'all', publishedBy: 'police', organisation: null, publishedAt: '2026-11-02T08:00:00.000Z' });
    expect((await bulletins.list()).map((found) => [found.title, found.audience])).toEqual([['Tin', 'all'], ['Cảnh báo', ['viettel', 'vnpt']]]);
    expect(await bulletins.get(first.id)).toEqual(first);
  });

  it('keeps incident and key-target histories in order', async () => {
    const { incidentHistory, keyTargetHistory } = await fresh();
    await incidentHistory.append(5, { at: 't1', actor: 'police', role: 'police_planner', from: null, to: 'reported', comment: null, duplicateOf: null });
    await incidentHistory.append(5, { at: 't2', actor: 'police', role: 'police_planner', from: 'reported', to: 'duplicate', comment: 'trùng', duplicateOf: 4 });
    expect((await incidentHistory.list(5)).map((event) => [event.from, event.to, event.duplicateOf])).toEqual([[null, 'reported', null], ['reported', 'duplicate', 4]]);
    await keyTargetHistory.saveReview(9, { justification: 'Trạm trọng yếu', protectedAssets: [{ collection: 'bts_sites', id: 1 }], reviewDate: '2026-11-01', proposedBy: 'dic' }, 't1');
    await keyTargetHistory.saveReview(9, { justification: 'Sửa', protectedAssets: [], reviewDate: '2026-11-02', proposedBy: 'other' }, 't2');
    expect(await keyTargetHistory.review(9)).toEqual({ justification: 'Sửa', protectedAssets: [], reviewDate: '2026-11-02', proposedBy: 'dic' });
    await keyTargetHistory.append(9, { at: 't1', actor: 'dic', role: 'dic_reviewer', organisation: 'dic-kontum', action: 'propose', from: null, to: 'proposed', comment: null }, { id: 9 });
    expect(await keyTargetHistory.list(9)).toEqual([{ at: 't1', actor: 'dic', role: 'dic_reviewer', organisation: 'dic-kontum', action: 'propose', from: null, to: 'proposed', comment: null }]);
  });
});

const agent = (id: number, owner: string): InspectionTarget => ({ kind: 'service_agent', collection: 'service_agents', id, owner, name: `Đại lý ${id}`, area: null });
const inspection = (target: InspectionTarget, date: string, extra: Partial<AgencyInspection> = {}): Omit<AgencyInspection, 'id'> => ({
  target, agency: 'police', jointWith: [], date, findings: [], decision: { kind: 'none' }, result: 'compliant', followUpDate: null, notes: null, planItemId: null,
  recordedBy: 'police', recordedAt: `${date}T09:00:00Z`, ...extra,
});

describeProviders('the inspection store', (fresh) => {
  it('scopes a query to a carrier’s own agents, and counts only what it may see', async () => {
    const { inspections } = await fresh();
    await inspections.add(inspection(agent(1, 'viettel'), '2026-05-01'));
    await inspections.add(inspection(agent(2, 'vnpt'), '2026-05-02'));
    await inspections.add(inspection({ kind: 'site', collection: 'bts_sites', id: 3, owner: 'vnpt', name: null, area: null }, '2026-05-03'));
    const vnpt = await inspections.query({ visibleTo: { collections: ['service_agents'], owner: 'vnpt' }, limit: 10, offset: 0 });
    expect(vnpt.inspections.map((found) => found.target.id)).toEqual([2]);
    expect(vnpt.numberMatched).toBe(1);
    expect(await inspections.query({ limit: 1, offset: 0 })).toMatchObject({ numberMatched: 3, inspections: [{ date: '2026-05-03' }] });
  });

  it('keeps a fine’s amount and legal basis, and refuses a second record by one agency of one plan item', async () => {
    const { inspections, inspectionPlans: plans } = await fresh();
    const plan = await plans.create({ title: 'Q4', from: '2026-10-01', to: '2026-12-31', notes: null, createdBy: 'dic', createdAt: '2026-09-30T00:00:00Z' }, [{ target: agent(1, 'viettel'), agencies: ['police', 'dic'], date: '2026-11-01', notes: null }]);
    const itemId = plan.items[0].id;
    const fined = await inspections.add(inspection(agent(1, 'viettel'), '2026-11-01', { planItemId: itemId, decision: { kind: 'fine', amountVnd: 12_500_000, legalBasis: 'NĐ 15/2020/NĐ-CP' }, result: 'violation', findings: [{ kind: 'other', severity: 'major' }] }));
    expect((await inspections.get(fined.id))?.decision).toEqual({ kind: 'fine', amountVnd: 12_500_000, legalBasis: 'NĐ 15/2020/NĐ-CP' });
    await expect(inspections.add(inspection(agent(1, 'viettel'), '2026-11-02', { planItemId: itemId }))).rejects.toThrow(Conflict);
    expect((await plans.item(itemId))?.recorded).toEqual([{ inspectionId: fined.id, agency: 'police', date: '2026-11-01', result: 'violation' }]);
  });

  it('removes a plan item for undo and restores it', async () => {
    const { inspectionPlans: plans } = await fresh();
    const plan = await plans.create({ title: 'Q4', from: '2026-10-01', to: '2026-12-31', notes: null, createdBy: 'dic', createdAt: '2026-09-30T00:00:00Z' },
      [{ target: agent(1, 'viettel'), agencies: ['police'], date: '2026-11-02', notes: null }, { target: agent(2, 'vnpt'), agencies: ['dic'], date: '2026-11-01', notes: null }]);
    expect(plan.items.map((item) => item.target.id)).toEqual([2, 1]);
    const [, second] = plan.items;
    await plans.removeItem(second.id, '2026-10-02T00:00:00Z');
    expect(await plans.item(second.id)).toBeUndefined();
    expect((await plans.removedItem(second.id))?.id).toBe(second.id);
    expect((await plans.get(plan.id))?.items.map((item) => item.id)).toEqual([plan.items[0].id]);
    expect((await plans.restoreItem(second.id)).id).toBe(second.id);
    expect((await plans.updateItem(second.id, { agencies: ['police', 'dic'], date: '2026-11-03', notes: 'đổi ngày' })).date).toBe('2026-11-03');
    expect((await plans.list()).map((found) => found.items.length)).toEqual([2]);
  });
});

const PLAN_ID = 'plan-1';
async function withPlan(fresh: () => Promise<ContractStorage>) {
  const storage = await fresh();
  await storage.plans.save({ id: PLAN_ID, name: 'Tuần tra tháng 11', status: 'draft', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', startDate: '2026-11-02', endDate: '2026-11-08',
    body: { coverage: { expectedRiskSharePerDay: 0.4 }, parameters: { units: 3 }, shifts: [{ route: { geometry: { type: 'LineString', coordinates: [[107.9, 14.3], [108.1, 14.6]] } } }] } });
  return storage;
}

describeProviders('patrol plans, field visits and photos', (fresh) => {
  it('saves plans, sets their status and reads them as a line collection', async () => {
    const storage = await withPlan(fresh);
    expect((await storage.plans.setStatus(PLAN_ID, 'approved', '2026-11-01T01:00:00.000Z'))?.status).toBe('approved');
    expect(await storage.plans.setStatus('nope', 'approved', 'x')).toBeUndefined();
    const { features, numberMatched } = await storage.plans.queryFeatures({ bbox: [108, 14.5, 108.2, 14.7], filters: [], limit: 10, offset: 0 });
    expect(numberMatched).toBe(1);
    expect(features[0]).toEqual({ type: 'Feature', id: 1, geometry: { type: 'MultiLineString', coordinates: [[[107.9, 14.3], [108.1, 14.6]]] },
      properties: { plan_id: PLAN_ID, name: 'Tuần tra tháng 11', status: 'approved', start_date: '2026-11-02', end_date: '2026-11-08', coverage: 0.4 } });
    expect(await storage.plans.extent()).toEqual({ bbox: [107.9, 14.3, 108.1, 14.6], interval: ['2026-11-02T00:00:00.000Z', '2026-11-02T00:00:00.000Z'] });
  });

  it('keeps visits, findings, photos and idempotent answers', async () => {
    const storage = await withPlan(fresh);
    const visit = await storage.field.addVisit({ clientId: 'v1', planId: PLAN_ID, date: '2026-11-02', shift: 1, unitName: 'Tổ 1', stopOrder: 2, targetId: 'bts:1', targetName: 'Trạm 1',
      arrivedAt: 't1', confirmedAt: 't2', dwellSeconds: 300, lon: 108, lat: 14.5, accuracyMeters: null, distanceMeters: 12.5, officer: 'police', receivedAt: 't3' });
    expect(visit).toMatchObject({ clientId: 'v1', stopOrder: 2, accuracyMeters: null, distanceMeters: 12.5 });
    // A second visit with the same client id is refused (the phone's retry is answered from the idempotency store).
    await expect(storage.field.addVisit({ ...visit, clientId: 'v1' })).rejects.toThrow();
    const finding = await storage.field.addFinding({ clientId: 'f1', planId: PLAN_ID, visitClientId: 'v1', kind: 'damage', note: 'Cáp võng', lon: 108, lat: 14.5, observedAt: '2026-11-02T08:00:00Z', incidentId: 11, officer: 'police', receivedAt: 't4' });
    expect(await storage.field.findingsOf(11)).toEqual([finding]);
    expect((await storage.field.visits(PLAN_ID)).map((found) => found.id)).toEqual([visit.id]);
    await storage.photos.add('field_finding', finding.id, { mediaType: 'image/jpeg', width: 4, height: 3, bytes: Buffer.from([1, 2, 3]) }, 't5');
    expect(await storage.photos.get('field_finding', finding.id)).toEqual({ mediaType: 'image/jpeg', width: 4, height: 3, bytes: Buffer.from([1, 2, 3]) });
    expect(await storage.photos.describe('field_finding', [99, finding.id])).toEqual([{ ownerId: finding.id, mediaType: 'image/jpeg', width: 4, height: 3, byteSize: 3, receivedAt: 't5' }]);
    expect([...(await storage.photos.owners('field_finding', [finding.id, 99]))]).toEqual([finding.id]);
    await storage.idempotency.put('field', 'k1', { fingerprint: 'fp', status: 201, body: { id: 1, b: [1] } }, 't6');
    expect(await storage.idempotency.get('field', 'k1')).toEqual({ fingerprint: 'fp', status: 201, body: { id: 1, b: [1] } });
    await expect(storage.idempotency.put('field', 'k1', { fingerprint: 'fp', status: 201, body: {} }, 't7')).rejects.toThrow();
  });
});

describeProviders('case files', (fresh) => {
  it('assigns, comments, attaches and marks reads', async () => {
    const { caseFiles } = await fresh();
    const actor = { username: 'police', role: 'police_planner' };
    expect(await caseFiles.assign(4, 'officer1', '2026-11-10', actor, '2026-11-01T08:00:00.000Z', 'Giao xử lý')).toEqual({ officer: 'officer1', dueDate: '2026-11-10', assignedBy: 'police', assignedAt: '2026-11-01T08:00:00.000Z' });
    await caseFiles.assign(4, 'officer2', '2026-11-12', actor, '2026-11-02T08:00:00.000Z', null);
    expect((await caseFiles.assignment(4))?.officer).toBe('officer2');
    const comment = await caseFiles.comment(4, 'Đã xác minh', actor, '2026-11-03T08:00:00.000Z');
    expect((await caseFiles.events(4)).map((event) => [event.kind, event.officer, event.body])).toEqual([['assignment', 'officer1', 'Giao xử lý'], ['assignment', 'officer2', null], ['comment', null, 'Đã xác minh']]);
    expect(comment.id).toBe((await caseFiles.events(4))[2].id);
    const attached = await caseFiles.attach(4, { source: 'office', mediaType: 'application/pdf', caption: 'Biên bản', content: new Uint8Array([37, 80, 68, 70]) }, actor, '2026-11-04T08:00:00.000Z');
    expect(await caseFiles.attachments(4)).toEqual([attached]);
    expect(await caseFiles.attachmentContent(4, attached.id)).toEqual({ mediaType: 'application/pdf', content: Buffer.from([37, 80, 68, 70]) });
    expect(await caseFiles.readerSince('police', 'first')).toBe('first');
    expect(await caseFiles.readerSince('police', 'second')).toBe('first');
    await caseFiles.markRead('police', 4, 'r1');
    await caseFiles.markRead('police', 4, 'r2');
  });
});

const message = (n: number): LiveMessage => ({
  type: 'incident.alarm', data: { n },
  about: { collection: 'incidents', feature: { type: 'Feature', id: n, geometry: { type: 'Point', coordinates: [108, 14.4] }, properties: { asset_owner: 'viettel' } } },
});

describeProviders('the live log', (fresh) => {
  it('numbers messages without going back, after pruning too', async () => {
    const { live } = await fresh();
    const start = await live.latest();
    expect(await live.append('a', message(1), 1_000)).toBe(start + 1);
    expect(await live.append('b', message(2), 2_000)).toBe(start + 2);
    expect(await live.since(start, 10)).toEqual([{ seq: start + 1, origin: 'a', message: message(1) }, { seq: start + 2, origin: 'b', message: message(2) }]);
    expect((await live.since(start, 1)).length).toBe(1);
    await live.prune(1_500);
    expect((await live.since(start, 10)).map((entry) => entry.seq)).toEqual([start + 2]);
    await live.prune(10_000);
    expect(await live.latest()).toBe(start + 2);
    expect(await live.append('a', message(3), 3_000)).toBe(start + 3);
  });
});
