import type { Feature } from 'geojson';
import { expect, it } from 'vitest';
import { tileBounds } from '../../geometry/web-mercator.ts';
import { describeProviders, type ContractStorage } from '../../../tests/helpers/providers.ts';

const site = (id: number, lon: number, lat: number, owner: string): Feature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { site_code: `S${id}`, owner, technologies: ['4G'], status: 'active' },
});
const cable = (id: number, tier: string, owner: string, coordinates: [number, number][]): Feature => ({
  type: 'Feature', id, geometry: { type: 'LineString', coordinates }, properties: { name: `Tuyến ${id}`, owner, medium: 'fibre', laying: 'aerial', tier, status: 'active' },
});

async function seeded(fresh: () => Promise<ContractStorage>) {
  const storage = await fresh();
  await storage.features.insertDataset({
    // Sites 2 and 3 share one cell of tile 8/204/117 with site 5 (its lowest id is 2), site 4 is in the next cell.
    bts_sites: { type: 'FeatureCollection', features: [site(2, 108, 14.5, 'vnpt'), site(3, 108.001, 14.501, 'viettel'), site(4, 107.9, 14.45, 'vnpt'), site(5, 108.002, 14.502, 'vnpt')] },
    cable_routes: { type: 'FeatureCollection', features: [
      cable(1, 'backbone', 'vnpt', [[107.9, 14.4], [108.1, 14.6]]), cable(2, 'backbone', 'vnpt', [[107.95, 14.4], [108.05, 14.6]]),
      cable(3, 'access', 'vnpt', [[107.9, 14.45], [108, 14.55]]), cable(4, 'trunk', 'viettel', [[107.9, 14.5], [108, 14.5]]),
    ] },
  });
  return storage;
}

const everything = { filters: [], limit: 1000, offset: 0 };

describeProviders('vector tile reads', (fresh) => {
  it('thins points to the lowest id per cell of the tile’s grid, with how many match', async () => {
    const storage = await seeded(fresh);
    expect(await storage.features.thinTile('bts_sites', { z: 8, x: 204, y: 117 }, everything)).toEqual([{ id: 4, count: 1 }, { id: 2, count: 3 }]);
    expect(await storage.features.thinTile('bts_sites', { z: 8, x: 204, y: 117 }, { ...everything, filters: [{ property: 'owner', value: 'viettel' }] })).toEqual([{ id: 3, count: 1 }]);
    expect(await storage.features.thinTile('bts_sites', { z: 8, x: 204, y: 118 }, everything)).toEqual([]);
  });

  it('gives a deep tile every property and a low one only the tile properties', async () => {
    const storage = await seeded(fresh);
    const bbox = tileBounds(8, 204, 117);
    const deep = await storage.features.tileFeatures('bts_sites', { ...everything, bbox, limit: 2 }, 14);
    expect(deep).toEqual([
      { type: 'Feature', id: 2, geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { ...site(2, 108, 14.5, 'vnpt').properties, tower_height_m: null, backhaul: null, backhaul_site_code: null } },
      { type: 'Feature', id: 3, geometry: { type: 'Point', coordinates: [108.001, 14.501] }, properties: { ...site(3, 108.001, 14.501, 'viettel').properties, tower_height_m: null, backhaul: null, backhaul_site_code: null } },
    ].map((feature) => ({ ...feature, properties: expect.objectContaining(feature.properties) })));
    expect((await storage.features.tileFeatures('bts_sites', { ...everything, bbox }, 8)).map((feature) => [feature.id, feature.properties])).toEqual([
      [2, { owner: 'vnpt', status: 'active' }], [3, { owner: 'viettel', status: 'active' }], [4, { owner: 'vnpt', status: 'active' }], [5, { owner: 'vnpt', status: 'active' }],
    ]);
  });

  it('merges low-zoom lines by their tile properties, leaving out tiers drawn only deeper', async () => {
    const storage = await seeded(fresh);
    const bbox = tileBounds(8, 204, 117);
    const lines = await storage.features.tileFeatures('cable_routes', { ...everything, bbox }, 8);
    expect(lines.map((line) => [line.id, line.properties, line.geometry.type, (line.geometry as { coordinates: unknown[] }).coordinates.length])).toEqual([
      [undefined, { owner: 'viettel', tier: 'trunk', status: 'active', line_count: 1 }, 'MultiLineString', 1],
      [undefined, { owner: 'vnpt', tier: 'backbone', status: 'active', line_count: 2 }, 'MultiLineString', 2],
    ]);
    expect((await storage.features.tileFeatures('cable_routes', { ...everything, bbox }, 10)).map((line) => line.properties.line_count)).toEqual([1, 1, 2]);
  });
});
