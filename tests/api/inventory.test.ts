import { booleanPointInPolygon, length } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestApp, sendJson } from '../helpers/test-app.ts';

type Inventory = {
  cableKm: Record<string, Record<string, number>>; sitesByOwner: Record<string, number>; sitesByTechnology: Record<string, Record<string, number>>;
  facilitiesByKind: Record<string, Record<string, number>>; assets: { collection: string; id: number; owner: string; label: string | null }[];
};

describe('emergency mobilisation inventory', async () => {
  const dataset = await demoDataset();
  const t = await createTestApp(dataset);
  const district = dataset.admin_areas.features.find((area) => area.properties?.level === 'district' && area.properties?.name === 'Đắk Hà') as Feature<Polygon | MultiPolygon>;
  const inside = (collection: 'bts_sites' | 'facilities') => (dataset[collection].features as Feature<Point>[]).filter((feature) => booleanPointInPolygon(feature, district));

  it('counts every site and facility in a district as a brute-force point-in-polygon does, by owner and kind', async () => {
    const { status, body } = await sendJson<Inventory>(t.as('dic'), 'POST', '/api/inventory', { district: String(district.properties!.code) });
    expect(status).toBe(200);
    const sites = inside('bts_sites');
    expect(Object.values(body.sitesByOwner).reduce((a, b) => a + b, 0)).toBe(sites.length);
    const fourG = sites.filter((site) => site.properties?.owner === 'viettel' && (site.properties?.technologies as string[]).includes('4G')).length;
    expect(body.sitesByTechnology.viettel?.['4G'] ?? 0).toBe(fourG);
    const facilities = inside('facilities');
    expect(Object.values(body.facilitiesByKind).flatMap((kinds) => Object.values(kinds)).reduce((a, b) => a + b, 0)).toBe(facilities.length);
  });

  it('measures only the cable inside a drawn polygon', async () => {
    const polygon = { type: 'Polygon', coordinates: [[[107.9, 14.3], [108.1, 14.3], [108.1, 14.45], [107.9, 14.45], [107.9, 14.3]]] };
    const { body } = await sendJson<Inventory>(t.as('dic'), 'POST', '/api/inventory', { polygon });
    const total = Object.values(body.cableKm).flatMap((tiers) => Object.values(tiers)).reduce((a, b) => a + b, 0);
    // Brute force: sample every cable every 50 m and count samples inside.
    let sampled = 0;
    for (const cable of dataset.cable_routes.features as Feature<LineString>[]) {
      const km = length(cable);
      const coordinates = cable.geometry.coordinates;
      for (let index = 1; index < coordinates.length; index += 1) {
        const [a, b] = [coordinates[index - 1], coordinates[index]];
        const segment = length({ type: 'Feature', geometry: { type: 'LineString', coordinates: [a, b] }, properties: {} });
        const steps = Math.max(1, Math.round(segment / 0.05));
        for (let step = 0; step < steps; step += 1) {
          const f = (step + 0.5) / steps;
          if (booleanPointInPolygon([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f], polygon as Polygon)) sampled += segment / steps;
        }
      }
      expect(km).toBeGreaterThan(0);
    }
    expect(total).toBeGreaterThan(1);
    expect(Math.abs(total - sampled) / sampled).toBeLessThan(0.01);
  });

  it('a carrier sees other carriers’ assets counted by owner only, with their details undisclosed', async () => {
    const { body } = await sendJson<Inventory>(t.as('viettel'), 'POST', '/api/inventory', { district: String(district.properties!.code) });
    expect(Object.keys(body.sitesByTechnology.vnpt ?? {})).toEqual(body.sitesByTechnology.vnpt ? ['undisclosed'] : []);
    expect(body.assets.filter((asset) => asset.owner !== 'viettel').every((asset) => asset.label === null)).toBe(true);
    expect(body.assets.some((asset) => asset.owner === 'viettel' && asset.label !== null)).toBe(true);
  });

  it('buffers a point, and refuses unknown districts, bad polygons and buffers over 50 km', async () => {
    const around = await sendJson<Inventory>(t.as('police'), 'POST', '/api/inventory', { buffer: { geometry: { type: 'Point', coordinates: [108.0, 14.35] }, meters: 2000 } });
    expect(around.status).toBe(200);
    expect((await sendJson(t.as('police'), 'POST', '/api/inventory', { district: '999' })).status).toBe(400);
    expect((await sendJson(t.as('police'), 'POST', '/api/inventory', { polygon: { type: 'Polygon', coordinates: [[[108, 14], [108.1, 14.1], [108.1, 14], [108, 14.1], [108, 14]]] } })).status).toBe(400);
    expect((await sendJson(t.as('police'), 'POST', '/api/inventory', { buffer: { geometry: { type: 'Point', coordinates: [108, 14.3] }, meters: 60_000 } })).status).toBe(400);
    expect((await sendJson(t.as('public'), 'POST', '/api/inventory', { district: '610' })).status).toBe(401);
  });

  it('exports the district’s assets as GeoJSON (the same sites, where they are) and as CSV (one row each, Vietnamese headers)', async () => {
    const area = { district: String(district.properties!.code) };
    const [json, geojson, csv] = await Promise.all([
      sendJson<Inventory>(t.as('dic'), 'POST', '/api/inventory', area),
      t.as('dic').request('/api/inventory?format=geojson', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(area) }),
      t.as('dic').request('/api/inventory?format=csv', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(area) }),
    ]);
    expect(geojson.headers.get('content-type')).toBe('application/geo+json');
    const collection = (await geojson.json()) as { type: string; features: Feature<Point | LineString, { collection: string }>[] };
    expect(collection.type).toBe('FeatureCollection');
    const key = (asset: { collection: string; id: unknown }) => `${asset.collection}/${asset.id}`;
    expect(collection.features.map((feature) => key({ collection: feature.properties.collection, id: feature.id })).sort()).toEqual(json.body.assets.map(key).sort());
    const sites = collection.features.filter((feature) => feature.properties.collection === 'bts_sites') as Feature<Point>[];
    expect(sites.length).toBe(inside('bts_sites').length);
    expect(sites.every((site) => booleanPointInPolygon(site, district))).toBe(true);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Lớp,Mã,Doanh nghiệp,Tên / mã trạm,Loại / cấp,Chiều dài trong vùng (m),Kinh độ,Vĩ độ');
    expect(lines.length - 1).toBe(json.body.assets.length);
  });
});
