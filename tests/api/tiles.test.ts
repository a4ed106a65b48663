import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { tileOfPosition } from '../../server/geometry/web-mercator.ts';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, sendJson, type Client } from '../helpers/test-app.ts';

async function tile(client: Client, collection: string, z: number, lon: number, lat: number, headers: Record<string, string> = {}, query = '') {
  const [x, y] = tileOfPosition(lon, lat, z);
  const response = await client.request(`/api/collections/${collection}/tiles/WebMercatorQuad/${z}/${y}/${x}${query}`, { headers });
  const bytes = response.status === 200 ? new Uint8Array(await response.arrayBuffer()) : null;
  const layer = bytes ? new VectorTile(new PbfReader(bytes)).layers[collection] : undefined;
  const features = layer ? Array.from({ length: layer.length }, (_, index) => layer.feature(index)) : [];
  return { response, features, etag: response.headers.get('etag') };
}

describe('vector tiles', async () => {
  const t = await createTestApp(EDITING_DATASET);

  it('serves the features of a tile as a Mapbox Vector Tile layer named after the collection, ids kept', async () => {
    const { response, features } = await tile(t.as('police'), 'bts_sites', 14, 108.005, 14.355);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(features.map((feature) => feature.id).sort()).toEqual([1, 2]);
    expect(features.find((feature) => feature.id === 1)!.properties).toMatchObject({ site_code: 'VTL-KTM-001', owner: 'viettel', technologies: '4G' });
  });

  it('gives a carrier other carriers’ sites with owner and status only, and no tile of what its role may not read', async () => {
    const { features } = await tile(t.as('viettel'), 'bts_sites', 10, 108.1, 14.45);
    const vnpt = features.find((feature) => feature.properties.owner === 'vnpt')!;
    expect(Object.keys(vnpt.properties).filter((key) => key !== 'point_count').sort()).toEqual(['owner', 'status']);
    expect((await tile(t.as('ubnd'), 'incidents', 10, 108.1, 14.45)).response.status).toBe(403);
    expect((await tile(t.as('public'), 'bts_sites', 10, 108.1, 14.45)).response.status).toBe(401);
  });

  it('thins points below zoom 10, each kept one counting those it stands for', async () => {
    const { features } = await tile(t.as('police'), 'bts_sites', 6, 108.1, 14.45);
    expect(features.reduce((sum, feature) => sum + Number(feature.properties.point_count ?? 1), 0)).toBe(4);
    expect(features.length).toBeLessThan(4);
  });

  it('answers 304 to a matching ETag, and an edit changes exactly the tiles it touches', async () => {
    const near = await tile(t.as('admin'), 'bts_sites', 14, 108.005, 14.355);
    const far = await tile(t.as('admin'), 'bts_sites', 14, 108.205, 14.555);
    expect((await tile(t.as('admin'), 'bts_sites', 14, 108.005, 14.355, { 'If-None-Match': near.etag! })).response.status).toBe(304);
    await sendJson(t.as('viettel'), 'PATCH', '/api/collections/bts_sites/items/1', { properties: { status: 'retired' } });
    const nearAfter = await tile(t.as('admin'), 'bts_sites', 14, 108.005, 14.355, { 'If-None-Match': near.etag! });
    expect(nearAfter.response.status).toBe(200);
    expect(nearAfter.features.find((feature) => feature.id === 1)!.properties.status).toBe('retired');
    expect((await tile(t.as('admin'), 'bts_sites', 14, 108.205, 14.555, { 'If-None-Match': far.etag! })).response.status).toBe(304);
  });

  it('shows the incidents of a period (`datetime`, as on items), each period cached apart', async () => {
    const count = async (query: string) => (await tile(t.as('police'), 'incidents', 6, 108.1, 14.45, {}, query)).features.reduce((sum, feature) => sum + Number(feature.properties.point_count ?? 1), 0);
    expect(await count('')).toBe(2);
    expect(await count('?datetime=2026-03-01/2026-03-31')).toBe(2);
    expect(await count('?datetime=2026-03-01T02:00:01Z/2026-03-31')).toBe(0);
    expect(await count('?datetime=2026-04-01/2026-04-30')).toBe(0);
    expect(await count('')).toBe(2);
  });

  it('refuses a malformed period, a period on an untimed collection and unknown parameters, with the parameter named', async () => {
    for (const [collection, query, parameter] of [['incidents', '?datetime=last-week', 'datetime'], ['bts_sites', '?datetime=2026-03-01/2026-03-31', 'datetime'], ['incidents', '?limit=5', 'limit']]) {
      const { response } = await tile(t.as('police'), collection, 10, 108.1, 14.45, {}, query);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { details: { parameter: string } } }).error.details.parameter).toBe(parameter);
    }
  });

  it('draws cables merged by owner, tier and status below zoom 11 (no id, `line_count`), one feature a route from zoom 11', async () => {
    const route = (id: number, tier: string, coordinates: number[][]) => ({
      type: 'Feature' as const, id, geometry: { type: 'LineString' as const, coordinates },
      properties: { name: `Tuyến ${id}`, owner: 'viettel', medium: 'fibre', laying: 'aerial', tier, status: 'active' },
    });
    await t.features.insert('cable_routes', [route(1, 'backbone', [[108.0, 14.3], [108.1, 14.4]]), route(2, 'backbone', [[108.1, 14.4], [108.2, 14.45]]), route(3, 'access', [[108.1, 14.4], [108.11, 14.41]])]);
    const country = await tile(t.as('police'), 'cable_routes', 6, 108.1, 14.4);
    expect(country.features.map((feature) => [feature.id, feature.properties])).toEqual([[undefined, { owner: 'viettel', tier: 'backbone', status: 'active', line_count: 2 }]]);
    const district = await tile(t.as('police'), 'cable_routes', 12, 108.1, 14.4);
    expect(district.features.map((feature) => feature.id).sort()).toEqual([1, 2, 3]);
  });

  it('refuses a tile address outside the matrix', async () => {
    expect((await t.as('police').request('/api/collections/bts_sites/tiles/WebMercatorQuad/3/8/1')).status).toBe(400);
    expect((await t.as('police').request('/api/collections/bts_sites/tiles/WebMercatorQuad/23/0/0')).status).toBe(400);
    expect((await t.as('police').request('/api/collections/bts_sites/tiles/WebMercatorQuad/a/0/0')).status).toBe(400);
  });
});

describe('deep-zoom tiles select lines by their geometry', async () => {
  const cable = (id: number, coordinates: number[][]) => ({
    type: 'Feature' as const, id, geometry: { type: 'LineString' as const, coordinates }, properties: { name: `Tuyến ${id}`, owner: 'viettel', medium: 'fibre', laying: 'aerial', tier: 'access', status: 'active' },
  });
  // The tile z15 holding (108.0, 14.35) is ~1.1 km wide. Cable 1 runs diagonally across a 20 km box that covers it
  // but passes ~8 km away; cable 2 crosses the tile.
  const t = await createTestApp({ cable_routes: { type: 'FeatureCollection', features: [cable(1, [[107.9, 14.2], [108.1, 14.25], [108.2, 14.45]]), cable(2, [[107.99, 14.35], [108.01, 14.35]])] } });

  it('a cable whose bounding box covers the tile but which passes beside it is not in the tile', async () => {
    const { features } = await tile(t.as('police'), 'cable_routes', 15, 108.0, 14.35);
    expect(features.map((feature) => feature.id)).toEqual([2]);
  });
});
