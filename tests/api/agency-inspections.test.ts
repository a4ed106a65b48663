import type { Feature, FeatureCollection } from 'geojson';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generator/index.ts';
import { openAndSeed } from '../../server/bootstrap.ts';
import { parsePeriod } from '../../server/reports/period.ts';
import { sixMonthlyReport } from '../../server/reports/six-monthly.ts';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson, type Caller, type TestApp } from '../helpers/test-app.ts';
import { translateProblem } from '../../web/src/i18n/problems.ts';

const agent = (id: number, owner: string): Feature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [108.0 + id / 100, 14.4] },
  properties: { name: `Đại lý SIM ${id}`, kind: 'telecom_agent', owner, status: 'active', licence: `HĐĐL-${id}`, last_inspection_date: null, last_inspection_result: 'not_inspected' },
});
const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
/** Viettel's agent 1, VNPT's agent 2, scrap dealer 7, and the access network's BTS sites 1–4 (Viettel 1–2, VNPT 3–4). */
const DATASET: Record<string, FeatureCollection> = {
  ...EDITING_DATASET,
  service_agents: collection(agent(1, 'viettel'), agent(2, 'vnpt')),
  scrap_dealers: collection({ type: 'Feature', id: 7, geometry: { type: 'Point', coordinates: [108.02, 14.36] }, properties: { name: 'Cơ sở phế liệu Hòa Bình', last_inspection_date: null, last_inspection_result: 'not_inspected' } }),
};
const NOW = () => new Date('2026-11-28T08:00:00Z');

type Inspection = { id: number; agency: string; date: string; result: string; target: { kind: string; collection: string | null; id: number | null; owner: string | null }; planItemId: number | null };
type Page = { inspections: Inspection[]; numberMatched: number };
type PlanItem = { id: number; status: string; missing: string[]; recorded: { agency: string }[] };
type Plan = { id: number; items: PlanItem[]; counts: { items: number; done: number; overdue: number; planned: number } };

const compliant = { date: '2026-11-20', findings: [], decision: { kind: 'none' } };
const record = (t: TestApp, caller: Caller, body: Record<string, unknown>) => sendJson<Inspection & { error?: { code: string; details?: { problems?: { path: string }[] } } }>(t.as(caller), 'POST', '/api/inspections', body);
const feature = async (t: TestApp, collectionId: string, id: number) => (await t.features.get(collectionId, id))!.properties;

describe('inspections by agency: who records as which agency', async () => {
  const t = await createTestApp(DATASET, { now: NOW });

  it('the police record as the police, and only as the police', async () => {
    const made = await record(t, 'police', { ...compliant, target: { collection: 'service_agents', id: 1 } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ agency: 'police', result: 'compliant', target: { kind: 'service_agent', collection: 'service_agents', id: 1, owner: 'viettel' } });
    const asCustoms = await record(t, 'police', { ...compliant, agency: 'customs', target: { collection: 'service_agents', id: 1 } });
    expect(asCustoms.status).toBe(400);
    expect(asCustoms.body.error?.details?.problems?.map((problem) => problem.path)).toEqual(['agency']);
  });

  it('the department records as itself or for an agency it coordinates, naming which', async () => {
    expect((await record(t, 'dic', { ...compliant, target: { collection: 'bts_sites', id: 3 } })).status).toBe(400);
    const market = await record(t, 'dic', { ...compliant, agency: 'market_management', jointWith: ['police'], target: { collection: 'bts_sites', id: 3 } });
    expect(market.status).toBe(201);
    expect(market.body).toMatchObject({ agency: 'market_management', jointWith: ['police'], target: { kind: 'site', owner: 'vnpt' } });
    expect((await record(t, 'dic', { ...compliant, agency: 'police', target: { collection: 'bts_sites', id: 3 } })).status).toBe(400);
  });

  it('carriers and the People’s Committee record nothing', async () => {
    for (const caller of ['viettel', 'vnpt', 'ubnd'] as const) expect((await record(t, caller, { ...compliant, target: { collection: 'service_agents', id: 1 } })).status).toBe(403);
    expect((await record(t, 'public', { ...compliant, target: { collection: 'service_agents', id: 1 } })).status).toBe(401);
  });
});

