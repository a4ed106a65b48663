import { describe, expect, it } from 'vitest';
import { REPORTS_PER_WINDOW } from '../../server/hotline/routes.ts';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson, type TestApp } from '../helpers/test-app.ts';

const report = (extra: Record<string, unknown> = {}) => ({
  lon: 108.0052, lat: 14.3552, seenAt: '2026-03-01T03:00:00Z', description: 'Thấy 2 người cắt cáp <script>alert(1)</script>',
  contact: { name: 'Nguyễn Văn B', phone: '0905 123 456' }, ...extra,
});
type Filed = { trackingCode: string; status: string };

async function fresh(): Promise<TestApp> {
  return createTestApp(EDITING_DATASET, { now: () => new Date('2026-03-01T08:00:00Z') });
}

describe('the citizen hotline', async () => {
  const t = await fresh();

  it('the public files a report and follows it by its tracking code, seeing no internal detail', async () => {
    const filed = await sendJson<Filed>(t.as('public'), 'POST', '/api/hotline/reports', report());
    expect(filed.status).toBe(201);
    expect(filed.body.trackingCode).toMatch(/^KT-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const tracked = await getJson<Record<string, unknown>>(t.as('public'), `/api/hotline/reports/track/${filed.body.trackingCode.toLowerCase()}`);
    expect(tracked.body).toEqual({ trackingCode: filed.body.trackingCode, status: 'received', receivedAt: '2026-03-01T08:00:00.000Z', closingReason: null, helped: false });
    expect((await t.as('public').request('/api/hotline/reports/track/KT-AAAA-AAAA')).status).toBe(404);
  });

  it('keeps the text as typed (escaping is the page’s job) and shows the contact to police only', async () => {
    const list = async (caller: 'police' | 'dic') => (await getJson<{ reports: { description: string; contact: unknown }[] }>(t.as(caller), '/api/hotline/reports')).body.reports[0];
    expect((await list('police')).contact).toEqual({ name: 'Nguyễn Văn B', phone: '0905 123 456' });
    expect((await list('police')).description).toContain('<script>');
    expect((await list('dic')).contact).toBe('hidden');
    expect((await t.as('viettel').request('/api/hotline/reports')).status).toBe(403);
    expect((await t.as('public').request('/api/hotline/reports')).status).toBe(401);
  });

  it('converts a report into an incident and lists earlier incidents within 50 m and 24 h as possible duplicates', async () => {
    const filed = await sendJson<Filed>(t.as('police'), 'POST', '/api/hotline/reports', report({ seenAt: '2026-03-01T05:00:00Z' }));
    const [queued] = (await getJson<{ reports: { id: number; trackingCode: string }[] }>(t.as('police'), '/api/hotline/reports?status=received')).body.reports.filter((r) => r.trackingCode === filed.body.trackingCode);
    const earlier = await sendJson<{ id: number }>(t.as('police'), 'POST', '/api/incidents', { lon: 108.0053, lat: 14.3553, type: 'cable_theft', occurredAt: '2026-03-01T04:00:00Z' });
    const converted = await sendJson<{ incident: { id: number; properties: Record<string, unknown> }; possibleDuplicates: { id: number }[] }>(
      t.as('police'), 'POST', `/api/hotline/reports/${queued.id}/convert`, { type: 'cable_theft', duplicateOf: earlier.body.id },
    );
    expect(converted.status).toBe(201);
    expect(converted.body.possibleDuplicates.map((incident) => incident.id)).toContain(earlier.body.id);
    expect(converted.body.incident.properties).toMatchObject({ source: 'hotline', status: 'duplicate', occurred_at: '2026-03-01T05:00:00Z' });
    expect((await getJson<{ status: string }>(t.as('public'), `/api/hotline/reports/track/${filed.body.trackingCode}`)).body.status).toBe('converted');
    expect((await sendJson(t.as('police'), 'POST', `/api/hotline/reports/${queued.id}/close`, { reason: 'x' })).status).toBe(409);
  });

  it('closes a report with a reason the reporter can read', async () => {
    const filed = await sendJson<Filed>(t.as('police'), 'POST', '/api/hotline/reports', report({ description: 'Tin không rõ' }));
    const id = (await getJson<{ reports: { id: number; trackingCode: string }[] }>(t.as('police'), '/api/hotline/reports')).body.reports.find((r) => r.trackingCode === filed.body.trackingCode)!.id;
    expect((await sendJson(t.as('dic'), 'POST', `/api/hotline/reports/${id}/close`, { reason: 'x' })).status).toBe(403);
    expect((await sendJson(t.as('police'), 'POST', `/api/hotline/reports/${id}/close`, { reason: 'Đã xác minh, không có vi phạm' })).status).toBe(200);
    expect((await getJson<Record<string, unknown>>(t.as('public'), `/api/hotline/reports/track/${filed.body.trackingCode}`)).body).toMatchObject({ status: 'closed', closingReason: 'Đã xác minh, không có vi phạm' });
  });
});

describe('hotline abuse limits', () => {
  it(`answers 429 to the report after ${REPORTS_PER_WINDOW} from one address in ten minutes, and stores it not`, async () => {
    const t = await fresh();
    for (let index = 0; index < REPORTS_PER_WINDOW; index += 1) expect((await sendJson(t.as('public'), 'POST', '/api/hotline/reports', report())).status).toBe(201);
    const refused = await t.as('public').request('/api/hotline/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report()) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await getJson<{ numberMatched: number }>(t.as('police'), '/api/hotline/reports')).body.numberMatched).toBe(REPORTS_PER_WINDOW);
  });

  it('refuses a body over 8 KB, a place outside the province and a future time, storing nothing', async () => {
    const t = await fresh();
    expect((await sendJson(t.as('public'), 'POST', '/api/hotline/reports', report({ description: 'x'.repeat(9 * 1024) }))).status).toBe(413);
    expect((await sendJson(t.as('public'), 'POST', '/api/hotline/reports', report({ lon: 106.7, lat: 10.8 }))).status).toBe(400);
    expect((await sendJson(t.as('public'), 'POST', '/api/hotline/reports', report({ seenAt: '2026-04-01T00:00:00Z' }))).status).toBe(400);
    expect((await sendJson(t.as('public'), 'POST', '/api/hotline/reports', report({ description: '   ' }))).status).toBe(400);
    expect((await getJson<{ numberMatched: number }>(t.as('police'), '/api/hotline/reports')).body.numberMatched).toBe(0);
  });
});
