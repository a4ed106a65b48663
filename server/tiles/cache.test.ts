import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ChangeLog } from '../storage/change-log.ts';
import { openSqliteStorage } from '../storage/sqlite/index.ts';
import { createTileCache } from './cache.ts';

const site = (lon: number): Feature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [lon, 14.5] }, properties: { site_code: `S-${lon}`, owner: 'vnpt', technologies: ['4G'], status: 'active' },
});
const tile = (bounds: [number, number, number, number]) => ({ bytes: new Uint8Array(8), etag: '"t"', collection: 'bts_sites', bounds });

describe('the tile cache over the SQLite change log (issue 12)', () => {
  it('drops exactly the tiles an edit touches, also after the log was pruned to nothing', async () => {
    const storage = openSqliteStorage(':memory:');
    const cache = createTileCache(storage.changes);
    const [id] = await storage.features.createAll('bts_sites', [site(108), site(108.5)]);
    await cache.get('west');
    cache.set('west', tile([107.9, 14.4, 108.1, 14.6]), cache.position());
    cache.set('east', tile([108.4, 14.4, 108.6, 14.6]), cache.position());
    // Everything logged so far is pruned: the numbering must go on above what the cache has seen.
    await storage.changes.prune(0);
    expect((await storage.changes.since(0)).changes).toEqual([]);
    await storage.features.replace('bts_sites', id, site(108.01));
    expect(await cache.get('west')).toBeUndefined();
    expect(await cache.get('east')).toBeDefined();
  });

  it('numbers changes upward forever, and says when a reader is behind what was pruned', async () => {
    const storage = openSqliteStorage(':memory:');
    await storage.features.createAll('bts_sites', [site(108), site(108.2), site(108.4)]);
    const seen = await storage.changes.latest();
    expect(seen).toBe(3);
    await storage.changes.prune(1);
    expect(await storage.changes.since(seen)).toEqual({ changes: [], complete: true });
    expect((await storage.changes.since(2)).complete).toBe(true);
    expect((await storage.changes.since(1)).complete).toBe(false);
    await storage.changes.prune(0);
    expect(await storage.changes.latest()).toBe(3);
    await storage.features.createAll('bts_sites', [site(108.6)]);
    expect((await storage.changes.since(seen)).changes.map((change) => change.seq)).toEqual([4]);
    expect((await storage.changes.since(seen)).complete).toBe(true);
  });

  it('answers a miss without reading the change log, and reads it before serving a hit', async () => {
    const storage = openSqliteStorage(':memory:');
    let reads = 0;
    // The store's own change log, counting the reads the cache makes of it.
    const counted: ChangeLog = { ...storage.changes, since: (seq) => ((reads += 1), storage.changes.since(seq)) };
    const cache = createTileCache(counted);
    const [id] = await storage.features.createAll('bts_sites', [site(108)]);
    expect(await cache.get('west')).toBeUndefined();
    cache.set('west', tile([107.9, 14.4, 108.1, 14.6]), cache.position());
    for (const key of ['a', 'b', 'c']) expect(await cache.get(key)).toBeUndefined();
    expect(reads).toBe(0);
    expect(await cache.get('west')).toBeDefined();
    expect(reads).toBe(1);
    await storage.features.replace('bts_sites', id, site(108.01));
    expect(await cache.get('west')).toBeUndefined();
    expect(reads).toBe(2);
  });

  it('does not keep a tile built before an edit that another lookup read meanwhile, and keeps one an unrelated edit did not touch', async () => {
    const storage = openSqliteStorage(':memory:');
    const cache = createTileCache(storage.changes);
    const [west, east] = await storage.features.createAll('bts_sites', [site(108), site(108.5)]);
    await cache.get('held');
    cache.set('held', tile([100, 10, 101, 11]), cache.position());
    // Two tiles are built from a snapshot taken here; an edit lands under the first before either is stored, and a
    // lookup of a cached tile reads it from the log meanwhile.
    const builtAfter = cache.position();
    await storage.features.replace('bts_sites', west, site(108.01));
    expect(await cache.get('held')).toBeDefined();
    cache.set('west', tile([107.9, 14.4, 108.1, 14.6]), builtAfter);
    cache.set('east', tile([108.4, 14.4, 108.6, 14.6]), builtAfter);
    expect(await cache.get('west')).toBeUndefined();
    expect(await cache.get('east')).toBeDefined();
    // Once the log is pruned past what the cache read, a tile built before that is not kept either.
    const before = cache.position();
    await storage.features.replace('bts_sites', east, site(108.51));
    await storage.features.replace('bts_sites', east, site(108.52));
    await storage.changes.prune(1);
    await cache.get('east');
    cache.set('far', tile([90, 10, 91, 11]), before);
    expect(await cache.get('far')).toBeUndefined();
  });
});
