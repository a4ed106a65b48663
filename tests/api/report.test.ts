import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

type Row = { key: string; count: number; previous: number; change: number | null };
type Report = {
  period: { from: string; to: string }; previousPeriod: { label: string };
  incidents: { total: number; previousTotal: number; byType: Row[]; byCommune: Row[]; byDistrict: Row[]; byCarrier: Row[]; resolved: number; open: number; damageVnd: number };
  keyTargets: { proposed: number; designated: number }; hotline: { received: number; converted: number; pending: number }; inspections: { total: number; violation: number };
};

describe('the six-monthly report', async () => {
  const t = await createTestApp(await demoDataset(), { now: () => new Date('2026-05-15T08:00:00Z') });
  const count = async (query: string) => (await getJson<{ numberMatched: number }>(t.as('dic'), `/api/collections/incidents/items?limit=1&${query}`)).body.numberMatched;
  const H1 = 'datetime=2026-01-01T00:00:00Z/2026-06-30T23:59:59.999Z';

  it('counts incidents exactly as the items endpoint does, by type, district and carrier, against the previous half-year', async () => {
    const { status, body } = await getJson<Report>(t.as('dic'), '/api/reports/six-monthly?period=2026-H1');
    expect(status).toBe(200);
    expect(body.previousPeriod.label).toBe('2025-H2');
    expect(body.incidents.total).toBe(await count(H1));
    expect(body.incidents.total).toBeGreaterThan(100);
    expect(body.incidents.previousTotal).toBe(await count('datetime=2025-07-01T00:00:00Z/2025-12-31T23:59:59.999Z'));
    for (const row of body.incidents.byType) expect(row.count).toBe(await count(`${H1}&type=${row.key}`));
    for (const row of body.incidents.byCarrier.filter((r) => r.key !== 'none')) expect(row.count).toBe(await count(`${H1}&asset_owner=${row.key}`));
    for (const row of body.incidents.byDistrict.filter((r) => r.key !== 'none')) expect(row.count).toBe(await count(`${H1}&district_code=${row.key}`));
    // Communes, the live level since 2025: every demo incident has one, and each row is the API's count.
    expect(body.incidents.byCommune.map((row) => row.key)).not.toContain('none');
    expect(body.incidents.byCommune.length).toBeGreaterThan(30);
    for (const row of body.incidents.byCommune) expect(row.count).toBe(await count(`${H1}&commune_code=${row.key}`));
    expect(body.incidents.byCommune.reduce((sum, row) => sum + row.count, 0)).toBe(body.incidents.total);
    expect(body.incidents.resolved).toBe(await count(`${H1}&status=resolved`));
    const open = await Promise.all(['reported', 'verified', 'investigating'].map((status) => count(`${H1}&status=${status}`)));
    expect(body.incidents.open).toBe(open.reduce((a, b) => a + b, 0));
    const sumByType = body.incidents.byType.reduce((sum, row) => sum + row.count, 0);
    expect(sumByType).toBe(body.incidents.total);
  });

  it('is issued by the department as it is named today, under the province of today (data/kontum/area.json)', async () => {
    const { body } = await getJson<{ issuedBy: string; issuer: string; place: string }>(t.as('dic'), '/api/reports/six-monthly?period=2026-H1');
    expect(body).toMatchObject({ issuedBy: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi', place: 'Quảng Ngãi' });
  });

  it('counts the period’s workflow: key-target decisions, hotline reports, inspections', async () => {
    const square = { type: 'Polygon', coordinates: [[[107.95, 14.35], [107.96, 14.35], [107.96, 14.36], [107.95, 14.36], [107.95, 14.35]]] };
    const zone = await sendJson<{ id: number }>(t.as('police'), 'POST', '/api/key-targets/proposals', {
      name: 'Khu vực báo cáo', category: 'exchange', protectionLevel: 2, justification: 'Thử', reviewDate: '2027-01-01', protectedAssets: [], geometry: square,
    });
    await sendJson(t.as('dic'), 'POST', `/api/key-targets/${zone.body.id}/transitions`, { action: 'approve', comment: 'Đồng ý' });
    await sendJson(t.as('public'), 'POST', '/api/hotline/reports', { lon: 108.0, lat: 14.35, seenAt: '2026-05-14T10:00:00Z', description: 'Thấy cắt cáp' });
    const dealer = (await getJson<{ features: { id: number }[] }>(t.as('police'), '/api/collections/scrap_dealers/items?limit=1')).body.features[0];
    await sendJson(t.as('police'), 'POST', `/api/scrap-dealers/${dealer.id}/inspections`, { date: '2026-05-10', result: 'violation' });
    const { body } = await getJson<Report>(t.as('dic'), '/api/reports/six-monthly?period=2026-H1');
    expect(body.keyTargets).toMatchObject({ proposed: 1, designated: 1 });
    expect(body.hotline).toMatchObject({ received: 1, pending: 1, converted: 0 });
    expect(body.inspections).toMatchObject({ total: 1, violation: 1 });
    const lastYear = (await getJson<Report>(t.as('dic'), '/api/reports/six-monthly?period=2025-H1')).body;
    expect(lastYear.keyTargets.designated).toBe(0);
  });

  it('exports every table as CSV with Vietnamese headings, and refuses a bad period or a carrier', async () => {
    const response = await t.as('dic').request('/api/reports/six-monthly?period=2026-H1&format=csv');
    const text = Buffer.from(await response.arrayBuffer()).subarray(3).toString('utf8');
    expect(text).toContain('Vụ việc theo loại');
    expect(text).toContain('Vụ việc theo huyện (cũ)');
    expect(text).toContain('Đắk Glei');
    // The commune table names the communes of the real 2025 file (Đăk Cấm is code 23284).
    expect(text).toMatch(/"Vụ việc theo xã, phường"\r\n"Xã, phường",.*\r\nĐăk Cấm,\d+,\d+/);
    expect((await t.as('dic').request('/api/reports/six-monthly?period=2026-H3')).status).toBe(400);
    expect((await t.as('dic').request('/api/reports/six-monthly?from=2026-05-01&to=2026-04-01')).status).toBe(400);
    expect((await t.as('viettel').request('/api/reports/six-monthly?period=2026-H1')).status).toBe(403);
  });
});
