import { describe, expect, it } from 'vitest';
import { ACCESS_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';

type Page = { features: { id: number; properties: Record<string, unknown> }[]; numberMatched: number };
type Hits = { results: { collection: string; id: number }[] };

describe('who reads what', async () => {
  const t = await createTestApp(ACCESS_DATASET);
  const ids = (page: Page) => page.features.map((feature) => feature.id);

  it('the public reads no collection, but can see the API exists', async () => {
    expect((await t.as('public').request('/api/collections')).status).toBe(401);
    expect((await t.as('public').request('/api/collections/bts_sites/items')).status).toBe(401);
    expect((await t.as('public').request('/api/collections/admin_areas/items/1')).status).toBe(401);
    expect((await t.as('public').request('/api/search?q=ktm')).status).toBe(401);
    expect((await t.as('public').request('/api')).status).toBe(200);
  });

  it('a carrier reads its own sites in full and other carriers’ sites as geometry, owner and status only', async () => {
    const { body } = await getJson<Page>(t.as('viettel'), '/api/collections/bts_sites/items');
    expect(body.numberMatched).toBe(4);
    expect(body.features.find((f) => f.id === 1)!.properties.site_code).toBe('VTL-KTM-001');
    expect(body.features.find((f) => f.id === 3)!.properties).toEqual({ owner: 'vnpt', status: 'active' });
    expect((await getJson<{ properties: Record<string, unknown> }>(t.as('viettel'), '/api/collections/bts_sites/items/4')).body.properties).toEqual({ owner: 'vnpt', status: 'active' });
  });

  it('filtering on a hidden property cannot reveal another carrier’s sites', async () => {
    const { body } = await getJson<Page>(t.as('viettel'), '/api/collections/bts_sites/items?site_code=VNP-KTM-003');
    expect(body.numberMatched).toBe(0);
    expect(ids((await getJson<Page>(t.as('viettel'), '/api/collections/bts_sites/items?status=active')).body)).toEqual([1, 2, 3, 4]);
  });

  it('a carrier reads only designated key-target zones that cover its own assets', async () => {
    expect(ids((await getJson<Page>(t.as('viettel'), '/api/collections/key_targets/items')).body)).toEqual([10]);
    expect(ids((await getJson<Page>(t.as('vnpt'), '/api/collections/key_targets/items')).body)).toEqual([11]);
    expect((await t.as('viettel').request('/api/collections/key_targets/items/11')).status).toBe(404);
    expect(ids((await getJson<Page>(t.as('police'), '/api/collections/key_targets/items')).body)).toEqual([10, 11, 12]);
  });

  it('incidents are read by security staff and by the carrier whose asset is involved, not by viewers', async () => {
    expect(ids((await getJson<Page>(t.as('dic'), '/api/collections/incidents/items')).body)).toEqual([100, 101]);
    expect(ids((await getJson<Page>(t.as('vnpt'), '/api/collections/incidents/items')).body)).toEqual([101]);
    expect((await t.as('vnpt').request('/api/collections/incidents/items/100')).status).toBe(404);
    expect((await t.as('ubnd').request('/api/collections/incidents/items')).status).toBe(403);
    expect((await t.as('ubnd').request('/api/collections/key_targets/items')).status).toBe(403);
  });

  it('the collections list shows only what the caller may read', async () => {
    const list = async (caller: 'ubnd' | 'police') =>
      (await getJson<{ collections: { id: string }[] }>(t.as(caller), '/api/collections')).body.collections.map((c) => c.id);
    expect(await list('ubnd')).not.toContain('incidents');
    expect(await list('ubnd')).not.toContain('key_targets');
    expect(await list('police')).toEqual(expect.arrayContaining(['incidents', 'key_targets', 'bts_sites']));
  });

  it('search hides other carriers’ site codes and key targets the caller may not read', async () => {
    const hits = async (caller: 'viettel' | 'police', q: string) => (await getJson<Hits>(t.as(caller), `/api/search?q=${encodeURIComponent(q)}`)).body.results;
    expect(await hits('viettel', 'VNP-KTM')).toEqual([]);
    expect((await hits('viettel', 'VTL-KTM')).map((hit) => hit.id)).toEqual([1, 2]);
    expect(await hits('viettel', 'Đắk Hà')).toEqual([]);
    expect((await hits('police', 'Đắk Hà')).map((hit) => hit.collection)).toEqual(['key_targets']);
  });

  it('analysis is for security staff only', async () => {
    expect((await t.as('viettel').request('/api/analysis/hotspots')).status).toBe(403);
    expect((await t.as('public').request('/api/analysis/hotspots')).status).toBe(401);
  });

  it('reads of key targets and incidents are written to the audit log, readable by DIC but not police', async () => {
    await t.as('police').request('/api/collections/key_targets/items/10');
    const { body } = await getJson<{ records: { actor: string; action: string; targetType: string; targetId: string }[] }>(
      t.as('dic'), '/api/audit?actor=police&targetType=key_targets',
    );
    expect(body.records[0]).toMatchObject({ actor: 'police', action: 'read', targetType: 'key_targets', targetId: '10' });
    expect((await t.as('police').request('/api/audit')).status).toBe(403);
  });
});
