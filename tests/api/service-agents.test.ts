import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PROVINCE_AREA } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

type Page = { features: { id: number; properties: Record<string, unknown> }[]; numberMatched: number };

const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });
const agent = (id: number, owner: string, kind: string, licence: string, result: string): Feature => ({
  type: 'Feature', id, geometry: point(108.0 + id / 1000, 14.4),
  properties: {
    name: `Đại lý ${id}`, kind, owner, address: `${id} Lê Lợi, Đăk Cấm`, commune_code: '23284', commune_name: 'Đăk Cấm', licence,
    licence_expiry: '2028-01-31', status: 'active', district_code: '608', last_inspection_date: '2026-03-02', last_inspection_result: result,
  },
});
/** Viettel agents 1–2, a VNPT agent 3 (found in violation) and an independent internet shop 4. */
const AGENTS: Record<string, FeatureCollection> = {
  admin_areas: PROVINCE_AREA,
  service_agents: {
    type: 'FeatureCollection',
    features: [agent(1, 'viettel', 'telecom_agent', 'HĐĐL-VTL-2024-0001', 'compliant'), agent(2, 'viettel', 'telecom_agent', 'HĐĐL-VTL-2024-0002', 'warning'),
      agent(3, 'vnpt', 'telecom_agent', 'HĐĐL-VNP-2025-0003', 'violation'), agent(4, 'independent', 'internet_shop', 'GCN-TCTĐ-2023-0004', 'compliant')],
  },
};
const newAgent = (owner: string, extra: Record<string, unknown> = {}) => ({
  type: 'Feature', geometry: point(108.05, 14.45),
  properties: { name: 'Đại lý SIM Minh Anh', kind: 'telecom_agent', owner, status: 'active', licence: 'HĐĐL-VTL-2026-0100', ...extra },
});

describe('service agents', async () => {
  const t = await createTestApp(AGENTS);

  it('a carrier reads its own agents in full and others’ as kind, owner and status only; filtering cannot reveal more', async () => {
    const { body } = await getJson<Page>(t.as('viettel'), '/api/collections/service_agents/items');
    expect(body.numberMatched).toBe(4);
    expect(body.features.find((f) => f.id === 2)!.properties.last_inspection_result).toBe('warning');
    expect(body.features.find((f) => f.id === 3)!.properties).toEqual({ kind: 'telecom_agent', owner: 'vnpt', status: 'active' });
    expect(body.features.find((f) => f.id === 4)!.properties).toEqual({ kind: 'internet_shop', owner: 'independent', status: 'active' });
    const filtered = await getJson<Page>(t.as('viettel'), '/api/collections/service_agents/items?last_inspection_result=violation');
    expect(filtered.body.numberMatched).toBe(0);
  });

  it('the People’s Committee reads the register (name, address, commune) but not contracts nor inspections, and cannot filter on them', async () => {
    const { body } = await getJson<Page>(t.as('ubnd'), '/api/collections/service_agents/items');
    expect(body.numberMatched).toBe(4);
    expect(Object.keys(body.features[0].properties).sort()).toEqual(['address', 'commune_code', 'commune_name', 'district_code', 'kind', 'name', 'owner', 'status']);
    expect((await getJson<Page>(t.as('ubnd'), '/api/collections/service_agents/items?last_inspection_result=violation')).body.numberMatched).toBe(0);
    expect((await getJson<Page>(t.as('ubnd'), '/api/collections/service_agents/items?commune_code=23284')).body.numberMatched).toBe(4);
  });

  it('the police and the department read every agent with its licence and last inspection', async () => {
    for (const caller of ['police', 'dic'] as const) {
      const { body } = await getJson<Page>(t.as(caller), '/api/collections/service_agents/items?last_inspection_result=violation');
      expect(body.features.map((f) => [f.id, f.properties.licence])).toEqual([[3, 'HĐĐL-VNP-2025-0003']]);
    }
  });

  it('a carrier adds and edits its own agent, but its inspection record stays what inspections wrote', async () => {
    const created = await sendJson<{ id: number; properties: Record<string, unknown> }>(t.as('viettel'), 'POST', '/api/collections/service_agents/items', newAgent('viettel', { last_inspection_result: 'compliant', last_inspection_date: '2026-01-01' }));
    expect(created.status).toBe(201);
    expect(created.body.properties).toMatchObject({ last_inspection_result: 'not_inspected', last_inspection_date: null });
    const patched = await sendJson<{ properties: Record<string, unknown> }>(t.as('viettel'), 'PATCH', '/api/collections/service_agents/items/2', { properties: { status: 'closed', last_inspection_result: 'compliant' } });
    expect(patched.status).toBe(200);
    expect(patched.body.properties).toMatchObject({ status: 'closed', last_inspection_result: 'warning', last_inspection_date: '2026-03-02' });
  });

  it('a carrier cannot add an agent for another carrier nor edit another’s or an independent agent', async () => {
    expect((await sendJson(t.as('viettel'), 'POST', '/api/collections/service_agents/items', newAgent('vnpt'))).status).toBe(403);
    expect((await sendJson(t.as('viettel'), 'PATCH', '/api/collections/service_agents/items/3', { properties: { status: 'closed' } })).status).toBe(403);
    expect((await sendJson(t.as('viettel'), 'PATCH', '/api/collections/service_agents/items/4', { properties: { status: 'closed' } })).status).toBe(403);
    const unknownKind = await sendJson<{ error: { details: { problems: { path: string }[] } } }>(t.as('viettel'), 'POST', '/api/collections/service_agents/items', newAgent('viettel', { kind: 'karaoke' }));
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error.details.problems.map((problem) => problem.path)).toContain('properties.kind');
  });

  it('a carrier imports its agents from GeoJSON, every one starting uninspected', async () => {
    const file = { type: 'FeatureCollection', features: [newAgent('viettel', { name: 'Đại lý A', last_inspection_result: 'compliant' }), newAgent('viettel', { name: 'Đại lý B' })] };
    const response = await t.as('viettel').request('/api/imports/service_agents?format=geojson', { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body: JSON.stringify(file) });
    expect(response.status).toBe(201);
    const { body } = await getJson<Page>(t.as('police'), `/api/collections/service_agents/items?name=${encodeURIComponent('Đại lý A')}`);
    expect(body.features.map((f) => f.properties.last_inspection_result)).toEqual(['not_inspected']);
  });
});
