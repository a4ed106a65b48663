import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generator/index.ts';
import { createTestApp, sendJson } from '../helpers/test-app.ts';

type Answer = { owner: string; isolated: { features: { id: number; properties: { owner: string } }[] }; stillConnected: { features: unknown[] }; cut: { type: string } };

describe('cut impact through the API', async () => {
  const dataset = generateDemo();
  const t = await createTestApp(dataset);
  const viettelRoute = dataset.cable_routes.features.find((route) => route.properties?.owner === 'viettel' && route.properties?.tier === 'access')!;

  it('traces a cut on a carrier’s own route and lists only that carrier’s assets', async () => {
    const { status, body } = await sendJson<Answer>(t.as('viettel'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id });
    expect(status).toBe(200);
    expect(body.owner).toBe('viettel');
    expect([...body.isolated.features, ...(body.stillConnected.features as { properties: { owner: string } }[])].every((feature) => feature.properties.owner === 'viettel')).toBe(true);
  });

  it('snaps a clicked point to the route and cuts only there', async () => {
    const [lon, lat] = (viettelRoute.geometry as { coordinates: number[][] }).coordinates[0];
    const { body } = await sendJson<Answer>(t.as('police'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id, point: [lon + 0.00001, lat] });
    expect(body.cut.type).toBe('Point');
  });

  it('refuses another carrier’s route, an unknown route and a bad point', async () => {
    expect((await sendJson(t.as('vnpt'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id })).status).toBe(403);
    expect((await sendJson(t.as('police'), 'POST', '/api/cut-impact', { routeId: 999_999 })).status).toBe(400);
    expect((await sendJson(t.as('police'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id, point: [200, 14] })).status).toBe(400);
    expect((await sendJson(t.as('ubnd'), 'POST', '/api/cut-impact', { routeId: viettelRoute.id })).status).toBe(403);
  });
});
