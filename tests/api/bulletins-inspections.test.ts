import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

const dealers: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', id: 7, geometry: { type: 'Point', coordinates: [108.02, 14.36] }, properties: { name: 'Cơ sở phế liệu Hòa Bình', last_inspection_date: '2026-01-10', last_inspection_result: 'compliant' } }],
};

describe('police bulletins to carriers', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-11-28T08:00:00Z') });
  const titles = async (caller: 'viettel' | 'vnpt' | 'dic') => (await getJson<{ bulletins: { title: string }[] }>(t.as(caller), '/api/bulletins')).body.bulletins.map((b) => b.title);

  it('a bulletin to VNPT reaches VNPT and security staff, not Viettel; one to all carriers reaches both', async () => {
    const toVnpt = await sendJson<{ id: number }>(t.as('police'), 'POST', '/api/bulletins', { title: 'Thủ đoạn giả danh nhân viên VNPT', body: 'Đối tượng mặc đồng phục…', audience: ['vnpt'] });
    expect(toVnpt.status).toBe(201);
    await sendJson(t.as('police'), 'POST', '/api/bulletins', { title: 'Trộm cáp đồng ban đêm', body: 'Cắt cáp treo…', audience: 'all', severity: 'urgent' });
    expect(await titles('vnpt')).toEqual(['Trộm cáp đồng ban đêm', 'Thủ đoạn giả danh nhân viên VNPT']);
    expect(await titles('viettel')).toEqual(['Trộm cáp đồng ban đêm']);
    expect(await titles('dic')).toHaveLength(2);
    expect((await t.as('viettel').request(`/api/bulletins/${toVnpt.body.id}`)).status).toBe(404);
  });

  it('only police publish, with a title, a body and a known audience', async () => {
    expect((await sendJson(t.as('viettel'), 'POST', '/api/bulletins', { title: 'x', body: 'y', audience: 'all' })).status).toBe(403);
    expect((await sendJson(t.as('police'), 'POST', '/api/bulletins', { title: '', body: 'y', audience: 'all' })).status).toBe(400);
    expect((await sendJson(t.as('police'), 'POST', '/api/bulletins', { title: 'x', body: 'y', audience: ['acme'] })).status).toBe(400);
    expect((await t.as('ubnd').request('/api/bulletins')).status).toBe(403);
  });
});

describe('scrap-dealer inspections', async () => {
  const t = await createTestApp({ ...EDITING_DATASET, scrap_dealers: dealers }, { now: () => new Date('2026-11-28T08:00:00Z') });

  it('records an inspection and moves the dealer’s last inspection on the map to it', async () => {
    const recorded = await sendJson(t.as('police'), 'POST', '/api/scrap-dealers/7/inspections', { date: '2026-11-20', result: 'violation', notes: 'Mua 50 kg cáp đồng không rõ nguồn gốc' });
    expect(recorded.status).toBe(201);
    expect((await t.features.get('scrap_dealers', 7))?.properties).toMatchObject({ last_inspection_date: '2026-11-20', last_inspection_result: 'violation' });
    await sendJson(t.as('police'), 'POST', '/api/scrap-dealers/7/inspections', { date: '2026-06-01', result: 'warning' });
    expect((await t.features.get('scrap_dealers', 7))?.properties.last_inspection_result).toBe('violation');
    const { body } = await getJson<{ inspections: { date: string }[] }>(t.as('ubnd'), '/api/scrap-dealers/7/inspections');
    expect(body.inspections.map((inspection) => inspection.date)).toEqual(['2026-11-20', '2026-06-01']);
  });

  it('refuses a future date, an unknown result or dealer, and other roles, storing nothing', async () => {
    const count = async () => (await getJson<{ inspections: unknown[] }>(t.as('police'), '/api/scrap-dealers/7/inspections')).body.inspections.length;
    const before = await count();
    expect((await sendJson(t.as('police'), 'POST', '/api/scrap-dealers/7/inspections', { date: '2026-12-01', result: 'compliant' })).status).toBe(400);
    expect((await sendJson(t.as('police'), 'POST', '/api/scrap-dealers/7/inspections', { date: '2026-11-01', result: 'fine' })).status).toBe(400);
    expect((await sendJson(t.as('police'), 'POST', '/api/scrap-dealers/99/inspections', { date: '2026-11-01', result: 'compliant' })).status).toBe(404);
    expect((await sendJson(t.as('viettel'), 'POST', '/api/scrap-dealers/7/inspections', { date: '2026-11-01', result: 'compliant' })).status).toBe(403);
    expect(await count()).toBe(before);
  });
});