describe('inspections by agency: the map follows the latest inspection by date', async () => {
  const t = await createTestApp(DATASET, { now: NOW });

  it('an agent’s last result is its latest inspection’s, not the last recorded, even when recorded at once', async () => {
    const fine = { findings: [{ kind: 'pre_activated_sims', severity: 'major' }], decision: { kind: 'fine', amountVnd: 30_000_000, legalBasis: 'Nghị định 15/2020/NĐ-CP, Điều 30' } };
    const dates = ['2026-03-01', '2026-11-27', '2026-06-15', '2026-11-02', '2025-12-31'];
    const responses = await Promise.all(dates.map((date) => record(t, 'police', { target: { collection: 'service_agents', id: 2 }, date, ...(date === '2026-11-27' ? fine : { findings: [], decision: { kind: 'none' } }) })));
    expect(responses.map((response) => response.status)).toEqual(dates.map(() => 201));
    expect(await feature(t, 'service_agents', 2)).toMatchObject({ last_inspection_date: '2026-11-27', last_inspection_result: 'violation' });
    await record(t, 'police', { ...compliant, date: '2026-10-01', target: { collection: 'service_agents', id: 2 } });
    expect((await feature(t, 'service_agents', 2)).last_inspection_result).toBe('violation');
    // A warning found later moves it on.
    await record(t, 'police', { date: '2026-11-28', target: { collection: 'service_agents', id: 2 }, findings: [], decision: { kind: 'warning' } });
    expect(await feature(t, 'service_agents', 2)).toMatchObject({ last_inspection_date: '2026-11-28', last_inspection_result: 'warning' });
  });

  it('the dealers’ first API records a police inspection the new list shows, and lists the others’ inspections of the dealer', async () => {
    expect((await sendJson(t.as('police'), 'POST', '/api/scrap-dealers/7/inspections', { date: '2026-11-10', result: 'violation' })).status).toBe(201);
    await record(t, 'dic', { agency: 'market_management', target: { collection: 'scrap_dealers', id: 7 }, date: '2026-11-12', findings: [{ kind: 'cable_of_unknown_origin', severity: 'serious' }], decision: { kind: 'referral_to_police' } });
    const listed = await getJson<Page>(t.as('police'), '/api/inspections?collection=scrap_dealers&id=7');
    expect(listed.body.inspections.map((found) => [found.agency, found.date, found.result])).toEqual([['market_management', '2026-11-12', 'violation'], ['police', '2026-11-10', 'violation']]);
    const old = await getJson<{ inspections: { date: string; result: string; agency: string }[] }>(t.as('ubnd'), '/api/scrap-dealers/7/inspections');
    expect(old.body.inspections.map((found) => found.agency)).toEqual(['market_management', 'police']);
    expect(await feature(t, 'scrap_dealers', 7)).toMatchObject({ last_inspection_date: '2026-11-12', last_inspection_result: 'violation' });
  });
});

