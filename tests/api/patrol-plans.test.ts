import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generator/index.ts';
import { createTestApp, getJson, type TestApp } from '../helpers/test-app.ts';

type Plan = {
  id: string;
  status: string;
  seed: string;
  coverage: { expectedRiskSharePerDay: number; uniformRiskSharePerDay: number; ratio: number };
  shifts: { unitId: string; date: string; stops: { targetId: string; kind: string }[] }[];
};

let test: TestApp;
const request = { name: 'Kế hoạch tuần tra tháng 11', startDate: '2026-11-01', endDate: '2026-11-14', units: 4, shiftsPerDay: 2, seed: 'demo-seed' };

function post(body: unknown, raw?: string) {
  return test.app.request('/api/patrol-plans', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: raw ?? JSON.stringify(body) });
}

beforeAll(async () => {
  test = await createTestApp(generateDemo());
});

describe('/api/patrol-plans', () => {
  it('generates a draft plan, lists it, reads it back and approves it', async () => {
    const created = await post(request);
    expect(created.status).toBe(201);
    const plan = (await created.json()) as Plan;
    expect(plan.status).toBe('draft');
    expect(plan.shifts.length).toBeGreaterThan(0);
    expect(plan.shifts.length).toBeLessThanOrEqual(4 * 2 * 14);
    for (const shift of plan.shifts) {
      expect(shift.date >= request.startDate && shift.date <= request.endDate).toBe(true);
      expect(shift.stops.length).toBeLessThanOrEqual(6);
    }
    const visited = new Set(plan.shifts.flatMap((shift) => shift.stops.map((stop) => stop.targetId)));
    expect([...visited].some((id) => id.startsWith('key-target-'))).toBe(true);
    expect([...visited].some((id) => id.startsWith('hotspot-'))).toBe(true);
    expect(plan.coverage.expectedRiskSharePerDay).toBeGreaterThanOrEqual(plan.coverage.uniformRiskSharePerDay);
    const list = await getJson<{ plans: { id: string }[] }>(test.app, '/api/patrol-plans');
    expect(list.body.plans.map((summary) => summary.id)).toContain(plan.id);
    const read = await getJson<Plan>(test.app, `/api/patrol-plans/${plan.id}`);
    expect(read.body.shifts).toEqual(plan.shifts);
    const approved = await test.app.request(`/api/patrol-plans/${plan.id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"approved"}' });
    expect(((await approved.json()) as Plan).status).toBe('approved');
  });

  it('gives the same plan for the same seed', async () => {
    const first = (await (await post(request)).json()) as Plan;
    const second = (await (await post(request)).json()) as Plan;
    expect(second.shifts).toEqual(first.shifts);
    expect(second.id).not.toBe(first.id);
  });

  it('exports GPX, CSV and GeoJSON downloads', async () => {
    const plan = (await (await post(request)).json()) as Plan;
    const expected = { gpx: 'application/gpx+xml', csv: 'text/csv', geojson: 'application/geo+json' };
    for (const [format, type] of Object.entries(expected)) {
      const response = await test.app.request(`/api/patrol-plans/${plan.id}/export?format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      expect(response.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename=".+\\.${format}"`));
      expect((await response.text()).length).toBeGreaterThan(100);
    }
    const bad = await getJson<{ error: { details: { parameter: string } } }>(test.app, `/api/patrol-plans/${plan.id}/export?format=shp`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.parameter).toBe('format');
  });

  it.each([
    ['malformed JSON', undefined, '{"name":'],
    ['no units', { ...request, units: undefined }, undefined],
    ['too many units', { ...request, units: 500 }, undefined],
    ['end before start', { ...request, endDate: '2026-10-01' }, undefined],
    ['a horizon over 92 days', { ...request, endDate: '2027-06-01' }, undefined],
    ['an unknown field', { ...request, colour: 'red' }, undefined],
    ['a bad selection', { ...request, selection: { types: 'meteor' } }, undefined],
  ])('refuses %s with a 400 and saves nothing', async (_, body, raw) => {
    const before = (await getJson<{ plans: unknown[] }>(test.app, '/api/patrol-plans')).body.plans.length;
    const response = await post(body, raw);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(answer.error.message.length).toBeGreaterThan(0);
    expect((await getJson<{ plans: unknown[] }>(test.app, '/api/patrol-plans')).body.plans.length).toBe(before);
  });

  it('refuses a body over 64 KB with a 413 and saves nothing', async () => {
    const before = (await getJson<{ plans: unknown[] }>(test.app, '/api/patrol-plans')).body.plans.length;
    const response = await post({ ...request, name: 'x'.repeat(70_000) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BodyTooLarge');
    expect((await getJson<{ plans: unknown[] }>(test.app, '/api/patrol-plans')).body.plans.length).toBe(before);
  });

  it('answers 404 for an unknown plan and 400 for an unknown status', async () => {
    expect((await test.app.request('/api/patrol-plans/nope')).status).toBe(404);
    const plan = (await (await post(request)).json()) as Plan;
    const response = await test.app.request(`/api/patrol-plans/${plan.id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"done"}' });
    expect(response.status).toBe(400);
  });
});
