import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
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
    cache.set('west', tile([107.9, 14.4, 108.1, 14.6]));
    cache.set('east', tile([108.4, 14.4, 108.6, 14.6]));
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
});
