import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

type Page = { numberMatched: number; features: { id: number; properties: Record<string, unknown>; geometry: { type: string } }[] };

describe('patrol plans and hotline reports in OGC API – Features', async () => {
  const t = await createTestApp(await demoDataset(), { now: () => new Date('2026-11-28T08:00:00Z') });
  await sendJson(t.as('police'), 'POST', '/api/patrol-plans', { name: 'Kế hoạch OGC', startDate: '2026-12-01', endDate: '2026-12-02', units: 2, shiftsPerDay: 1, seed: 'ogc' });
  await sendJson(t.as('public'), 'POST', '/api/hotline/reports', { lon: 108.0, lat: 14.35, seenAt: '2026-11-28T06:00:00Z', description: 'Thấy cắt cáp', contact: { name: 'Bí mật', phone: '0900000000' } });
  const ids = async (caller: 'police' | 'viettel') => (await getJson<{ collections: { id: string }[] }>(t.as(caller), '/api/collections')).body.collections.map((c) => c.id);

  it('lists them for security staff and not for carriers', async () => {
    expect(await ids('police')).toEqual(expect.arrayContaining(['patrol_plans', 'hotline_reports']));
    expect(await ids('viettel')).not.toContain('hotline_reports');
    expect((await t.as('viettel').request('/api/collections/hotline_reports/items')).status).toBe(403);
  });

  it('serves plans as multi-lines and reports as points, with no contact details, paged and filtered like any collection', async () => {
    const plans = (await getJson<Page>(t.as('dic'), '/api/collections/patrol_plans/items?status=draft')).body;
    expect(plans.numberMatched).toBe(1);
    expect(plans.features[0].geometry.type).toBe('MultiLineString');
    expect(plans.features[0].properties.name).toBe('Kế hoạch OGC');
    const reports = (await getJson<Page>(t.as('police'), '/api/collections/hotline_reports/items?bbox=107.9,14.3,108.1,14.4')).body;
    expect(reports.numberMatched).toBe(1);
    expect(JSON.stringify(reports)).not.toContain('0900000000');
    expect((await getJson<Page>(t.as('police'), '/api/collections/hotline_reports/items?bbox=106,10,106.1,10.1')).body.numberMatched).toBe(0);
    expect((await t.as('police').request(`/api/collections/hotline_reports/items/${reports.features[0].id}`)).status).toBe(200);
  });
});
