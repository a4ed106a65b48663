import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { findCollection } from '../../server/collections/registry.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';

type Page = { features: Feature[] };

/** One-part multis read as their single part: a GeoPackage declares one exact type, so mixed lines come back multi. */
function normalised(geometry: Geometry): Geometry {
  if (geometry.type === 'MultiLineString' && geometry.coordinates.length === 1) return { type: 'LineString', coordinates: geometry.coordinates[0] };
  if (geometry.type === 'MultiPolygon' && geometry.coordinates.length === 1) return { type: 'Polygon', coordinates: geometry.coordinates[0] };
  return geometry;
}
const positions = (geometry: Geometry): Position[] => JSON.stringify((geometry as { coordinates: unknown }).coordinates).match(/-?[\d.e+-]+,-?[\d.e+-]+/g)!.map((pair) => pair.split(',').map(Number));

/**
 * Every export format read back by the import, into a fresh store: same geometry (to 1e-9°), same attributes with
 * the same types (numbers stay numbers, booleans booleans, lists lists; date-times the same instant), nothing more.
 */
describe('export → import round trips', async () => {
  const dataset: Record<string, FeatureCollection> = await demoDataset();
  const source = await createTestApp(dataset);

  it.each(['geojson', 'csv', 'kml', 'gpkg'].flatMap((format) => ['bts_sites', 'cable_routes', 'facilities'].map((collection) => [format, collection])))('%s keeps every %s feature', async (format, collectionId) => {
    const collection = findCollection(collectionId)!;
    const original = (await getJson<Page>(source.app, `/api/collections/${collectionId}/items?limit=10000`)).body.features;
    const file = Buffer.from(await (await source.app.request(`/api/collections/${collectionId}/export?format=${format}`)).arrayBuffer());
    if (format === 'gpkg') {
      const directory = mkdtempSync(join(tmpdir(), 'netguard-roundtrip-'));
      try {
        writeFileSync(join(directory, 'demo.gpkg'), file);
        // GDAL's GeoPackage validator (Debian's python3-gdal) on the demo data itself; it exits non-zero on any failure.
        execFileSync('/usr/bin/python3', ['/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py', join(directory, 'demo.gpkg')]);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    }
    const target = await createTestApp({ admin_areas: dataset.admin_areas });
    const imported = await target.app.request(`/api/imports/${collectionId}?format=${format}`, { method: 'POST', body: file });
    expect(imported.status, await imported.clone().text()).toBe(201);
    const back = (await getJson<Page>(target.app, `/api/collections/${collectionId}/items?limit=10000`)).body.features;
    expect(back).toHaveLength(original.length);
    back.forEach((feature, index) => {
      const before = original[index];
      const [a, b] = [normalised(before.geometry), normalised(feature.geometry)];
      expect(b.type).toBe(a.type);
      const [pa, pb] = [positions(a), positions(b)];
      expect(pb).toHaveLength(pa.length);
      pa.forEach((p, i) => expect(Math.abs(p[0] - pb[i][0]) + Math.abs(p[1] - pb[i][1])).toBeLessThan(1e-9));
      for (const def of collection.properties) {
        const [was, is] = [before.properties?.[def.name] ?? null, feature.properties?.[def.name] ?? null];
        if (def.type === 'datetime' && was !== null) expect(Date.parse(String(is))).toBe(Date.parse(String(was)));
        // Every write computes a cable's length from its geometry to 0.1 m; the demo generator rounds it to 1 m.
        else if (def.name === 'length_m') expect(Math.abs(Number(is) - Number(was))).toBeLessThanOrEqual(0.5);
        else expect(is, `${def.name} of feature ${index}`).toEqual(was);
      }
    });
  });
});
