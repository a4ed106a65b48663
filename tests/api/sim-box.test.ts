import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

type Incident = { id: number; properties: Record<string, unknown> };
type Refusal = { error: { code: string; details: { problems?: { path: string }[] } } };

describe('international call bypass (SIM box) reported by a carrier', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-11-28T08:00:00Z') });
  // 1.5 km north-east of Viettel's site VTL-KTM-001 (108.005, 14.355): a cell covers kilometres, the estimate has a radius.
  const report = (caller: 'viettel' | 'police', evidence: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) =>
    sendJson<Incident & Refusal>(t.as(caller), 'POST', '/api/incidents', {
      lon: 108.015, lat: 14.365, type: 'sim_box', occurredAt: '2026-11-27T20:00:00Z', description: 'Lưu lượng quốc tế bất thường về thuê bao nội mạng', evidence, ...extra,
    });
  const evidence = { simCount: 64, callMinutes: 18_500, cellIds: ['VTL-KTM-001', 'VTL-KTM-002'], uncertaintyMeters: 2000 };

  it('is stored with the carrier’s evidence, linked to its first cell, and followed through the same lifecycle by the police', async () => {
    const created = await report('viettel', evidence);
    expect(created.status).toBe(201);
    expect(created.body.properties).toMatchObject({
      type: 'sim_box', source: 'carrier_alarm', status: 'reported', asset_collection: 'bts_sites', asset_id: 1, asset_owner: 'viettel',
      sim_count: 64, call_minutes: 18_500, cell_ids: ['VTL-KTM-001', 'VTL-KTM-002'], uncertainty_m: 2000,
    });
    const id = created.body.id;
    expect((await getJson<Incident>(t.as('viettel'), `/api/collections/incidents/items/${id}`)).status).toBe(200);
    expect((await t.as('vnpt').request(`/api/collections/incidents/items/${id}`)).status).toBe(404);
    expect((await sendJson(t.as('police'), 'POST', `/api/incidents/${id}/transitions`, { to: 'verified' })).status).toBe(200);
    expect((await sendJson(t.as('police'), 'POST', `/api/incidents/${id}/transitions`, { to: 'investigating', comment: 'Phối hợp PA05' })).status).toBe(200);
    const found = await getJson<{ numberMatched: number }>(t.as('police'), '/api/collections/incidents/items?type=sim_box');
    expect(found.body.numberMatched).toBe(1);
  });

  it('refuses another carrier’s cells, an unknown cell, a SIM box without evidence and evidence on another type, storing nothing', async () => {
    const before = (await t.features.counts()).incidents;
    expect((await report('viettel', { ...evidence, cellIds: ['VTL-KTM-001', 'VNP-KTM-003'] })).status).toBe(403);
    const unknown = await report('viettel', { ...evidence, cellIds: ['VTL-KTM-001', 'VTL-XXX-999'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.problems?.map((problem) => problem.path)).toContain('evidence.cellIds[1]');
    expect((await report('viettel', undefined)).status).toBe(400);
    expect((await report('police', evidence, { type: 'cable_theft' })).status).toBe(400);
    expect((await report('viettel', { ...evidence, uncertaintyMeters: 0 })).status).toBe(400);
    expect((await t.features.counts()).incidents).toBe(before);
  });
});