describe('inspections by agency: bad input is refused with its problems and stores nothing', async () => {
  const t = await createTestApp(DATASET, { now: NOW });
  const count = async () => (await getJson<Page>(t.as('admin'), '/api/inspections')).body.numberMatched;
  const square = (x: number, y: number, size: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });
  const target = { collection: 'service_agents', id: 1 };

  it.each([
    ['a date in the future (tomorrow in Vietnam)', { ...compliant, target, date: '2026-11-29' }, 'date'],
    ['a date that does not exist', { ...compliant, target, date: '2026-02-30' }, 'date'],
    ['a follow-up before the inspection', { ...compliant, target, followUpDate: '2026-11-01' }, 'followUpDate'],
    ['a fine without its legal basis', { ...compliant, target, findings: [{ kind: 'other', severity: 'minor' }], decision: { kind: 'fine', amountVnd: 1_000_000 } }, 'decision.legalBasis'],
    ['a fine of no amount', { ...compliant, target, findings: [{ kind: 'other', severity: 'minor' }], decision: { kind: 'fine', amountVnd: 0, legalBasis: 'NĐ 15/2020' } }, 'decision.amountVnd'],
    ['a sanction with no finding', { ...compliant, target, decision: { kind: 'licence_suspension' } }, 'findings'],
    ['an unknown finding', { ...compliant, target, findings: [{ kind: 'bad_vibes', severity: 'minor' }] }, 'findings.0.kind'],
    ['an unknown agency', { ...compliant, target, agency: 'army' }, 'agency'],
    ['a target that does not exist', { ...compliant, target: { collection: 'service_agents', id: 99 } }, 'target'],
    ['no target at all', { ...compliant }, 'target'],
    ['an area that crosses itself', { ...compliant, target: { area: { type: 'Polygon', coordinates: [[[108, 14.3], [108.1, 14.4], [108.1, 14.3], [108, 14.4], [108, 14.3]]] } } }, 'target.area.coordinates'],
    ['an area outside the province', { ...compliant, target: { area: square(106, 12, 0.1) } }, 'target.area'],
    ['an unknown field', { ...compliant, target, result: 'compliant' }, '(body)'],
  ])('%s', async (_name, body, path) => {
    const before = await count();
    const refused = await record(t, 'admin', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('InvalidBody');
    expect(refused.body.error?.details?.problems?.map((problem) => problem.path)).toContain(path);
    expect(await count()).toBe(before);
    expect((await feature(t, 'service_agents', 1)).last_inspection_result).toBe('not_inspected');
  });

  it('an area of too many vertices is refused before its shape is checked', async () => {
    const ring = Array.from({ length: 600 }, (_, index) => [108 + 0.1 * Math.cos((index / 600) * 2 * Math.PI), 14.4 + 0.1 * Math.sin((index / 600) * 2 * Math.PI)]);
    const refused = await record(t, 'admin', { ...compliant, target: { area: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } } });
    expect(refused.status).toBe(413);
    expect(refused.body.error?.code).toBe('GeometryTooComplex');
  });

  it('an area within the province, named in Vietnamese, is stored NFC', async () => {
    const decomposed = 'Chợ Kon Tum'.normalize('NFD');
    const made = await record(t, 'dic', { ...compliant, agency: 'market_management', target: { area: square(108.0, 14.35, 0.01), name: decomposed }, notes: 'Kiểm tra điểm bán SIM'.normalize('NFD') });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ target: { kind: 'area', name: 'Chợ Kon Tum' }, notes: 'Kiểm tra điểm bán SIM' });
  });
});

