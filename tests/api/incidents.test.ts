import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

type Incident = { id: number; properties: Record<string, unknown> };
type Refusal = { error: { code: string; details: { allowed?: string[] } } };

describe('the incident lifecycle', async () => {
  const t = await createTestApp(EDITING_DATASET, { now: () => new Date('2026-11-28T08:00:00Z') });
  const file = (caller: 'police' | 'viettel' | 'vnpt', extra: Record<string, unknown> = {}) =>
    sendJson<Incident>(t.as(caller), 'POST', '/api/incidents', { lon: 108.0051, lat: 14.3551, type: 'cable_theft', occurredAt: '2026-11-27T22:10:00Z', description: 'Mất 200 m cáp', ...extra });
  const move = (caller: 'police' | 'viettel' | 'dic', id: number, body: Record<string, unknown>) => sendJson<Incident & Refusal>(t.as(caller), 'POST', `/api/incidents/${id}/transitions`, body);

  it('suggests the assets within 200 m, nearest first, hiding other carriers’ site codes from a carrier', async () => {
    const { body } = await getJson<{ assets: { collection: string; id: number; meters: number; label: string | null }[] }>(t.as('vnpt'), '/api/incidents/nearest-assets?lon=108.0051&lat=14.3551');
    expect(body.assets.map((asset) => asset.id)).toEqual([1]);
    expect(body.assets[0].meters).toBeLessThan(20);
    expect(body.assets[0].label).toBeNull();
  });

  it('police file an incident that starts as reported, with its district and a first history entry', async () => {
    const { status, body } = await file('police', { asset: { collection: 'bts_sites', id: 1 } });
    expect(status).toBe(201);
    expect(body.properties).toMatchObject({ status: 'reported', source: 'police', asset_owner: 'viettel', reported_at: '2026-11-28T08:00:00Z' });
    const history = await getJson<{ events: { to: string; actor: string }[] }>(t.as('police'), `/api/incidents/${body.id}/history`);
    expect(history.body.events).toEqual([expect.objectContaining({ to: 'reported', actor: 'police' })]);
  });

  it('accepts only the lifecycle’s transitions, each kept with who, when and why', async () => {
    const { body: incident } = await file('police');
    expect((await move('police', incident.id, { to: 'resolved' })).status).toBe(409);
    expect((await move('police', incident.id, { to: 'resolved' })).body.error.details.allowed).toEqual(['verified', 'false_alarm', 'duplicate']);
    for (const to of ['verified', 'investigating', 'resolved']) expect((await move('police', incident.id, { to, comment: `→ ${to}` })).status).toBe(200);
    expect((await move('police', incident.id, { to: 'investigating' })).status).toBe(409);
    const { body } = await getJson<{ status: string; events: { from: string | null; to: string; comment: string | null }[] }>(t.as('dic'), `/api/incidents/${incident.id}/history`);
    expect(body.status).toBe('resolved');
    expect(body.events.map((event) => [event.from, event.to])).toEqual([[null, 'reported'], ['reported', 'verified'], ['verified', 'investigating'], ['investigating', 'resolved']]);
    expect(body.events[3].comment).toBe('→ resolved');
  });

  it('a duplicate must name another incident that is not itself a duplicate', async () => {
    const { body: first } = await file('police');
    const { body: second } = await file('police');
    expect((await move('police', second.id, { to: 'duplicate' })).status).toBe(400);
    expect((await move('police', second.id, { to: 'duplicate', duplicateOf: second.id })).status).toBe(400);
    expect((await move('police', second.id, { to: 'duplicate', duplicateOf: first.id })).status).toBe(200);
    const { body: third } = await file('police');
    expect((await move('police', third.id, { to: 'duplicate', duplicateOf: second.id })).status).toBe(400);
    expect((await t.features.get('incidents', third.id))?.properties.status).toBe('reported');
  });

  it('a carrier files incidents only on its own assets and may only call them false alarms', async () => {
    expect((await file('viettel')).status).toBe(403);
    expect((await file('vnpt', { asset: { collection: 'bts_sites', id: 1 } })).status).toBe(403);
    const { status, body } = await file('viettel', { asset: { collection: 'bts_sites', id: 1 } });
    expect(status).toBe(201);
    expect((await move('viettel', body.id, { to: 'verified' })).status).toBe(403);
    expect((await move('viettel', body.id, { to: 'false_alarm', comment: 'Cửa trạm mở do bảo trì' })).status).toBe(200);
    expect((await move('dic', body.id, { to: 'verified' })).status).toBe(403);
  });

  it('refuses bad input with the reason and stores nothing', async () => {
    const before = (await t.features.counts()).incidents;
    expect((await file('police', { occurredAt: '2027-01-01T00:00:00Z' })).status).toBe(400);
    expect((await file('police', { lon: 106.7, lat: 10.8 })).status).toBe(400);
    expect((await file('police', { type: 'alien_landing' })).status).toBe(400);
    expect((await file('police', { asset: { collection: 'bts_sites', id: 4 } })).status).toBe(400);
    expect((await t.features.counts()).incidents).toBe(before);
  });

  it('hides the history of an incident from those who may not read it', async () => {
    expect((await t.as('vnpt').request('/api/incidents/100/history')).status).toBe(404);
    expect((await t.as('viettel').request('/api/incidents/100/history')).status).toBe(200);
    expect((await t.as('ubnd').request('/api/incidents/100/history')).status).toBe(404);
  });
});
