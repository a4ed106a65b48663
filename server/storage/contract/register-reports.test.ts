import type { Feature, FeatureCollection } from 'geojson';
import { expect, it } from 'vitest';
import { describeProviders, type ContractStorage } from '../../../tests/helpers/providers.ts';
import type { RegisterQuery } from '../case-files.ts';

const incident = (id: number, properties: Record<string, unknown>, lon = 108, lat = 14.5): Feature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { type: 'cable_cut', occurred_at: `2026-11-0${id}T08:00:00Z`, reported_at: `2026-11-0${id}T09:00:00Z`, source: 'patrol', status: 'reported', ...properties },
});

async function seeded(fresh: () => Promise<ContractStorage>): Promise<ContractStorage> {
  const storage = await fresh();
  await storage.features.insertDataset({
    bts_sites: { type: 'FeatureCollection', features: [{ type: 'Feature', id: 1, geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { site_code: 'KTM-VT-001', owner: 'viettel', technologies: ['4G'], status: 'active' } }] },
    incidents: { type: 'FeatureCollection', features: [
      incident(1, { asset_collection: 'bts_sites', asset_id: 1, asset_owner: 'viettel', district_code: 'D1', description: 'Kẻ gian cắt cáp quang', damage_vnd: 3_000_000_000 }),
      incident(2, { type: 'cable_theft', asset_owner: 'vnpt', district_code: 'D2', status: 'resolved', outage_minutes: 90 }, 107.5, 14.2),
      incident(3, { asset_owner: 'viettel', status: 'false_alarm' }),
    ] },
  });
  return storage;
}

const reader = { username: 'police', since: '2026-11-02T00:00:00Z' };
const query = (more: Partial<RegisterQuery>): RegisterQuery => ({ scope: [], sort: 'id', descending: false, limit: 10, offset: 0, reader, today: '2026-11-20', ...more });

describeProviders('the case register', (fresh) => {
  it('lists incidents with their asset, assignment and badges, filtered and sorted', async () => {
    const storage = await seeded(fresh);
    await storage.caseFiles.assign(1, 'officer1', '2026-11-10', { username: 'police', role: 'police_planner' }, '2026-11-01T10:00:00Z', null);
    await storage.caseFiles.markRead('police', 3, '2026-11-03T10:00:00Z');
    const { rows, numberMatched } = await storage.register.search(query({}));
    expect(numberMatched).toBe(3);
    expect(rows[0]).toEqual({ id: 1, type: 'cable_cut', status: 'reported', source: 'patrol', occurredAt: '2026-11-01T08:00:00Z', reportedAt: '2026-11-01T09:00:00Z', lon: 108, lat: 14.5,
      districtCode: 'D1', assetCollection: 'bts_sites', assetId: 1, assetOwner: 'viettel', assetLabel: 'KTM-VT-001', trackingCode: null, description: 'Kẻ gian cắt cáp quang',
      officer: 'officer1', dueDate: '2026-11-10', overdue: true, isNew: false });
    expect(rows.map((row) => [row.id, row.overdue, row.isNew])).toEqual([[1, true, false], [2, false, true], [3, false, false]]);
    const ids = async (more: Partial<RegisterQuery>) => (await storage.register.search(query(more))).rows.map((row) => row.id);
    expect(await ids({ scope: [{ property: 'asset_owner', value: 'viettel' }] })).toEqual([1, 3]);
    expect(await ids({ text: 'cat cap' })).toEqual([1]);
    expect(await ids({ text: 'ktm-vt' })).toEqual([1]);
    expect(await ids({ text: '#2' })).toEqual([2]);
    expect(await ids({ statuses: [] })).toEqual([]);
    expect(await ids({ assignees: [''] })).toEqual([2, 3]);
    expect(await ids({ bbox: [107.4, 14.1, 107.6, 14.3] })).toEqual([2]);
    expect(await ids({ sort: 'due_date', descending: true })).toEqual([1, 3, 2]);
    expect(await ids({ sort: 'type', descending: false })).toEqual([1, 3, 2]);
    expect(await ids({ overdue: true })).toEqual([1]);
    expect(await ids({ unread: true })).toEqual([2]);
    expect(await storage.register.badges({ scope: [], reader, today: '2026-11-20' })).toEqual({ unread: 1, overdue: 1, assignedToMe: 0 });
  });
});