describe('joint inspection plans', async () => {
  const t = await createTestApp(DATASET, { now: NOW });
  const plan = {
    title: 'Kiểm tra liên ngành quý IV/2026', from: '2026-10-01', to: '2026-12-31',
    items: [
      { target: { collection: 'scrap_dealers', id: 7 }, agencies: ['police', 'market_management'], date: '2026-11-15' },
      { target: { collection: 'service_agents', id: 1 }, agencies: ['dic', 'police'], date: '2026-12-10' },
      { target: { collection: 'bts_sites', id: 2 }, agencies: ['frequency_department'], date: '2026-11-20' },
    ],
  };

  it('only the department (and the operator) plans; security staff read plans, carriers do not', async () => {
    for (const caller of ['police', 'viettel', 'ubnd'] as const) expect((await sendJson(t.as(caller), 'POST', '/api/inspection-plans', plan)).status).toBe(403);
    expect((await sendJson(t.as('dic'), 'POST', '/api/inspection-plans', plan)).status).toBe(201);
    expect((await getJson<{ plans: Plan[] }>(t.as('police'), '/api/inspection-plans')).body.plans).toHaveLength(1);
    for (const caller of ['viettel', 'vnpt', 'ubnd'] as const) expect((await t.as(caller).request('/api/inspection-plans')).status).toBe(403);
  });

  it('plan → each agency records its own → the item is done; an item whose day passed undone is overdue', async () => {
    const created = await sendJson<Plan>(t.as('dic'), 'POST', '/api/inspection-plans', plan);
    // Items come in date order: the dealer (15 Nov), the site (20 Nov), the agent (10 Dec); today is 28 Nov.
    const [dealerItem, siteItem, agentItem] = created.body.items;
    expect(created.body.items.map((item) => item.status)).toEqual(['overdue', 'overdue', 'planned']);
    expect(dealerItem.missing).toEqual(['police', 'market_management']);
    // The police record against the dealer's item: the target comes from the plan.
    const police = await record(t, 'police', { planItemId: dealerItem.id, date: '2026-11-16', findings: [], decision: { kind: 'warning' } });
    expect(police.status).toBe(201);
    expect(police.body).toMatchObject({ agency: 'police', planItemId: dealerItem.id, target: { collection: 'scrap_dealers', id: 7 } });
    expect((await record(t, 'police', { planItemId: dealerItem.id, date: '2026-11-17', findings: [], decision: { kind: 'none' } })).status).toBe(409);
    // The department may not record the frequency department into the dealer's item: it is planned for others.
    expect((await record(t, 'dic', { planItemId: dealerItem.id, agency: 'frequency_department', ...compliant })).status).toBe(400);
    const half = (await getJson<Plan>(t.as('dic'), `/api/inspection-plans/${created.body.id}`)).body.items[0];
    expect(half).toMatchObject({ status: 'overdue', missing: ['market_management'] });
    // The department records for market management: the only agency of its own the item names.
    expect((await record(t, 'dic', { planItemId: dealerItem.id, ...compliant, date: '2026-11-16', jointWith: ['police'] })).body).toMatchObject({ agency: 'market_management' });
    expect((await record(t, 'dic', { planItemId: siteItem.id, ...compliant })).status).toBe(201);
    const after = (await getJson<Plan>(t.as('police'), `/api/inspection-plans/${created.body.id}`)).body;
    expect(after.items.map((item) => item.status)).toEqual(['done', 'done', 'planned']);
    expect(after.counts).toEqual({ items: 3, done: 2, overdue: 0, planned: 1 });
    expect(agentItem.missing).toEqual(['dic', 'police']);
  });

  it('refuses items outside the period, unknown targets and a reversed period, with every problem', async () => {
    const bad = await sendJson<{ error: { details: { problems: { path: string }[] } } }>(t.as('dic'), 'POST', '/api/inspection-plans', {
      ...plan, items: [{ ...plan.items[0], date: '2027-01-05' }, { target: { collection: 'service_agents', id: 99 }, agencies: ['police'], date: '2026-11-01' }, { ...plan.items[1], agencies: ['police', 'police'] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.problems.map((problem) => problem.path)).toEqual(['items.0.date', 'items.1.target', 'items.2.agencies']);
    expect((await sendJson(t.as('dic'), 'POST', '/api/inspection-plans', { ...plan, from: '2026-12-31', to: '2026-10-01' })).status).toBe(400);
  });

  it('a plan’s drawn areas are bounded together, not only each', async () => {
    const ring = Array.from({ length: 450 }, (_, index) => [108.1 + 0.05 * Math.cos((index / 450) * 2 * Math.PI), 14.45 + 0.05 * Math.sin((index / 450) * 2 * Math.PI)]);
    const area = { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
    const items = Array.from({ length: 5 }, () => ({ target: { area }, agencies: ['police'], date: '2026-11-01' }));
    const refused = await sendJson<{ error: { code: string } }>(t.as('dic'), 'POST', '/api/inspection-plans', { ...plan, items });
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('GeometryTooComplex');
    expect((await sendJson(t.as('dic'), 'POST', '/api/inspection-plans', { ...plan, items: items.slice(0, 4) })).status).toBe(201);
  });

  it('a plan made empty takes its items later, each checked against the period; only the department adds them', async () => {
    const empty = await sendJson<Plan>(t.as('dic'), 'POST', '/api/inspection-plans', { ...plan, items: [] });
    expect(empty.status).toBe(201);
    expect(empty.body.counts).toEqual({ items: 0, done: 0, overdue: 0, planned: 0 });
    const path = `/api/inspection-plans/${empty.body.id}/items`;
    const item = { target: { collection: 'service_agents', id: 2 }, agencies: ['police', 'customs'], date: '2026-12-03' };
    expect((await sendJson(t.as('police'), 'POST', path, item)).status).toBe(403);
    const outside = await sendJson<{ error: { details: { problems: { path: string }[] } } }>(t.as('dic'), 'POST', path, { ...item, date: '2027-02-01' });
    expect(outside.body.error.details.problems.map((problem) => problem.path)).toEqual(['date']);
    expect((await sendJson(t.as('dic'), 'POST', '/api/inspection-plans/999/items', item)).status).toBe(404);
    const added = await sendJson<PlanItem>(t.as('dic'), 'POST', path, item);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: 'planned', missing: ['police', 'customs'] });
    expect((await getJson<Plan>(t.as('police'), `/api/inspection-plans/${empty.body.id}`)).body.counts).toEqual({ items: 1, done: 0, overdue: 0, planned: 1 });
  });

  it('the department changes an item’s agencies and day, removes it and undoes the removal under the same id; each step audited', async () => {
    const made = (await sendJson<Plan>(t.as('dic'), 'POST', '/api/inspection-plans', plan)).body;
    const [, , agentItem] = made.items;
    const path = `/api/inspection-plans/${made.id}/items/${agentItem.id}`;
    expect((await sendJson(t.as('police'), 'PATCH', path, { date: '2026-12-11' })).status).toBe(403);
    const changed = await sendJson<PlanItem & { date: string; agencies: string[]; notes: string | null }>(t.as('dic'), 'PATCH', path, { agencies: ['dic', 'customs'], date: '2026-12-12', notes: 'Mời Đội QLTT số 1' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ agencies: ['dic', 'customs'], date: '2026-12-12', notes: 'Mời Đội QLTT số 1', missing: ['dic', 'customs'], status: 'planned' });
    const outside = await sendJson<{ error: { details: { problems: { path: string }[] } } }>(t.as('dic'), 'PATCH', path, { date: '2027-01-02', agencies: ['police', 'police'] });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.problems.map((problem) => problem.path)).toEqual(['date', 'agencies']);
    expect((await sendJson(t.as('dic'), 'PATCH', path, {})).status).toBe(400);
    expect((await sendJson(t.as('dic'), 'PATCH', path, { target: { collection: 'service_agents', id: 2 } })).status).toBe(400);
    // Another plan's path does not reach this item.
    expect((await sendJson(t.as('dic'), 'PATCH', `/api/inspection-plans/999/items/${agentItem.id}`, { date: '2026-12-12' })).status).toBe(404);

    expect((await t.as('police').request(path, { method: 'DELETE' })).status).toBe(403);
    expect((await t.as('dic').request(path, { method: 'DELETE' })).status).toBe(204);
    const without = (await getJson<Plan>(t.as('dic'), `/api/inspection-plans/${made.id}`)).body;
    expect(without.items.map((item) => item.id)).not.toContain(agentItem.id);
    expect(without.counts.items).toBe(2);
    // A removed item takes no inspection, and is not removed twice.
    expect((await record(t, 'dic', { planItemId: agentItem.id, ...compliant })).status).toBe(404);
    expect((await t.as('dic').request(path, { method: 'DELETE' })).status).toBe(404);
    const restored = await sendJson<PlanItem & { date: string; agencies: string[] }>(t.as('dic'), 'POST', `${path}/restore`, {});
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ id: agentItem.id, agencies: ['dic', 'customs'], date: '2026-12-12' });
    expect((await sendJson(t.as('dic'), 'POST', `${path}/restore`, {})).status).toBe(404);
    expect((await getJson<Plan>(t.as('dic'), `/api/inspection-plans/${made.id}`)).body.items.map((item) => item.id)).toContain(agentItem.id);
    const audit = await t.services.storage.audit.list({ targetType: 'inspection_plan_items', targetId: String(agentItem.id), limit: 10, offset: 0 });
    expect(audit.records.map((entry) => entry.action).reverse()).toEqual(['update', 'delete', 'create']);
  });

  it('an item an agency has carried out stays: it cannot be removed, nor that agency dropped from it', async () => {
    const made = (await sendJson<Plan>(t.as('dic'), 'POST', '/api/inspection-plans', plan)).body;
    const [dealerItem] = made.items;
    expect((await record(t, 'police', { planItemId: dealerItem.id, ...compliant, date: '2026-11-16' })).status).toBe(201);
    const path = `/api/inspection-plans/${made.id}/items/${dealerItem.id}`;
    const removal = await t.as('dic').request(path, { method: 'DELETE' });
    expect(removal.status).toBe(409);
    const dropped = await sendJson<{ error: { details: { problems: { path: string; message: string }[] } } }>(t.as('dic'), 'PATCH', path, { agencies: ['market_management'] });
    expect(dropped.status).toBe(400);
    expect(dropped.body.error.details.problems[0]).toMatchObject({ path: 'agencies' });
    expect((await sendJson(t.as('dic'), 'PATCH', path, { agencies: ['police', 'market_management', 'customs'] })).status).toBe(200);
    expect((await getJson<Plan>(t.as('dic'), `/api/inspection-plans/${made.id}`)).body.items[0]).toMatchObject({ id: dealerItem.id, status: 'overdue', missing: ['market_management', 'customs'] });
  });
});

