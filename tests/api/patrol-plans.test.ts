import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import type { PatrolPlan } from '../../server/analysis/patrol-plan/index.ts';
import { evenly, watchedShares } from '../helpers/patrol-coverage.ts';
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
  test = await createTestApp(await demoDataset());
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

describe('patrol plans on the demo data', () => {
  const fourteen = { ...request, seed: undefined };
  const planOf = async (body: Record<string, unknown>) => {
    const response = await post(body);
    expect(response.status).toBe(201);
    return (await response.json()) as PatrolPlan & { id: string };
  };

  it.each([[1, 1], [2, 2], [4, 2]])('with %i unit(s) × %i shift(s) covers more risk than the uniform plan, recomputed from the published stops', async (units, shiftsPerDay) => {
    const plan = await planOf({ ...fourteen, units, shiftsPerDay, seed: `coverage-${units}x${shiftsPerDay}` });
    const riskSum = plan.targets.reduce((sum, target) => sum + target.risk, 0);
    const shares = watchedShares(plan, ['periodic', 'surprise'], request.startDate, 14, plan.coverage.model.residualMinutes);
    const share = plan.targets.reduce((sum, target) => sum + target.risk * (shares.get(target.id) ?? 0), 0) / riskSum;
    expect(Math.abs(share - plan.coverage.expectedRiskSharePerDay)).toBeLessThan(2e-4);
    expect(plan.coverage.expectedRiskSharePerDay).toBeGreaterThanOrEqual(plan.coverage.uniformRiskSharePerDay);
    expect(plan.coverage.expectedRiskSharePerDay).toBeLessThanOrEqual(plan.coverage.topKRiskSharePerDay);
    // The surprise visits go to more risk than the same number spread evenly over the days each target has free.
    const periodicDays = new Map<string, Set<string>>(), surprise = new Map<string, number>();
    for (const shift of plan.shifts) for (const stop of shift.stops) {
      if (stop.kind === 'periodic') periodicDays.set(stop.targetId, (periodicDays.get(stop.targetId) ?? new Set()).add(shift.date));
      else surprise.set(stop.targetId, (surprise.get(stop.targetId) ?? 0) + 1);
    }
    const reachable = plan.targets.filter((target) => !plan.warnings.some((warning) => warning.includes(`(${target.id})`) && /not planned/.test(warning)));
    const total = [...surprise.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    const uniform = evenly(reachable.map((target) => 14 - (periodicDays.get(target.id)?.size ?? 0)), total);
    const planRisk = reachable.reduce((sum, target) => sum + target.risk * (surprise.get(target.id) ?? 0), 0);
    expect(planRisk).toBeGreaterThanOrEqual(reachable.reduce((sum, target, i) => sum + target.risk * uniform[i], 0) - 1e-9);
  }, 120_000);

  it('the README’s example plan cannot be predicted without its seed: seeds differ, times of day spread, every unit works every shift type', async () => {
    const slot = (iso: string) => { const local = new Date(Date.parse(iso) + 7 * 3_600_000); return local.getUTCHours() * 2 + Math.floor(local.getUTCMinutes() / 30); };
    const plans = await Promise.all(Array.from({ length: 6 }, (_, k) => planOf({ ...fourteen, seed: `readme-${k}` })));
    const visits = plans.map((plan) => new Set(plan.shifts.flatMap((shift) => shift.stops.filter((stop) => stop.kind === 'surprise').map((stop) => `${shift.date}/${stop.targetId}/${slot(stop.arrival)}`))));
    for (let a = 0; a < plans.length; a++) for (let b = a + 1; b < plans.length; b++) {
      const shared = [...visits[a]].filter((visit) => visits[b].has(visit)).length;
      expect(shared / Math.min(visits[a].size, visits[b].size), `seeds ${a} and ${b}`).toBeLessThanOrEqual(0.3);
    }
    for (const plan of plans) {
      const slots = new Map<string, number[]>();
      for (const shift of plan.shifts) for (const stop of shift.stops) {
        if (stop.kind === 'surprise' && stop.targetId.startsWith('hotspot-')) slots.set(stop.targetId, [...(slots.get(stop.targetId) ?? []), slot(stop.arrival)]);
      }
      expect(slots.size).toBeGreaterThan(0);
      for (const [target, list] of slots) {
        const most = Math.max(...[...new Set(list)].map((s) => list.filter((x) => x === s).length));
        if (list.length >= 5) expect(most / list.length, target).toBeLessThanOrEqual(0.4);
      }
      expect(new Set(plan.shifts.map((shift) => `${shift.unitId}/${shift.shift}`)).size).toBe(request.units * request.shiftsPerDay);
    }
  }, 180_000);

  it('takes its hotspot targets from the forecast when asked: each lies on the forecast’s top 3 % of the area', async () => {
    const selection = { start: '2025-11-01', end: '2026-10-31' };
    const plan = await planOf({ ...fourteen, seed: 'forecast-targets', targetsFrom: 'forecast', selection });
    const forecast = await getJson<{ cells: { features: GeoJSON.Feature<GeoJSON.Polygon, { top_percent: number | null }>[] } }>(test.app, `/api/analysis/forecast?end=${selection.end}&weeks=2`);
    const top = forecast.body.cells.features.filter((cell) => cell.properties.top_percent !== null && cell.properties.top_percent <= 3);
    const areas = plan.targets.filter((target) => target.id.startsWith('forecast-'));
    expect(areas.length).toBeGreaterThan(0);
    expect(plan.targets.some((target) => target.id.startsWith('hotspot-'))).toBe(false);
    const places = new Map(plan.shifts.flatMap((shift) => shift.stops.filter((stop) => stop.targetId.startsWith('forecast-')).map((stop) => [stop.targetId, { name: stop.targetName, point: [stop.lon, stop.lat] }] as [string, { name: string; point: number[] }])));
    expect(places.size).toBeGreaterThan(0);
    for (const [id, { name, point }] of places) {
      expect(name).toMatch(/^Vùng dự báo #\d+$/);
      // The centre of a group of touching top cells lies in one of them or within a cell of one.
      const nearest = Math.min(...top.map((cell) => turf.distance(turf.centroid(cell), point, { units: 'meters' })));
      expect(nearest, id).toBeLessThan(1800);
    }
  }, 120_000);
});
