import type { Feature, Geometry } from 'geojson';
import { expect, it } from 'vitest';
import { describeProviders, type ContractStorage } from '../../../tests/helpers/providers.ts';
import type { ItemQuery } from '../features.ts';
import { compact } from '../../text/fold.ts';

const feature = (id: number, geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', id, geometry, properties });
const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });
const SITES = [
  feature(1, point(108, 14.5), { site_code: 'KTM-001', owner: 'vnpt', technologies: ['4G'], status: 'active' }),
  feature(2, point(107.8, 14.9), { site_code: 'KTM-002', owner: 'viettel', technologies: ['4G', '5G'], status: 'active' }),
  feature(3, point(107.5, 14.2), { site_code: 'KTM-003', owner: 'vnpt', technologies: ['2G'], status: 'retired' }),
];
/** A cable along the diagonal from (107, 14) to (108, 15). */
const CABLE = feature(10, { type: 'LineString', coordinates: [[107, 14], [108, 15]] }, { name: 'Tuyến trục Đắk Tô', owner: 'vnpt', medium: 'fibre', laying: 'aerial', tier: 'backbone', status: 'active' });
const incident = (id: number, occurredAt: string, type: string): Feature =>
  feature(id, point(107.9, 14.6), { type, occurred_at: occurredAt, reported_at: occurredAt, source: 'patrol', status: 'reported' });
const INCIDENTS = [incident(1, '2026-03-01T08:00:00Z', 'cable_cut'), incident(2, '2026-03-15T08:00:00Z', 'cable_theft'), incident(3, '2026-04-02T08:00:00Z', 'cable_cut')];
const COMMUNE = (id: number, name: string, district: string, x: number): Feature => feature(
  id, { type: 'Polygon', coordinates: [[[x, 14], [x + 0.1, 14], [x + 0.1, 14.1], [x, 14.1], [x, 14]]] },
  { level: 'commune', code: `C${id}`, name, unit_type: 'commune', district_name: district },
);

async function seeded(fresh: () => Promise<ContractStorage>): Promise<ContractStorage> {
  const storage = await fresh();
  await storage.features.insertDataset({
    bts_sites: { type: 'FeatureCollection', features: SITES },
    cable_routes: { type: 'FeatureCollection', features: [CABLE] },
    incidents: { type: 'FeatureCollection', features: INCIDENTS },
    admin_areas: { type: 'FeatureCollection', features: [COMMUNE(1, 'Xã Đắk Pék', 'Đắk Glei', 107.6), COMMUNE(2, 'Thị trấn Đắk Glei', 'Đắk Glei', 107.7), COMMUNE(3, 'Xã Ia Chim', 'Kon Tum', 107.9)] },
  });
  return storage;
}

const ids = async (storage: ContractStorage, collection: string, query: Partial<ItemQuery>) =>
  (await storage.features.query(collection, { filters: [], limit: 100, offset: 0, ...query })).features.map((found) => found.id);