describe('carriers see the inspections of their own agents only', async () => {
  const t = await createTestApp(DATASET, { now: NOW });
  const ids = {
    viettelAgent: (await record(t, 'police', { ...compliant, target: { collection: 'service_agents', id: 1 } })).body.id,
    vnptAgent: (await record(t, 'police', { date: '2026-11-21', target: { collection: 'service_agents', id: 2 }, findings: [{ kind: 'subscriber_data_unverified', severity: 'major' }], decision: { kind: 'warning' } })).body.id,
    vnptSite: (await record(t, 'dic', { ...compliant, agency: 'frequency_department', target: { collection: 'bts_sites', id: 3 } })).body.id,
    dealer: (await record(t, 'police', { ...compliant, target: { collection: 'scrap_dealers', id: 7 } })).body.id,
  };
  const listed = async (caller: Caller, query = '') => (await getJson<Page>(t.as(caller), `/api/inspections${query}`)).body;

  it('VNPT lists its own agent’s inspection and none of Viettel’s, of sites or of dealers, whatever it filters by', async () => {
    expect((await listed('vnpt')).inspections.map((found) => found.id)).toEqual([ids.vnptAgent]);
    expect((await listed('vnpt')).numberMatched).toBe(1);
    expect((await listed('vnpt', '?collection=service_agents&id=1')).numberMatched).toBe(0);
    expect((await listed('vnpt', '?collection=bts_sites')).numberMatched).toBe(0);
    expect((await listed('viettel')).inspections.map((found) => found.id)).toEqual([ids.viettelAgent]);
  });

  it('a single inspection out of scope answers 404, as one that does not exist', async () => {
    expect((await t.as('vnpt').request(`/api/inspections/${ids.viettelAgent}`)).status).toBe(404);
    expect((await t.as('vnpt').request(`/api/inspections/${ids.vnptSite}`)).status).toBe(404);
    expect((await getJson<Inspection>(t.as('vnpt'), `/api/inspections/${ids.vnptAgent}`)).body.result).toBe('warning');
    expect((await t.as('viettel').request(`/api/inspections/${ids.vnptAgent}`)).status).toBe(404);
  });

  it('the agent’s last result on the map is redacted for the other carrier, as the rest of its record', async () => {
    const item = await getJson<{ properties: Record<string, unknown> }>(t.as('viettel'), '/api/collections/service_agents/items/2');
    expect(item.body.properties.last_inspection_result ?? null).toBeNull();
    expect((await getJson<{ properties: Record<string, unknown> }>(t.as('vnpt'), '/api/collections/service_agents/items/2')).body.properties.last_inspection_result).toBe('warning');
  });

  it('security staff read all; the People’s Committee the dealers’ only; the public nothing', async () => {
    for (const caller of ['admin', 'police', 'dic'] as const) expect((await listed(caller)).numberMatched).toBe(4);
    expect((await listed('ubnd')).inspections.map((found) => found.id)).toEqual([ids.dealer]);
    expect((await t.as('public').request('/api/inspections')).status).toBe(401);
  });
});

