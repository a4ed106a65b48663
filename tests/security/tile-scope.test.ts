import { VectorTile } from '@mapbox/vector-tile';
import { bbox as turfBbox } from '@turf/turf';
import type { Feature } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { padded, tileBounds, tileOfPosition } from '../../server/geometry/web-mercator.ts';
import { createTestApp, type Caller, type Client } from '../helpers/test-app.ts';

type Item = Feature & { id: number; properties: Record<string, unknown> };
type Box = [number, number, number, number];

const ROLES: Caller[] = ['admin', 'police', 'dic', 'viettel', 'vnpt', 'ubnd'];
const COLLECTIONS = ['cable_routes', 'bts_sites', 'facilities', 'key_targets', 'incidents'];
const ZOOMS = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
// Kon Tum city: every carrier's network and most incidents meet there.
const CENTRE: [number, number] = [108.0, 14.35];

/** Everything a caller can read of a collection through the items API, by id (null when the role may not read it). */
async function readableItems(client: Client, collection: string): Promise<Map<number, Item> | null> {
  const items = new Map<number, Item>();
  for (let offset = 0; ; offset += 10_000) {
    const response = await client.request(`/api/collections/${collection}/items?limit=10000&offset=${offset}`);
    if (response.status === 403) return null;
    const page = (await response.json()) as { features: Item[] };
    for (const item of page.features) items.set(item.id, item);
    if (page.features.length < 10_000) return items;
  }
}

async function tileFeatures(client: Client, collection: string, z: number) {
  const [x, y] = tileOfPosition(CENTRE[0], CENTRE[1], z);
  const response = await client.request(`/api/collections/${collection}/tiles/WebMercatorQuad/${z}/${y}/${x}`);
  if (response.status !== 200) return { status: response.status, features: [], bounds: tileBounds(z, x, y) };
  const layer = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer()))).layers[collection];
  const features = layer ? Array.from({ length: layer.length }, (_, index) => layer.feature(index)) : [];
  return { status: 200, features, bounds: tileBounds(z, x, y) };
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
/** A tile's property value as an item carries it (lists become `a;b` in a vector tile). */
const asTile = (value: unknown) => (Array.isArray(value) ? value.join(';') : value);

describe('tiles tell each role no more than the items API does', async () => {
  const t = await createTestApp(await demoDataset());

  it('at zooms 5–14, every role’s tile features are items it can read, with the same values, and merged counts equal what items count', async () => {
    let merged = 0, foreignMerged = 0, identified = 0;
    for (const role of ROLES) {
      const client = t.as(role);
      for (const collection of COLLECTIONS) {
        const items = await readableItems(client, collection);
        const boxes = items && new Map([...items.values()].map((item) => [item.id, turfBbox(item) as Box]));
        for (const z of ZOOMS) {
          const tile = await tileFeatures(client, collection, z);
          const where = `${role} ${collection} z${z}`;
          expect(tile.status, where).toBe(items ? 200 : 403);
          if (!items) continue;
          const around = padded(tile.bounds, 1 / 64);
          const inTile = [...items.values()].filter((item) => overlaps(boxes!.get(item.id)!, around));
          for (const feature of tile.features) {
            const { point_count: pointCount, line_count: lineCount, ...properties } = feature.properties;
            if (feature.id !== undefined) {
              identified += 1;
              const item = items.get(Number(feature.id));
              expect(item, `${where}: feature ${feature.id} is not readable as an item`).toBeDefined();
              for (const [name, value] of Object.entries(properties)) expect(value, `${where} #${feature.id}.${name}`).toEqual(asTile(item!.properties[name]));
              if (pointCount !== undefined) expect(Number(pointCount), where).toBeLessThanOrEqual(inTile.length);
              continue;
            }
            // A merged line (below zoom 11): what it says must be what the items say of the lines in the tile.
            merged += 1;
            const alike = inTile.filter((item) => Object.entries(properties).every(([name, value]) => item.properties[name] === value));
            const carrier = role === 'viettel' || role === 'vnpt' ? role : null;
            if (carrier && properties.owner !== carrier) {
              foreignMerged += 1;
              expect(Object.keys(properties).sort(), where).toEqual(['owner', 'status']);
              // Every tier of the other carrier's lines, so the count is the items' count and tells no tier.
              expect(Number(lineCount), `${where} ${JSON.stringify(properties)}`).toBe(alike.length);
            } else {
              expect(Number(lineCount), where).toBeLessThanOrEqual(alike.length);
              expect(Number(lineCount), where).toBeGreaterThan(0);
            }
          }
        }
      }
    }
    expect(identified).toBeGreaterThan(100);
    expect(merged).toBeGreaterThan(20);
    expect(foreignMerged).toBeGreaterThan(4);
  }, 180_000);

  it('below zoom 8 a carrier’s cable tiles hold no other carrier’s lines; from zoom 8 they hold every tier of them', async () => {
    const routes = (await readableItems(t.as('admin'), 'cable_routes'))!;
    for (const z of [5, 6, 7]) {
      const { features } = await tileFeatures(t.as('viettel'), 'cable_routes', z);
      expect(features.filter((feature) => feature.properties.owner !== 'viettel'), `z${z}`).toEqual([]);
      expect(features.length, `z${z}`).toBeGreaterThan(0);
    }
    const { features, bounds } = await tileFeatures(t.as('viettel'), 'cable_routes', 8);
    const around = padded(bounds, 1 / 64);
    const vnptInTile = [...routes.values()].filter((route) => route.properties.owner === 'vnpt' && overlaps(turfBbox(route) as Box, around));
    expect(new Set(vnptInTile.map((route) => route.properties.tier)).size).toBeGreaterThan(1);
    const shown = features.filter((feature) => feature.properties.owner === 'vnpt').reduce((sum, feature) => sum + Number(feature.properties.line_count), 0);
    expect(shown).toBe(vnptInTile.length);
  });
});