describeProviders('feature queries', (fresh) => {
  it('matches a bbox by the geometry itself, not its bounding box', async () => {
    const storage = await seeded(fresh);
    // The cable's box covers the whole square; the corner (107.8–108, 14–14.1) is beside the line.
    expect(await ids(storage, 'cable_routes', { bbox: [107.8, 14, 108, 14.1] })).toEqual([]);
    expect(await ids(storage, 'cable_routes', { bbox: [107.45, 14.45, 107.55, 14.55] })).toEqual([10]);
    // A point on the box's edge is inside it.
    expect(await ids(storage, 'bts_sites', { bbox: [107.5, 14.2, 107.9, 14.4] })).toEqual([3]);
  });

  it('filters on properties, lists, ids and time, and sorts with ties by id', async () => {
    const storage = await seeded(fresh);
    expect(await ids(storage, 'bts_sites', { filters: [{ property: 'owner', value: 'vnpt' }] })).toEqual([1, 3]);
    expect(await ids(storage, 'bts_sites', { filters: [{ property: 'technologies', value: '5G' }] })).toEqual([2]);
    expect(await ids(storage, 'bts_sites', { ids: [3, 2, 99] })).toEqual([2, 3]);
    expect(await ids(storage, 'bts_sites', { sortby: [{ property: 'owner', descending: true }] })).toEqual([1, 3, 2]);
    expect(await ids(storage, 'incidents', { datetime: { startMs: Date.parse('2026-03-10T00:00:00Z'), endMs: null } })).toEqual([2, 3]);
    expect(await ids(storage, 'incidents', { sortby: [{ property: 'occurred_at', descending: true }] })).toEqual([3, 2, 1]);
  });

  it('pages and counts the matches', async () => {
    const storage = await seeded(fresh);
    const page = await storage.features.query('bts_sites', { filters: [], limit: 2, offset: 1 });
    expect({ ids: page.features.map((found) => found.id), numberMatched: page.numberMatched }).toEqual({ ids: [2, 3], numberMatched: 3 });
    expect((await storage.features.query('bts_sites', { filters: [], limit: 2, offset: 5 })).numberMatched).toBe(3);
  });

  it('applies CQL2 filters: comparisons, lists, LIKE, time and space', async () => {
    const storage = await seeded(fresh);
    const cql = (collection: string, filter: ItemQuery['filter']) => ids(storage, collection, { filter });
    expect(await cql('bts_sites', { op: 'compare', property: 'site_code', comparison: '>', value: 'KTM-001' })).toEqual([2, 3]);
    expect(await cql('bts_sites', { op: 'in', property: 'technologies', values: ['2G', '5G'] })).toEqual([2, 3]);
    expect(await cql('bts_sites', { op: 'not', arg: { op: 'compare', property: 'technologies', comparison: '=', value: '4G' } })).toEqual([3]);
    expect(await cql('cable_routes', { op: 'like', property: 'name', pattern: '%đắk%', caseInsensitive: true })).toEqual([10]);
    expect(await cql('cable_routes', { op: 'like', property: 'name', pattern: '%đắk%', caseInsensitive: false })).toEqual([]);
    expect(await cql('incidents', { op: 'temporal', property: 'occurred_at', relation: 'before', startMs: Date.parse('2026-03-15T08:00:00Z'), endMs: Date.parse('2026-03-15T08:00:00Z') })).toEqual([1]);
    const square = { type: 'Polygon' as const, coordinates: [[[107.7, 14.4], [108.1, 14.4], [108.1, 15], [107.7, 15], [107.7, 14.4]]] };
    expect(await cql('bts_sites', { op: 'spatial', relation: 'within', geometry: square })).toEqual([1, 2]);
    expect(await cql('bts_sites', { op: 'spatial', relation: 'disjoint', geometry: square })).toEqual([3]);
    // Site 1 is about 10.8 km east of (107.9, 14.5); site 2 about 45 km away.
    expect(await cql('bts_sites', { op: 'dwithin', geometry: point(107.9, 14.5), distanceMeters: 12_000 })).toEqual([1]);
  });

  it('gives a collection’s extent and time interval, within a scope', async () => {
    const storage = await seeded(fresh);
    expect(await storage.features.extent('bts_sites')).toEqual({ bbox: [107.5, 14.2, 108, 14.9], interval: null });
    expect(await storage.features.extent('bts_sites', { filters: [{ property: 'owner', value: 'viettel' }] })).toEqual({ bbox: [107.8, 14.9, 107.8, 14.9], interval: null });
    expect((await storage.features.extent('incidents')).interval).toEqual(['2026-03-01T08:00:00.000Z', '2026-04-02T08:00:00.000Z']);
    expect(await storage.features.extent('roads')).toEqual({ bbox: null, interval: null });
  });

  it('reads points and their coordinates lean', async () => {
    const storage = await seeded(fresh);
    const points = await storage.features.points('incidents', { datetime: { startMs: null, endMs: Date.parse('2026-03-31T00:00:00Z') }, properties: ['type'] });
    expect(points.features).toEqual([
      { type: 'Feature', id: 1, geometry: { type: 'Point', coordinates: [107.9, 14.6] }, properties: { type: 'cable_cut' } },
      { type: 'Feature', id: 2, geometry: { type: 'Point', coordinates: [107.9, 14.6] }, properties: { type: 'cable_theft' } },
    ]);
    const cuts = await storage.features.pointCoordinates('incidents', { where: [{ property: 'type', values: ['cable_theft'], negate: true }] });
    expect({ x: [...cuts.x], y: [...cuts.y] }).toEqual({ x: [107.9, 107.9], y: [14.6, 14.6] });
    expect((await storage.features.pointCoordinates('incidents', { where: [{ property: 'type', values: [] }] })).x.length).toBe(0);
  });

  it('stores text NFC-normalised and gives the GeoJSON back as it came', async () => {
    const storage = await fresh();
    const decomposed = 'Xã Đắk Pék'.normalize('NFD');
    await storage.features.insert('admin_areas', [{ ...COMMUNE(7, decomposed, 'Đắk Glei', 107.6) }]);
    const stored = (await storage.features.get('admin_areas', 7))!;
    expect(stored.properties.name).toBe('Xã Đắk Pék'.normalize('NFC'));
    expect(stored.geometry).toEqual(COMMUNE(7, '', '', 107.6).geometry);
    expect(stored.properties).toEqual({ level: 'commune', code: 'C7', name: 'Xã Đắk Pék', name_en: null, unit_type: 'commune', district_code: null, district_name: 'Đắk Glei' });
  });
});