describe('the six-monthly report counts inspections and decisions by agency', async () => {
  const t = await createTestApp(DATASET, { now: NOW });
  const agencies = ['police', 'dic', 'customs', 'market_management', 'frequency_department', 'commune'] as const;
  const decisions = [
    { kind: 'none' }, { kind: 'warning' }, { kind: 'fine', amountVnd: 7_500_000, legalBasis: 'Nghị định 15/2020/NĐ-CP' }, { kind: 'licence_suspension' }, { kind: 'referral_to_police' },
  ] as const;
  // Dates on and around the edges of 2026-H2 (1 Jul – 31 Dec; today is 28 Nov).
  const dates = ['2026-06-30', '2026-07-01', '2026-09-14', '2026-11-28', '2026-01-05'];
  const made: { agency: string; decision: string; date: string; fineVnd: number }[] = [];
  for (let index = 0; index < 37; index += 1) {
    const agency = agencies[(index * 5) % agencies.length], decision = decisions[(index * 3) % decisions.length], date = dates[index % dates.length];
    const caller = agency === 'police' ? 'police' : 'dic';
    const findings = decision.kind === 'none' || decision.kind === 'warning' ? [] : [{ kind: 'other', severity: 'major' }];
    const target = index % 2 === 0 ? { collection: 'service_agents', id: 1 + (index % 4 === 0 ? 1 : 0) } : { collection: 'scrap_dealers', id: 7 };
    const response = await record(t, caller, { agency, target, date, findings, decision });
    if (response.status !== 201) throw new Error(`setting up inspection ${index}: ${response.status}`);
    made.push({ agency, decision: decision.kind, date, fineVnd: decision.kind === 'fine' ? decision.amountVnd : 0 });
  }

  it('each agency’s inspections, decisions and fines equal a count of the inspections made in the period', async () => {
    const { body } = await getJson<{ inspections: { total: number; byAgency: { agency: string; inspections: number; finesVnd: number; decisions: Record<string, number> }[] } }>(t.as('dic'), '/api/reports/six-monthly?period=2026-H2');
    const inPeriod = made.filter((row) => row.date >= '2026-07-01' && row.date <= '2026-12-31');
    expect(body.inspections.total).toBe(inPeriod.length);
    expect(body.inspections.byAgency.map((row) => row.agency)).toEqual([...agencies]);
    for (const row of body.inspections.byAgency) {
      const own = inPeriod.filter((made) => made.agency === row.agency);
      expect(row.inspections).toBe(own.length);
      expect(row.finesVnd).toBe(own.reduce((sum, made) => sum + made.fineVnd, 0));
      for (const decision of decisions) expect(row.decisions[decision.kind]).toBe(own.filter((made) => made.decision === decision.kind).length);
    }
    // Every agency did something in the period, so a report that dropped one would fail above.
    expect(body.inspections.byAgency.every((row) => row.inspections > 0)).toBe(true);
  });
});

