import { describe, expect, it } from 'vitest';
import { COLLECTION_IDS } from '../../server/collections/registry.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';
import { randomDataset } from '../helpers/random-dataset.ts';

type Link = { rel: string; type: string; href: string; title: string };
type Collection = { id: string; itemType: string; crs: string[]; links: Link[]; extent: { spatial: { bbox: number[][] }; temporal?: { interval: (string | null)[][] } } };

describe('metadata documents', async () => {
  const dataset = randomDataset(61, 20);
  const { app } = await createTestApp(dataset);

  it('the landing page links self, service-desc, conformance, data and the tiling schemes', async () => {
    const { status, type, body } = await getJson<{ links: Link[] }>(app, '/api');
    expect([status, type]).toEqual([200, 'application/json']);
    expect(body.links.map((link) => link.rel)).toEqual(['self', 'service-desc', 'conformance', 'data', 'http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes']);
    expect(body.links.find((link) => link.rel === 'service-desc')?.type).toBe('application/vnd.oai.openapi+json;version=3.0');
  });

  it('serves an OpenAPI 3.0 document listing every items path', async () => {
    const response = await app.request('/api/api');
    expect(response.headers.get('content-type')).toBe('application/vnd.oai.openapi+json;version=3.0');
    const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toMatch(/^3\.0\./);
    for (const id of COLLECTION_IDS) expect(body.paths[`/collections/${id}/items`]).toBeDefined();
    for (const id of COLLECTION_IDS) expect(body.paths[`/collections/${id}/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}`]).toBeDefined();
  });

  it('declares the core, geojson and oas30 conformance classes', async () => {
    const { body } = await getJson<{ conformsTo: string[] }>(app, '/api/conformance');
    for (const name of ['core', 'geojson', 'oas30']) expect(body.conformsTo).toContain(`http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/${name}`);
  });

  it('lists every registry collection in order, then the published records, each with an items link', async () => {
    const { body } = await getJson<{ collections: Collection[] }>(app, '/api/collections');
    expect(body.collections.map((collection) => collection.id)).toEqual([...COLLECTION_IDS, 'patrol_plans', 'hotline_reports']);
    for (const collection of body.collections) {
      expect(collection.itemType).toBe('feature');
      expect(collection.links.find((link) => link.rel === 'items')?.type).toBe('application/geo+json');
    }
  });

  it('gives a temporal extent only to time-stamped collections', async () => {
    const incidents = (await getJson<Collection>(app, '/api/collections/incidents')).body;
    const times = dataset.incidents.features.map((feature) => Date.parse(String(feature.properties?.occurred_at)));
    expect(incidents.extent.temporal?.interval[0]).toEqual([new Date(Math.min(...times)).toISOString(), new Date(Math.max(...times)).toISOString()]);
    expect((await getJson<Collection>(app, '/api/collections/roads')).body.extent.temporal).toBeUndefined();
  });

  it('serves one feature as GeoJSON with its id', async () => {
    const response = await app.request('/api/collections/facilities/items/7');
    expect(response.headers.get('content-type')).toBe('application/geo+json');
    const body = (await response.json()) as { type: string; id: number; geometry: { type: string } };
    expect([body.type, body.id, body.geometry.type]).toEqual(['Feature', 7, 'Point']);
  });
});