describeProviders('the six-monthly report’s counts', (fresh) => {
  it('counts incidents, plans, hotline reports and inspections of a period', async () => {
    const storage = await seeded(fresh);
    await storage.plans.save({ id: 'p', name: 'n', status: 'approved', createdAt: 'c', updatedAt: 'u', startDate: '2026-11-02', endDate: '2026-11-08', body: { coverage: { expectedRiskSharePerDay: 0.5 }, parameters: { units: 4 } } });
    await storage.hotline.add({ trackingCode: 'KT-1', lon: 108, lat: 14.5, seenAt: '2026-11-01T00:00:00.000Z', description: 'd', category: null, contact: null, receivedAt: '2026-11-01T00:00:00.000Z', clientAddress: 'x' });
    await storage.inspections.add({ target: { kind: 'site', collection: 'bts_sites', id: 1, owner: 'viettel', name: null, area: null }, agency: 'dic', jointWith: [], date: '2026-11-05', findings: [],
      decision: { kind: 'fine', amountVnd: 5_000_000, legalBasis: 'NĐ' }, result: 'violation', followUpDate: null, notes: null, planItemId: null, recordedBy: 'dic', recordedAt: 'r' });
    const counts = await storage.reports.periodCounts({ startMs: Date.parse('2026-11-01T00:00:00Z'), endMs: Date.parse('2026-11-30T23:59:59Z') }, { from: '2026-11-01', to: '2026-11-30' }, ['reported', 'verified', 'investigating']);
    expect(counts).toEqual({
      incidentsBy: { type: { cable_cut: 2, cable_theft: 1 }, commune_code: { none: 3 }, district_code: { D1: 1, D2: 1, none: 1 }, asset_owner: { viettel: 2, vnpt: 1 } },
      incidents: { total: 3, damageVnd: 3_000_000_000, outageMinutes: 90, resolved: 1, open: 1, dismissed: 1 },
      keyTargetActions: {}, plans: { plans: 1, approved: 1, unitDays: 4, meanCoverage: 0.5 }, hotline: { received: 1 },
      inspections: { byResult: { violation: 1 }, byAgencyDecision: { dic: { fine: 1 } }, finesVndByAgency: { dic: 5_000_000 } },
    });
  });
});

describeProviders('patrol tracks and fibre breaks', (fresh) => {
  it('keeps a plan’s tracks in upload order without their geometry, and one located break per incident', async () => {
    const storage = await fresh();
    await storage.plans.save({ id: 'p', name: 'n', status: 'draft', createdAt: 'c', updatedAt: 'u', startDate: '2026-11-02', endDate: '2026-11-08', body: {} });
    const id = await storage.tracks.add({ planId: 'p', name: 'GPX 1', uploadedBy: 'police', uploadedAt: 'u1', startedAt: null, endedAt: null, geometry: { type: 'LineString', coordinates: [[108, 14], [108.1, 14.1]] }, measure: { km: 12.5 } });
    expect(await storage.tracks.list('p')).toEqual([{ id, name: 'GPX 1', uploadedBy: 'police', uploadedAt: 'u1', startedAt: null, endedAt: null, measure: { km: 12.5 } }]);
    const located = (km: number): FeatureCollection => ({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [108, 14] }, properties: { km } }] });
    await storage.fibreBreaks.put({ incidentId: 5, routeId: 2, located: located(3.2), locatedAt: 'l1' });
    await storage.fibreBreaks.put({ incidentId: 5, routeId: 3, located: located(4), locatedAt: 'l2' });
    expect(await storage.fibreBreaks.get(5)).toEqual({ incidentId: 5, routeId: 3, located: located(4), locatedAt: 'l2' });
    expect(await storage.fibreBreaks.get(6)).toBeUndefined();
  });
});
