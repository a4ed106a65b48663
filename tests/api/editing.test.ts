import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

const site = (code: string, owner = 'viettel', coordinates = [108.05, 14.4]): Feature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates }, properties: { site_code: code, owner, technologies: ['4G', '5G'], status: 'planned' },
});

describe('carriers edit their own network (OGC API – Features Part 4)', async () => {
  const t = await createTestApp(EDITING_DATASET);
  const viettel = t.as('viettel');
  const count = async () => (await t.features.counts()).bts_sites;

  it('a carrier creates a site: 201 with its location, then it is in items, bbox queries and search', async () => {
    const created = await sendJson<{ id: number; properties: { site_code: string } }>(viettel, 'POST', '/api/collections/bts_sites/items', site('VTL-NEW-1'));
    expect(created.status).toBe(201);
    const { body } = await getJson<{ features: { id: number }[] }>(viettel, '/api/collections/bts_sites/items?bbox=108.04,14.39,108.06,14.41');
    expect(body.features.map((feature) => feature.id)).toContain(created.body.id);
    expect((await getJson<{ results: { id: number }[] }>(viettel, '/api/search?q=VTL-NEW-1')).body.results.map((hit) => hit.id)).toEqual([created.body.id]);
  });

  it('replaces, patches and deletes its own site, each written to the audit log with before and after', async () => {
    const { body: created } = await sendJson<{ id: number }>(viettel, 'POST', '/api/collections/bts_sites/items', site('VTL-NEW-2'));
    const path = `/api/collections/bts_sites/items/${created.id}`;
    expect((await sendJson(viettel, 'PUT', path, site('VTL-NEW-2b', 'viettel', [108.06, 14.41]))).status).toBe(200);
    const patched = await sendJson<{ properties: Record<string, unknown> }>(viettel, 'PATCH', path, { properties: { status: 'active', tower_height_m: 36 } });
    expect(patched.body.properties).toMatchObject({ site_code: 'VTL-NEW-2b', status: 'active', tower_height_m: 36 });
    const { body: log } = await getJson<{ records: { action: string; before: { properties: { site_code: string } } | null; after: unknown }[] }>(t.app, `/api/audit?targetType=bts_sites&targetId=${created.id}`);
    expect(log.records.map((record) => record.action)).toEqual(['update', 'update', 'create']);
    expect(log.records[1].before?.properties.site_code).toBe('VTL-NEW-2');
    expect((await viettel.request(path, { method: 'DELETE' })).status).toBe(204);
    expect((await viettel.request(path)).status).toBe(404);
  });

  it('a carrier may not touch another carrier’s site, nor create one in its name', async () => {
    const before = await count();
    const vnptSite = '/api/collections/bts_sites/items/3';
    expect((await sendJson(viettel, 'PATCH', vnptSite, { properties: { status: 'retired' } })).status).toBe(403);
    expect((await viettel.request(vnptSite, { method: 'DELETE' })).status).toBe(403);
    expect((await sendJson(viettel, 'POST', '/api/collections/bts_sites/items', site('VNP-FAKE', 'vnpt'))).status).toBe(403);
    expect(await count()).toBe(before);
    expect((await t.features.get('bts_sites', 3))?.properties.status).toBe('active');
  });

  it('police, DIC, viewers and the public do not edit assets', async () => {
    for (const caller of ['police', 'dic', 'ubnd'] as const) expect((await sendJson(t.as(caller), 'POST', '/api/collections/bts_sites/items', site(`X-${caller}`))).status).toBe(403);
    expect((await sendJson(t.as('public'), 'POST', '/api/collections/bts_sites/items', site('X-public'))).status).toBe(401);
  });

  it.each([
    ['a cable without its medium', 'cable_routes', { type: 'LineString', coordinates: [[108, 14.3], [108.1, 14.3]] }, 'properties.medium'],
    ['latitude and longitude swapped', 'bts_sites', { type: 'Point', coordinates: [14.4, 108.05] }, 'geometry.coordinates'],
    ['a site outside the province', 'bts_sites', { type: 'Point', coordinates: [106.0, 10.8] }, 'geometry'],
    ['a line where a point belongs', 'bts_sites', { type: 'LineString', coordinates: [[108, 14.3], [108.1, 14.3]] }, 'geometry.type'],
  ])('refuses %s with 400 naming the path, and stores nothing', async (_, collection, geometry, path) => {
    const before = (await t.features.counts())[collection];
    const response = await sendJson<{ error: { code: string; details: { problems: { path: string }[] } } }>(
      viettel, 'POST', `/api/collections/${collection}/items`, { ...site('VTL-BAD'), geometry, ...(collection === 'cable_routes' ? { properties: { name: 'Tuyến thử', owner: 'viettel', laying: 'aerial', tier: 'access', status: 'active' } } : {}) },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details.problems.map((problem) => problem.path)).toContain(path);
    expect((await t.features.counts())[collection]).toBe(before);
  });

  it('lists every property problem at once, and refuses a site code already in use with 409', async () => {
    const bad = await sendJson<{ error: { details: { problems: { path: string }[] } } }>(viettel, 'POST', '/api/collections/bts_sites/items',
      { ...site('X'), properties: { site_code: 'X', owner: 'viettel', technologies: ['6G'], status: 'lost', colour: 'red' } });
    expect(bad.body.error.details.problems.map((problem) => problem.path).sort()).toEqual(['properties.colour', 'properties.status', 'properties.technologies']);
    expect((await sendJson(viettel, 'POST', '/api/collections/bts_sites/items', site('VTL-KTM-001'))).status).toBe(409);
  });

  it('computes a cable’s length from its geometry rather than trusting the client', async () => {
    const cable = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[108.0, 14.3], [108.01, 14.3]] },
      properties: { name: 'Tuyến Đắk Hà', owner: 'viettel', medium: 'fibre', laying: 'aerial', tier: 'access', status: 'planned', length_m: 1 } };
    const { body } = await sendJson<{ properties: { length_m: number } }>(viettel, 'POST', '/api/collections/cable_routes/items', cable);
    expect(body.properties.length_m).toBeGreaterThan(1070);
    expect(body.properties.length_m).toBeLessThan(1090);
  });

  it('key targets and incidents are not edited through items', async () => {
    expect((await sendJson(t.app, 'POST', '/api/collections/incidents/items', site('X'))).status).toBe(403);
    expect((await sendJson(t.app, 'DELETE', '/api/collections/key_targets/items/10', {})).status).toBe(403);
  });
});
