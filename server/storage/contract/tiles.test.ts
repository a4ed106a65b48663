import type { Feature, Point } from 'geojson';
import { expect, it } from 'vitest';
import { tileBounds } from '../../geometry/web-mercator.ts';
import { describeProviders, type ContractStorage } from '../../../tests/helpers/providers.ts';
import { decodeLayer } from '../../../tests/helpers/mvt.ts';
import { cellOf } from '../tile-grid.ts';
import type { TileRequest, TileScope } from '../vector-tiles.ts';

const site = (id: number, lon: number, lat: number, owner: string): Feature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { site_code: `S${id}`, owner, technologies: ['4G', '5G'], status: 'active' },
});
const cable = (id: number, tier: string, owner: string, coordinates: [number, number][]): Feature => ({
  type: 'Feature', id, geometry: { type: 'LineString', coordinates }, properties: { name: `Tuyến ${id}`, owner, medium: 'fibre', laying: 'aerial', tier, status: 'active' },
});
const incident = (id: number, lon: number, lat: number, occurredAt: string): Feature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { type: 'cable_theft', occurred_at: occurredAt, reported_at: occurredAt, source: 'police', status: 'reported', asset_owner: 'viettel' },
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
    incidents: { type: 'FeatureCollection', features: [incident(1, 108, 14.5, '2026-03-01T08:00:00Z'), incident(2, 108.001, 14.5, '2026-04-01T08:00:00Z')] },
  });
  return storage;
}

const FULL: TileScope = { filters: [], redaction: null };
/** What a carrier (Viettel) may see of assets: every row, other owners' only with owner and status (`server/auth/access.ts`). */
const VIETTEL: TileScope = { filters: [], redaction: { keep: ['owner', 'status'], unlessOwner: 'viettel' }, privateRows: { property: 'owner', value: 'viettel' } };
const at = (z: number, x: number, y: number, scope = FULL, extra: Partial<TileRequest> = {}): TileRequest => ({ z, x, y, scope, ...extra });
const read = async (storage: ContractStorage, collection: string, request: TileRequest) =>
  decodeLayer(await storage.features.vectorTile(collection, request), collection).map(({ id, properties }) => [id, properties]);

