import { bboxPolygon, booleanIntersects } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { geometryBbox } from '../../server/geometry/bbox.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';
import { createPrng } from '../helpers/random-dataset.ts';

type Page = { features: { id: number }[]; numberMatched: number };
type Box = [number, number, number, number];

/** Brute force, independent of the store: turf's booleanIntersects of each feature with the box. */
const exactly = (collection: FeatureCollection, box: Box) =>
  collection.features.filter((feature) => booleanIntersects(feature as Feature, bboxPolygon(box))).map((feature) => Number(feature.id)).sort((a, b) => a - b);
/** What a bounding-box-only filter would answer: the bug this test guards against. */
const byBoundingBox = (collection: FeatureCollection, box: Box) =>
  collection.features.filter((feature) => { const [a, b, c, d] = geometryBbox(feature.geometry); return a <= box[2] && c >= box[0] && b <= box[3] && d >= box[1]; }).length;

describe('bbox selects by geometry on the demo data', async () => {
  const dataset: Record<string, FeatureCollection> = await demoDataset();
  const { app } = await createTestApp(dataset);
  const random = createPrng(22);
  // Boxes of about 1 km and 10 km around Kon Tum city and the province.
  const boxes: Box[] = Array.from({ length: 60 }, (_, index) => {
    const size = index % 3 === 0 ? 0.09 : 0.009;
    const x = 107.5 + random() * 0.9, y = 14.0 + random() * 1.3;
    return [x, y, x + size, y + size];
  });

  it.each(['cable_routes', 'roads', 'admin_areas', 'key_targets', 'bts_sites'])('%s: ids and numberMatched equal an exact brute force on random 1 km and 10 km boxes', async (collectionId) => {
    let boxOnly = 0;
    for (const box of boxes) {
      const { status, body } = await getJson<Page>(app, `/api/collections/${collectionId}/items?limit=10000&bbox=${box.join(',')}`);
      expect(status).toBe(200);
      const expected = exactly(dataset[collectionId], box);
      expect(body.features.map((feature) => feature.id)).toEqual(expected);
      expect(body.numberMatched).toBe(expected.length);
      boxOnly += byBoundingBox(dataset[collectionId], box) - expected.length;
    }
    // Lines and polygons: a bounding-box filter would have answered more, so the test tells the two apart.
    if (['cable_routes', 'roads', 'admin_areas'].includes(collectionId)) expect(boxOnly).toBeGreaterThan(0);
  });

  it('the export and the count take the same exact selection', async () => {
    const box = boxes[3];
    const expected = exactly(dataset.cable_routes, box);
    const exported = (await (await app.request(`/api/collections/cable_routes/export?format=geojson&bbox=${box.join(',')}`)).json()) as FeatureCollection;
    expect(exported.features.map((feature) => feature.id)).toEqual(expected);
  });

  it('includes a point lying exactly on the bbox edge', async () => {
    const point = dataset.bts_sites.features[0];
    const [x, y] = geometryBbox(point.geometry);
    const { body } = await getJson<Page>(app, `/api/collections/bts_sites/items?bbox=${x},${y},${x + 0.001},${y + 0.001}`);
    expect(body.features.map((feature) => feature.id)).toContain(point.id);
  });
});

describe('bbox forms', async () => {
  const line = (id: number, coordinates: number[][]): Feature => ({
    type: 'Feature', id, geometry: { type: 'LineString', coordinates }, properties: { name: `R${id}`, owner: 'viettel', medium: 'fibre', laying: 'aerial', tier: 'trunk', status: 'active' },
  });
  const { app } = await createTestApp({
    cable_routes: { type: 'FeatureCollection', features: [line(1, [[179.5, 0], [179.9, 0.1]]), line(2, [[-179.9, 0], [-179.5, 0.1]]), line(3, [[0, 0], [1, 0.1]])] },
  });
  const ids = async (query: string) => (await getJson<Page>(app, `/api/collections/cable_routes/items?${query}`)).body.features.map((feature) => feature.id);

  it('a box across the antimeridian (west > east) matches both sides and nothing between', async () => {
    expect(await ids('bbox=179,-1,-179,1')).toEqual([1, 2]);
  });

  it('six numbers are a box with heights', async () => {
    expect(await ids('bbox=-0.5,-1,-100,0.5,1,100')).toEqual([3]);
  });
});