describe('every problem the inspection API answers has a Vietnamese text in the web app', async () => {
  const t = await createTestApp(DATASET, { now: NOW });

  it('refused inspections and plans list their problems, each translated', async () => {
    const plan = await sendJson<Plan>(t.as('dic'), 'POST', '/api/inspection-plans', {
      title: 'Kế hoạch', from: '2026-11-01', to: '2026-11-30', items: [{ target: { area: { type: 'Polygon', coordinates: [[[108, 14.35], [108.01, 14.35], [108.01, 14.36], [108, 14.35]]] } }, agencies: ['police'], date: '2026-11-10' }],
    });
    const itemId = plan.body.items[0].id;
    const refusals = await Promise.all([
      record(t, 'admin', { ...compliant }),
      record(t, 'admin', { ...compliant, target: { collection: 'scrap_dealers', id: 99 } }),
      record(t, 'police', { ...compliant, agency: 'customs', jointWith: ['dic', 'dic'], target: { collection: 'scrap_dealers', id: 7 }, followUpDate: '2026-01-01', decision: { kind: 'fine', amountVnd: 5, legalBasis: 'x' } }),
      record(t, 'police', { ...compliant, jointWith: ['police'], date: '2026-12-24', target: { area: { type: 'Polygon', coordinates: [[[108, 14.3], [108.1, 14.3], [108.1, 14.4], [108, 14.3]]] } }, findings: [{ kind: 'other', severity: 'minor' }], decision: { kind: 'licence_suspension' } }),
      record(t, 'police', { ...compliant, planItemId: itemId, target: { collection: 'scrap_dealers', id: 7 } }),
      record(t, 'dic', { ...compliant, planItemId: itemId }),
      record(t, 'police', { ...compliant, target: { area: { type: 'Polygon', coordinates: [[[100, 10], [100.1, 10], [100.1, 10.1], [100, 10]]] } } }),
      sendJson<{ error: { details?: { problems?: { message: string }[] } } }>(t.as('dic'), 'POST', '/api/inspection-plans', { title: 'x', from: '2026-01-01', to: '2027-06-01', items: [{ target: { collection: 'service_agents', id: 42 }, agencies: ['police', 'police'], date: '2028-01-01' }] }),
      sendJson<{ error: { details?: { problems?: { message: string }[] } } }>(t.as('dic'), 'POST', '/api/inspection-plans', { title: 'x', from: '2026-02-01', to: '2026-01-01', items: [{ target: { collection: 'service_agents', id: 1 }, agencies: ['police'], date: '2026-01-15' }] }),
    ]);
    expect(refusals.map((refusal) => refusal.status)).toEqual(refusals.map(() => 400));
    const messages = [...new Set(refusals.flatMap((refusal) => (refusal.body.error?.details?.problems ?? []) as { message: string }[]).map((problem) => problem.message))];
    expect(messages.length).toBeGreaterThanOrEqual(15);
    for (const message of messages) {
      const vi = translateProblem(message, 'vi');
      expect(vi, message).not.toBeNull();
      expect(vi, message).not.toBe(message);
    }
  });
});

