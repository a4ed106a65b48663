import { describe, expect, it } from 'vitest';
import { createTestApp, getJson } from '../helpers/test-app.ts';
import { randomDataset } from '../helpers/random-dataset.ts';

type Page = { features: { id: number }[]; numberMatched: number };

describe('equality filters', async () => {
  const dataset = randomDataset(41, 200);
  const { app } = await createTestApp(dataset);
  const idsWhere = (collectionId: string, keep: (properties: Record<string, unknown>) => boolean): number[] =>
    dataset[collectionId].features.filter((feature) => keep(feature.properties ?? {})).map((feature) => Number(feature.id));
  const ids = async (path: string): Promise<number[]> => {
    const { status, body } = await getJson<Page>(app, path);
    expect(status).toBe(200);
    return body.features.map((feature) => feature.id);
  };

  it('combines text filters with AND', async () => {
    expect(await ids('/api/collections/bts_sites/items?limit=10000&owner=viettel&status=active')).toEqual(
      idsWhere('bts_sites', (p) => p.owner === 'viettel' && p.status === 'active'),
    );
  });

  it('reads text[] filters as contains', async () => {
    expect(await ids('/api/collections/bts_sites/items?limit=10000&technologies=5G')).toEqual(
      idsWhere('bts_sites', (p) => (p.technologies as string[]).includes('5G')),
    );
  });

  it('compares booleans and integers by value', async () => {
    expect(await ids('/api/collections/bts_sites/items?limit=10000&alarm_equipped=false')).toEqual(idsWhere('bts_sites', (p) => p.alarm_equipped === false));
    const assetId = dataset.incidents.features[3].properties?.asset_id as number;
    expect(await ids(`/api/collections/incidents/items?limit=10000&asset_id=${assetId}`)).toEqual(idsWhere('incidents', (p) => p.asset_id === assetId));
  });

  it('returns booleans and lists with their registry types', async () => {
    const { body } = await getJson<{ properties: Record<string, unknown> }>(app, '/api/collections/bts_sites/items/1');
    expect(typeof body.properties.alarm_equipped).toBe('boolean');
    expect(Array.isArray(body.properties.technologies)).toBe(true);
  });
});
