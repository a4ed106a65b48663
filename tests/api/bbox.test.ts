import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryBbox } from '../../server/geometry/bbox.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';
import { AREA, createPrng, randomDataset } from '../helpers/random-dataset.ts';

type Page = { features: { id: number }[]; numberMatched: number };

/** Brute force: a feature matches when its bounding box intersects the query bbox (exact for points). */
function bruteForce(collection: FeatureCollection, bbox: number[]): number[] {
  return collection.features
    .filter((feature) => {
      const [minx, miny, maxx, maxy] = geometryBbox(feature.geometry);
      return minx <= bbox[2] && maxx >= bbox[0] && miny <= bbox[3] && maxy >= bbox[1];
    })
    .map((feature) => Number(feature.id))
    .sort((a, b) => a - b);
}

describe('bbox filter', async () => {
  const dataset = randomDataset(21, 400);
  const { app } = await createTestApp(dataset);
  const random = createPrng(22);
  const boxes = Array.from({ length: 40 }, () => {
    const x = AREA.minx + random() * (AREA.maxx - AREA.minx);
    const y = AREA.miny + random() * (AREA.maxy - AREA.miny);
    return [x, y, x + random() * 0.5, y + random() * 0.5];
  });

  it.each(['bts_sites', 'cable_routes', 'key_targets'])('matches a brute-force filter on %s for many random boxes', async (collectionId) => {
    for (const bbox of boxes) {
      const { status, body } = await getJson<Page>(app, `/api/collections/${collectionId}/items?limit=10000&bbox=${bbox.join(',')}`);
      expect(status).toBe(200);
      const expected = bruteForce(dataset[collectionId], bbox);
      expect(body.features.map((feature) => feature.id)).toEqual(expected);
      expect(body.numberMatched).toBe(expected.length);
    }
  });

  it('includes a point lying exactly on the bbox edge', async () => {
    const point = dataset.incidents.features[0];
    const [x, y] = geometryBbox(point.geometry);
    const { body } = await getJson<Page>(app, `/api/collections/incidents/items?bbox=${x},${y},${x + 0.001},${y + 0.001}`);
    expect(body.features.map((feature) => feature.id)).toContain(point.id);
  });
});
