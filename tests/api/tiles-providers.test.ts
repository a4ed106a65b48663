import { beforeAll, expect, it } from 'vitest';
import { tileOfPosition } from '../../server/geometry/web-mercator.ts';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { decodeLayer, farthestVertex, filledCells, geometryGap, inTile, type DecodedFeature } from '../helpers/mvt.ts';
import { describePostgres } from '../helpers/postgres.ts';
import { createTestApp, type Caller, type TestApp } from '../helpers/test-app.ts';

/**
 * The PostgreSQL provider encodes tiles in the database (ST_AsMVT); the SQLite provider builds them in Node
 * (geojson-vt + vt-pbf). On the seeded demo, both decoded by @mapbox/vector-tile, they must hold the same features:
 * the same ids (merged lines: the same groups), the same properties with the same values (point_count, line_count
 * included), and geometries a pixel or two apart at most.
 *
 * Why geometries may differ at all: both simplify with Douglas–Peucker at the same tolerances, but the algorithms are
 * not the same code. Low-zoom lines are generalised by turf's `simplify` (a radial-distance pass, then
 * Douglas–Peucker) in SQLite and by ST_Simplify in PostgreSQL, each by half a 512-pixel screen pixel (4 tile units at
 * zoom 10); the encoders then simplify by 3 tile units (geojson-vt picks a pivot among equally distant vertices
 * differently from PostGIS), and they round to the tile's grid differently (Math.round, rint). A vertex kept on one
 * side and dropped on the other moves the line by less than the tolerance that dropped it, so 3 + 4 units bound the
 * gap from simplification; 16 units (two screen pixels of a 512-pixel tile) still fails on a wrong projection, a
 * shifted tile, a missing or extra part, or a line of another group.
 */
const GAP_UNITS = { Point: 1, LineString: 16, Polygon: 16, Unknown: 0 } as const;
/**
 * Polygons differ in two more ways. PostGIS makes them valid (MVT 2.1 §4.3.4.4 wants valid rings) and geojson-vt
 * does not: a sliver that simplification turned into a self-crossing spike is removed by ST_AsMVTGeom and kept by
 * geojson-vt, and geojson-vt's clipping joins the pieces of a polygon leaving the tile by zero-width bridges along
 * the buffer's edge where PostGIS makes separate rings. So polygons are compared by what a map fills inside the
 * tile (cells of a 256 × 256 grid, 2 screen pixels each, filled by the even–odd rule) and by how far PostgreSQL's
 * vertices inside the tile lie from SQLite's rings; a missing or extra ring, a hole filled or a shifted polygon fill
 * more cells than this share differently.
 */
const POLYGON_CELLS_DIFFERING = 0.02;

const ROLES: Caller[] = ['police', 'viettel', 'ubnd'];
const COLLECTIONS = ['bts_sites', 'incidents', 'cable_routes', 'admin_areas', 'key_targets', 'service_agents', 'facilities'];
const ZOOMS = [6, 8, 10, 11, 12, 14];
// Kon Tum city, where every carrier's network and most incidents meet, and Đắk Glei in the north.
const PLACES: [number, number][] = [[108.0, 14.35], [107.73, 15.07]];

async function tileOf(app: TestApp, caller: Caller, path: string): Promise<{ status: number; features: DecodedFeature[] }> {
  const response = await app.as(caller).request(path);
  if (response.status !== 200) return { status: response.status, features: [] };
  return { status: 200, features: decodeLayer(new Uint8Array(await response.arrayBuffer()), path.split('/')[3]) };
}

describePostgres('vector tiles built by PostgreSQL (ST_AsMVT) and by Node from SQLite on the demo data', () => {
  let sqlite: TestApp, postgres: TestApp, period = '';
  beforeAll(async () => {
    const demo = await demoDataset();
    [sqlite, postgres] = await Promise.all([createTestApp(demo), createTestApp(demo, { storage: 'postgres' })]);
    // The later half of the incidents' time span, as a period ending on a day boundary.
    const times = demo.incidents.features.map((feature) => Date.parse(String(feature.properties!.occurred_at))).sort((a, b) => a - b);
    const middle = new Date(times[Math.floor(times.length / 2)]).toISOString().slice(0, 10);
    period = `?datetime=${middle}T00:00:00Z/${new Date(times[times.length - 1]).toISOString().slice(0, 10)}T23:59:59Z`;
  }, 120_000);

  it('hold the same features with the same properties, and geometries within a pixel or two, for every role, zoom and collection', async () => {
    const gaps: Record<string, number> = {};
    const problems: string[] = [];
    let compared = 0, counted = 0, merged = 0, polygonShare = 0;
    for (const role of ROLES) for (const collection of COLLECTIONS) for (const z of ZOOMS) for (const [lon, lat] of PLACES) {
      const [x, y] = tileOfPosition(lon, lat, z);
      for (const query of collection === 'incidents' ? ['', period] : ['']) {
        const path = `/api/collections/${collection}/tiles/WebMercatorQuad/${z}/${y}/${x}${query}`;
        const [expected, actual] = await Promise.all([tileOf(sqlite, role, path), tileOf(postgres, role, path)]);
        const where = `${role} ${path}`;
        if (actual.status !== expected.status) problems.push(`${where}: status ${actual.status}, expected ${expected.status}`);
        const summary = (features: DecodedFeature[]) => features.map(({ id, type, properties }) => JSON.stringify([id, type, properties]));
        const [want, got] = [summary(expected.features), summary(actual.features)];
        if (want.join() !== got.join()) {
          problems.push(`${where}: only SQLite ${want.filter((entry) => !got.includes(entry)).join(' ')} only PostgreSQL ${got.filter((entry) => !want.includes(entry)).join(' ')}`);
          continue;
        }
        expected.features.forEach((feature, index) => {
          const other = actual.features[index].geometry;
          const name = `${where} #${feature.id ?? JSON.stringify(feature.properties)}`;
          if (feature.type === 'Polygon') {
            const [want, got] = [filledCells(feature.geometry), filledCells(other)];
            const differing = [...want].filter((cell) => !got.has(cell)).length + [...got].filter((cell) => !want.has(cell)).length;
            const share = differing / Math.max(1, want.size);
            if (differing > 4 && share > POLYGON_CELLS_DIFFERING) problems.push(`${name}: ${differing} of ${want.size} cells filled differently`);
            polygonShare = Math.max(polygonShare, differing > 4 ? share : 0);
          }
          const gap = feature.type === 'Polygon' ? farthestVertex([other.flat().filter((vertex) => inTile(vertex))], feature.geometry) : geometryGap(feature.geometry, other);
          if (gap > GAP_UNITS[feature.type]) problems.push(`${name}: ${feature.type} ${gap.toFixed(1)} units apart`);
          gaps[`${feature.type} z${z}`] = Math.max(gaps[`${feature.type} z${z}`] ?? 0, gap);
          compared += 1;
          if (feature.properties.point_count !== undefined) counted += 1;
          if (feature.properties.line_count !== undefined) merged += 1;
        });
      }
    }
    if (problems.length) console.log(problems.join('\n'));
    expect(problems).toEqual([]);
    console.log(`compared ${compared} features (${counted} with point_count, ${merged} merged lines); largest gaps in tile units:`, gaps, `polygons: at most ${(polygonShare * 100).toFixed(2)} % of cells filled differently`);
    expect(compared).toBeGreaterThan(2000);
    expect(counted).toBeGreaterThan(50);
    expect(merged).toBeGreaterThan(20);
  }, 300_000);
});