describeProviders('feature search', (fresh) => {
  it('finds "dak glei" in "Đắk Glei": own names first, then the communes of the former district', async () => {
    const storage = await seeded(fresh);
    const hits = await storage.features.search('dak glei', 10);
    expect(hits.map((hit) => [hit.collection, hit.id, hit.label, hit.detail])).toEqual([
      ['admin_areas', 2, 'Thị trấn Đắk Glei', 'Xã'],
      ['admin_areas', 1, 'Xã Đắk Pék', 'Xã'],
    ]);
    expect(hits[0].bbox).toEqual([107.7, 14, 107.8, 14.1]);
  });

  it('ranks an exact name before a prefix before a match inside, whatever the accents and spaces', async () => {
    const storage = await seeded(fresh);
    expect((await storage.features.search('KTM-00', 10)).map((hit) => hit.id)).toEqual([1, 2, 3]);
    expect((await storage.features.search('ktm003', 10)).map((hit) => [hit.collection, hit.id])).toEqual([['bts_sites', 3]]);
    expect((await storage.features.search('DAK TO', 10)).map((hit) => [hit.collection, hit.id, hit.detail])).toEqual([['cable_routes', 10, 'Tuyến cáp · VNPT']]);
    expect(await storage.features.search('  ', 10)).toEqual([]);
    expect((await storage.features.search('ia', 10)).map((hit) => hit.id)).toEqual([3]);
  });
});

describeProviders('search folding', (fresh) => {
  it('folds every Vietnamese letter and tone as server/text/fold.ts does, so the folded name is an exact match', async () => {
    const storage = await fresh();
    const names = ["Xã Ia H' Drai", 'Phường Quyết Thắng', 'Xã Đăk Rơ Wa', 'Thị trấn Plei Kần', 'Ấp Sự Ữ Ỷ Ỹ Ẵ Ậ Ổ Ờ Ừ Ợ', 'Xã Ngọk Réo–Tê Xăng'];
    await storage.features.insert('admin_areas', names.map((name, index) => COMMUNE(index + 1, name, '', 107 + index / 10)));
    for (const [index, name] of names.entries()) {
      const [first] = await storage.features.search(compact(name), 3);
      expect([name, first?.id]).toEqual([name, index + 1]);
    }
  });
});

describeProviders('the change log', (fresh) => {
  it('logs every write’s box, numbered without going back, and says when entries were pruned', async () => {
    const storage = await fresh();
    const start = await storage.changes.latest();
    await storage.features.insert('bts_sites', [SITES[0], SITES[1]]);
    await storage.features.replace('bts_sites', 1, { ...SITES[0], geometry: point(107.9, 14.4) });
    await storage.features.remove('bts_sites', 2);
    const { changes, complete } = await storage.changes.since(start);
    expect(complete).toBe(true);
    expect(changes.map(({ seq, ...change }) => [seq - start, change])).toEqual([
      [1, { collection: 'bts_sites', minx: 108, miny: 14.5, maxx: 108, maxy: 14.5 }],
      [2, { collection: 'bts_sites', minx: 107.8, miny: 14.9, maxx: 107.8, maxy: 14.9 }],
      [3, { collection: 'bts_sites', minx: 108, miny: 14.5, maxx: 108, maxy: 14.5 }],
      [4, { collection: 'bts_sites', minx: 107.9, miny: 14.4, maxx: 107.9, maxy: 14.4 }],
      [5, { collection: 'bts_sites', minx: 107.8, miny: 14.9, maxx: 107.8, maxy: 14.9 }],
    ]);
    await storage.changes.prune(2);
    expect(await storage.changes.latest()).toBe(start + 5);
    expect((await storage.changes.since(start + 1)).complete).toBe(false);
    expect((await storage.changes.since(start + 3)).changes.map((change) => change.seq - start)).toEqual([4, 5]);
    await storage.changes.prune(0);
    await storage.features.insert('bts_sites', [SITES[2]]);
    expect(await storage.changes.latest()).toBe(start + 6);
  });

  it('keeps nothing of a transaction that throws: no row, no change, no id', async () => {
    const storage = await fresh();
    const start = await storage.changes.latest();
    await expect(storage.transaction(async (tx) => {
      await tx.features.createAll('bts_sites', [SITES[0]]);
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect((await storage.features.counts()).bts_sites).toBe(0);
    expect(await storage.changes.latest()).toBe(start);
    const created = await storage.transaction(async (tx) => tx.features.create('bts_sites', SITES[1]));
    expect(created.id).toBe(1);
    expect((await storage.changes.since(start)).changes.length).toBe(1);
  });
});