describeProviders('vector tiles', (fresh) => {
  it('thins points to the lowest id per cell of the tile’s grid, counting the points it stands for', async () => {
    const storage = await seeded(fresh);
    expect(await read(storage, 'bts_sites', at(8, 204, 117))).toEqual([[2, { owner: 'vnpt', status: 'active', point_count: 3 }], [4, { owner: 'vnpt', status: 'active' }]]);
    expect(await read(storage, 'bts_sites', at(8, 204, 117, { ...FULL, filters: [{ property: 'owner', value: 'viettel' }] }))).toEqual([[3, { owner: 'viettel', status: 'active' }]]);
    expect(await read(storage, 'bts_sites', at(8, 204, 118))).toEqual([]);
  });

  it('gives a deep tile every property, lists joined with “;”, and a low one only the tile properties', async () => {
    const storage = await seeded(fresh);
    const deep = await read(storage, 'bts_sites', at(14, 13107, 7524));
    expect(deep).toEqual([[2, { site_code: 'S2', owner: 'vnpt', technologies: '4G;5G', status: 'active' }], [3, { site_code: 'S3', owner: 'viettel', technologies: '4G;5G', status: 'active' }], [5, expect.objectContaining({ site_code: 'S5' })]]);
  });

  it('redacts other owners’ rows to the kept properties, the reader’s own rows stay whole', async () => {
    const storage = await seeded(fresh);
    const deep = await read(storage, 'bts_sites', at(14, 13107, 7524, VIETTEL));
    expect(deep).toEqual([[2, { owner: 'vnpt', status: 'active' }], [3, { site_code: 'S3', owner: 'viettel', technologies: '4G;5G', status: 'active' }], [5, { owner: 'vnpt', status: 'active' }]]);
  });

  it('merges low-zoom lines by their tile properties without ids, leaving out tiers drawn only deeper', async () => {
    const storage = await seeded(fresh);
    expect(await read(storage, 'cable_routes', at(8, 204, 117))).toEqual([
      [undefined, { owner: 'viettel', tier: 'trunk', status: 'active', line_count: 1 }],
      [undefined, { owner: 'vnpt', tier: 'backbone', status: 'active', line_count: 2 }],
    ]);
    expect((await read(storage, 'cable_routes', at(10, 819, 470))).map(([, properties]) => properties)).toEqual([
      { owner: 'viettel', tier: 'trunk', status: 'active', line_count: 1 },
      { owner: 'vnpt', tier: 'access', status: 'active', line_count: 1 },
      { owner: 'vnpt', tier: 'backbone', status: 'active', line_count: 2 },
    ]);
    expect((await read(storage, 'cable_routes', at(11, 1638, 940))).map(([id]) => id)).toEqual([1, 2, 3, 4]);
  });

  it('gives a carrier its own lines by tier and every other owner’s line from zoom 8, merged by owner and status only', async () => {
    const storage = await seeded(fresh);
    // Below zoom 8 none of another owner's lines, and Viettel's trunk only from zoom 8.
    expect(await read(storage, 'cable_routes', at(7, 102, 58, VIETTEL))).toEqual([]);
    expect(await read(storage, 'cable_routes', at(8, 204, 117, VIETTEL))).toEqual([
      [undefined, { owner: 'viettel', tier: 'trunk', status: 'active', line_count: 1 }],
      [undefined, { owner: 'vnpt', status: 'active', line_count: 3 }],
    ]);
  });

  it('shows the points of a period only', async () => {
    const storage = await seeded(fresh);
    const march = { startMs: Date.parse('2026-03-01T00:00:00Z'), endMs: Date.parse('2026-03-31T23:59:59Z') };
    expect(await read(storage, 'incidents', at(8, 204, 117))).toEqual([[1, { type: 'cable_theft', status: 'reported', point_count: 2 }]]);
    expect(await read(storage, 'incidents', at(8, 204, 117, FULL, { datetime: march }))).toEqual([[1, { type: 'cable_theft', status: 'reported' }]]);
    expect(await read(storage, 'incidents', at(14, 13107, 7524, FULL, { datetime: { startMs: Date.parse('2026-04-01T00:00:00Z'), endMs: null } }))).toEqual([[2, expect.objectContaining({ occurred_at: '2026-04-01T08:00:00Z' })]]);
  });

  it('puts a point on a cell’s edge in the cell `cellOf` puts it in (east of a meridian edge), and a point on a tile’s edge in one tile only', async () => {
    const storage = await fresh();
    // Tile 8/204/117's cells are the zoom-12 tiles: the corner where cells 3268–3269 × 1878–1879 meet.
    const [west, , , north] = tileBounds(12, 3269, 1879);
    const [, , tileEast] = tileBounds(8, 204, 117);
    const d = 1e-4;
    // One anchor inside each of the four cells (the lowest ids), then points exactly on the edges and the corner.
    const anchors = [site(1, west + d, north - d, 'vnpt'), site(2, west - d, north - d, 'vnpt'), site(3, west + d, north + d, 'vnpt'), site(4, west - d, north + d, 'vnpt')];
    const edges = [site(5, west, north - d, 'vnpt'), site(6, west + d, north, 'vnpt'), site(7, west, north, 'vnpt'), site(8, west - d, north, 'vnpt'), site(9, west, north + d, 'vnpt')];
    // On the tile's east edge: in tile 205's first column, not in tile 204.
    await storage.features.insert('bts_sites', [...anchors, ...edges, site(10, tileEast, north - d, 'vnpt')]);
    const cellKey = (feature: Feature) => JSON.stringify(cellOf(...((feature.geometry as Point).coordinates as [number, number]), 8));
    const expected: Record<number, number> = Object.fromEntries(anchors.map((anchor) => [anchor.id, 1]));
    for (const edge of edges) expected[anchors.find((anchor) => cellKey(anchor) === cellKey(edge))!.id as number] += 1;
    // The arithmetic on longitudes is exact: a point on a meridian edge is in the cell east of it.
    expect(cellKey(edges[0])).toBe(cellKey(anchors[0]));
    const counts = Object.fromEntries((await read(storage, 'bts_sites', at(8, 204, 117))).map(([id, properties]) => [id, (properties as { point_count?: number }).point_count ?? 1]));
    expect(counts).toEqual(expected);
    expect((await read(storage, 'bts_sites', at(8, 205, 117))).map(([id]) => id)).toEqual([10]);
  });
});
