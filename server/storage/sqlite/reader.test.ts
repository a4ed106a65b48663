import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../../../tests/helpers/demo-dataset.ts';
import { starLineWkt as star } from '../../../tests/helpers/hostile.ts';
import { findCollection } from '../../collections/registry.ts';
import { AppError } from '../../errors.ts';
import { parseFilterParameter } from '../../ogc/cql2/index.ts';
import type { ItemQuery, StoredFeature } from '../features.ts';
import type { FilterExpr } from '../filter.ts';
import type { Storage } from '../storage.ts';
import { openSqliteStorage } from './index.ts';
import { testsGeometry } from './reader.ts';

// The reader threads (`reader.ts`) behind a database file: what they answer must be what the main connection reads,
// and while they read, the event loop must keep turning. Checked on the demo's cables and sites in a real file.

const filter = (collectionId: string, text: string): FilterExpr => parseFilterParameter(findCollection(collectionId)!, new URLSearchParams({ filter: text }))!;
const everything = (extra: Partial<ItemQuery> = {}): ItemQuery => ({ filters: [], limit: 1_000_000, offset: 0, ...extra });

const JSON_LINES = { module: new URL('./fixtures/json-lines-encoder.ts', import.meta.url).href, options: null };

/** The features an export stream holds, read to its end. */
async function exported(features: Storage['features'], collectionId: string, query: ItemQuery): Promise<StoredFeature[]> {
  const text = await new Response(await features.exportStream(collectionId, query, JSON_LINES)).text();
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as StoredFeature);
}

/** How many times a 20 ms timer fires on this thread until `work` settles: about none when the work holds the event loop. */
async function ticksDuring(work: () => Promise<unknown>): Promise<{ ticks: number; outcome: unknown }> {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 20);
  const outcome = await work().catch((error: unknown) => error);
  clearInterval(timer);
  return { ticks, outcome };
}

describe('reader threads', () => {
  const directory = mkdtempSync(join(tmpdir(), 'netguard-reader-'));
  let storage: Storage;
  beforeAll(async () => {
    const demo = await demoDataset();
    storage = openSqliteStorage(join(directory, 'reader.sqlite'));
    await storage.features.insertDataset({ cable_routes: demo.cable_routes, bts_sites: demo.bts_sites });
  }, 120_000);
  afterAll(async () => {
    await storage?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('an export streamed from an export thread holds every match as the main connection reads it', async () => {
    for (const query of [everything(), everything({ filters: [{ property: 'owner', value: 'vnpt' }] }), everything({ bbox: [107.9, 14.3, 108.1, 14.5], sortby: [{ property: 'site_code', descending: true }] })]) {
      // Inside a transaction the same call runs on the main connection.
      const main = await storage.transaction((tx) => tx.features.query('bts_sites', query));
      expect(await exported(storage.features, 'bts_sites', query)).toEqual(main.features);
    }
    expect((await exported(storage.features, 'bts_sites', everything())).length).toBe((await storage.features.counts()).bts_sites);
  });

  it('an export whose client stops reading is stopped after its stall time, and a cancelled one stops at once; each ends incomplete', async () => {
    const ended: { count: number; complete: boolean }[] = [];
    const onEnd = async (summary: { count: number; complete: boolean }) => void ended.push(summary);
    const stalled = (await storage.features.exportStream('bts_sites', everything(), JSON_LINES, { stallMs: 200, onEnd })).getReader();
    await stalled.read();
    // Not read again: the stream fills up, waits its stall time, then stops the export and fails.
    while (ended.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(stalled.read()).rejects.toThrow(/took no data for 200 ms/);
    const cancelled = (await storage.features.exportStream('bts_sites', everything(), JSON_LINES, { onEnd })).getReader();
    await cancelled.read();
    await cancelled.cancel();
    expect(ended.map((summary) => summary.complete)).toEqual([false, false]);
    // The export thread is free again: a whole export follows.
    expect((await exported(storage.features, 'bts_sites', everything())).length).toBe((await storage.features.counts()).bts_sites);
  });

  it('sees a write as soon as it is committed', async () => {
    const before = (await exported(storage.features, 'bts_sites', everything())).length;
    const [id] = await storage.transaction((tx) => tx.features.createAll('bts_sites', [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [108.01, 14.36] }, properties: { site_code: 'RDR-001', owner: 'viettel', technologies: ['4G'], status: 'active' } },
    ]));
    const after = await exported(storage.features, 'bts_sites', everything({ ids: [id] }));
    expect(after.map((site) => site.properties.site_code)).toEqual(['RDR-001']);
    expect((await exported(storage.features, 'bts_sites', everything())).length).toBe(before + 1);
  });

  it('a heavy export and a heavy spatial filter run off the event loop: timers fire while they read, not while the main connection does', async () => {
    const hostile = everything({ filter: filter('cable_routes', `S_DWITHIN(geometry,${star(100)},1000)`) });
    // On the reader: the filter burns its budget there (422 FilterTooCostly) while this thread keeps ticking.
    for (const read of [() => exported(storage.features, 'cable_routes', hostile), () => storage.features.query('cable_routes', { ...hostile, limit: 10 })]) {
      const { ticks, outcome } = await ticksDuring(read);
      expect(outcome).toBeInstanceOf(AppError);
      expect(outcome).toMatchObject({ status: 422, code: 'FilterTooCostly' });
      expect(ticks).toBeGreaterThanOrEqual(10);
    }
    // The same read on the main connection (inside a transaction) holds the event loop until its budget is spent.
    const { ticks, outcome } = await ticksDuring(() => storage.transaction((tx) => tx.features.exportStream('cable_routes', hostile, JSON_LINES)));
    expect(outcome).toMatchObject({ status: 422, code: 'FilterTooCostly' });
    expect(ticks).toBeLessThan(3);
  });

  it('sends to the threads exactly the filters that test geometry, however deeply nested', () => {
    expect(testsGeometry(filter('cable_routes', 'S_INTERSECTS(geometry,POINT(108 14.4))'))).toBe(true);
    expect(testsGeometry(filter('cable_routes', "owner = 'vnpt' AND NOT (status = 'planned' OR S_DWITHIN(geometry,POINT(108 14.4),100))"))).toBe(true);
    expect(testsGeometry(filter('cable_routes', "owner = 'vnpt' AND NOT status = 'planned'"))).toBe(false);
  });
});
