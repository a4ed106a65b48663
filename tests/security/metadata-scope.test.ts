import { bbox as turfBbox } from '@turf/turf';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findCollection } from '../../server/collections/registry.ts';
import { ACCESS_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp, getJson, type Caller } from '../helpers/test-app.ts';

type Item = Feature & { id: number; properties: Record<string, unknown> };
type Info = { id: string; extent: { spatial: { bbox: number[][] }; temporal?: { interval: (string | null)[][] } } };

const ROLES: Caller[] = ['admin', 'police', 'dic', 'viettel', 'vnpt', 'ubnd'];

describe('collection metadata is computed over the caller’s scope', async () => {
  const t = await createTestApp(ACCESS_DATASET);

  it('each role’s extents and time intervals are those of the items it can read, in the list and per collection', async () => {
    for (const role of ROLES) {
      const { body } = await getJson<{ collections: Info[] }>(t.as(role), '/api/collections');
      for (const info of body.collections.filter((collection) => ['bts_sites', 'key_targets', 'incidents'].includes(collection.id))) {
        const { body: page } = await getJson<{ features: Item[] }>(t.as(role), `/api/collections/${info.id}/items?limit=1000`);
        const boxes = page.features.map((item) => turfBbox(item));
        const expected = boxes.length ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))] : [-180, -90, 180, 90];
        const where = `${role} ${info.id}`;
        info.extent.spatial.bbox[0].forEach((value, index) => expect(value, where).toBeCloseTo(expected[index], 5));
        const temporal = findCollection(info.id)!.temporalProperty;
        if (temporal) {
          const times = page.features.map((item) => Date.parse(String(item.properties[temporal]))).sort((a, b) => a - b);
          const interval = times.length ? [new Date(times[0]).toISOString(), new Date(times.at(-1)!).toISOString()] : [null, null];
          expect(info.extent.temporal!.interval[0], where).toEqual(interval);
        }
        const single = await getJson<Info>(t.as(role), `/api/collections/${info.id}`);
        expect(single.body.extent, where).toEqual(info.extent);
      }
    }
  });

  it('a carrier’s key-target extent does not reach the proposed zone it may not see', async () => {
    const { body } = await getJson<Info>(t.as('viettel'), '/api/collections/key_targets');
    // Zone 12 (proposed, over a VNPT site at 108.2, 14.55) is hidden from Viettel; its only zone is 10 (108.0–108.02).
    expect(body.extent.spatial.bbox[0][2]).toBeLessThan(108.05);
    const police = await getJson<Info>(t.as('police'), '/api/collections/key_targets');
    expect(police.body.extent.spatial.bbox[0][2]).toBeGreaterThan(108.2);
  });

  it('the tileset and TileJSON of a collection show the same scoped extent', async () => {
    const tileset = await getJson<{ boundingBox: { upperRight: number[] } }>(t.as('viettel'), '/api/collections/key_targets/tiles/WebMercatorQuad');
    expect(tileset.status).toBe(200);
    expect(tileset.body.boundingBox.upperRight[0]).toBeLessThan(108.05);
    const tileJson = await getJson<{ bounds: number[] }>(t.as('viettel'), '/api/collections/key_targets/tiles/WebMercatorQuad/tilejson');
    expect(tileJson.body.bounds[2]).toBeLessThan(108.05);
    expect((await getJson<{ bounds: number[] }>(t.as('police'), '/api/collections/key_targets/tiles/WebMercatorQuad/tilejson')).body.bounds[2]).toBeGreaterThan(108.2);
  });
});