describe('the demo: each agent’s and dealer’s colour has its inspection behind it', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-demo-inspections-'));
  const dataset = generateDemo();
  const { services } = await openAndSeed(join(directory, 'demo.sqlite'), { demo: () => dataset });
  afterAll(async () => {
    await services.storage.close();
    rmSync(directory, { recursive: true, force: true });
  });
  const inspected = (['scrap_dealers', 'service_agents'] as const).flatMap((collection) => dataset[collection].features
    .filter((feature) => feature.properties?.last_inspection_result !== 'not_inspected')
    .map((feature) => ({ collection, id: Number(feature.id), date: String(feature.properties!.last_inspection_date), result: String(feature.properties!.last_inspection_result) })));

  it('lists for every inspected agent and dealer an inspection of its last date and result', async () => {
    expect(inspected.length).toBeGreaterThan(100);
    for (const feature of inspected) {
      const { inspections } = await services.storage.inspections.query({ collection: feature.collection, targetId: feature.id, limit: 1, offset: 0 });
      expect(inspections.map((found) => [found.date, found.result]), `${feature.collection} ${feature.id}`).toEqual([[feature.date, feature.result]]);
    }
  });

  it('the report of 2026-H1 counts as many inspections as the demo has features last inspected then', async () => {
    const report = await sixMonthlyReport(services.storage.reports, services.storage.rewards, parsePeriod('2026-H1', null, null)!, NOW());
    const inPeriod = inspected.filter((feature) => feature.date >= '2026-01-01' && feature.date <= '2026-06-30');
    expect(report.inspections.total).toBe(inPeriod.length);
    expect(report.inspections.violation).toBe(inPeriod.filter((feature) => feature.result === 'violation').length);
  });
});
