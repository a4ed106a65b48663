import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COLLECTIONS } from '../../collections/registry.ts';
import { Conflict } from '../../errors.ts';
import { createTestDatabase, describePostgres } from '../../../tests/helpers/postgres.ts';
import { randomDataset } from '../../../tests/helpers/random-dataset.ts';
import type { Storage } from '../storage.ts';
import { openPostgresBulkLoad } from './bulk-load.ts';
import { openPostgresStorage } from './index.ts';

/** Random features of every collection, with the characters COPY's text format must escape in their text. */
function dataset(seed: number): Record<string, FeatureCollection> {
  const layers = randomDataset(seed, 40);
  const site = layers.bts_sites.features[0].properties!;
  site.site_code = 'KT\\01\t"quoted"\nline';
  site.technologies = ['4G', '5G'];
  site.tower_type = null;
  site.alarm_equipped = null;
  layers.service_agents.features[0].properties!.address = 'Thôn 3, xã Đắk Pék \\ {a,b} "x"';
  return layers;
}
const halves = (layers: Record<string, FeatureCollection>, half: 0 | 1) =>
  Object.fromEntries(Object.entries(layers).map(([id, layer]) => [id, { ...layer, features: layer.features.filter((_, index) => index % 2 === half) }]));
const all = { filters: [], limit: 10_000, offset: 0 };

describePostgres('the PostgreSQL bulk load (COPY) answers as a database filled through the store', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabase>>[] = [];
  let loaded: Storage;
  let written: Storage;
  /** The change counters right after both fills, before the tests edit. */
  let counters: { loaded: number[]; written: number[] };
  beforeAll(async () => {
    databases = [await createTestDatabase(), await createTestDatabase()];
    const layers = dataset(16);
    // Two batches, as db:national loads one copy per transaction.
    const load = await openPostgresBulkLoad(databases[0].url);
    await load.insertDataset(halves(layers, 0));
    await load.insertDataset(halves(layers, 1));
    await load.finish();
    await load.close();
    [loaded, written] = [await openPostgresStorage(databases[0].url, { poolSize: 2 }), await openPostgresStorage(databases[1].url, { poolSize: 2 })];
    await written.features.insertDataset(halves(layers, 0));
    await written.features.insertDataset(halves(layers, 1));
    const versions = (storage: Storage) => Promise.all(['incidents', 'network:viettel', 'network:vnpt'].map((key) => storage.counters.version(key)));
    counters = { loaded: await versions(loaded), written: await versions(written) };
  });
  afterAll(async () => {
    await loaded?.close();
    await written?.close();
    for (const database of databases) await database.drop();
  });

  it('stores every feature alike: properties (escaped text, lists, booleans, nulls) and geometry', async () => {
    expect(await loaded.features.counts()).toEqual(await written.features.counts());
    for (const { id } of COLLECTIONS) expect((await loaded.features.query(id, all)).features, id).toEqual((await written.features.query(id, all)).features);
    expect((await loaded.features.query('bts_sites', { ...all, filters: [{ property: 'site_code', value: 'KT\\01\t"quoted"\nline' }] })).features[0].properties.technologies).toEqual(['4G', '5G']);
  });

  it('answers bbox queries with the exact geometry test alike (the geom column COPY filled)', async () => {
    for (const id of ['cable_routes', 'admin_areas', 'incidents']) {
      const box = { ...all, bbox: [107.6, 14.2, 108.1, 14.8] as [number, number, number, number] };
      const ids = (await loaded.features.query(id, box)).features.map((feature) => feature.id);
      expect(ids, id).toEqual((await written.features.query(id, box)).features.map((feature) => feature.id));
    }
  });

  it('finds by search what the store finds, diacritics folded', async () => {
    for (const needle of ['dak glei', 'Đăk Pék', 'kt01', 'sa thay']) {
      const hits = await loaded.features.search(needle, 20);
      expect(hits.length, needle).toBeGreaterThan(0);
      expect(hits, needle).toEqual(await written.features.search(needle, 20));
    }
  });

  it('keeps ids unique and hands out new ones above the loaded ones', async () => {
    for (const id of ['incidents', 'bts_sites']) {
      const highest = Math.max(...(await loaded.features.query(id, all)).features.map((feature) => Number(feature.id)));
      await expect(loaded.features.insert(id, [(await loaded.features.get(id, highest))!]), id).rejects.toThrow(Conflict);
      const [created] = await loaded.features.createAll(id, [(await loaded.features.get(id, highest))!]);
      expect(created, id).toBe(highest + 1);
      await loaded.features.remove(id, created);
    }
  });

  it('leaves a sane change log: numbers as the store’s, the load’s own entries dropped, a later edit logged after them', async () => {
    const latest = await loaded.changes.latest();
    expect(latest).toBeGreaterThanOrEqual(await written.changes.latest());
    expect(await loaded.changes.since(latest)).toEqual({ changes: [], complete: true });
    // A reader from before the load is told to drop everything: its entries are gone.
    expect((await loaded.changes.since(0)).complete).toBe(false);
    const site = (await loaded.features.query('bts_sites', { ...all, limit: 1 })).features[0];
    await loaded.features.replace('bts_sites', Number(site.id), site);
    const after = await loaded.changes.since(latest);
    expect(after.complete).toBe(true);
    expect(after.changes.map((change) => [change.collection, change.seq > latest])).toEqual([['bts_sites', true], ['bts_sites', true]]);
  });

  it('counts the loaded rows in the change counters, as the store’s triggers do', async () => {
    expect(counters.loaded).toEqual(counters.written);
    expect(counters.loaded[0]).toBe(40);
  });
});
